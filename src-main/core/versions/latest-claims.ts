/**
 * The claims of a revised article are those of its latest version: `claims:list` and
 * the CLI's `claims` answer with them only. An older version's claims stay on it, for
 * the version view (`versions:diff`, `articles:get` of that version) and for the
 * orphans list; they are not the article's claims any more.
 */
import type { Db } from '../db/open';
import type { ClaimKind } from '../../shared/model';
import type { ClaimView } from '../../shared/views';
import { listClaims } from '../desk/queries';
import { latestVersion } from './recognise';

/** Claims of one article (asked by any of its versions: the latest's) or of the desk, latest versions only. */
export function latestClaims(db: Db, f: { articleId?: number; kind?: ClaimKind }): ClaimView[] {
  if (f.articleId !== undefined) return listClaims(db, { ...f, articleId: latestVersion(db, f.articleId) });
  const superseded = new Set(
    (
      db.prepare('SELECT article_id FROM article_versions WHERE superseded = 1').all() as {
        article_id: number;
      }[]
    ).map((r) => r.article_id),
  );
  const all = listClaims(db, f);
  return superseded.size === 0 ? all : all.filter((c) => !superseded.has(c.articleId));
}
