/**
 * Resolved conflicts as schema.org ClaimReview JSON-LD, the markup fact-checkers
 * publish and search engines read. A ClaimReview rates one claim, so a resolved
 * conflict yields one review per claim in it: the claims the editor found right rate
 * "Accurate", the others "Inaccurate" ("False" for a "first"/"never before" claim an
 * earlier event disproves). The scale is 1–5, as Google's fact-check markup suggests.
 *
 * Every field Google requires is present: claimReviewed, reviewRating with
 * alternateName, itemReviewed (a Claim with author, datePublished and appearance),
 * author, datePublished and url. The review's url is the page it will be published
 * on; until an editor gives one, a stable urn names it.
 */
import type { Db } from '../db/open';
import { decisionText, loadExport, verdict, type ExportModel, type ExportOptions } from './model';

export const SCHEMA_CONTEXT = 'https://schema.org';

export interface ClaimReviewOptions {
  /** Where the reviews will be published; `#claim-<id>` is appended per review. */
  reviewUrl?: string;
  /** Publish as this organisation rather than as the deciding editor. */
  organisation?: string;
}

function rating(right: boolean, kind: string) {
  if (right)
    return { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'Accurate' };
  const novelty = kind === 'novelty';
  return {
    '@type': 'Rating',
    ratingValue: 1,
    bestRating: 5,
    worstRating: 1,
    alternateName: novelty ? 'False' : 'Inaccurate',
  };
}

export function claimReviews(m: ExportModel, options: ClaimReviewOptions = {}): object[] {
  const out: object[] = [];
  for (const c of m.conflicts) {
    if (c.status !== 'resolved') continue;
    for (const claimId of [...c.sideA, ...c.sideB]) {
      const v = verdict(c, claimId);
      if (v === null) continue;
      const claim = m.claim(claimId);
      const a = m.article(claim.articleId);
      const appearance: Record<string, unknown> = { '@type': 'CreativeWork', headline: a.title };
      if (a.url) appearance['url'] = a.url;
      if (a.publishedAt) appearance['datePublished'] = a.publishedAt;
      if (a.outlet) appearance['publisher'] = { '@type': 'Organization', name: a.outlet };
      const itemReviewed: Record<string, unknown> = {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: a.outlet ?? a.title },
        appearance,
      };
      if (a.publishedAt) itemReviewed['datePublished'] = a.publishedAt;
      out.push({
        '@context': SCHEMA_CONTEXT,
        '@type': 'ClaimReview',
        url: options.reviewUrl
          ? `${options.reviewUrl.replace(/#.*$/, '')}#claim-${claimId}`
          : `urn:claimdesk:conflict:${c.id}:claim:${claimId}`,
        claimReviewed: claim.sentence.trim() || claim.quote,
        reviewRating: rating(v, claim.kind),
        itemReviewed,
        author: options.organisation
          ? { '@type': 'Organization', name: options.organisation }
          : { '@type': 'Person', name: c.editor ?? 'Unknown editor' },
        datePublished: c.updatedAt.slice(0, 10),
        reviewBody: decisionText(m, c, claimId),
      });
    }
  }
  return out;
}

export function exportClaimReview(db: Db, opts: ExportOptions & ClaimReviewOptions): string {
  return `${JSON.stringify(claimReviews(loadExport(db, opts), opts), null, 2)}\n`;
}
