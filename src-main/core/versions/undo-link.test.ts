/**
 * Undoing a version link puts the desk back exactly as it was before the link: every
 * conflict with its status, decision, reasons and sides, the notes on the old claims,
 * and each claim's fact — not what a fresh detection run would make of the older
 * claims. Redo puts back the linked state just as exactly. On a real desk.
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

useFreshDesk('claimdesk-undo-link-', (d) => ({ service, h } = d));

const fixture = (name: string, edit: (s: string) => string = (s) => s) => ({
  name,
  data: edit(readFileSync(join(FIXTURES, name), 'utf8')),
  encoding: 'utf8' as const,
});
/** The revision as another outlet name and no address: the import keeps it apart. */
const unrecognised = (s: string) =>
  s.replace(/^url: .*\n/m, '').replace('outlet: Lakeside Courier', 'outlet: Lakeside Courier Online');

/** What the editor sees of the review: every conflict, its sides, and every note. */
function review() {
  const db = service.database;
  return {
    conflicts: db
      .prepare(
        `SELECT id, key, fact_id, status, reason, reopen_reason, correct_claim_id, evidence_items, explanation, stale
         FROM conflicts ORDER BY id`,
      )
      .all(),
    sides: db.prepare('SELECT * FROM conflict_claims ORDER BY conflict_id, claim_id').all(),
    notes: db.prepare('SELECT id, target_type, target_id, body FROM notes ORDER BY id').all(),
  };
}
/** The board's grouping: facts and the fact of every claim. */
function grouping() {
  const db = service.database;
  return {
    facts: db.prepare('SELECT id, key, label FROM facts ORDER BY id').all(),
    claims: db.prepare('SELECT id, fact_id FROM claims ORDER BY id').all(),
  };
}

/** Confirms the distance conflict with a note, resolves the passengers one, notes and corrects a claim. */
async function decide(courierId: number) {
  const conflicts = await h['conflicts:list']({});
  const distance = conflicts.find((k) => /4 km/.test(k.explanation))!;
  const passengers = conflicts.find((k) => /312 passengers/.test(k.explanation))!;
  await h['conflicts:setStatus']({ id: distance.id, status: 'confirmed', note: 'The chart says 4 km.' });
  const detail = await h['conflicts:get']({ id: passengers.id });
  const right = detail.sides.find((s) => s.claim.quote === '312 passengers')!;
  await h['conflicts:resolve']({
    id: passengers.id,
    correctClaimId: right.claim.id,
    evidenceItems: [{ url: 'https://harbour.example/manifest', title: 'Passenger manifest' }],
    note: 'The manifest lists 312.',
  });
  const rescued = (await h['claims:list']({ articleId: courierId })).find((c) =>
    /At least 41/.test(c.quote),
  )!;
  await h['notes:add']({ targetType: 'claim', targetId: rescued.id, body: 'Fishing boats only.' });
  await h['claims:update']({ id: rescued.id, display: 'at least 41 rescued by fishing boats' });
  return { distance: distance.id, passengers: passengers.id };
}

describe('undoing a version link', () => {
  it('linked by hand: puts back every conflict, side, note and fact as before, and redo the linked state', async () => {
    const r = await service.importFiles([
      fixture('courier-v1.md'),
      fixture('wire.md'),
      fixture('courier-v2.md', unrecognised),
    ]);
    const [v1, , v2] = r.imported.map((a) => a.id) as [number, number, number];
    expect(r.imported.every((a) => !a.revision)).toBe(true);
    const { passengers } = await decide(v1);
    const beforeLink = { review: review(), grouping: grouping() };
    expect((await h['conflicts:get']({ id: passengers })).status).toBe('resolved');

    await h['versions:link']({ articleId: v2, toArticleId: v1 });
    const linked = { review: review(), grouping: grouping() };
    // The link changed the review: the revision's 296 reopens the resolved count.
    expect((await h['conflicts:get']({ id: passengers })).status).toBe('open');
    expect(linked).not.toEqual(beforeLink);

    const undone = await h['history:undo']({});
    expect(undone.entry?.action).toBe('version:link');
    expect({ review: review(), grouping: grouping() }).toEqual(beforeLink);
    const back = await h['conflicts:get']({ id: passengers });
    expect(back.status).toBe('resolved');
    expect(back.evidenceItems.map((e) => e.url)).toEqual(['https://harbour.example/manifest']);
    expect(back.notes.map((n) => n.body)).toEqual(['The manifest lists 312.']);
    expect((await h['articles:list']({})).map((a) => a.id).sort()).toEqual([1, 2, 3]);

    await h['history:redo']({});
    expect({ review: review(), grouping: grouping() }).toEqual(linked);
    expect((await h['articles:list']({})).map((a) => a.id)).not.toContain(v1);
  });

  it('made at import: the decisions on the old claims come back exactly, not reopened by a new run', async () => {
    const first = await service.importFiles([fixture('courier-v1.md'), fixture('wire.md')]);
    const v1 = first.imported[0]!.id;
    const { distance, passengers } = await decide(v1);
    const beforeImport = review();

    const v2 = (await service.importFiles([fixture('courier-v2.md')])).imported[0]!;
    expect(v2.revision).toMatchObject({ previousId: v1 });
    expect((await h['conflicts:get']({ id: passengers })).status).toBe('open');

    await h['history:undo']({});
    // The revision stays on the desk as an article of its own; the review is as it was.
    expect((await h['articles:list']({})).map((a) => a.id).sort()).toEqual([v1, 2, v2.id]);
    expect(review()).toEqual(beforeImport);
    expect((await h['conflicts:get']({ id: passengers })).status).toBe('resolved');
    const kept = await h['conflicts:get']({ id: distance });
    expect(kept.status).toBe('confirmed');
    expect(kept.notes.map((n) => n.body)).toEqual(['The chart says 4 km.']);
    expect(kept.sides.map((s) => s.claim.articleId).sort()).toEqual([v1, 2]);
    const rescued = (await h['articles:get']({ id: v1 })).claims.find((c) => /At least 41/.test(c.quote))!;
    expect(rescued.value.display).toBe('at least 41 rescued by fishing boats');
  });
});
