/**
 * The append-only history and undo/redo on top of it.
 *
 * Every editor action records the rows it changed, before and after, as
 * `{ rows: [{ table, key, row }] }`. Undo writes the "before" rows back and appends
 * an `undo` entry that points at the action; redo writes the "after" rows back and
 * appends a `redo` entry pointing at the undo. The stacks are derived by replaying
 * the log, so they survive restarts with no extra state.
 */
import type { Db } from '../db/open';
import type { HistoryEntry } from '../../shared/views';
import { DeskError } from '../../shared/errors';
import { detectionOf } from './detect-record';

/** Tables an editor action may change, with their key columns. Identifiers are checked against this list. */
const TABLES = {
  articles: ['id'],
  claim_entities: ['claim_id', 'entity_id'],
  conflicts: ['id'],
  conflict_claims: ['conflict_id', 'claim_id'],
  claims: ['id'],
  notes: ['id'],
  facts: ['id'],
  passage_marks: ['article_id', 'start', 'end'],
  passages: ['id'],
  settings: ['key'],
  drafts: ['article_id'],
  draft_verdicts: ['claim_id'],
  article_versions: ['article_id'],
  claim_versions: ['from_claim_id', 'to_article_id'],
} as const;
export type TrackedTable = keyof typeof TABLES;

export interface RowChange {
  table: TrackedTable;
  key: Record<string, number | string>;
  row: Record<string, unknown> | null;
  /**
   * The row is found by a stable key (a span, not a row id) and `row` holds only the
   * columns the action changed: undo and redo update whatever row has that key now, and
   * add none when extraction no longer finds it.
   */
  ifPresent?: true;
}

interface Snapshot {
  rows: RowChange[];
}

function q(ident: string): string {
  if (!/^[a-z_]+$/.test(ident)) throw new Error(`bad identifier ${ident}`);
  return `"${ident}"`;
}

function keyOf(table: TrackedTable, row: Record<string, unknown>): Record<string, number | string> {
  const key: Record<string, number | string> = {};
  for (const col of TABLES[table]) key[col] = row[col] as number | string;
  return key;
}

/** Reads the current row (or null) for a key. */
export function readRow(db: Db, table: TrackedTable, key: Record<string, number | string>): RowChange {
  const cols = Object.keys(key);
  const where = cols.map((c) => `${q(c)} = ?`).join(' AND ');
  const row = db.prepare(`SELECT * FROM ${q(table)} WHERE ${where}`).get(...cols.map((c) => key[c])) as
    Record<string, unknown> | undefined;
  return { table, key, row: row ?? null };
}

export function readRows(db: Db, table: TrackedTable, where: string, params: unknown[]): RowChange[] {
  const rows = db.prepare(`SELECT * FROM ${q(table)} WHERE ${where}`).all(...params) as Record<
    string,
    unknown
  >[];
  return rows.map((row) => ({ table, key: keyOf(table, row), row }));
}

/** Writes rows back: deletes where `row` is null, updates or inserts otherwise. */
export function applyRows(db: Db, changes: RowChange[]): void {
  // Parents before children on insert, children before parents on delete.
  const deletes = changes.filter((c) => c.row === null).reverse();
  const writes = changes.filter((c) => c.row !== null);
  for (const c of deletes) {
    const cols = Object.keys(c.key);
    db.prepare(`DELETE FROM ${q(c.table)} WHERE ${cols.map((k) => `${q(k)} = ?`).join(' AND ')}`).run(
      ...cols.map((k) => c.key[k]),
    );
  }
  for (const c of writes) {
    let row = c.row!;
    // A fact that re-matching removed since the action cannot be pointed at again:
    // the claim or conflict goes back ungrouped and the next matching places it.
    if ((c.table === 'claims' || c.table === 'conflicts') && typeof row.fact_id === 'number') {
      if (!db.prepare('SELECT 1 FROM facts WHERE id = ?').get(row.fact_id)) row = { ...row, fact_id: null };
    }
    const cols = Object.keys(row);
    const keyCols = Object.keys(c.key);
    const exists = db
      .prepare(`SELECT 1 FROM ${q(c.table)} WHERE ${keyCols.map((k) => `${q(k)} = ?`).join(' AND ')}`)
      .get(...keyCols.map((k) => c.key[k]));
    if (exists) {
      const sets = cols.filter((k) => !keyCols.includes(k));
      if (sets.length === 0) continue;
      db.prepare(
        `UPDATE ${q(c.table)} SET ${sets.map((k) => `${q(k)} = ?`).join(', ')} WHERE ${keyCols
          .map((k) => `${q(k)} = ?`)
          .join(' AND ')}`,
      ).run(...sets.map((k) => row[k]), ...keyCols.map((k) => c.key[k]));
    } else if (!c.ifPresent) {
      db.prepare(
        `INSERT INTO ${q(c.table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      ).run(...cols.map((k) => row[k]));
    }
  }
}

export interface RecordInput {
  actor: string;
  action: string;
  targetType: string;
  targetId: number | null;
  before: RowChange[];
  after: RowChange[];
}

export function recordAction(db: Db, input: RecordInput): number {
  const info = db
    .prepare(
      `INSERT INTO history (at, actor, action, target_type, target_id, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      new Date().toISOString(),
      input.actor,
      input.action,
      input.targetType,
      input.targetId,
      JSON.stringify({ rows: input.before } satisfies Snapshot),
      JSON.stringify({ rows: input.after } satisfies Snapshot),
    );
  return Number(info.lastInsertRowid);
}

interface HistoryRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: number | null;
  before: string | null;
  after: string | null;
  reverses: number | null;
}

/** Actions that are not undoable editor work (imports, detection runs). */
const NOT_UNDOABLE = new Set(['undo', 'redo', 'import', 'detect', 'extract']);

/** Replays the log into the undo and redo stacks (ids of original actions). */
function stacks(db: Db): { done: number[]; undone: number[] } {
  const rows = db.prepare('SELECT id, action, reverses FROM history ORDER BY id').all() as Pick<
    HistoryRow,
    'id' | 'action' | 'reverses'
  >[];
  const done: number[] = [];
  const undone: number[] = [];
  for (const r of rows) {
    if (r.action === 'undo') {
      const i = done.lastIndexOf(r.reverses!);
      if (i >= 0) done.splice(i, 1);
      undone.push(r.reverses!);
    } else if (r.action === 'redo') {
      const i = undone.lastIndexOf(r.reverses!);
      if (i >= 0) undone.splice(i, 1);
      done.push(r.reverses!);
    } else if (!NOT_UNDOABLE.has(r.action)) {
      done.push(r.id);
      undone.length = 0;
    }
  }
  return { done, undone };
}

function getRow(db: Db, id: number): HistoryRow {
  const row = db.prepare('SELECT * FROM history WHERE id = ?').get(id) as HistoryRow | undefined;
  if (!row) throw new DeskError('not_found', `No history entry ${id}.`);
  return row;
}

export function undo(db: Db, actor: string): HistoryEntry | null {
  return db
    .transaction(() => {
      const { done } = stacks(db);
      const target = done.at(-1);
      if (target === undefined) return null;
      const row = getRow(db, target);
      const before = JSON.parse(row.before ?? '{"rows":[]}') as Snapshot;
      // The detection run the action set off is taken back first, then the action.
      const detection = detectionOf(db, row.id);
      if (detection) applyRows(db, detection.before);
      applyRows(db, before.rows);
      db.prepare(
        `INSERT INTO history (at, actor, action, target_type, target_id, reverses) VALUES (?, ?, 'undo', ?, ?, ?)`,
      ).run(new Date().toISOString(), actor, row.target_type, row.target_id, row.id);
      return toEntry(row);
    })
    .immediate();
}

export function redo(db: Db, actor: string): HistoryEntry | null {
  return db
    .transaction(() => {
      const { undone } = stacks(db);
      const target = undone.at(-1);
      if (target === undefined) return null;
      const row = getRow(db, target);
      const after = JSON.parse(row.after ?? '{"rows":[]}') as Snapshot;
      applyRows(db, after.rows);
      const detection = detectionOf(db, row.id);
      if (detection) applyRows(db, detection.after);
      db.prepare(
        `INSERT INTO history (at, actor, action, target_type, target_id, reverses) VALUES (?, ?, 'redo', ?, ?, ?)`,
      ).run(new Date().toISOString(), actor, row.target_type, row.target_id, row.id);
      return toEntry(row);
    })
    .immediate();
}

const VERBS: Record<string, string> = {
  'conflict:confirmed': 'Confirmed',
  'conflict:dismissed': 'Dismissed',
  'conflict:open': 'Reopened',
  'conflict:suggested': 'Reset to suggested',
  'conflict:resolve': 'Resolved',
  'conflict:create': 'Created',
  'note:add': 'Added a note to',
  'claim:add': 'Added',
  'claim:update': 'Corrected',
  'claim:delete': 'Deleted',
  'claim:move': 'Moved',
  'fact:merge': 'Merged facts into',
  'fact:split': 'Split off',
  'passage:boilerplate': 'Changed the boilerplate mark of',
  'article:update': 'Corrected the details of',
  'version:link': 'Linked as a new version:',
  'version:unlink': 'Unlinked the version',
  import: 'Imported',
  detect: 'Ran detection on',
  extract: 'Re-extracted',
  'draft:mark': 'Marked as a draft',
  'draft:unmark': 'Unmarked as a draft',
  'draft:verdict': 'Set the verdict of',
  'draft:clearVerdict': 'Cleared the verdict of',
};

export function toEntry(row: HistoryRow): HistoryEntry {
  const verb =
    VERBS[row.action] ?? (row.action === 'undo' ? 'Undid' : row.action === 'redo' ? 'Redid' : row.action);
  const target = row.target_id === null ? row.target_type : `${row.target_type} ${row.target_id}`;
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: `${verb} ${target}`,
  };
}

export function listHistory(
  db: Db,
  opts: { limit?: number; targetType?: string; targetId?: number } = {},
): HistoryEntry[] {
  // A detection run recorded with the action that set it off is part of that action.
  const own = "NOT (action = 'detect' AND reverses IS NOT NULL)";
  const rows =
    opts.targetType !== undefined
      ? (db
          .prepare(
            `SELECT * FROM history WHERE target_type = ? AND target_id = ? AND ${own} ORDER BY id DESC LIMIT ?`,
          )
          .all(opts.targetType, opts.targetId, opts.limit ?? 100) as HistoryRow[])
      : (db
          .prepare(`SELECT * FROM history WHERE ${own} ORDER BY id DESC LIMIT ?`)
          .all(opts.limit ?? 100) as HistoryRow[]);
  return rows.map(toEntry);
}
