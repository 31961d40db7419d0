/**
 * The append-only history: every editor action runs in one transaction with its rows before and
 * after; undo and redo. Part of the desk service (desk-service.ts), which holds the open desk and
 * its state.
 */
import { type Db } from '../db/open';
import { refreshFacts, claimSearchText } from '../desk/store';
import type { undo } from '../desk/history';
import { readRow, recordAction, type RowChange } from '../desk/history';
import { changesDrafts } from '../draft/handlers';
import { carriesDetection } from '../desk/detect-record';
import type { DeskService } from './desk-service';

/**
 * After undo or redo of an article's deletion: the search index entries of its passages
 * and claims (listed in the action's snapshot) are removed, and written again from the
 * rows when the article is back. The index is contentless, so its text is rebuilt the way
 * the import writes it.
 */
function reindexDeleted(db: Db, historyId: number): void {
  const row = db.prepare('SELECT before FROM history WHERE id = ?').get(historyId) as
    { before: string } | undefined;
  const rows = (JSON.parse(row?.before ?? '{"rows":[]}') as { rows: RowChange[] }).rows;
  const texts = new Map<number, string>();
  const textOf = (articleId: number) => {
    let t = texts.get(articleId);
    if (t === undefined) {
      t =
        (db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined)
          ?.text ?? '';
      texts.set(articleId, t);
    }
    return t;
  };
  for (const c of rows) {
    if (c.table !== 'passages' && c.table !== 'claims') continue;
    const id = Number(c.key.id);
    db.prepare(`DELETE FROM ${c.table === 'claims' ? 'claims_fts' : 'passages_fts'} WHERE rowid = ?`).run(id);
    if (c.table === 'passages') {
      const p = db.prepare('SELECT article_id, kind, start, "end" FROM passages WHERE id = ?').get(id) as
        { article_id: number; kind: string; start: number; end: number } | undefined;
      if (p?.kind === 'sentence')
        db.prepare('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)').run(
          id,
          textOf(p.article_id).slice(p.start, p.end),
        );
    } else {
      const cl = db
        .prepare(
          'SELECT article_id, quote, subject, start, "end", sentence_start, sentence_end FROM claims WHERE id = ?',
        )
        .get(id) as
        | {
            article_id: number;
            quote: string;
            subject: string | null;
            start: number;
            end: number;
            sentence_start: number;
            sentence_end: number;
          }
        | undefined;
      if (cl)
        db.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(
          id,
          claimSearchText(textOf(cl.article_id), {
            ...cl,
            sentenceStart: cl.sentence_start,
            sentenceEnd: cl.sentence_end,
          }),
        );
    }
  }
}

/** The facts an action touched, from the rows it recorded. */
function factsOf(changes: RowChange[]): number[] {
  const ids: number[] = [];
  for (const c of changes) {
    if (!c.row) continue;
    if (c.table === 'facts') ids.push(c.row.id as number);
    else if ((c.table === 'conflicts' || c.table === 'claims') && typeof c.row.fact_id === 'number')
      ids.push(c.row.fact_id);
  }
  return ids;
}

// ---- editor actions -----------------------------------------------------

/** Runs an editor action in one transaction and records its rows before and after. */
export function act<T>(
  svc: DeskService,
  action: string,
  targetType: string,
  targetId: number | null,
  touched: () => RowChange[],
  apply: () => T,
  touchedAfter?: () => RowChange[],
): T {
  const db = svc.database;
  return db
    .transaction(() => {
      const before = touched();
      const result = apply();
      const after = (touchedAfter ?? touched)().map((c) => readRow(db, c.table, c.key));
      // Rows that did not exist before are recorded as absent, so undo removes them.
      const beforeKeys = new Set(before.map((c) => `${c.table}:${JSON.stringify(c.key)}`));
      for (const c of after) {
        if (!beforeKeys.has(`${c.table}:${JSON.stringify(c.key)}`))
          before.push({ table: c.table, key: c.key, row: null });
      }
      recordAction(db, { actor: svc.actor(), action, targetType, targetId, before, after });
      refreshFacts(db, factsOf([...before, ...after]));
      return result;
    })
    .immediate();
}

export function undoRedo(svc: DeskService, step: typeof undo) {
  const db = svc.database;
  return db
    .transaction(() => {
      const entry = step(db, svc.actor());
      // An article's search index follows it out and back in.
      if (entry?.action === 'article:delete' || entry?.action === 'article:update')
        reindexDeleted(db, entry.id);
      if (entry) refreshFacts(db);
      return { entry };
    })
    .immediate();
}

/**
 * Undo or redo that changes which articles count as coverage (an article deleted or
 * brought back, a draft marked or unmarked) re-runs matching, so facts and conflicts
 * follow the articles.
 */
export async function afterCoverageChange<T extends { entry: { id: number; action: string } | null }>(
  svc: DeskService,
  result: T,
): Promise<T> {
  const action = result.entry?.action;
  // An action recorded with its detection run is put back exactly: no fresh run.
  if (result.entry && carriesDetection(svc.database, result.entry.id)) {
    svc.emit('desk:changed', svc.info());
    return result;
  }
  if (changesDrafts(action) || action === 'article:delete' || action?.startsWith('version:')) {
    await svc.detect();
    svc.emit('desk:changed', svc.info());
  }
  return result;
}
