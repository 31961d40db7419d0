import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskService } from '../service';
import { openDesk, type Db } from '../db/open';
import {
  exportClaimReview,
  exportClaimsCsv,
  exportHtml,
  exportMarkdown,
  exportWebAnnotations,
} from './index';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');

let dir: string;
let db: Db;
let first: { id: number; quote: string; kind: string };
let precedent: { id: number; quote: string; kind: string };
let conflictId: number;

/** The claim over `phrase` in an article: the extractor's (a novelty one first), or one an editor adds. */
async function claimAt(service: DeskService, articleId: number, phrase: string, kind: 'novelty' | 'event') {
  const h = service.handlers();
  const { text } = await h['articles:get']({ id: articleId });
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = start + phrase.length;
  const over = (await h['claims:list']({ articleId })).filter((c) => c.start < end && c.end > start);
  const found = over.find((c) => c.kind === kind) ?? over[0];
  if (found) return { id: found.id, quote: found.quote, kind: found.kind as string };
  const added = await h['claims:add']({ articleId, start, end, kind });
  return { id: added.id, quote: added.quote, kind: added.kind as string };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-seed-export-'));
  const path = join(dir, 'seeds.claimdesk');
  const service = new DeskService({ defaultActor: 'tester' });
  service.open(path);
  const h = service.handlers();
  await h['settings:set']({ editorName: 'Seed Reviewer' });
  const report = await service.importPaths([SEEDS]);
  expect(report.failed).toEqual([]);
  expect(report.imported).toHaveLength(readdirSync(SEEDS).length);
  const articles = await h['articles:list']({});
  const bySource = (prefix: string) => articles.find((a) => a.source.startsWith(prefix))!.id;
  first = await claimAt(service, bySource('000'), 'first-ever trip', 'novelty');
  precedent = await claimAt(service, bySource('001'), 'Le Duan visited Azerbaijan', 'event');
  // The scripted review: reuse the detector's conflict when it found this one, else flag it.
  const existing = (await h['conflicts:list']({})).find((c) => {
    const ids = c.claims.map((x) => x.id);
    return ids.includes(first.id) && ids.includes(precedent.id);
  });
  conflictId =
    existing?.id ??
    (
      await h['conflicts:create']({
        sideA: [first.id],
        sideB: [precedent.id],
        kind: 'novelty_vs_precedent',
      })
    ).id;
  await h['conflicts:resolve']({
    id: conflictId,
    correctClaimId: precedent.id,
    evidence: 'https://archive.example/1980s-visit',
    note: 'Le Duan visited in the early 1980s. <script>alert("note")</script>',
  });
  service.close();
  db = openDesk(path, { mustExist: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exports of the seed desk after a scripted review', () => {
  it('Markdown shows the decision, both quotes and the citation', () => {
    const md = exportMarkdown(db, { includeDismissed: false });
    const start = md.indexOf(`### Claim ${first.id} `);
    expect(start).toBeGreaterThan(0);
    const section = md.slice(start, md.indexOf('\n### ', start + 1));
    expect(section).toContain(`resolved (conflict ${conflictId})`);
    expect(section).toContain(`**${first.quote}**`);
    expect(section).toContain(`Other side (claim ${precedent.id})`);
    expect(section).toContain('Le Duan visited Azerbaijan');
    expect(section).toContain(`This claim is wrong. Claim ${precedent.id} is correct`);
    expect(section).toContain('Decided by Seed Reviewer');
    expect(section).toContain('Evidence: https://archive.example/1980s-visit');
    expect(section).toContain('\\<script\\>');
    // The other side is cited by its article's title.
    const title = db
      .prepare('SELECT title FROM claims JOIN articles a ON a.id = article_id WHERE claims.id = ?')
      .get(precedent.id) as { title: string };
    expect(section).toContain(`“${title.title}”`);
  });

  it('HTML shows the same, and the note’s <script> is text', () => {
    const { document } = parseHTML(exportHtml(db, { includeDismissed: false }));
    expect(document.querySelectorAll('script').length).toBe(0);
    const claim = document.querySelector(`#claim-${first.id}`)!;
    expect(claim.querySelector('.status-resolved')).not.toBeNull();
    expect(claim.querySelector('.other')?.textContent).toContain('Le Duan visited Azerbaijan');
    expect(claim.textContent).toContain('<script>alert("note")</script>');
  });

  it('CSV, Web Annotation and ClaimReview carry the decision', () => {
    const rows = parseCsv(exportClaimsCsv(db, { includeDismissed: false }), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.length).toBe(
      (db.prepare('SELECT count(*) AS n FROM claims WHERE deleted = 0').get() as { n: number }).n,
    );
    expect(rows.find((r) => r['claim_id'] === String(first.id))!['status']).toContain('resolved');

    const anno = JSON.parse(exportWebAnnotations(db, { includeDismissed: false }));
    const mine = anno.first.items.filter((a: { id: string }) =>
      a.id.startsWith(`urn:claimdesk:conflict:${conflictId}:`),
    );
    // One assessment per claim of the conflict (the detector may put several claims on a side).
    const members = db
      .prepare(
        'SELECT count(*) AS n FROM conflict_claims cc JOIN claims c ON c.id = cc.claim_id WHERE cc.conflict_id = ? AND c.deleted = 0',
      )
      .get(conflictId) as { n: number };
    expect(mine.length).toBe(members.n);
    expect(mine.every((a: { motivation: string }) => a.motivation === 'assessing')).toBe(true);

    const reviews = JSON.parse(exportClaimReview(db, { includeDismissed: false }));
    const review = reviews.find((r: { url: string }) => r.url.endsWith(`:claim:${first.id}`));
    expect(review.reviewRating.alternateName).toBe(first.kind === 'novelty' ? 'False' : 'Inaccurate');
    expect(review.itemReviewed.datePublished).toBe('2025-05-09');
    expect(review.author.name).toBe('Seed Reviewer');
  });
});
