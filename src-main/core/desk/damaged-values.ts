/**
 * Claims whose stored value matching cannot use: a figure without its fields, a kind this
 * version does not know (a desk written by another version, or edited outside Claimdesk).
 * The contract refuses such values from the window; this finds them on a desk that has
 * them anyway, so matching leaves them out and names them instead of failing for good.
 *
 * Checked only when matching has failed: a sound desk pays nothing for it.
 */
import * as v from 'valibot';
import type { Db } from '../db/open';
import type { MatchClaim } from '../match/types';
import type { LeftOutClaim } from '../../shared/views';
import { claimValueSchema } from '../../shared/value-schema';

export function damagedClaims(db: Db, claims: readonly MatchClaim[]): LeftOutClaim[] {
  const title = db.prepare('SELECT title FROM articles WHERE id = ?');
  const out: LeftOutClaim[] = [];
  for (const c of claims) {
    const r = v.safeParse(claimValueSchema, c.value);
    if (r.success) continue;
    const issue = r.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.');
    out.push({
      claimId: c.id,
      articleId: c.articleId,
      article: (title.get(c.articleId) as { title: string } | undefined)?.title ?? `article ${c.articleId}`,
      reason: `its stored value is damaged (${where ? `${where}: ` : ''}${issue.message}); it was left out of matching. Open the article to correct or delete the claim.`,
    });
  }
  return out;
}
