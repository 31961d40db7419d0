/**
 * Detection that an editor action sets off, recorded with the action.
 *
 * Linking a version or changing an article's date changes claims, and matching and
 * detection then re-group facts and re-draw conflicts. Undo must put back the desk as
 * it was before the action — the facts, the conflicts with their sides, statuses and
 * decisions — not whatever a fresh detection run would make of the older claims (a
 * fresh run renames facts and can reopen a decided conflict). So the detection run
 * that follows such an action reads the rows detection may change before and after
 * it, in its own transaction, and records the ones that changed as the action's
 * entry's companion (a `detect` entry pointing at it). Undoing or redoing the action
 * writes those rows back too and needs no detection run of its own.
 */
import type { Db } from '../db/open';
import type { RowChange, TrackedTable } from './history';

type State = Map<string, RowChange>;

const keyOf = (c: { table: string; key: Record<string, unknown> }) => `${c.table}:${JSON.stringify(c.key)}`;

/** Every row detection writes: facts, conflicts and their sides, and each claim's fact. */
export function readDetectState(db: Db): State {
  const state: State = new Map();
  const add = (table: TrackedTable, keyCols: string[], rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const key: Record<string, number | string> = {};
      for (const k of keyCols) key[k] = row[k] as number | string;
      const c: RowChange = { table, key, row };
      state.set(keyOf(c), c);
    }
  };
  add('facts', ['id'], db.prepare('SELECT * FROM facts').all() as Record<string, unknown>[]);
  add('conflicts', ['id'], db.prepare('SELECT * FROM conflicts').all() as Record<string, unknown>[]);
  add(
    'conflict_claims',
    ['conflict_id', 'claim_id'],
    db.prepare('SELECT * FROM conflict_claims').all() as Record<string, unknown>[],
  );
  // Only the fact column: undo writes back just that, never a claim's text.
  add('claims', ['id'], db.prepare('SELECT id, fact_id FROM claims').all() as Record<string, unknown>[]);
  return state;
}

function same(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Parents before children: undo writes in this order and deletes in the reverse one. */
const RANK: Partial<Record<TrackedTable, number>> = {
  settings: 0,
  articles: 1,
  article_versions: 2,
  facts: 3,
  passages: 4,
  claims: 5,
  claim_entities: 6,
  conflicts: 7,
  conflict_claims: 8,
};
const rank = (c: RowChange) => RANK[c.table] ?? 9;

/**
 * Records the rows detection changed between `before` and now as a `detect` entry that
 * points at the action (`reverses`), in the detection's own transaction, so the entry
 * and the desk never disagree. Undo of the action writes this entry's before rows back
 * first, then the action's own; redo writes the action's after rows, then these.
 */
export function recordDetection(db: Db, entryId: number, before: State, actor: string): void {
  const action = db.prepare('SELECT target_type, target_id FROM history WHERE id = ?').get(entryId) as
    { target_type: string; target_id: number | null } | undefined;
  if (!action) return;
  const now = readDetectState(db);
  const changed: RowChange[] = [];
  for (const [k, c] of before) {
    const n = now.get(k);
    if (!same(c.row, n?.row ?? null)) changed.push(c);
  }
  for (const [k, c] of now) if (!before.has(k)) changed.push({ ...c, row: null });
  const ordered = changed.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i);
  const rows = ordered.map((x) => x.c);
  db.prepare(
    `INSERT INTO history (at, actor, action, target_type, target_id, before, after, reverses)
     VALUES (?, ?, 'detect', ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    actor,
    action.target_type,
    action.target_id,
    JSON.stringify({ rows }),
    JSON.stringify({ rows: rows.map((c) => now.get(keyOf(c)) ?? { ...c, row: null }) }),
    entryId,
  );
}

/** The detection run recorded with action `entryId`, if any: its rows before and after. */
export function detectionOf(db: Db, entryId: number): { before: RowChange[]; after: RowChange[] } | null {
  const row = db
    .prepare(
      "SELECT before, after FROM history WHERE action = 'detect' AND reverses = ? ORDER BY id DESC LIMIT 1",
    )
    .get(entryId) as { before: string; after: string } | undefined;
  if (!row) return null;
  return {
    before: (JSON.parse(row.before) as { rows: RowChange[] }).rows,
    after: (JSON.parse(row.after) as { rows: RowChange[] }).rows,
  };
}

/** Whether an action carries its detection run, so undo and redo need no new one. */
export function carriesDetection(db: Db, entryId: number): boolean {
  return detectionOf(db, entryId) !== null;
}

/** The newest history entry's id (the action just recorded in this transaction). */
export function lastEntryId(db: Db): number | null {
  return (db.prepare('SELECT max(id) AS id FROM history').get() as { id: number | null }).id;
}
