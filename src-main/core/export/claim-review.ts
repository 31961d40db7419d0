/**
 * Decided conflicts as schema.org ClaimReview JSON-LD, the markup fact-checkers publish
 * and search engines read. A ClaimReview rates one claim, so a conflict yields one review
 * per claim under review:
 * - resolved: the claims the editor found right rate "Correct", the others "Inaccurate"
 *   ("False" for a "first"/"never before" an earlier event disproves);
 * - confirmed: the articles disagree and nobody has settled which is right, so each claim
 *   rates "Contradicted by other reporting" (for a "first" against a precedent only the
 *   "first", for a trend word against figures only the trend word: the precedent and the
 *   figures are the evidence, not claims in doubt).
 * The scale is 1–5, as Google's fact-check markup suggests.
 *
 * Every field Google requires or recommends is written when the desk knows it:
 * claimReviewed, reviewRating with alternateName, url, itemReviewed (a Claim with author,
 * datePublished and appearance), author and datePublished. An article with no date or no
 * outlet leaves its claims' datePublished or author out; `claimreview-check.ts` finds such
 * gaps and the export names the article and the fix. The review's url is the page it will be published on, under
 * the newsroom's address (the desk setting `newsroomUrl`); without one the export is
 * refused with a message saying where to set it, rather than publishing a placeholder.
 */
import type { Db } from '../db/open';
import { DeskError } from '../../shared/errors';
import { safeHref } from '../../shared/evidence';
import { claimReviewAdvice, type SourcedReview } from './claimreview-check';
import {
  decisionText,
  loadExport,
  verdict,
  type ConflictRec,
  type ExportModel,
  type ExportOptions,
} from './model';

export const SCHEMA_CONTEXT = 'https://schema.org';

export interface ClaimReviewOptions {
  /** The newsroom's address the reviews are published under; the desk setting when absent. */
  reviewUrl?: string;
  /** Publish as this organisation rather than as the deciding editor; the desk setting when absent. */
  organisation?: string;
}

export const RATINGS = {
  correct: { ratingValue: 5, alternateName: 'Correct' },
  contradicted: { ratingValue: 2, alternateName: 'Contradicted by other reporting' },
  inaccurate: { ratingValue: 1, alternateName: 'Inaccurate' },
  false: { ratingValue: 1, alternateName: 'False' },
} as const;

function rating(r: keyof typeof RATINGS) {
  return { '@type': 'Rating', ...RATINGS[r], bestRating: 5, worstRating: 1 };
}

/** The rating of one claim of a decided conflict, or null when the claim is not under review. */
function ratingOf(c: ConflictRec, claimId: number, kind: string): keyof typeof RATINGS | null {
  if (c.status === 'confirmed') {
    // The precedent of a "first" and the figures a trend word is checked against are the
    // evidence, not claims in doubt.
    if (c.kind === 'novelty_vs_precedent' && !c.sideA.includes(claimId)) return null;
    if (c.kind === 'trend_contradiction' && kind !== 'trend') return null;
    return 'contradicted';
  }
  const v = verdict(c, claimId);
  if (v === null) return null;
  if (v) return 'correct';
  return kind === 'novelty' ? 'false' : 'inaccurate';
}

/** The review page of one claim: `<newsroom>/claimdesk/conflict-<id>#claim-<id>`. */
export function reviewPage(base: string, conflictId: number, claimId: number): string {
  const root = new URL(base.replace(/#.*$/, ''));
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return new URL(`conflict-${conflictId}#claim-${claimId}`, root).href;
}

export function claimReviews(m: ExportModel, options: ClaimReviewOptions & { reviewUrl: string }): object[] {
  return sourcedClaimReviews(m, options).map((r) => r.review);
}

/** The reviews with the conflict, claim and article each comes from (for `claimreview-check`). */
export function sourcedClaimReviews(
  m: ExportModel,
  options: ClaimReviewOptions & { reviewUrl: string },
): SourcedReview[] {
  const out: SourcedReview[] = [];
  for (const c of m.conflicts) {
    if (c.status !== 'resolved' && c.status !== 'confirmed') continue;
    for (const claimId of [...c.sideA, ...c.sideB]) {
      const claim = m.claim(claimId);
      const r = ratingOf(c, claimId, claim.kind);
      if (r === null) continue;
      const a = m.article(claim.articleId);
      const appearance: Record<string, unknown> = { '@type': 'CreativeWork', headline: a.title };
      if (a.url) appearance['url'] = a.url;
      if (a.publishedAt && /^\d{4}/.test(a.publishedAt)) appearance['datePublished'] = a.publishedAt;
      if (a.outlet) appearance['publisher'] = { '@type': 'Organization', name: a.outlet };
      const itemReviewed: Record<string, unknown> = { '@type': 'Claim', appearance };
      // Who made the claim: the outlet; else the article's author; never a file name.
      if (a.outlet) itemReviewed['author'] = { '@type': 'Organization', name: a.outlet };
      else if (a.author) itemReviewed['author'] = { '@type': 'Person', name: a.author };
      if (a.publishedAt && /^\d{4}/.test(a.publishedAt)) itemReviewed['datePublished'] = a.publishedAt;
      const review = {
        '@context': SCHEMA_CONTEXT,
        '@type': 'ClaimReview',
        url: reviewPage(options.reviewUrl, c.id, claimId),
        claimReviewed: claim.sentence.trim() || claim.quote,
        reviewRating: rating(r),
        itemReviewed,
        author: options.organisation
          ? { '@type': 'Organization', name: options.organisation }
          : { '@type': 'Person', name: c.editor ?? 'Unknown editor' },
        datePublished: c.updatedAt.slice(0, 10),
        reviewBody: decisionText(m, c, claimId),
        // The evidence the editor relied on, each with its address when it has one.
        ...(c.evidenceItems.length
          ? {
              citation: c.evidenceItems.map((e) => ({
                '@type': 'CreativeWork',
                name: e.title || e.url,
                ...(safeHref(e.url) ? { url: safeHref(e.url) } : {}),
              })),
            }
          : {}),
      };
      out.push({
        review,
        conflictId: c.id,
        claimId,
        article: { id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt },
      });
    }
  }
  return out;
}

const setting = (db: Db, key: string) =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
  null;

export function exportClaimReview(db: Db, opts: ExportOptions & ClaimReviewOptions): string {
  return claimReviewReport(db, opts).data;
}

/**
 * The reviews as JSON-LD, and what they lack in plain words (`claimreview-check.ts`):
 * an article with no date or no outlet does not stop the export, it is named with the fix.
 */
export function claimReviewReport(
  db: Db,
  opts: ExportOptions & ClaimReviewOptions & { deskPath?: string },
): { data: string; warnings: string[] } {
  const reviewUrl = opts.reviewUrl ?? setting(db, 'newsroomUrl');
  if (!reviewUrl)
    throw new DeskError(
      'invalid_input',
      'ClaimReview needs the web address your reviews are published under (each review\'s "url"). ' +
        'Set the newsroom address in Settings, or run: claimdesk settings --desk FILE --newsroom-url https://…',
    );
  const organisation = opts.organisation ?? setting(db, 'newsroomName') ?? undefined;
  const reviews = sourcedClaimReviews(loadExport(db, opts), {
    reviewUrl,
    ...(organisation ? { organisation } : {}),
  });
  return {
    data: `${JSON.stringify(
      reviews.map((r) => r.review),
      null,
      2,
    )}\n`,
    warnings: claimReviewAdvice(reviews, opts.deskPath),
  };
}
