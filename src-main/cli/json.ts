/**
 * The JSON shapes the CLI promises (and scripts depend on).
 */
import type { Db } from '../core/db/open';
import * as Q from '../core/desk/queries';

/** Conflicts as the CLI's JSON promises them. */
export function conflictsJson(db: Db) {
  const texts = new Q.TextCache(db);
  const sources = new Map(Q.articleSummaries(db).map((a) => [a.id, a]));
  return Q.listConflicts(db, {}).map((k) => ({
    id: k.id,
    kind: k.kind,
    status: k.status,
    explanation: k.explanation,
    fact: k.fact,
    claims: k.claims.map((ref) => {
      const c = Q.claimView(db, ref.id, texts);
      const a = sources.get(c.articleId)!;
      return {
        id: c.id,
        side: ref.side,
        quote: c.quote,
        sentence: c.sentence,
        start: c.start,
        end: c.end,
        value: c.value,
        article: { id: a.id, title: a.title, source: a.source },
      };
    }),
  }));
}
