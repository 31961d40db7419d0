/**
 * A conflict's sides as value clusters: the claims of one side that give the same
 * value (amount and unit, calendar date, moment in UTC, direction of change, the
 * "first" wording with its scope), whatever their wording. Resolving a conflict
 * picks one cluster as the right value; it is recorded by side and value key, so an
 * article that later repeats the same value counts as right too, and the notes name
 * every outlet behind it. Runs anywhere: the core records and exports with it, the
 * window shows and chooses with it.
 */
import type { ClaimValue } from './model';
import { humanDisplay } from './human-date';
import type { ConflictDetail } from './views';

export type Side = 'a' | 'b';

/** One claim of a conflict, as much as clustering needs. */
export interface ClusterMember {
  claimId: number;
  side: Side;
  value: ClaimValue | null;
  quote: string;
  /** The outlet (or, lacking one, the article's title) the claim comes from. */
  outlet: string;
  articleId: number;
}

export interface ValueCluster {
  side: Side;
  /** What the value is, for comparison: stable across wordings and re-detection. */
  key: string;
  /**
   * The value as most of its claims write it; for growth wording against wording or
   * figures, the direction as an editor says it ("rose", "fell 4.1% from 2022 to 2023").
   */
  display: string;
  /** One short line for a board row: one wording (and how many others), or the direction. */
  label: string;
  /** Each way its claims word it, the most used first. */
  wordings: string[];
  claimIds: number[];
  articleIds: number[];
  outlets: string[];
  /** Sources the articles cite for it ("the statistics office"), where their frames name one. */
  sources: string[];
}

/**
 * Conflicts whose sides are one statement against another rather than values of one
 * quantity: a "first" against its precedents (a date, an event, whichever wording),
 * growth wording against the series, an editor's own grouping. Each side is one cluster.
 */
const SIDE_IS_CLUSTER = new Set(['novelty_vs_precedent', 'trend_contradiction', 'manual']);

/**
 * The value a claim states, reduced to what decides agreement; rewording does not
 * change it. Stored values come from several releases, so every field is read as
 * possibly missing.
 */
export function valueKey(value: ClaimValue | null, quote: string): string {
  const words = (s: unknown) =>
    String(s ?? '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const v = (value ?? {}) as Partial<Record<string, unknown>>;
  switch (v['type']) {
    case 'figure':
      if (typeof v['amount'] === 'number')
        return `figure:${v['amount']}${rangeEnd(v['to'])}:${words(v['currency'] ?? v['unit'])}`;
      break;
    case 'count':
      if (typeof v['count'] === 'number')
        return `count:${v['count']}${rangeEnd(v['to'])}:${words(v['noun'])}`;
      break;
    case 'date':
      if (typeof v['date'] === 'string' && v['date'])
        return `date:${v['date']}${v['end'] ? '..' + String(v['end']) : ''}`;
      break;
    case 'time':
      if (typeof v['utc'] === 'number') return `time:${v['utc']}utc`;
      if (typeof v['minutes'] === 'number') return `time:${v['minutes']}:${words(v['zone'])}`;
      break;
    case 'trend':
      if (typeof v['direction'] === 'string') return `trend:${v['direction']}`;
      break;
  }
  return `text:${words(typeof v['display'] === 'string' && v['display'] ? v['display'] : quote)}`;
}

function rangeEnd(to: unknown): string {
  return typeof to === 'number' ? `..${to}` : '';
}

function sourceOf(value: ClaimValue | null): string | null {
  return value && 'frame' in value && value.frame ? value.frame.source : null;
}

/**
 * Side A's clusters first, then B's; within a side the cluster most articles give
 * first. `kind` is the conflict's: for a "first" against a precedent (and the other
 * statement-against-statement kinds) each side is one cluster.
 */
export function valueClusters(members: readonly ClusterMember[], kind?: string): ValueCluster[] {
  const wholeSides = kind !== undefined && SIDE_IS_CLUSTER.has(kind);
  const keyOf = (m: ClusterMember) => (wholeSides ? `side:${m.side}` : valueKey(m.value, m.quote));
  const byKey = new Map<string, ClusterMember[]>();
  for (const m of members) {
    const k = `${m.side}|${keyOf(m)}`;
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  }
  const clusters = [...byKey.values()].map((list): ValueCluster => {
    const shown = new Map<string, number>();
    for (const m of list) {
      const d = humanDisplay(String(m.value?.display || m.quote)).trim();
      shown.set(d, (shown.get(d) ?? 0) + 1);
    }
    // The wording most claims use; a whole side lists its few wordings.
    const wordings = [...shown.entries()].sort((x, y) => y[1] - x[1]).map(([d]) => d);
    const said = kind === 'trend_contradiction' ? trendSaid(list) : null;
    const display =
      said ??
      (wholeSides
        ? [...wordings.slice(0, 3), ...(wordings.length > 3 ? ['…'] : [])].join(' / ')
        : wordings[0]!);
    return {
      side: list[0]!.side,
      key: keyOf(list[0]!),
      display,
      label:
        said ?? (display !== wordings[0] ? `${wordings[0]} (+${wordings.length - 1} wordings)` : display),
      wordings,
      claimIds: list.map((m) => m.claimId),
      articleIds: [...new Set(list.map((m) => m.articleId))],
      outlets: [...new Set(list.map((m) => m.outlet))],
      sources: [...new Set(list.map((m) => sourceOf(m.value)).filter((s): s is string => !!s))],
    };
  });
  return clusters.sort(
    (x, y) =>
      x.side.localeCompare(y.side) ||
      y.articleIds.length - x.articleIds.length ||
      lowest(x.claimIds) - lowest(y.claimIds),
  );
}

const SAID: Record<string, string> = { up: 'rose', down: 'fell', flat: 'held steady' };

/**
 * What one side of a growth conflict says, as an editor would: the direction its wording
 * gives ("rose"), with the change its figures show when it has some ("fell 4.1% from
 * 2022 to 2023"); a side of figures alone says what they show. Null when the side gives
 * no direction at all (its figures have no order), so the wording is shown instead.
 */
export function trendSaid(members: readonly ClusterMember[]): string | null {
  const votes = new Map<string, number>();
  for (const m of members) {
    const v = m.value as Partial<Record<string, unknown>> | null;
    if (v?.['type'] === 'trend' && typeof v['direction'] === 'string' && SAID[v['direction']])
      votes.set(v['direction'], (votes.get(v['direction']) ?? 0) + 1);
  }
  const worded = [...votes.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  const change = seriesChange(members);
  const shown = change ? (change.change > 0 ? 'up' : change.change < 0 ? 'down' : 'flat') : null;
  const direction = worded ?? shown;
  if (!direction) return null;
  if (!change || shown !== direction || direction === 'flat') return SAID[direction]!;
  const pct = Math.abs(change.change * 100);
  const amount = `${pct < 10 ? pct.toFixed(1).replace(/\.0$/, '') : Math.round(pct)}%`;
  return `${SAID[direction]} ${amount} from ${change.from} to ${change.to}`;
}

/** The change from a side's earliest figure to its latest, by their stated periods. */
function seriesChange(
  members: readonly ClusterMember[],
): { change: number; from: string; to: string } | null {
  const points: { year: number; period: string; amount: number }[] = [];
  for (const m of members) {
    const v = m.value as Partial<Record<string, unknown>> | null;
    if ((v?.['type'] !== 'figure' && v?.['type'] !== 'count') || typeof v['period'] !== 'string') continue;
    const amount = v['type'] === 'figure' ? v['amount'] : v['count'];
    const year = /\b(1[89]\d\d|2\d\d\d)\b/.exec(v['period'])?.[1];
    if (typeof amount === 'number' && amount > 0 && year)
      points.push({ year: Number(year), period: v['period'], amount });
  }
  if (points.length < 2) return null;
  points.sort((x, y) => x.year - y.year);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first.year === last.year) return null;
  return { change: (last.amount - first.amount) / first.amount, from: first.period, to: last.period };
}

/**
 * The cluster an editor judged right: the one recorded by side and value key, or for a
 * decision recorded before clusters (a single claim), the cluster holding that claim.
 */
export function rightCluster(
  clusters: readonly ValueCluster[],
  decision: { correctSide?: Side | null; correctValue?: string | null; correctClaimId: number | null },
): ValueCluster | null {
  if (decision.correctValue) {
    // The same side first; new coverage can turn a minority value into the majority and swap the letters.
    const hit =
      clusters.find((c) => c.side === decision.correctSide && c.key === decision.correctValue) ??
      clusters.find((c) => c.key === decision.correctValue);
    if (hit) return hit;
  }
  if (decision.correctClaimId !== null)
    return clusters.find((c) => c.claimIds.includes(decision.correctClaimId!)) ?? null;
  return null;
}

/** The clusters of a conflict as the core returns it. */
export function clustersOfDetail(d: ConflictDetail): ValueCluster[] {
  return valueClusters(
    d.sides.map((s) => ({
      claimId: s.claim.id,
      side: s.side,
      value: s.claim.value,
      quote: s.claim.quote,
      outlet: s.article.outlet?.trim() || s.article.title,
      articleId: s.article.id,
    })),
    d.kind,
  );
}

/** The cluster judged right on a resolved conflict, else null. */
export function rightClusterOfDetail(d: ConflictDetail, clusters = clustersOfDetail(d)): ValueCluster | null {
  if (d.status !== 'resolved' || d.correctNeither) return null;
  return rightCluster(clusters, d);
}

/** The smallest id, by a loop: a cluster can hold more claims than a call takes arguments. */
function lowest(ids: readonly number[]): number {
  let min = Infinity;
  for (const id of ids) if (id < min) min = id;
  return min;
}
