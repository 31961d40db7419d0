/**
 * How much a conflict matters, as one order shared by the review queue and the source
 * notes. An editor works down the queue from the top and a reader of the notes reads the
 * first findings first, so both want the disagreement whose error would cost most at the
 * top: the one still undecided, the one whose values lie furthest apart, the one repeated
 * by the most articles, the kind of error readers punish most.
 *
 * Pure: the caller gives each conflict's status, kind and the values and articles on each
 * side; nothing here reads the desk.
 */
import type { ClaimValue, ConflictStatus } from '../../shared/model';

export interface RankSide {
  /** The normalised values the side's claims state (null where a claim has none). */
  values: (ClaimValue | null)[];
  /** Articles the side's claims come from (repeats allowed). */
  articleIds: number[];
}

export interface RankInput {
  id: number;
  status: ConflictStatus;
  kind: string;
  sides: RankSide[];
}

/**
 * Undecided first: a queue is for what still needs an editor. Then confirmed (a known
 * error nobody has settled), resolved, and dismissed last (the editor judged it no error).
 */
const STATUS_TIER: Record<ConflictStatus, number> = {
  suggested: 0,
  open: 0,
  confirmed: 1,
  resolved: 2,
  dismissed: 3,
};

/**
 * What an error of each kind costs a reader. A false "first" or a wrong figure is the
 * correction newsrooms print most; a date off is usually a slip; a trend word against its
 * own series and a time of day are least read. An editor's own flag counts as the highest:
 * a person already judged it worth a look.
 */
const KIND_WEIGHT: Record<string, number> = {
  manual: 1,
  novelty_vs_precedent: 1,
  figure_mismatch: 0.9,
  count_mismatch: 0.9,
  date_mismatch: 0.7,
  trend_contradiction: 0.6,
};

export function statusTier(status: ConflictStatus): number {
  return STATUS_TIER[status] ?? 0;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * One comparable number per value, on a scale where a difference means something; null
 * for values with no such number (or stored without one: an editor's hand-made value).
 */
function magnitude(v: ClaimValue | null): { scale: 'ratio' | 'days' | 'minutes'; n: number } | null {
  if (!v) return null;
  switch (v.type) {
    case 'figure':
      return finite(v.amount) ? { scale: 'ratio', n: v.amount } : null;
    case 'count':
      return finite(v.count) ? { scale: 'ratio', n: v.count } : null;
    case 'date': {
      if (typeof v.date !== 'string') return null;
      const d = v.date;
      const t = Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
      return finite(t) ? { scale: 'days', n: t / 86_400_000 } : null;
    }
    case 'time': {
      const n = finite(v.utc) ? v.utc : v.minutes;
      return finite(n) ? { scale: 'minutes', n } : null;
    }
    default:
      return null;
  }
}

function median(ns: number[]): number {
  const s = [...ns].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The size of the disagreement, 0–1: how far apart the sides' values are. Figures and
 * counts by relative gap (482 against 594 is 0.19; 8,000 against 80,000 is 0.9), dates by
 * days apart over a year, times by minutes over half a day. A "first" against a precedent
 * or a rise against a fall has no distance: it is either so or not, and counts as whole.
 */
export function gap(c: RankInput): number {
  const per = c.sides.map((s) => s.values.map(magnitude).filter((m) => m !== null));
  const [a, b] = per;
  if (!a?.length || !b?.length || a[0]!.scale !== b[0]!.scale) return 1;
  const x = median(a.map((m) => m.n));
  const y = median(b.map((m) => m.n));
  switch (a[0]!.scale) {
    case 'ratio': {
      const top = Math.max(Math.abs(x), Math.abs(y));
      return top === 0 ? 0 : Math.min(1, Math.abs(x - y) / top);
    }
    case 'days':
      return Math.min(1, Math.abs(x - y) / 365);
    case 'minutes':
      return Math.min(1, Math.abs(x - y) / 720);
  }
}

/**
 * How far the disagreement reaches, 0–1: an error repeated by five articles misleads more
 * readers than one article contradicting itself. 1 − 1/n of the distinct articles: one
 * article 0, two 0.5, four 0.75.
 */
export function reach(c: RankInput): number {
  const n = new Set(c.sides.flatMap((s) => s.articleIds)).size;
  return n === 0 ? 0 : 1 - 1 / n;
}

/**
 * The consequence of a conflict within its status tier, 0–1. The gap weighs most (a small
 * rounding difference is rarely worth a correction), then how many articles carry it, then
 * the kind.
 */
export function consequence(c: RankInput): number {
  return 0.5 * gap(c) + 0.3 * reach(c) + 0.2 * (KIND_WEIGHT[c.kind] ?? 0.5);
}

/** The conflicts in the order an editor should see them; ties keep detection order (by id). */
export function rankConflicts<T extends RankInput>(list: readonly T[]): T[] {
  const score = new Map(list.map((c) => [c, consequence(c)]));
  return [...list].sort(
    (p, q) => statusTier(p.status) - statusTier(q.status) || score.get(q)! - score.get(p)! || p.id - q.id,
  );
}
