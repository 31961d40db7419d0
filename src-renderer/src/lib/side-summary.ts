/**
 * What each side of a conflict says, in one line for its heading, where the side's
 * claims are one statement rather than values to list: growth wording against other
 * wording or against figures reads "rose (3 articles)" against "fell 4.1% from 2022 to
 * 2023 (1 article)", never a figure standing for the direction.
 */
import { clustersOfDetail } from '../../../src-main/shared/value-clusters';
import type { ConflictDetail } from '../../../src-main/shared/views';
import { plural } from './labels';

export function sideSummaries(d: ConflictDetail): { a: string | null; b: string | null } {
  if (d.kind !== 'trend_contradiction') return { a: null, b: null };
  const said = (side: 'a' | 'b') => {
    const k = clustersOfDetail(d).find((c) => c.side === side);
    return k ? `${k.display} (${plural(k.articleIds.length, 'article')})` : null;
  };
  return { a: said('a'), b: said('b') };
}
