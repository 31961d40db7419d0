/**
 * `claimdesk eval`: reads what the desk found (conflicts, entity aliases,
 * boilerplate sentences) and scores it against a gold file.
 */
import type { Db } from '../core/db/open';
import { conflictsJson } from './json';
import * as Q from '../core/desk/queries';
import { formatEvalTable, scoreAgainstGold } from '../core/match/eval';

export function deskEvalInput(db: Db) {
  const conflicts = conflictsJson(db).map((k) => ({
    kind: k.kind,
    claims: k.claims.map((c) => ({ side: c.side, sentence: c.sentence, articleSource: c.article.source })),
  }));
  const aliasGroups = Q.entityViews(db).map((e) => [e.name, ...e.aliases]);
  const boilerplateSentences = (
    db
      .prepare(
        `SELECT a.source, substr(a.text, p.start + 1, p."end" - p.start) AS sentence FROM passages p
         JOIN articles a ON a.id = p.article_id WHERE p.boilerplate = 1`,
      )
      .all() as { source: string; sentence: string }[]
  ).map((r) => ({ articleSource: r.source, sentence: r.sentence }));
  return { conflicts, aliasGroups, boilerplateSentences };
}

export function evaluateDesk(db: Db, gold: unknown): { text: string; failed: boolean } {
  const result = scoreAgainstGold(deskEvalInput(db), gold as Parameters<typeof scoreAgainstGold>[1]);
  return { text: formatEvalTable(result), failed: result.recall < 1 || result.violations > 0 };
}
