/**
 * Grouping edits: moving a claim to another fact, merging facts, splitting a fact. Part of the
 * desk service (desk-service.ts), which holds the open desk and its state.
 */
import { DeskError } from '../../shared/errors';
import * as Q from '../desk/queries';
import { readRow, readRows } from '../desk/history';
import type { DeskService } from './desk-service';

export function moveClaim(svc: DeskService, claimId: number, factId: number) {
  const db = svc.database;
  Q.claimView(db, claimId);
  Q.factView(db, factId);
  svc.act(
    'claim:move',
    'claim',
    claimId,
    () => [readRow(db, 'claims', { id: claimId })],
    () => {
      db.prepare('UPDATE claims SET fact_id = ?, fact_pinned = 1 WHERE id = ?').run(factId, claimId);
    },
  );
  return Q.factView(db, factId);
}

export function mergeFacts(svc: DeskService, ids: number[]) {
  const db = svc.database;
  for (const id of ids) Q.factView(db, id);
  const [into, ...rest] = ids as [number, ...number[]];
  const marks = rest.map(() => '?').join(', ');
  // The merged facts' rows come first, so an undo can bring them back before their claims.
  const touched = () => [
    ...readRows(db, 'facts', `id IN (${marks})`, rest),
    ...readRows(db, 'claims', `fact_id IN (${marks})`, rest),
    ...readRows(db, 'conflicts', `fact_id IN (${marks})`, rest),
    readRow(db, 'facts', { id: into }),
  ];
  const before = touched();
  svc.act(
    'fact:merge',
    'fact',
    into,
    () => before,
    () => {
      db.prepare(`UPDATE claims SET fact_id = ?, fact_pinned = 1 WHERE fact_id IN (${marks})`).run(
        into,
        ...rest,
      );
      db.prepare(`UPDATE conflicts SET fact_id = ? WHERE fact_id IN (${marks})`).run(into, ...rest);
      db.prepare(`UPDATE facts SET origin = 'editor' WHERE id = ?`).run(into);
    },
    () => before,
  );
  return Q.factView(db, into);
}

export function splitFact(svc: DeskService, id: number, claimIds: number[]) {
  const db = svc.database;
  const fact = Q.factView(db, id);
  for (const c of claimIds) {
    const row = db.prepare('SELECT fact_id FROM claims WHERE id = ?').get(c) as
      { fact_id: number | null } | undefined;
    if (!row || row.fact_id !== id)
      throw new DeskError('invalid_input', `Claim ${c} is not part of fact ${id}.`);
  }
  let newId = 0;
  const before = claimIds.map((c) => readRow(db, 'claims', { id: c }));
  svc.act(
    'fact:split',
    'fact',
    id,
    () => before,
    () => {
      newId = Number(
        db
          .prepare(`INSERT INTO facts (key, label, origin) VALUES (?, ?, 'editor')`)
          .run(`editor:${Date.now()}:${id}:${claimIds.join(',')}`, `${fact.label} (split)`).lastInsertRowid,
      );
      const upd = db.prepare('UPDATE claims SET fact_id = ?, fact_pinned = 1 WHERE id = ?');
      for (const c of claimIds) upd.run(newId, c);
    },
    () => [...before, { table: 'facts', key: { id: newId }, row: null }],
  );
  return Q.factView(db, newId);
}
