/**
 * Decisions on conflicts: confirm, dismiss, resolve, reopen, notes, and conflicts an editor flags.
 * Part of the desk service (desk-service.ts), which holds the open desk and its state.
 */
import type { ParsedInput } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import * as Q from '../desk/queries';
import { readRow, type RowChange } from '../desk/history';
import { evidenceFromText, evidenceText, normaliseEvidence } from '../../shared/evidence';
import { clusterOfClaim } from '../desk/resolution';
import type { DeskService } from './desk-service';

export function conflictRows(svc: DeskService, id: number): RowChange[] {
  const row = readRow(svc.database, 'conflicts', { id });
  if (!row.row) throw new DeskError('not_found', `No conflict ${id} on this desk.`);
  return [row];
}

export function setConflictStatus(svc: DeskService, input: ParsedInput<'conflicts:setStatus'>) {
  const db = svc.database;
  let noteId: number | null = null;
  svc.act(
    `conflict:${input.status}`,
    'conflict',
    input.id,
    () => svc.conflictRows(input.id),
    () => {
      db.prepare('UPDATE conflicts SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(
        input.status,
        input.status === 'dismissed' ? input.reason?.trim() || null : null,
        new Date().toISOString(),
        input.id,
      );
      if (input.note?.trim()) noteId = svc.insertNote('conflict', input.id, input.note.trim());
    },
    () => [
      ...svc.conflictRows(input.id),
      ...(noteId !== null ? [{ table: 'notes' as const, key: { id: noteId }, row: null }] : []),
    ],
  );
  return Q.conflictDetail(db, input.id);
}

export function resolveConflict(svc: DeskService, input: ParsedInput<'conflicts:resolve'>) {
  const db = svc.database;
  // The right value is the cluster of the named claim: every claim giving that value.
  const right = input.correctClaimId !== null ? clusterOfClaim(db, input.id, input.correctClaimId) : null;
  // Checked before anything is written: a bad address loses nothing already stored.
  const evidence = normaliseEvidence([
    ...(input.evidenceItems ?? []),
    ...evidenceFromText(input.evidence ?? ''),
  ]);
  let noteId: number | null = null;
  svc.act(
    'conflict:resolve',
    'conflict',
    input.id,
    () => svc.conflictRows(input.id),
    () => {
      db.prepare(
        'UPDATE conflicts SET status = ?, correct_claim_id = ?, correct_neither = ?, correct_side = ?, correct_value = ?, evidence = ?, evidence_items = ?, updated_at = ? WHERE id = ?',
      ).run(
        'resolved',
        input.correctClaimId,
        input.correctClaimId === null ? 1 : 0,
        right?.side ?? null,
        right?.key ?? null,
        evidenceText(evidence) || null,
        evidence.length ? JSON.stringify(evidence) : null,
        new Date().toISOString(),
        input.id,
      );
      if (input.note?.trim()) noteId = svc.insertNote('conflict', input.id, input.note.trim());
    },
    () => [
      ...svc.conflictRows(input.id),
      ...(noteId !== null ? [{ table: 'notes' as const, key: { id: noteId }, row: null }] : []),
    ],
  );
  return Q.conflictDetail(db, input.id);
}

export function insertNote(svc: DeskService, targetType: string, targetId: number, body: string): number {
  return Number(
    svc.database
      .prepare('INSERT INTO notes (target_type, target_id, body, editor, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(targetType, targetId, body, svc.actor(), new Date().toISOString()).lastInsertRowid,
  );
}

export function addNote(svc: DeskService, input: ParsedInput<'notes:add'>) {
  const db = svc.database;
  const table = { conflict: 'conflicts', claim: 'claims', article: 'articles', fact: 'facts' }[
    input.targetType
  ];
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(input.targetId))
    throw new DeskError('not_found', `No ${input.targetType} ${input.targetId} on this desk.`);
  let id = 0;
  svc.act(
    'note:add',
    input.targetType,
    input.targetId,
    () => [],
    () => {
      id = svc.insertNote(input.targetType, input.targetId, input.body);
    },
    () => [{ table: 'notes', key: { id }, row: null }],
  );
  return Q.notesFor(db, input.targetType, input.targetId).find((n) => n.id === id)!;
}

export function createConflict(svc: DeskService, input: ParsedInput<'conflicts:create'>) {
  const db = svc.database;
  const all = [...input.sideA, ...input.sideB];
  if (new Set(all).size !== all.length)
    throw new DeskError('invalid_input', 'A claim cannot be on both sides of a conflict.');
  const quotes = all.map((cid) => {
    const row = db.prepare('SELECT quote, fact_id FROM claims WHERE id = ? AND deleted = 0').get(cid) as
      { quote: string; fact_id: number | null } | undefined;
    if (!row) throw new DeskError('not_found', `No claim ${cid} on this desk.`);
    return row;
  });
  const key = `editor:${[...input.sideA].sort((a, b) => a - b).join(',')}|${[...input.sideB].sort((a, b) => a - b).join(',')}`;
  const existing = db.prepare('SELECT id FROM conflicts WHERE key = ?').get(key) as
    { id: number } | undefined;
  if (existing) throw new DeskError('conflict', `These claims already form conflict ${existing.id}.`);
  let id = 0;
  svc.act(
    'conflict:create',
    'conflict',
    null,
    () => [],
    () => {
      const now = new Date().toISOString();
      const explanation =
        input.explanation?.trim() ||
        `An editor flagged "${quotes[0]!.quote}" against "${quotes[input.sideA.length]!.quote}".`;
      id = Number(
        db
          .prepare(
            `INSERT INTO conflicts (key, fact_id, kind, status, explanation, origin, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, 'editor', ?, ?)`,
          )
          .run(key, quotes[0]!.fact_id, input.kind ?? 'manual', explanation, now, now).lastInsertRowid,
      );
      const ins = db.prepare('INSERT INTO conflict_claims (conflict_id, claim_id, side) VALUES (?, ?, ?)');
      for (const a of input.sideA) ins.run(id, a, 'a');
      for (const b of input.sideB) ins.run(id, b, 'b');
    },
    () => [
      { table: 'conflicts', key: { id }, row: null },
      ...all.map((cid) => ({
        table: 'conflict_claims' as const,
        key: { conflict_id: id, claim_id: cid },
        row: null,
      })),
    ],
  );
  return Q.conflictDetail(db, id);
}
