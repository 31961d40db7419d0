/**
 * A decision belongs to a disagreement, not to the claims that first showed it: new
 * coverage that repeats one side keeps the decision; coverage that brings a new value
 * reopens it and says why.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk } from './test-support/fresh-desk';
import type { DeskService } from './service';

const STORY = resolve(import.meta.dirname, '../../test-stories/bozkaya-floods');
let service: DeskService;

useFreshDesk('claimdesk-decisions-', (d) => ({ service } = d));

const file = (name: string, data: string) => ({ name, data, encoding: 'utf8' as const });
const story = (name: string) => file(name, readFileSync(join(STORY, name), 'utf8'));

describe('decisions and new coverage', () => {
  it('keeps a decision when an article repeats a side, and reopens it when one brings a new value', async () => {
    await service.importFiles([story('01-anka-news.txt'), story('02-daily-courier.txt')]);
    const h = service.handlers();
    const evacuated = async () =>
      (await h['conflicts:list']({})).find(
        (k) => /12,400/.test(k.explanation) && /21,400/.test(k.explanation),
      );
    const first = await evacuated();
    expect(first, JSON.stringify((await h['conflicts:list']({})).map((k) => k.explanation))).toBeDefined();
    await h['conflicts:setStatus']({
      id: first!.id,
      status: 'confirmed',
      note: 'Governor confirmed 12,400.',
    });

    await service.importFiles([
      file(
        '05-valley-radio.txt',
        ' date 2024-10-16 Evacuations continue\n\nCivil defence officials said 21,400 people had been evacuated from the valley by Wednesday.\n',
      ),
    ]);
    const again = await evacuated();
    expect(again?.id).toBe(first!.id);
    expect(again?.status).toBe('confirmed');
    expect(again?.claims.length).toBeGreaterThan(first!.claims.length);

    await service.importFiles([
      file(
        '06-regional-tv.txt',
        ' date 2024-10-16 Thousands leave the valley\n\nRescue teams have evacuated 16,800 people from the valley, emergency services said.\n',
      ),
    ]);
    const reopened = (await h['conflicts:list']({})).find((k) => k.id === first!.id);
    expect(reopened?.status).toBe('open');
    expect(reopened?.explanation).toMatch(/Reopened: New coverage gives another value \(16800/);
  });
});
