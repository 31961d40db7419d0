/**
 * An editor's draft actions: marking an article as a draft (or back to coverage) and
 * setting a claim's verdict by hand. Each is one IMMEDIATE transaction recording the
 * rows it changed in the append-only history, so undo and redo work as for every
 * other editor action.
 */
import type { Db } from '../db/open';
import { DeskError } from '../../shared/errors';
import type { VerdictStatus } from '../../shared/draft-views';
import { readRow, recordAction, type RowChange } from '../desk/history';

/** The article's claims on the sides of the detector's conflicts (an editor's own conflicts stay). */
const DETECTED_SIDES = `claim_id IN (SELECT id FROM claims WHERE article_id = ?)
  AND conflict_id IN (SELECT id FROM conflicts WHERE origin = 'detector')`;

function record(
  db: Db,
  actor: string,
  action: string,
  targetType: string,
  targetId: number,
  rows: () => RowChange[],
  apply: () => void,
): void {
  db.transaction(() => {
    const before = rows();
    apply();
    const after = before.map((c) => readRow(db, c.table, c.key));
    recordAction(db, { actor, action, targetType, targetId, before, after });
  }).immediate();
}

/** Marks an article as a draft under review, or unmarks it. Returns whether anything changed. */
export function setDraft(db: Db, actor: string, articleId: number, draft: boolean): boolean {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId))
    throw new DeskError('not_found', `No article ${articleId} on this desk.`);
  const is = !!db.prepare('SELECT 1 FROM drafts WHERE article_id = ?').get(articleId);
  if (is === draft) return false;
  record(
    db,
    actor,
    draft ? 'draft:mark' : 'draft:unmark',
    'article',
    articleId,
    // A draft leaves the detector's conflicts at once (re-detection only adds to a conflict
    // keyed by its fact). Those sides are the detector's, not the editor's: they are not
    // recorded, and the detection that follows an undo puts the article back where it belongs.
    () => [readRow(db, 'drafts', { article_id: articleId })],
    () => {
      if (draft) {
        db.prepare('INSERT INTO drafts (article_id, marked_at, marked_by) VALUES (?, ?, ?)').run(
          articleId,
          new Date().toISOString(),
          actor,
        );
        db.prepare(`DELETE FROM conflict_claims WHERE ${DETECTED_SIDES}`).run(articleId);
      } else db.prepare('DELETE FROM drafts WHERE article_id = ?').run(articleId);
    },
  );
  return true;
}

export interface VerdictInput {
  claimId: number;
  /** The editor's verdict, or null to go back to the computed one. */
  status: VerdictStatus | null;
  evidence?: string | undefined;
  note?: string | undefined;
}

/** Sets (or clears) an editor's verdict on a claim of a draft; returns the draft's id. */
export function setVerdict(db: Db, actor: string, input: VerdictInput): number {
  const row = db
    .prepare(
      `SELECT c.article_id, (SELECT 1 FROM drafts d WHERE d.article_id = c.article_id) AS is_draft
         FROM claims c WHERE c.id = ? AND c.deleted = 0`,
    )
    .get(input.claimId) as { article_id: number; is_draft: number | null } | undefined;
  if (!row) throw new DeskError('not_found', `No claim ${input.claimId} on this desk.`);
  if (!row.is_draft)
    throw new DeskError(
      'invalid_input',
      `Claim ${input.claimId} belongs to article ${row.article_id}, which is not a draft; verdicts are for drafts' claims.`,
    );
  record(
    db,
    actor,
    input.status ? 'draft:verdict' : 'draft:clearVerdict',
    'claim',
    input.claimId,
    () => [readRow(db, 'draft_verdicts', { claim_id: input.claimId })],
    () => {
      if (!input.status) {
        db.prepare('DELETE FROM draft_verdicts WHERE claim_id = ?').run(input.claimId);
        return;
      }
      db.prepare(
        `INSERT INTO draft_verdicts (claim_id, status, evidence, note, editor, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(claim_id) DO UPDATE SET status = excluded.status, evidence = excluded.evidence,
             note = excluded.note, editor = excluded.editor, updated_at = excluded.updated_at`,
      ).run(
        input.claimId,
        input.status,
        input.evidence?.trim() || null,
        input.note?.trim() || null,
        actor,
        new Date().toISOString(),
      );
    },
  );
  return row.article_id;
}
