/**
 * Which value an editor judged right. The editor names one claim of a value cluster
 * (the window offers the clusters; the CLI takes a claim id); the cluster it belongs
 * to is recorded by side and value key, so the decision covers every article giving
 * that value, now and after new coverage.
 */
import type { Db } from '../db/open';
import type { ClaimValue } from '../../shared/model';
import { DeskError } from '../../shared/errors';
import { valueClusters, type ClusterMember, type Side, type ValueCluster } from '../../shared/value-clusters';

/** The conflict's live claims, as clustering needs them. */
export function clusterMembers(db: Db, conflictId: number): ClusterMember[] {
  const rows = db
    .prepare(
      `SELECT c.id, x.side, c.value, c.quote, c.article_id, coalesce(a.outlet, a.title) AS outlet
       FROM conflict_claims x JOIN claims c ON c.id = x.claim_id JOIN articles a ON a.id = c.article_id
       WHERE x.conflict_id = ? AND c.deleted = 0 ORDER BY x.side, a.position, c.start`,
    )
    .all(conflictId) as {
    id: number;
    side: Side;
    value: string;
    quote: string;
    article_id: number;
    outlet: string;
  }[];
  return rows.map((r) => {
    let value: ClaimValue | null;
    try {
      value = JSON.parse(r.value) as ClaimValue;
    } catch {
      value = null;
    }
    return { claimId: r.id, side: r.side, value, quote: r.quote, outlet: r.outlet, articleId: r.article_id };
  });
}

/** The cluster of `claimId` on conflict `conflictId`, or a clear error when the claim is not on it. */
export function clusterOfClaim(db: Db, conflictId: number, claimId: number): ValueCluster {
  const kind = db.prepare('SELECT kind FROM conflicts WHERE id = ?').pluck().get(conflictId) as
    string | undefined;
  if (kind === undefined) throw new DeskError('not_found', `No conflict ${conflictId} on this desk.`);
  const cluster = valueClusters(clusterMembers(db, conflictId), kind).find((c) =>
    c.claimIds.includes(claimId),
  );
  if (!cluster)
    throw new DeskError(
      'invalid_input',
      `Claim ${claimId} is not one of the claims of conflict ${conflictId}.`,
    );
  return cluster;
}
