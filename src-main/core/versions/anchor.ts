/**
 * Re-anchoring: where does a claim of one version of an article sit in the next?
 *
 * A claim carries the W3C selectors (quote, prefix, suffix, start/end). Placing it
 * in a revised text follows the order the Hypothesis client uses for annotations:
 *  1. every exact occurrence of the quote, ranked by how much of the prefix and
 *     suffix still surrounds it and, as a tie-breaker, by closeness to the old start;
 *  2. when the quote is gone (an edited figure, a retyped sentence), approximate
 *     occurrences found with `approx-string-match` (Myers' bit-parallel matcher),
 *     ranked the same way.
 * A placement must be backed by its context: a short quote ("1987", "three towns")
 * occurs anywhere, so an occurrence whose prefix and suffix have both gone is not the
 * claim, and the claim stays an orphan rather than landing on a stranger's sentence.
 *
 * Pure and synchronous: the desk code and the benchmark call it on plain data.
 */
import approxSearch from 'approx-string-match';

export interface AnchorSource {
  id: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface Placement {
  id: number;
  start: number;
  end: number;
  /** `exact`: the quote is unchanged; `fuzzy`: an edited form of it. */
  method: 'exact' | 'fuzzy';
  /** 0..1: how well quote and context agree at the new place. */
  score: number;
}

export interface AnchorResult {
  placed: Placement[];
  /** Claims with no place in the new text (a removed paragraph, a rewritten sentence). */
  orphans: number[];
}

/**
 * How much context must survive around a candidate (mean of prefix and suffix
 * similarity). Half is where an edit next to the claim (a word inserted before a
 * figure) still passes while text that merely contains the same words does not:
 * two unrelated English spans of 32 characters agree on about a third of their
 * characters by edit distance.
 */
const MIN_CONTEXT = 0.5;
/** A quote this long identifies itself; its context is only a ranking aid. */
const SELF_IDENTIFYING = 40;
/** An approximate quote must keep at least this share of its characters. */
const MIN_QUOTE = 0.5;

/** 0..1 similarity of `text` to `pattern` by best edit distance of the pattern in it. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === pattern) return 1;
  const best = approxSearch(text, pattern, pattern.length);
  // A loop, not Math.min(...): a short quote can match at more places than a call takes arguments.
  let errors = pattern.length;
  for (const m of best) if (m.errors < errors) errors = m.errors;
  return 1 - errors / pattern.length;
}

/** Characters of `a`'s end shared with `b`'s end. */
function sharedTail(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && end - n - 1 >= 0 && text[end - n - 1] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** Characters from `start` shared with the beginning of `suffix`. */
function sharedHead(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text[start + n] === suffix[n]) n++;
  return n;
}

/** The context agreement read from exact characters only: a lower bound of contextScore, and cheap. */
function exactContext(text: string, start: number, end: number, c: AnchorSource): number {
  const pre = c.prefix.length ? sharedTail(text, start, c.prefix) / c.prefix.length : 1;
  const suf = c.suffix.length ? sharedHead(text, end, c.suffix) / c.suffix.length : 1;
  return (pre + suf) / 2;
}

function contextScore(text: string, start: number, end: number, c: AnchorSource): number {
  const side = (exactLen: number, full: string, slice: () => string): number => {
    if (full.length === 0) return 1;
    if (exactLen === full.length) return 1;
    // Most edits leave the characters next to the quote intact: only then is the
    // slower approximate comparison worth its cost.
    return Math.max(exactLen / full.length, similarity(slice(), full));
  };
  const pre = side(sharedTail(text, start, c.prefix), c.prefix, () =>
    text.slice(Math.max(0, start - c.prefix.length - 8), start),
  );
  const suf = side(sharedHead(text, end, c.suffix), c.suffix, () =>
    text.slice(end, end + c.suffix.length + 8),
  );
  return (pre + suf) / 2;
}

/**
 * At most this many candidates get the approximate context comparison, those whose
 * exact neighbours agree most: a frequent quote ("the city", "2024") can occur a
 * hundred times, and only the few with surviving context can win.
 */
const MAX_SCORED = 12;

function best(
  text: string,
  c: AnchorSource,
  candidates: { start: number; end: number; errors: number }[],
  method: Placement['method'],
): Placement | null {
  const quoteLen = Math.max(1, c.quote.length);
  const span = Math.max(1, text.length);
  const near = (m: { start: number }) => 1 - Math.min(1, Math.abs(m.start - c.start) / span);
  const usable = candidates.filter((m) => 1 - m.errors / quoteLen >= MIN_QUOTE);
  if (usable.length === 0) return null;
  const cheap = usable.map((m) => ({ m, lower: exactContext(text, m.start, m.end, c) }));
  cheap.sort((a, b) => b.lower - a.lower || near(b.m) - near(a.m));
  // A candidate whose whole context survived cannot be beaten on context.
  const shortlist = cheap[0]!.lower === 1 ? cheap.filter((x) => x.lower === 1) : cheap.slice(0, MAX_SCORED);
  let top: Placement | null = null;
  let topRank = -Infinity;
  for (const { m, lower } of shortlist) {
    const quoteSim = 1 - m.errors / quoteLen;
    const context = lower === 1 ? 1 : contextScore(text, m.start, m.end, c);
    const selfIdentifying = method === 'exact' && c.quote.length >= SELF_IDENTIFYING;
    if (context < MIN_CONTEXT && !selfIdentifying) continue;
    // Quote and context weigh alike (either can carry the edit); position only breaks ties.
    const score = 0.5 * quoteSim + 0.5 * context;
    const rank = score + 0.01 * near(m);
    if (rank > topRank) {
      topRank = rank;
      top = { id: c.id, start: m.start, end: m.end, method, score: Math.round(score * 1000) / 1000 };
    }
  }
  return top;
}

function exactOccurrences(text: string, quote: string): { start: number; end: number; errors: number }[] {
  const out: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1))
    out.push({ start: at, end: at + quote.length, errors: 0 });
  return out;
}

/** Places one claim in `text`, or returns null when it has no place there. */
export function placeClaim(text: string, c: AnchorSource): Placement | null {
  if (c.quote.length === 0) return null;
  const exact = best(text, c, exactOccurrences(text, c.quote), 'exact');
  if (exact) return exact;
  const maxErrors = Math.min(64, Math.floor(c.quote.length * (1 - MIN_QUOTE)));
  if (maxErrors < 1) return null;
  return best(text, c, approxSearch(text, c.quote, maxErrors), 'fuzzy');
}

/** Places every claim of the old version in the new text; none is dropped. */
export function reanchor(claims: readonly AnchorSource[], text: string): AnchorResult {
  const placed: Placement[] = [];
  const orphans: number[] = [];
  for (const c of claims) {
    const p = placeClaim(text, c);
    if (p) placed.push(p);
    else orphans.push(c.id);
  }
  return { placed, orphans };
}

export interface VersionClaim {
  id: number;
  kind: string;
  start: number;
  end: number;
  quote: string;
}

export type PairStatus = 'same' | 'changed';

export interface Pairing {
  /** The claim on the old version. */
  fromId: number;
  /** Its counterpart on the new version; null when the new version's extraction has none there. */
  toId: number | null;
  /** `same`: the outlet still says it in the same words; `changed`: the wording of the value changed. */
  status: PairStatus;
  start: number;
  end: number;
  method: Placement['method'];
  score: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Pairs placed claims with the claims extracted from the new version: a claim of
 * the same kind overlapping the placement is the same claim when its quote reads
 * the same, and a changed one (a new value, linked to the old) when it does not.
 * Each new claim takes at most one predecessor, the best-scored; a second old claim
 * on the same spot (a repeated sentence the outlet merged) becomes an orphan.
 */
export function pairClaims(
  oldClaims: readonly (VersionClaim & { prefix: string; suffix: string })[],
  newClaims: readonly VersionClaim[],
  text: string,
): { pairs: Pairing[]; orphans: number[] } {
  const { placed, orphans } = reanchor(oldClaims, text);
  const byId = new Map(oldClaims.map((c) => [c.id, c]));
  const sorted = [...newClaims].sort((a, b) => a.start - b.start);
  const taken = new Set<number>();
  const pairs: Pairing[] = [];
  const lost: number[] = [...orphans];
  for (const p of [...placed].sort((a, b) => b.score - a.score)) {
    const old = byId.get(p.id)!;
    let match: VersionClaim | null = null;
    let overlapBest = 0;
    for (const n of sorted) {
      if (n.start >= p.end) break;
      if (n.end <= p.start || n.kind !== old.kind || taken.has(n.id)) continue;
      const overlap = Math.min(n.end, p.end) - Math.max(n.start, p.start);
      if (overlap > overlapBest) {
        overlapBest = overlap;
        match = n;
      }
    }
    if (match) {
      taken.add(match.id);
      pairs.push({
        fromId: p.id,
        toId: match.id,
        status: norm(match.quote) === norm(old.quote) ? 'same' : 'changed',
        start: match.start,
        end: match.end,
        method: p.method,
        score: p.score,
      });
    } else if (p.method === 'exact') {
      // The words are all there but the extractor did not read a claim from them
      // (an editor's own claim, or a sentence whose frame moved): carried as it was.
      pairs.push({ fromId: p.id, toId: null, status: 'same', ...pick(p) });
    } else {
      lost.push(p.id);
    }
  }
  pairs.sort((a, b) => a.start - b.start);
  return { pairs, orphans: lost };
}

function pick(p: Placement) {
  return { start: p.start, end: p.end, method: p.method, score: p.score };
}
