/**
 * A revised article on a real desk: reviewed, then revised by its outlet (new
 * headline, an edited sentence, a changed figure, a removed paragraph) and imported
 * again. The revision joins the article; the editor's note, decision and correction
 * follow the re-anchored claims; the removed paragraph's claims are orphans; the
 * changed figure reopens its conflict; undo takes the link back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk } from '../test-support/fresh-desk';
import type { DeskService } from '../service';
import type { Handlers } from '../../shared/contract';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let service: DeskService;
let h: Handlers;

useFreshDesk('claimdesk-versions-', (d) => ({ service, h } = d));

const fixture = (name: string, edit: (s: string) => string = (s) => s) => ({
  name,
  data: edit(readFileSync(join(FIXTURES, name), 'utf8')),
  encoding: 'utf8' as const,
});
const withoutUrl = (s: string) => s.replace(/^url: .*\n/m, '');

async function reviewed() {
  const first = await service.importFiles([fixture('courier-v1.md'), fixture('wire.md')]);
  const v1 = first.imported.find((a) => a.source === 'courier-v1.md')!.id;
  const conflicts = await h['conflicts:list']({});
  const distance = conflicts.find((k) => /4 km/.test(k.explanation))!;
  const passengers = conflicts.find((k) => /312 passengers/.test(k.explanation))!;
  expect(distance, JSON.stringify(conflicts.map((k) => k.explanation))).toBeDefined();
  expect(passengers).toBeDefined();
  await h['conflicts:setStatus']({
    id: distance.id,
    status: 'confirmed',
    note: 'The harbour master’s chart puts the wreck 4 km out.',
  });
  await h['conflicts:setStatus']({ id: passengers.id, status: 'confirmed' });
  const rescued = (await h['claims:list']({ articleId: v1 })).find((c) => /At least 41/.test(c.quote))!;
  await h['claims:update']({ id: rescued.id, display: 'at least 41 people rescued (fishing boats only)' });
  return { v1, distance: distance.id, passengers: passengers.id };
}

describe('a revision imported again', () => {
  it('joins its article, carries the review onto it, lists orphans and reopens the changed figure', async () => {
    const { v1, distance, passengers } = await reviewed();
    const report = await service.importFiles([fixture('courier-v2.md')]);
    const v2 = report.imported[0]!;
    expect(v2.revision).toMatchObject({ previousId: v1, version: 2, linkedBy: 'url', changed: 1 });
    expect(v2.revision!.reopened).toEqual([passengers]);

    // One article on the board, showing the latest version.
    const list = await h['articles:list']({});
    expect(list.map((a) => a.title)).toEqual([
      'Telsa ferry overturns, dozens rescued',
      'Lake Orvel ferry disaster: divers search through the night',
    ]);
    expect(list.find((a) => a.id === v2.id)!.versionCount).toBe(2);

    // One conflict per dispute still: the decided ones carry on, none is offered again.
    const all = await h['conflicts:list']({});
    expect(all.map((k) => [k.id, k.status, k.stale]).sort()).toEqual(
      [
        [distance, 'confirmed', false],
        [passengers, 'open', false],
      ].sort(),
    );

    // The note and the decision sit on the re-anchored claim of the revision.
    const kept = await h['conflicts:get']({ id: distance });
    expect(kept.status).toBe('confirmed');
    expect(kept.notes.map((n) => n.body)).toEqual(['The harbour master’s chart puts the wreck 4 km out.']);
    const courierSide = kept.sides.find((s) => s.claim.quote === 'about 4 km')!;
    expect(courierSide.claim.articleId).toBe(v2.id);
    expect(courierSide.claim.sentence).toContain('in strong winds');

    // The correction follows the claim.
    const rescued = (await h['claims:list']({ articleId: v2.id })).find((c) => /At least 41/.test(c.quote))!;
    expect(rescued.value.display).toBe('at least 41 people rescued (fishing boats only)');

    // The changed figure reopens its conflict, saying what the outlet now says.
    const reopened = await h['conflicts:get']({ id: passengers });
    expect(reopened.status).toBe('open');
    expect(reopened.reopenReason).toBe(
      'The outlet now says “296 passengers” where it said “312 passengers” (Lakeside Courier, version 2).',
    );
    expect(reopened.sides.map((s) => s.claim.quote).sort()).toEqual(['290 passengers', '296 passengers']);

    // The removed paragraph's claims (and the old headline's figure) are orphans, shown to the editor.
    const versions = await h['versions:list']({ articleId: v2.id });
    expect(versions.versions.map((v) => [v.number, v.articleId, v.latest, v.updatedAt])).toEqual([
      [1, v1, false, null],
      [2, v2.id, true, '2025-06-15'],
    ]);
    expect(versions.orphans.map((o) => o.quote).sort()).toEqual(['1987', '312 passengers', 'March 2024']);
    const headlineOrphan = versions.orphans.find((o) => o.quote === '312 passengers')!;
    expect(headlineOrphan.conflicts).toEqual([{ id: passengers, status: 'open' }]);

    // Search finds the sentence once, in the latest version.
    const hits = await h['search:query']({ q: 'fishing boats first hour', limit: 50 });
    expect(hits.map((x) => x.articleId)).toEqual(hits.map(() => v2.id));
    expect(hits.length).toBeGreaterThan(0);

    // The history says what happened.
    const history = await h['history:list']({});
    expect(history[0]).toMatchObject({ action: 'version:link', targetId: v2.id });
  });

  it('shows exactly the outlet’s edits in the diff and its summary', async () => {
    const { v1 } = await reviewed();
    const v2 = (await service.importFiles([fixture('courier-v2.md')])).imported[0]!.id;
    const diff = await h['versions:diff']({ fromId: v1, toId: v2 });
    expect(diff.summary).toBe('1 figure changed, 1 paragraph edited, 1 paragraph removed, headline changed');
    expect(diff.headline).toEqual({
      from: 'Ferry capsizes on Lake Orvel with 312 passengers aboard',
      to: 'Lake Orvel ferry disaster: divers search through the night',
    });
    // Each stretch of inserted or deleted text, as a reader sees it.
    const stretches = (kind: 'added' | 'removed') => {
      const out: string[] = [];
      let prev: string | null = null;
      for (const r of diff.runs) {
        if (r.kind === kind && prev === kind) out[out.length - 1] += r.text;
        else if (r.kind === kind) out.push(r.text);
        prev = r.kind;
      }
      return out.map((s) => s.replace(/\s+/g, ' ').trim());
    };
    expect(stretches('added')).toEqual([
      'Lake Orvel ferry disaster: divers search through the night Updated 2025-06-15',
      'in strong winds',
      '296',
    ]);
    expect(stretches('removed')).toEqual([
      'Ferry capsizes on Lake Orvel with 312 passengers aboard',
      '312',
      'The Marten was built in 1987 and passed its last safety inspection in March 2024.',
    ]);
    // The removed paragraph's claims are marked as orphans where they stood.
    expect(diff.runs.filter((r) => r.claim === 'orphan').map((r) => r.text)).toEqual([
      '312 passengers',
      '1987',
      'March 2024',
    ]);
    // The changed figure is marked as a changed claim in the revision's text.
    const marked = diff.runs.filter((r) => r.claim === 'changed' && r.kind !== 'removed').map((r) => r.text);
    expect(marked.join('')).toBe('296 passengers');
    expect(diff.claims.filter((c) => c.status === 'changed').map((c) => [c.fromQuote, c.toQuote])).toEqual([
      ['312 passengers', '296 passengers'],
    ]);
    // Asking the other way round gives the same diff.
    expect((await h['versions:diff']({ fromId: v2, toId: v1 })).summary).toBe(diff.summary);
  });

  it('carries the editor’s boilerplate mark onto the same paragraph of the revision', async () => {
    const v1 = (await service.importFiles([fixture('courier-v1.md')])).imported[0]!.id;
    const text = (await h['articles:get']({ id: v1 })).text;
    const target = (await h['articles:get']({ id: v1 })).passages.find(
      (p) => p.kind === 'paragraph' && text.slice(p.start, p.end).startsWith('Divers from three towns'),
    )!;
    await h['passages:setBoilerplate']({ id: target.id, boilerplate: true });
    const v2 = (await service.importFiles([fixture('courier-v2.md')])).imported[0]!.id;
    const after = await h['articles:get']({ id: v2 });
    const same = after.passages.find(
      (p) => p.kind === 'paragraph' && after.text.slice(p.start, p.end).startsWith('Divers from three towns'),
    )!;
    expect(same.boilerplate).toBe(true);
    expect(after.claims.find((c) => c.quote === 'three towns')!.boilerplate).toBe(true);
  });

  it('summarises figures changed and a paragraph added, with the headline kept', async () => {
    const head = [
      '---',
      'title: Harbour toll bridge opens to traffic',
      'outlet: Coastal Ledger',
      'url: https://coastal-ledger.example/bridge',
      '---',
      '# Harbour toll bridge opens to traffic',
      '',
    ].join('\n');
    const v1 = [
      'The new toll bridge over Merrow harbour opened on Friday after four years of work, the port authority said.',
      'The crossing cost €214 million and carries 18,500 vehicles a day, according to the operator.',
      'Cyclists will pay no toll until the end of the year.',
    ].join('\n\n');
    const v2 = [
      'The new toll bridge over Merrow harbour opened on Friday after four years of work, the port authority said.',
      'The crossing cost €231 million and carries 19,200 vehicles a day, according to the operator.',
      'Cyclists will pay no toll until the end of the year.',
      'Residents of the two harbour villages will receive a discount card in the post.',
    ].join('\n\n');
    const file = (name: string, body: string) => ({
      name,
      data: `${head}${body}\n`,
      encoding: 'utf8' as const,
    });
    const a = (await service.importFiles([file('bridge-1.md', v1)])).imported[0]!.id;
    const b = (await service.importFiles([file('bridge-2.md', v2)])).imported[0]!;
    expect(b.revision).toMatchObject({ previousId: a, changed: 2 });
    const diff = await h['versions:diff']({ fromId: a, toId: b.id });
    expect(diff.summary).toBe('2 figures changed, 1 paragraph added');
    expect(diff.headline).toBeNull();
    expect(diff.claims.filter((c) => c.status === 'changed').map((c) => c.toQuote)).toEqual([
      '€231 million',
      '19,200 vehicles',
    ]);
    expect(diff.runs.filter((r) => r.kind === 'added').map((r) => r.text.trim())).toContain(
      'Residents of the two harbour villages will receive a discount card in the post.',
    );
  });

  it('undoes and redoes the link', async () => {
    const { v1, distance } = await reviewed();
    const v2 = (await service.importFiles([fixture('courier-v2.md')])).imported[0]!.id;
    const undone = await h['history:undo']({});
    expect(undone.entry?.action).toBe('version:link');
    expect((await h['articles:list']({})).map((a) => a.id).sort()).toEqual([v1, 2, v2].sort());
    const back = await h['conflicts:get']({ id: distance });
    expect(back.status).toBe('confirmed');
    expect(back.sides.filter((s) => s.claim.quote === 'about 4 km').map((s) => s.claim.articleId)).toContain(
      v1,
    );
    expect((await h['versions:list']({ articleId: v2 })).versions).toHaveLength(1);

    await h['history:redo']({});
    expect((await h['articles:list']({})).map((a) => a.id)).not.toContain(v1);
    const again = await h['conflicts:get']({ id: distance });
    expect(again.sides.find((s) => s.claim.quote === 'about 4 km')!.claim.articleId).toBe(v2);
  });
});

describe('source notes of a revised article', () => {
  it('say which version was reviewed and list the outlet’s corrections', async () => {
    await reviewed();
    await service.importFiles([fixture('courier-v2.md')]);
    const md = (await h['export:run']({ format: 'md', scope: 'desk', includeDismissed: false })).data;
    // One entry per article: the old version is not an article of its own.
    expect(md).not.toContain('### Ferry capsizes on Lake Orvel');
    expect(md).toContain(
      '## Versions and corrections\n\n### Lake Orvel ferry disaster: divers search through the night',
    );
    expect(md).toMatch(
      /- Reviewed version 2 of 2 \(published 2025-06-14, updated 2025-06-15, imported \d{4}-\d{2}-\d{2}\)/,
    );
    expect(md).toContain(
      '  - Version 2: 1 figure changed, 1 paragraph edited, 1 paragraph removed, headline changed',
    );
    expect(md).toContain('    - “312 passengers” became “296 passengers”');
    expect(md).toContain('    - removed: “1987”');
    // The wire article was never revised: no version section for it.
    expect(md.match(/- Reviewed version/g)).toHaveLength(1);

    const html = (await h['export:run']({ format: 'html', scope: 'desk', includeDismissed: false })).data;
    expect(html).toContain(
      '<section class="versions"><h4>Versions</h4><p class="reviewed">Reviewed version 2 of 2',
    );
    expect(html).toContain('<li>“312 passengers” became “296 passengers”</li>');
  });
});

describe('recognising a revision', () => {
  it('links by outlet and lead when the revision has no address', async () => {
    const v1 = (await service.importFiles([fixture('courier-v1.md', withoutUrl)])).imported[0]!.id;
    const v2 = (await service.importFiles([fixture('courier-v2.md', withoutUrl)])).imported[0]!;
    expect(v2.revision).toMatchObject({ previousId: v1, linkedBy: 'lead' });
  });

  it('takes the version the outlet dated earlier as the older one, whatever the import order', async () => {
    const report = await service.importFiles([fixture('courier-v2.md'), fixture('courier-v1.md')]);
    const [v2, v1] = report.imported.map((a) => a.id) as [number, number];
    expect(report.imported[1]!.revision).toMatchObject({ previousId: v1, articleId: v2, version: 2 });
    expect((await h['articles:list']({})).map((a) => a.id)).toEqual([v2]);
    // Deleting the latest version brings the one before it back to the board.
    await h['articles:delete']({ id: v2 });
    expect((await h['articles:list']({})).map((a) => a.id)).toEqual([v1]);
  });

  it('finds the article on a desk made before versions existed', async () => {
    const v1 = (await service.importFiles([fixture('courier-v1.md', withoutUrl)])).imported[0]!.id;
    // What an older desk holds: no lead marks, no canonical address, never indexed.
    const db = service.database;
    db.prepare('DELETE FROM article_marks').run();
    db.prepare('UPDATE articles SET canonical_url = NULL').run();
    db.prepare("DELETE FROM settings WHERE key = 'versionsIndexed'").run();
    const v2 = (await service.importFiles([fixture('courier-v2.md', withoutUrl)])).imported[0]!;
    expect(v2.revision).toMatchObject({ previousId: v1, linkedBy: 'lead' });
  });

  it('keeps near-misses apart: a follow-up, another outlet’s copy, a briefing with the same headline', async () => {
    const report = await service.importFiles([
      fixture('courier-v1.md', withoutUrl),
      fixture('courier-followup.md', withoutUrl),
      fixture('valley-copy.md'),
      fixture('courier-briefing-1.md'),
      fixture('courier-briefing-2.md'),
    ]);
    expect(report.imported).toHaveLength(5);
    expect(report.imported.filter((a) => a.revision)).toEqual([]);
    expect(await h['articles:list']({})).toHaveLength(5);
  });

  it('links and unlinks by hand, and says what was wrong with a bad request', async () => {
    const report = await service.importFiles([fixture('courier-v1.md'), fixture('courier-followup.md')]);
    const [a, b] = report.imported.map((x) => x.id) as [number, number];
    await expect(h['versions:link']({ articleId: a, toArticleId: a })).rejects.toThrow(
      'An article cannot be a version of itself.',
    );
    const link = await h['versions:link']({ articleId: b, toArticleId: a });
    expect(link).toMatchObject({ previousId: a, articleId: b, version: 2, linkedBy: 'editor' });
    expect((await h['articles:list']({})).map((x) => x.id)).toEqual([b]);
    expect((await h['history:list']({}))[0]!.action).toBe('version:link');

    const after = await h['versions:unlink']({ articleId: b });
    expect(after.versions).toHaveLength(1);
    expect((await h['articles:list']({})).map((x) => x.id).sort()).toEqual([a, b]);
    await expect(h['versions:unlink']({ articleId: b })).rejects.toThrow('has no other versions');
    // Undoing the unlink joins them again.
    await h['history:undo']({});
    expect((await h['articles:list']({})).map((x) => x.id)).toEqual([b]);
  });
});

describe('a revised draft', () => {
  it('stays our draft, keeps the verdicts given to words it still says, and never becomes coverage', async () => {
    const first = await service.importFiles([fixture('courier-v1.md'), fixture('wire.md')]);
    const v1 = first.imported.find((a) => a.source === 'courier-v1.md')!.id;
    await h['drafts:mark']({ articleId: v1, draft: true });
    const before = await h['drafts:check']({ id: v1 });
    const kept = before.claims.find((c) => /At least 41/.test(c.quote))!;
    await h['drafts:setVerdict']({
      claimId: kept.id,
      status: 'unverified',
      note: 'Only the fishing boats counted.',
    });

    const v2 = (await service.importFiles([fixture('courier-v2.md')])).imported[0]!.id;
    expect((await h['drafts:list']({})).map((d) => d.id)).toEqual([v2]);
    const after = await h['drafts:check']({ id: v2 });
    const carried = after.claims.find((c) => c.quote === kept.quote)!;
    expect(carried.id).not.toBe(kept.id);
    expect(carried).toMatchObject({
      status: 'unverified',
      editor: { note: 'Only the fishing boats counted.' },
    });
    // Neither version of the draft takes part in the desk's conflicts.
    for (const k of await h['conflicts:list']({})) {
      const d = await h['conflicts:get']({ id: k.id });
      expect(d.sides.map((s) => s.article.id)).not.toContain(v2);
    }
  });
});
