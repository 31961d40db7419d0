/**
 * Article-level edits: boilerplate, deletion, corrected details and versions. Part of the desk
 * service (desk-service.ts), which holds the open desk and its state.
 */
import type { ParsedInput } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import type { DeskInfo } from '../../shared/views';
import { type Db } from '../db/open';
import { refreshFacts } from '../desk/store';
import * as Q from '../desk/queries';
import { readRow, readRows, recordAction, type RowChange } from '../desk/history';
import { updateArticleMeta } from '../desk/article-meta';
import { beforeDeleteArticle } from '../versions/desk';
import { lastEntryId } from '../desk/detect-record';
import { rereadDates } from '../desk/article-dates';
import type { DeskService } from './desk-service';

export function setBoilerplate(svc: DeskService, id: number, boilerplate: boolean): null {
  const db = svc.database;
  const p = db.prepare('SELECT article_id, kind, start, "end" FROM passages WHERE id = ?').get(id) as
    { article_id: number; kind: string; start: number; end: number } | undefined;
  if (!p) throw new DeskError('not_found', `No passage ${id} on this desk.`);
  const span = { article_id: p.article_id, start: p.start, end: p.end };
  const passageKey = { ...span, kind: p.kind };
  // Recorded by span, with only the mark's columns: extraction replaces passage rows
  // (new ids) and may drop claims, so an undo after it changes the rows that hold the
  // span then, instead of writing a stale passage back beside the new one.
  const snapshot = (): RowChange[] => {
    const rows: RowChange[] = [readRow(db, 'passage_marks', span)];
    const passage = readRow(db, 'passages', passageKey).row;
    if (passage)
      rows.push({
        table: 'passages',
        key: passageKey,
        row: { boilerplate: passage.boilerplate, boilerplate_reason: passage.boilerplate_reason },
        ifPresent: true,
      });
    const claims = db
      .prepare('SELECT id, boilerplate FROM claims WHERE article_id = ? AND start >= ? AND "end" <= ?')
      .all(p.article_id, p.start, p.end) as { id: number; boilerplate: number }[];
    for (const c of claims)
      rows.push({
        table: 'claims',
        key: { id: c.id },
        row: { boilerplate: c.boilerplate },
        ifPresent: true,
      });
    return rows;
  };
  db.transaction(() => {
    const before = snapshot();
    db.prepare(
      'INSERT INTO passage_marks (article_id, start, "end", boilerplate) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET boilerplate = excluded.boilerplate',
    ).run(p.article_id, p.start, p.end, boilerplate ? 1 : 0);
    db.prepare('UPDATE passages SET boilerplate = ?, boilerplate_reason = ? WHERE id = ?').run(
      boilerplate ? 1 : 0,
      boilerplate ? 'editor' : null,
      id,
    );
    db.prepare('UPDATE claims SET boilerplate = ? WHERE article_id = ? AND start >= ? AND "end" <= ?').run(
      boilerplate ? 1 : 0,
      p.article_id,
      p.start,
      p.end,
    );
    const after = snapshot();
    recordAction(db, {
      actor: svc.actor(),
      action: 'passage:boilerplate',
      targetType: 'passage',
      targetId: id,
      before,
      after,
    });
    const facts = db
      .prepare('SELECT DISTINCT fact_id AS id FROM claims WHERE article_id = ? AND start >= ? AND "end" <= ?')
      .all(p.article_id, p.start, p.end) as { id: number | null }[];
    refreshFacts(
      db,
      facts.map((f) => f.id),
    );
  }).immediate();
  return null;
}

export function deleteArticle(svc: DeskService, id: number): DeskInfo {
  const db = svc.database;
  Q.articleSummary(db, id);
  db.transaction(() => {
    // Everything the article takes with it, parents before children, so that undo puts
    // back the article with its passages, claims, conflict sides, draft mark and
    // verdicts exactly as they were (notes point at ids, which come back unchanged).
    const ofClaims = 'claim_id IN (SELECT id FROM claims WHERE article_id = ?)';
    const before: RowChange[] = [
      ...readRows(db, 'articles', 'id = ?', [id]),
      ...readRows(
        db,
        'article_versions',
        'identity_id = (SELECT identity_id FROM article_versions WHERE article_id = ?)',
        [id],
      ),
      ...readRows(db, 'passages', 'article_id = ?', [id]),
      ...readRows(db, 'passage_marks', 'article_id = ?', [id]),
      ...readRows(db, 'claims', 'article_id = ?', [id]),
      ...readRows(db, 'claim_entities', ofClaims, [id]),
      ...readRows(
        db,
        'claim_versions',
        'from_claim_id IN (SELECT id FROM claims WHERE article_id = ?) OR to_article_id = ?',
        [id, id],
      ),
      ...readRows(db, 'conflicts', 'correct_claim_id IN (SELECT id FROM claims WHERE article_id = ?)', [id]),
      ...readRows(db, 'conflict_claims', ofClaims, [id]),
      ...readRows(db, 'drafts', 'article_id = ?', [id]),
      ...readRows(db, 'draft_verdicts', ofClaims, [id]),
    ];
    // The previous version of a revised article becomes the latest again.
    beforeDeleteArticle(db, id);
    for (const c of before) {
      if (c.table === 'claims') db.prepare('DELETE FROM claims_fts WHERE rowid = ?').run(c.key.id);
      if (c.table === 'passages') db.prepare('DELETE FROM passages_fts WHERE rowid = ?').run(c.key.id);
    }
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    refreshFacts(db);
    recordAction(db, {
      actor: svc.actor(),
      action: 'article:delete',
      targetType: 'article',
      targetId: id,
      before,
      // As each row is now: conflicts stay (with the claim they named as right cleared),
      // the previous version is the latest again, the rest is gone.
      after: before.map((c) => readRow(db, c.table, c.key)),
    });
  }).immediate();
  return svc.info();
}

/** Links or unlinks versions by hand, then re-runs matching: the board shows the latest version. */
export function versionsChange<T>(svc: DeskService, change: (db: Db) => T, record = false): Promise<T> {
  return svc.exclusive(async () => {
    const db = svc.database;
    const [result, entry] = db.transaction(() => [change(db), lastEntryId(db)] as const).immediate();
    await svc.detectNow(record && entry !== null ? entry : undefined);
    svc.emit('desk:changed', svc.info());
    return result;
  });
}

/**
 * Corrects an article's details. A new date re-reads the claims read against it
 * ("on Wednesday") and re-runs detection; both are recorded with the edit, so one
 * undo takes back the date, the claims and the conflicts that followed.
 */
export function updateArticle(svc: DeskService, i: ParsedInput<'articles:update'>) {
  return svc.exclusive(async () => {
    const db = svc.database;
    let claims = 0;
    const changed = updateArticleMeta(db, svc.actor(), i, (id, from, to) => {
      const r = rereadDates(db, svc.entities(), id, from, to);
      claims = r.claims;
      return r;
    });
    if (claims > 0) await svc.detectNow(lastEntryId(db) ?? undefined);
    if (changed) svc.emit('desk:changed', svc.info());
    return Q.articleSummary(db, i.id);
  });
}
