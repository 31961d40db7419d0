/**
 * Giving or correcting an article's date re-reads its relative dates ("on Wednesday")
 * against the new date, re-runs detection, and records both with the edit: one undo
 * takes back the date, the claim and the conflict that followed. On a real desk.
 */
import { describe, expect, it } from 'vitest';
import { useFreshDesk } from '../test-support/fresh-desk';
import type { DeskService } from '../service';
import type { Handlers } from '../../shared/contract';

let service: DeskService;
let h: Handlers;

useFreshDesk('claimdesk-dates-', (d) => ({ service, h } = d));

const gazette = [
  '---',
  'title: Varga opens harbour talks in Merrow',
  'outlet: Merrow Gazette',
  'date: 2025-03-14',
  '---',
  '',
  '# Varga opens harbour talks in Merrow',
  '',
  'Foreign Minister Lena Varga arrived in Merrow on Tuesday for a two-day visit, her office said.',
  '',
  'She met the port authority and the fishing cooperatives to discuss the new quay.',
  '',
].join('\n');
/** A bulletin pasted without its date: "on Wednesday" has no day to fall on yet, only a weekday. */
const bulletin = [
  'Minister Varga visits Merrow',
  '',
  'Foreign Minister Lena Varga arrived in Merrow on Wednesday for a two-day visit, her office said.',
  '',
  'The talks with the port authority focused on the new quay and the fishing cooperatives.',
  '',
].join('\n');

async function desk() {
  const r = await service.importFiles([
    { name: 'gazette.md', data: gazette, encoding: 'utf8' },
    { name: 'bulletin.txt', data: bulletin, encoding: 'utf8' },
  ]);
  const [, undated] = r.imported.map((a) => a.id) as [number, number];
  return undated;
}
const wednesday = async (id: number) =>
  (await h['claims:list']({ articleId: id })).find((c) => c.quote === 'Wednesday');
const dateConflicts = async () =>
  (await h['conflicts:list']({})).filter((k) => k.kind === 'date_mismatch').map((k) => k.explanation);

describe('an article’s date edited', () => {
  it('gives "on Wednesday" its day, and the conflict with the other article’s Tuesday follows; undo and redo take both', async () => {
    const id = await desk();
    // Undated, "on Wednesday" is a weekday with no day yet: kept, but too weak to dispute a visit's day.
    expect((await wednesday(id))?.value).toMatchObject({ type: 'date', date: '', weekday: 'Wednesday' });
    expect(await dateConflicts()).toEqual([]);

    await h['articles:update']({ id, publishedAt: '2025-03-14' });
    const claim = await wednesday(id);
    expect(claim?.value).toMatchObject({ type: 'date', date: '2025-03-12', weekday: 'Wednesday' });
    expect(await dateConflicts()).toEqual([
      "Lena Varga's visit to Merrow: one article places it on Tuesday (Tuesday 2025-03-11), another on Wednesday (Wednesday 2025-03-12).",
    ]);
    // One action in the history: the date edit, with what followed from it.
    const [entry] = await h['history:list']({});
    expect(entry).toMatchObject({ action: 'article:update', targetId: id });
    // Search finds the new claim.
    expect((await h['search:query']({ q: 'Wednesday', limit: 10 })).some((x) => x.articleId === id)).toBe(
      true,
    );

    const undone = await h['history:undo']({});
    expect(undone.entry?.action).toBe('article:update');
    expect((await h['articles:list']({})).find((a) => a.id === id)!.publishedAt).toBeNull();
    expect((await wednesday(id))?.value).toMatchObject({ date: '', weekday: 'Wednesday' });
    expect(await dateConflicts()).toEqual([]);

    await h['history:redo']({});
    expect((await wednesday(id))?.value).toMatchObject({ date: '2025-03-12' });
    expect(await dateConflicts()).toHaveLength(1);
  });

  it('moves the resolved day with a corrected date, and leaves a claim the editor corrected as it is', async () => {
    const id = await desk();
    await h['articles:update']({ id, publishedAt: '2025-03-14' });
    await h['articles:update']({ id, publishedAt: '2025-03-21' });
    const claim = (await wednesday(id))!;
    expect(claim.value).toMatchObject({ date: '2025-03-19', display: 'Wednesday 2025-03-19' });

    await h['claims:update']({ id: claim.id, display: 'Wednesday 12 March (the visit began)' });
    await h['articles:update']({ id, publishedAt: '2025-03-28' });
    expect((await wednesday(id))!.value.display).toBe('Wednesday 12 March (the visit began)');
  });
});
