/**
 * The ClaimReview check: field by field on a review written here, then through a real desk
 * of the seeds and the `claimdesk` command run as its own process. After a scripted review
 * (one conflict confirmed, one resolved, one dismissed, the rest undecided) the export
 * names exactly the articles whose date or outlet is missing, on stderr, and still writes
 * the file; once `claimdesk article` sets them, every review passes with every field.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD read back from an export is untyped by nature. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskService } from '../service';
import { checkClaimReview, claimReviewAdvice, type SourcedReview } from './claimreview-check';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');

function complete(): Record<string, any> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://checks.example/harbour/conflict-4#claim-9',
    claimReviewed: 'The ferry carried 312 passengers.',
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Inaccurate',
    },
    author: { '@type': 'Organization', name: 'Harbour Desk' },
    datePublished: '2025-03-02',
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'Coast Courier' },
      datePublished: '2025-02-27',
      appearance: { '@type': 'CreativeWork', headline: 'Ferry runs aground off the cape' },
    },
  };
}

describe('checkClaimReview', () => {
  it('passes a review with every required and recommended field', () => {
    expect(checkClaimReview(complete())).toEqual([]);
    const byUrl = complete();
    byUrl['itemReviewed'].appearance = 'https://coast.example/ferry';
    byUrl['author'] = { '@type': 'Person', name: 'Ana Lind' };
    byUrl['itemReviewed'].datePublished = '2025-02';
    expect(checkClaimReview(byUrl)).toEqual([]);
  });

  it('names each missing field', () => {
    const cases: [(r: Record<string, any>) => void, string][] = [
      [(r) => delete r['claimReviewed'], 'claimReviewed'],
      [(r) => delete r['reviewRating'].alternateName, 'reviewRating.alternateName'],
      [(r) => delete r['url'], 'url'],
      [(r) => delete r['author'], 'author'],
      [(r) => delete r['datePublished'], 'datePublished'],
      [(r) => delete r['itemReviewed'], 'itemReviewed'],
      [(r) => delete r['itemReviewed'].author, 'itemReviewed.author'],
      [(r) => delete r['itemReviewed'].author.name, 'itemReviewed.author.name'],
      [(r) => delete r['itemReviewed'].datePublished, 'itemReviewed.datePublished'],
      [(r) => delete r['itemReviewed'].appearance, 'itemReviewed.appearance'],
      [(r) => delete r['reviewRating'].ratingValue, 'reviewRating.ratingValue'],
      [(r) => (r['author'] = { '@type': 'Person', name: 'Unknown editor' }), 'author.name'],
    ];
    for (const [change, field] of cases) {
      const r = complete();
      change(r);
      expect(checkClaimReview(r), field).toEqual([expect.objectContaining({ field, problem: 'missing' })]);
    }
  });

  it('names each invalid field with what was found', () => {
    const cases: [(r: Record<string, any>) => void, string, RegExp][] = [
      [(r) => (r['url'] = 'http://checks.example/c-4'), 'url', /is not an https address/],
      [(r) => (r['url'] = 'urn:claimdesk:conflict-4'), 'url', /is not an https address/],
      [(r) => (r['reviewRating'].ratingValue = 7), 'reviewRating.ratingValue', /outside the scale 1–5/],
      [(r) => (r['itemReviewed'].datePublished = '--05-08'), 'itemReviewed.datePublished', /with a year/],
      [(r) => (r['itemReviewed']['@type'] = 'CreativeWork'), 'itemReviewed', /not a Claim/],
      [
        (r) => (r['itemReviewed'].author = { name: 'Coast Courier' }),
        'itemReviewed.author',
        /Organization or Person/,
      ],
      [
        (r) => (r['itemReviewed'].appearance = { '@type': 'CreativeWork', url: 'javascript:alert(1)' }),
        'itemReviewed.appearance',
        /web address or headline/,
      ],
    ];
    for (const [change, field, detail] of cases) {
      const r = complete();
      change(r);
      expect(checkClaimReview(r), field).toEqual([
        { field, problem: 'invalid', detail: expect.stringMatching(detail) },
      ]);
    }
    expect(checkClaimReview({ '@type': 'Review' })).toEqual([
      { field: '@type', problem: 'invalid', detail: 'not a ClaimReview' },
    ]);
  });
});

describe('claimReviewAdvice', () => {
  it('says once per cause what to set and where, whatever the number of reviews', () => {
    const dated = {
      id: 1,
      title: 'Ferry runs aground off the cape',
      outlet: 'Coast Courier',
      publishedAt: '2025-02-27',
    };
    const partial = {
      id: 7,
      title: 'Cape ferry: what we know',
      outlet: 'Kestria Today',
      publishedAt: '--02-27',
    };
    const anonymous = {
      id: 9,
      title: 'Passengers recall the night',
      outlet: null,
      publishedAt: '2025-02-28',
    };
    const review = (
      a: SourcedReview['article'],
      change: (r: Record<string, any>) => void = () => undefined,
    ) => {
      const r = complete();
      change(r);
      return { review: r, conflictId: 4, claimId: a.id * 10, article: a };
    };
    const noDate = (r: Record<string, any>) => (r['itemReviewed'].datePublished = '--02-27');
    const noAuthor = (r: Record<string, any>) => delete r['itemReviewed'].author;
    const http = (r: Record<string, any>) => (r['url'] = 'http://checks.example/conflict-4#claim-1');
    expect(claimReviewAdvice([review(dated), review(dated)])).toEqual([]);
    expect(
      claimReviewAdvice(
        [
          review(partial, noDate),
          review(partial, noDate),
          review(anonymous, noAuthor),
          review(dated, http),
          review(dated, (r) => (r['author'] = { '@type': 'Person', name: 'Unknown editor' })),
        ],
        '/desks/cape ferry.claimdesk',
      ),
    ).toEqual([
      "Article 7 (Kestria Today, “Cape ferry: what we know”) has a date without a year (--02-27), so 2 reviews lack the claim's date (itemReviewed.datePublished): set it in the article's details or with `claimdesk article --desk '/desks/cape ferry.claimdesk' --article 7 --date YYYY-MM-DD`.",
      "Article 9 (“Passengers recall the night”) has no outlet or author, so 1 review lacks who made the claim (itemReviewed.author): set the outlet in the article's details or with `claimdesk article --desk '/desks/cape ferry.claimdesk' --article 9 --outlet NAME`.",
      '1 review has an address search engines will not take ("http://checks.example/conflict-4#claim-1" is not an https address): set the newsroom address to an https one in the export dialog or with `claimdesk settings --desk \'/desks/cape ferry.claimdesk\' --newsroom-url https://…`.',
      "1 review has no author: set the newsroom's name with `claimdesk settings --desk '/desks/cape ferry.claimdesk' --newsroom-name NAME`, or your editor name.",
    ]);
  });
});

/** The `claimdesk` command as its own process, as a script would run it. */
function claimdesk(...args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/claimdesk.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, `claimdesk ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

describe('ClaimReview of the seeds through a real desk and the claimdesk command', () => {
  let dir: string;
  let desk: string;
  const ids = { confirmed: 0, resolved: 0, dismissed: 0, undecided: [] as number[] };
  /** Each claim's article, and each article as imported. */
  const articleOf = new Map<number, number>();
  let articles: { id: number; outlet: string | null; publishedAt: string | null; source: string }[] = [];

  const exportReviews = () => {
    const out = join(dir, 'reviews.jsonld');
    const { stderr } = claimdesk('export', '--desk', desk, '--format', 'claimreview', '--out', out);
    return { reviews: JSON.parse(readFileSync(out, 'utf8')) as Record<string, any>[], stderr };
  };
  const claimOf = (r: Record<string, any>) => Number(/#claim-(\d+)$/.exec(r['url'])![1]);
  const conflictOf = (r: Record<string, any>) => Number(/\/conflict-(\d+)#/.exec(r['url'])![1]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-claimreview-'));
    desk = join(dir, 'state visit.claimdesk');
    claimdesk('import', '--desk', desk, SEEDS);
    // The desk keeps another name: only offered to people, never signing (`--editor` signs each command).
    claimdesk('settings', '--desk', desk, '--editor', 'Someone else');
    const service = new DeskService({ defaultActor: 'tester' });
    service.open(desk);
    const h = service.handlers();
    articles = (await h['articles:list']({})).map((a) => ({
      id: a.id,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      source: a.source,
    }));
    for (const a of articles)
      for (const c of await h['claims:list']({ articleId: a.id })) articleOf.set(c.id, a.id);
    let conflicts = await h['conflicts:list']({});
    // The seeds raise few conflicts: the editor adds the ones the review needs by hand,
    // each between two dates of different articles.
    const dates = [];
    for (const a of articles)
      for (const c of await h['claims:list']({ articleId: a.id })) if (c.kind === 'date') dates.push(c);
    for (let i = 1; conflicts.length < 4 && i < dates.length; i++) {
      if (articleOf.get(dates[i]!.id) === articleOf.get(dates[0]!.id)) continue;
      await h['conflicts:create']({
        sideA: [dates[0]!.id],
        sideB: [dates[i]!.id],
        kind: 'date_mismatch',
      });
      conflicts = await h['conflicts:list']({});
    }
    service.close();
    // Resolve the "first-ever" trip against the earlier visit; confirm a trend conflict that
    // spans two articles; dismiss another; leave the rest undecided.
    const firstEver = conflicts.find(
      (c) => c.kind === 'novelty_vs_precedent' && c.claims.some((x) => x.quote.includes('first-ever')),
    )!;
    expect(firstEver, 'the first-ever conflict').toBeDefined();
    const precedent = firstEver.claims.find((x) => x.quote.includes('Le Duan'))!;
    const trend = conflicts.find(
      (c) => c.kind === 'trend_contradiction' && new Set(c.claims.map((x) => articleOf.get(x.id))).size > 1,
    )!;
    expect(trend, 'a trend conflict across two articles').toBeDefined();
    ids.resolved = firstEver.id;
    ids.confirmed = trend.id;
    const rest = conflicts.filter((c) => c.id !== ids.resolved && c.id !== ids.confirmed).map((c) => c.id);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    ids.dismissed = rest[0]!;
    ids.undecided = rest.slice(1);
    claimdesk(
      'review',
      '--desk',
      desk,
      '--conflict',
      String(ids.confirmed),
      '--status',
      'confirmed',
      '--editor',
      'Ana Lind',
    );
    claimdesk(
      'review',
      '--desk',
      desk,
      '--conflict',
      String(ids.resolved),
      '--status',
      'resolved',
      '--correct',
      String(precedent.id),
      '--evidence',
      'https://archive.example/1982 — State archive',
      '--editor',
      'Ana Lind',
    );
    claimdesk(
      'review',
      '--desk',
      desk,
      '--conflict',
      String(ids.dismissed),
      '--status',
      'dismissed',
      '--reason',
      'Two periods',
      '--editor',
      'Ana Lind',
    );
    claimdesk('settings', '--desk', desk, '--newsroom-url', 'https://checks.example/state-visit');
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'as imported: the file is written, and stderr names exactly the articles with no date or no outlet',
    { timeout: 60_000 },
    () => {
      const { reviews, stderr } = exportReviews();
      // One review or more per confirmed and resolved conflict, none for the others.
      const conflicts = new Set(reviews.map(conflictOf));
      expect([...conflicts].sort()).toEqual([ids.confirmed, ids.resolved].sort());

      const reviewed = new Set(reviews.map((r) => articleOf.get(claimOf(r))!));
      const undated = articles.filter((a) => reviewed.has(a.id) && !/^\d{4}/.test(a.publishedAt ?? ''));
      const noOutlet = articles.filter((a) => reviewed.has(a.id) && !a.outlet);
      // The seeds as imported: 001 and 003 state no year, 004 names no outlet.
      expect(undated.map((a) => a.source.slice(0, 3))).toEqual(['001', '003']);
      expect(noOutlet.map((a) => a.source.slice(0, 3))).toEqual(['004']);

      // The check, review by review: only the article's missing date or author.
      for (const r of reviews) {
        const a = articles.find((x) => x.id === articleOf.get(claimOf(r)))!;
        const expected = [
          ...(a.outlet ? [] : ['itemReviewed.author']),
          ...(undated.includes(a) ? ['itemReviewed.datePublished'] : []),
        ];
        expect(
          checkClaimReview(r).map((g) => g.field),
          `review of claim ${claimOf(r)}`,
        ).toEqual(expected);
      }

      // In plain words, naming each article and the command that fixes it.
      const named = [...stderr.matchAll(/Article (\d+) \(/g)].map((m) => Number(m[1]));
      expect(new Set(named)).toEqual(new Set([...undated, ...noOutlet].map((a) => a.id)));
      for (const a of undated) {
        expect(stderr).toContain(`Article ${a.id} (${a.outlet}, “`);
        expect(stderr).toMatch(new RegExp(`Article ${a.id} \\([^\\n]*has no date`));
        expect(stderr).toContain(`claimdesk article --desk '${desk}' --article ${a.id} --date YYYY-MM-DD`);
      }
      for (const a of noOutlet) {
        expect(stderr).toMatch(new RegExp(`Article ${a.id} \\([^\\n]*has no outlet or author`));
        expect(stderr).toContain(`claimdesk article --desk '${desk}' --article ${a.id} --outlet NAME`);
      }
    },
  );

  it(
    'after `claimdesk article` sets the dates and the outlet, every review passes with every field',
    { timeout: 120_000 },
    () => {
      const dates: Record<string, string> = { '001': '2025-05-08', '002': '2025-05-07', '003': '2025-05-08' };
      for (const a of articles) {
        const key = a.source.slice(0, 3);
        const args = [
          ...(dates[key] ? ['--date', dates[key]] : []),
          ...(a.outlet ? [] : ['--outlet', 'Vietnam News Agency']),
        ];
        if (args.length) claimdesk('article', '--desk', desk, '--article', String(a.id), ...args);
      }
      const { reviews, stderr } = exportReviews();
      expect(stderr).toBe('');
      expect(new Set(reviews.map(conflictOf))).toEqual(new Set([ids.confirmed, ids.resolved]));
      for (const id of [ids.dismissed, ...ids.undecided])
        expect(reviews.some((r) => conflictOf(r) === id)).toBe(false);
      expect(reviews.length).toBeGreaterThanOrEqual(3);
      for (const r of reviews) {
        expect(checkClaimReview(r), `review of claim ${claimOf(r)}`).toEqual([]);
        // Every field, with the values an editor set.
        expect(r['url']).toMatch(/^https:\/\/checks\.example\/state-visit\/conflict-\d+#claim-\d+$/);
        expect(r['claimReviewed']).toBeTruthy();
        expect(r['reviewRating'].alternateName).toMatch(
          /^(Correct|Inaccurate|False|Contradicted by other reporting)$/,
        );
        expect(r['author']).toEqual({ '@type': 'Person', name: 'Ana Lind' });
        expect(r['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const a = articles.find((x) => x.id === articleOf.get(claimOf(r)))!;
        const key = a.source.slice(0, 3);
        expect(r['itemReviewed'].author).toEqual({
          '@type': 'Organization',
          name: a.outlet ?? 'Vietnam News Agency',
        });
        expect(r['itemReviewed'].datePublished).toBe(dates[key] ?? a.publishedAt);
        expect(r['itemReviewed'].appearance.headline).toBeTruthy();
      }
      // The outlet set on the article without one is who made its claim.
      const fixed = articles.find((a) => !a.outlet)!;
      expect(reviews.some((r) => articleOf.get(claimOf(r)) === fixed.id)).toBe(true);
      // `claimdesk articles` shows the outlet set.
      const listed = JSON.parse(
        execFileSync(process.execPath, ['bin/claimdesk.js', 'articles', '--desk', desk, '--json'], {
          cwd: ROOT,
          encoding: 'utf8',
        }),
      );
      expect(listed.articles.find((a: any) => a.id === fixed.id).outlet).toBe('Vietnam News Agency');
    },
  );
});
