/**
 * Drafts through a real desk: the sample articles (and the seeds) on a SQLite file,
 * a draft written for the tests imported beside them and marked, every claim's
 * verdict against what a fact-checker expects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from '../service';
import type { DraftCheck } from '../../shared/draft-views';
import { SAMPLE_DRAFT, SEEDS_DRAFT, type Expected } from './fixtures/expected';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');
const SEEDS = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-draft-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function deskWithDraft(sources: string, draftFile: string): Promise<number> {
  const h = service.handlers();
  const a = await h['articles:import']({ paths: [sources] });
  expect(a.failed).toEqual([]);
  const d = await h['articles:import']({ paths: [join(FIXTURES, draftFile)] });
  expect(d.imported).toHaveLength(1);
  const id = d.imported[0]!.id;
  await h['drafts:mark']({ articleId: id, draft: true });
  return id;
}

/** Per-claim accuracy, and the claims whose verdict differs from the expected one. */
function score(check: DraftCheck, expected: Expected[]) {
  const misses: string[] = [];
  let right = 0;
  for (const e of expected) {
    const c = check.claims.find((x) => x.quote === e.quote);
    if (c?.status === e.status) right++;
    else misses.push(`"${e.quote}" (${e.plants}): expected ${e.status}, got ${c?.status ?? 'no claim'}`);
  }
  return { right, total: expected.length, accuracy: right / expected.length, misses };
}

describe('a draft about the sample desk', () => {
  it('gives every planted error its verdict, supports every correct claim and leaves the unstated one unverified', async () => {
    const id = await deskWithDraft(SAMPLES, 'sample-draft.txt');
    const check = await service.handlers()['drafts:check']({ id });
    // Every claim of the draft has an expectation: nothing is left unjudged.
    expect(check.claims.map((c) => c.quote).sort()).toEqual(SAMPLE_DRAFT.map((e) => e.quote).sort());
    const s = score(check, SAMPLE_DRAFT);
    console.log(`sample draft: ${s.right}/${s.total} claims right (${(s.accuracy * 100).toFixed(0)}%)`);
    expect(s.misses).toEqual([]);
    expect(check.counts).toEqual({ supported: 6, contradicted: 3, unverified: 1 });
    // Needing attention: contradicted first, then unverified, each in text order.
    expect(check.attention.map((cid) => check.claims.find((c) => c.id === cid)!.quote)).toEqual([
      'first-ever visit',
      '€412.6 million',
      'about €250 billion',
      '25 new scholarships',
    ]);
  });

  it('names the sources: which outlets agree, which disagree, and the precedent against the "first"', async () => {
    const id = await deskWithDraft(SAMPLES, 'sample-draft.txt');
    const check = await service.handlers()['drafts:check']({ id });
    const claim = (q: string) => check.claims.find((c) => c.quote === q)!;

    const wrongYear = claim('€412.6 million');
    expect(
      wrongYear.sources
        .filter((s) => !s.agrees)
        .map((s) => s.quote)
        .sort(),
    ).toEqual(['€386.4 million', '€386.4 million', '€409 million']);
    expect(wrongYear.disagreeingOutlets).toBe(3);

    const first = claim('first-ever visit');
    const against = first.sources.filter((s) => !s.agrees);
    expect(against.some((s) => s.sentence.includes('Castañeda visited Velgrad in 1978'))).toBe(true);
    expect(first.why).toMatch(/precedent/);

    const hedge = claim('about €250 billion');
    expect(hedge.sources).toEqual([
      expect.objectContaining({ quote: 'more than €300 billion', agrees: false }),
    ]);

    const investment = claim('about €160 million');
    expect(investment.sources).toEqual([
      expect.objectContaining({ quote: 'roughly €160 million', agrees: true }),
    ]);
    expect(investment.agreeingOutlets).toBe(1);

    const tuesday = claim('Tuesday, March 11');
    expect(tuesday.sources.find((s) => s.agrees)?.quote).toBe('Tuesday, March 11');
    // The outlet that says Wednesday, March 11 is listed, but its weekday is wrong for its own date.
    expect(tuesday.sources.find((s) => !s.agrees)?.quote).toBe('Wednesday, March 11, 2025');

    expect(claim('25 new scholarships').sources).toEqual([]);
  });

  it('keeps the draft out of the conflicts among the ordinary articles, and back in when unmarked or undone', async () => {
    const h = service.handlers();
    await h['articles:import']({ paths: [SAMPLES] });
    const onlySources = (await h['conflicts:list']({})).length;
    const d = await h['articles:import']({ paths: [join(FIXTURES, 'sample-draft.txt')] });
    const id = d.imported[0]!.id;
    const draftInConflicts = async () => (await h['conflicts:list']({ articleId: id })).length;
    // As coverage, the draft's errors join the desk's disagreements.
    expect(await draftInConflicts()).toBeGreaterThan(0);

    await h['drafts:mark']({ articleId: id, draft: true });
    expect(await draftInConflicts()).toBe(0);
    expect((await h['articles:list']({})).find((a) => a.id === id)!.conflictCount).toBe(0);
    expect((await h['conflicts:list']({})).length).toBe(onlySources);
    expect((await h['claims:list']({ articleId: id })).every((c) => c.factId === null)).toBe(true);
    expect((await h['drafts:list']({})).map((x) => x.id)).toEqual([id]);

    const undone = await h['history:undo']({});
    expect(undone.entry?.action).toBe('draft:mark');
    expect(await h['drafts:list']({})).toEqual([]);
    expect(await draftInConflicts()).toBeGreaterThan(0);

    await h['history:redo']({});
    expect(await draftInConflicts()).toBe(0);
    await h['drafts:mark']({ articleId: id, draft: false });
    expect(await draftInConflicts()).toBeGreaterThan(0);
    await expect((async () => h['drafts:check']({ id }))()).rejects.toThrow(/not marked as a draft/);
  });

  it('never uses one draft as a source for another', async () => {
    const h = service.handlers();
    const id = await deskWithDraft(SAMPLES, 'sample-draft.txt');
    const other = await h['articles:paste']({
      title: 'Scholarship scheme for Marvelan students',
      text: 'Kestria is to pay for 25 new scholarships for Marvelan students every year, the education ministry in Velgrad announced.',
    });
    const otherId = other.imported[0]!.id;
    await h['drafts:mark']({ articleId: otherId, draft: true });
    const scholarships = async () =>
      (await h['drafts:check']({ id })).claims.find((c) => c.quote === '25 new scholarships')!;
    expect((await scholarships()).status).toBe('unverified');
    // Unmarked, the same article is coverage, and it states the fact.
    await h['drafts:mark']({ articleId: otherId, draft: false });
    const now = await scholarships();
    expect(now.status).toBe('supported');
    expect(now.sources.map((s) => s.article.id)).toEqual([otherId]);
  });

  it("keeps the editor's verdict with evidence and a note, across a reopen, and undoes it", async () => {
    const h = service.handlers();
    const id = await deskWithDraft(SAMPLES, 'sample-draft.txt');
    const target = (await h['drafts:check']({ id })).claims.find((c) => c.quote === '25 new scholarships')!;
    const after = await h['drafts:setVerdict']({
      claimId: target.id,
      status: 'supported',
      evidence: 'Kestrian education ministry press release, 12 March',
      note: 'Confirmed by phone with the ministry.',
    });
    const set = after.claims.find((c) => c.id === target.id)!;
    expect(set.status).toBe('supported');
    expect(set.computed).toBe('unverified');
    expect(set.editor).toMatchObject({ editor: 'tester', note: 'Confirmed by phone with the ministry.' });
    expect(after.attention).not.toContain(target.id);

    service.close();
    service.open(join(dir, 'desk.claimdesk'));
    const reopened = await service.handlers()['drafts:check']({ id });
    expect(reopened.claims.find((c) => c.id === target.id)!.editor?.evidence).toBe(
      'Kestrian education ministry press release, 12 March',
    );
    const history = await service.handlers()['history:list']({});
    expect(history[0]).toMatchObject({ action: 'draft:verdict', targetType: 'claim', targetId: target.id });

    await service.handlers()['history:undo']({});
    const undone = (await service.handlers()['drafts:check']({ id })).claims.find((c) => c.id === target.id)!;
    expect(undone.status).toBe('unverified');
    expect(undone.editor).toBeNull();
  });

  it('refuses a verdict on a claim of an article that is not a draft, and changes nothing', async () => {
    const h = service.handlers();
    await h['articles:import']({ paths: [SAMPLES] });
    const claim = (await h['claims:list']({}))[0]!;
    await expect(
      (async () => h['drafts:setVerdict']({ claimId: claim.id, status: 'supported' }))(),
    ).rejects.toThrow(/not a draft/);
    expect((await h['history:list']({})).some((e) => e.action.startsWith('draft:'))).toBe(false);
  });
});

describe('a draft about the seeds', () => {
  it('gives every planted error its verdict and supports the correct claims', async () => {
    const id = await deskWithDraft(SEEDS, 'seeds-draft.txt');
    const check = await service.handlers()['drafts:check']({ id });
    expect(check.claims.map((c) => c.quote).sort()).toEqual(SEEDS_DRAFT.map((e) => e.quote).sort());
    const all = score(check, SEEDS_DRAFT);
    console.log(
      `seeds draft: ${all.right}/${all.total} claims right (${(all.accuracy * 100).toFixed(0)}%)${all.misses.length ? '; ' + all.misses.join('; ') : ''}`,
    );
    expect(all.misses).toEqual([]);
    const students = check.claims.find((c) => c.quote === 'about 3,000 Vietnamese students')!;
    expect(students.sources).toEqual([
      expect.objectContaining({ quote: 'over 5,000 Vietnamese students', agrees: false }),
    ]);
    const scoped = check.claims.find((c) => c.quote === 'first visit')!;
    expect(scoped.agreeingOutlets).toBe(3);
    expect(scoped.sources.every((s) => s.agrees)).toBe(true);
  });

  it('contradicts a figure from the wrong year given in a "respectively" list', async () => {
    const id = await deskWithDraft(SEEDS, 'seeds-draft.txt');
    const check = await service.handlers()['drafts:check']({ id });
    const figure = check.claims.find((c) => c.quote === '$594.6 million')!;
    expect(figure.status).toBe('contradicted');
    expect(figure.sources).toEqual([expect.objectContaining({ quote: '$482.1 million', agrees: false })]);
  });
});

describe('hedges', () => {
  // Two short reports and a draft written for this test: a flood's evacuations.
  const REPORT_A = ` date 2025-06-02 Floods force thousands from their homes in Ravensk

RAVENSK — Rising water on the Ilva river forced 5,230 people to leave their homes in Ravensk on Sunday, the regional emergency service said.`;
  const REPORT_B = ` date 2025-06-02 Ravensk evacuates riverside districts

RAVENSK — Over 5,000 people had to leave their homes in the riverside districts of Ravensk on Sunday as the Ilva burst its banks, officials said.`;

  async function deskWith(draft: string): Promise<DraftCheck> {
    const h = service.handlers();
    await h['articles:import']({
      files: [
        { name: 'report-a.txt', data: REPORT_A, encoding: 'utf8' },
        { name: 'report-b.txt', data: REPORT_B, encoding: 'utf8' },
      ],
    });
    const d = await h['articles:import']({ files: [{ name: 'draft.txt', data: draft, encoding: 'utf8' }] });
    const id = d.imported[0]!.id;
    await h['drafts:mark']({ articleId: id, draft: true });
    return h['drafts:check']({ id });
  }

  it('supports "more than 5,000" with 5,230 and "over 5,000"', async () => {
    const check = await deskWith(` date 2025-06-03 Ravensk counts the cost

RAVENSK — More than 5,000 people had to leave their homes in Ravensk when the Ilva flooded on Sunday.`);
    const claim = check.claims.find((c) => /5,000/.test(c.quote))!;
    expect(claim.status).toBe('supported');
    expect(
      claim.sources
        .filter((s) => s.agrees)
        .map((s) => s.quote)
        .sort(),
    ).toEqual(['5,230 people', 'Over 5,000 people']);
  });

  it('contradicts "about 3,000" with "over 5,000" and 5,230', async () => {
    const check = await deskWith(` date 2025-06-03 Ravensk counts the cost

RAVENSK — About 3,000 people had to leave their homes in Ravensk when the Ilva flooded on Sunday.`);
    const claim = check.claims.find((c) => /3,000/.test(c.quote))!;
    expect(claim.status).toBe('contradicted');
    expect(claim.sources.every((s) => !s.agrees)).toBe(true);
    expect(claim.disagreeingOutlets).toBe(2);
  });
});

describe('the board', () => {
  it('has no column for a draft', async () => {
    const h = service.handlers();
    const id = await deskWithDraft(SAMPLES, 'sample-draft.txt');
    const page = await h['board:page']({ offset: 0, limit: 100, sort: 'conflict', withArticles: true });
    expect(page.articles).toHaveLength(5);
    expect(page.articles.map((a) => a.id)).not.toContain(id);
    await h['drafts:mark']({ articleId: id, draft: false });
    expect(
      (await h['board:page']({ offset: 0, limit: 100, sort: 'conflict', withArticles: true })).articles.map(
        (a) => a.id,
      ),
    ).toContain(id);
  });
});
