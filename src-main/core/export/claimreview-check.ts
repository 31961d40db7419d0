/**
 * Checks ClaimReview JSON-LD against the fields schema.org and Google's fact-check markup
 * require or recommend, and says in plain words what an editor can do about each gap.
 *
 * `checkClaimReview` reads one review as published (plain JSON, whoever wrote it) and lists
 * every field that is missing or invalid: claimReviewed; reviewRating with alternateName
 * (and a ratingValue within worstRating..bestRating when those are given); url (an https
 * address); author (an Organization or Person with a name, as Google accepts either);
 * datePublished; itemReviewed as a Claim with an author (Organization or Person with a
 * name), a datePublished (ISO 8601) and an appearance (a CreativeWork with a url or a
 * headline, or an address).
 *
 * `claimReviewAdvice` turns the gaps of a desk's reviews into one sentence per cause,
 * naming the article at fault and the command or dialog that fixes it: most gaps come from
 * an article with no date or no outlet, which the editor can set in the article's details.
 * The export is never refused for them: the reviews are still valid JSON-LD, only poorer.
 */

export type GapProblem = 'missing' | 'invalid';

export interface ReviewGap {
  /** The field's path in the review, e.g. `itemReviewed.datePublished`. */
  field: string;
  problem: GapProblem;
  /** What is wrong, in words (for an invalid field, what was found). */
  detail: string;
}

/** The fields the check covers, in the order it reports them. */
export const CHECKED_FIELDS = [
  'claimReviewed',
  'reviewRating',
  'reviewRating.alternateName',
  'reviewRating.ratingValue',
  'url',
  'author',
  'author.name',
  'datePublished',
  'itemReviewed',
  'itemReviewed.author',
  'itemReviewed.author.name',
  'itemReviewed.datePublished',
  'itemReviewed.appearance',
] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const types = (v: Obj): string[] => {
  const t = v['@type'];
  return Array.isArray(t)
    ? t.filter((x): x is string => typeof x === 'string')
    : typeof t === 'string'
      ? [t]
      : [];
};

/** ISO 8601 as Google reads it: a year, a month or a day, optionally with a time. */
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function httpsUrl(v: unknown): 'ok' | 'missing' | string {
  const s = text(v);
  if (!s) return 'missing';
  try {
    const u = new URL(s);
    return u.protocol === 'https:' ? 'ok' : `"${s}" is not an https address`;
  } catch {
    return `"${s}" is not a web address`;
  }
}

function webUrl(v: unknown): boolean {
  const s = text(v);
  if (!s) return false;
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** Who made a claim or wrote a review: an Organization or Person with a name. */
function checkAgent(v: unknown, path: string, gaps: ReviewGap[], placeholder?: RegExp): void {
  if (v === undefined || v === null) {
    gaps.push({ field: path, problem: 'missing', detail: 'no author' });
    return;
  }
  const agent = Array.isArray(v) ? v[0] : v;
  if (!isObj(agent) || !types(agent).some((t) => t === 'Organization' || t === 'Person')) {
    gaps.push({ field: path, problem: 'invalid', detail: 'not an Organization or Person' });
    return;
  }
  const name = text(agent['name']);
  if (!name) gaps.push({ field: `${path}.name`, problem: 'missing', detail: 'the author has no name' });
  else if (placeholder?.test(name))
    gaps.push({ field: `${path}.name`, problem: 'missing', detail: `"${name}" stands in for a name` });
}

function checkDate(v: unknown, path: string, gaps: ReviewGap[]): void {
  const s = text(v);
  if (!s) gaps.push({ field: path, problem: 'missing', detail: 'no date' });
  else if (!ISO_DATE.test(s))
    gaps.push({ field: path, problem: 'invalid', detail: `"${s}" is not an ISO 8601 date with a year` });
}

/** Every required or recommended field of one ClaimReview that is missing or invalid. */
export function checkClaimReview(review: unknown): ReviewGap[] {
  const gaps: ReviewGap[] = [];
  if (!isObj(review) || !types(review).includes('ClaimReview'))
    return [{ field: '@type', problem: 'invalid', detail: 'not a ClaimReview' }];

  if (!text(review['claimReviewed']))
    gaps.push({ field: 'claimReviewed', problem: 'missing', detail: 'no claim text' });

  const rating = review['reviewRating'];
  if (!isObj(rating)) gaps.push({ field: 'reviewRating', problem: 'missing', detail: 'no rating' });
  else {
    if (!text(rating['alternateName']))
      gaps.push({ field: 'reviewRating.alternateName', problem: 'missing', detail: 'no rating name' });
    const [value, best, worst] = ['ratingValue', 'bestRating', 'worstRating'].map((k) =>
      rating[k] === undefined ? undefined : Number(rating[k]),
    );
    if (best !== undefined || worst !== undefined || value !== undefined) {
      if (value === undefined || Number.isNaN(value))
        gaps.push({ field: 'reviewRating.ratingValue', problem: 'missing', detail: 'no rating value' });
      else if (
        (best !== undefined && (Number.isNaN(best) || value > best)) ||
        (worst !== undefined && (Number.isNaN(worst) || value < worst))
      )
        gaps.push({
          field: 'reviewRating.ratingValue',
          problem: 'invalid',
          detail: `${value} is outside the scale ${worst ?? '?'}–${best ?? '?'}`,
        });
    }
  }

  const url = httpsUrl(review['url']);
  if (url === 'missing') gaps.push({ field: 'url', problem: 'missing', detail: 'no review address' });
  else if (url !== 'ok') gaps.push({ field: 'url', problem: 'invalid', detail: url });

  checkAgent(review['author'], 'author', gaps, /^unknown\b/i);
  checkDate(review['datePublished'], 'datePublished', gaps);

  const item = review['itemReviewed'];
  if (!isObj(item) || !types(item).includes('Claim')) {
    gaps.push({
      field: 'itemReviewed',
      problem: isObj(item) ? 'invalid' : 'missing',
      detail: isObj(item) ? 'not a Claim' : 'no claim reviewed',
    });
    return gaps;
  }
  checkAgent(item['author'], 'itemReviewed.author', gaps);
  checkDate(item['datePublished'], 'itemReviewed.datePublished', gaps);
  const appearance = Array.isArray(item['appearance']) ? item['appearance'][0] : item['appearance'];
  const appears =
    (typeof appearance === 'string' && webUrl(appearance)) ||
    (isObj(appearance) && (webUrl(appearance['url']) || text(appearance['headline']) !== null));
  if (!appears)
    gaps.push({
      field: 'itemReviewed.appearance',
      problem: appearance === undefined ? 'missing' : 'invalid',
      detail: 'no web address or headline of where the claim appeared',
    });
  return gaps;
}

/** One review of a desk export with where it came from. */
export interface SourcedReview {
  review: object;
  conflictId: number;
  claimId: number;
  article: { id: number; title: string; outlet: string | null; publishedAt: string | null };
}

export interface ReviewCheck {
  conflictId: number;
  claimId: number;
  articleId: number;
  gaps: ReviewGap[];
}

export function checkSourcedReviews(reviews: SourcedReview[]): ReviewCheck[] {
  return reviews.map((r) => ({
    conflictId: r.conflictId,
    claimId: r.claimId,
    articleId: r.article.id,
    gaps: checkClaimReview(r.review),
  }));
}

const shell = (s: string) => (/^[\w./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const short = (s: string, max = 48) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/**
 * The gaps of a desk's reviews as sentences an editor can act on: one per article and
 * cause ("Article 2 (VNA) has no date: …"), one per desk-wide cause (the newsroom address,
 * the reviews' author), and one per review for anything else.
 */
export function claimReviewAdvice(reviews: SourcedReview[], deskPath?: string): string[] {
  const desk = `--desk ${deskPath ? shell(deskPath) : 'FILE'}`;
  const checks = checkSourcedReviews(reviews);
  const advice: string[] = [];
  const byArticle = new Map<number, { a: SourcedReview['article']; date: number; author: number }>();
  let badUrl: { n: number; detail: string } | null = null;
  let noAuthor = 0;
  const other: string[] = [];
  checks.forEach((c, i) => {
    const a = reviews[i]!.article;
    for (const g of c.gaps) {
      if (g.field === 'itemReviewed.datePublished' || g.field.startsWith('itemReviewed.author')) {
        const e = byArticle.get(a.id) ?? { a, date: 0, author: 0 };
        if (g.field === 'itemReviewed.datePublished') e.date++;
        else e.author++;
        byArticle.set(a.id, e);
      } else if (g.field === 'url') badUrl = { n: (badUrl?.n ?? 0) + 1, detail: g.detail };
      else if (g.field.startsWith('author')) noAuthor++;
      else
        other.push(`The review of claim ${c.claimId} (conflict ${c.conflictId}): ${g.field} — ${g.detail}.`);
    }
  });
  for (const { a, date, author } of [...byArticle.values()].sort((x, y) => x.a.id - y.a.id)) {
    const name = a.outlet ? `${a.outlet}, “${short(a.title)}”` : `“${short(a.title)}”`;
    if (date)
      advice.push(
        `Article ${a.id} (${name}) has ${a.publishedAt ? `a date without a year (${a.publishedAt})` : 'no date'}, ` +
          `so ${plural(date, 'review lacks', 'reviews lack')} the claim's date (itemReviewed.datePublished): ` +
          `set it in the article's details or with \`claimdesk article ${desk} --article ${a.id} --date YYYY-MM-DD\`.`,
      );
    if (author)
      advice.push(
        `Article ${a.id} (${name}) has no outlet or author, ` +
          `so ${plural(author, 'review lacks', 'reviews lack')} who made the claim (itemReviewed.author): ` +
          `set the outlet in the article's details or with \`claimdesk article ${desk} --article ${a.id} --outlet NAME\`.`,
      );
  }
  const url = badUrl as { n: number; detail: string } | null;
  if (url)
    advice.push(
      `${plural(url.n, 'review has', 'reviews have')} an address search engines will not take (${url.detail}): ` +
        `set the newsroom address to an https one in the export dialog or with \`claimdesk settings ${desk} --newsroom-url https://…\`.`,
    );
  if (noAuthor)
    advice.push(
      `${plural(noAuthor, 'review has', 'reviews have')} no author: ` +
        `set the newsroom's name with \`claimdesk settings ${desk} --newsroom-name NAME\`, or your editor name.`,
    );
  return [...advice, ...other];
}
