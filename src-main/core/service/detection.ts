/**
 * Matching and detection over the desk, and re-extraction, recorded with the editor action that
 * caused them. Part of the desk service (desk-service.ts), which holds the open desk and its
 * state.
 */
import { DeskError } from '../../shared/errors';
import type { EntityKind } from '../../shared/model';
import type { DetectReport } from '../../shared/views';
import { extractArticle, EXTRACTOR_VERSION } from '../extract/index';
import { loadMatchClaims, storeExtraction, storeMatch } from '../desk/store';
import { matchDesk } from '../match-worker/off-thread';
import { carryConflicts } from '../versions/desk';
import { readDetectState, recordDetection } from '../desk/detect-record';
import { damagedClaims } from '../desk/damaged-values';
import { yieldToLoop } from './common';
import type { DeskService } from './desk-service';

// ---- detection ----------------------------------------------------------

/** The history entry that linked `articleId` as a version, newest first. */
export function linkEntry(svc: DeskService, articleId: number): number | undefined {
  const row = svc.database
    .prepare("SELECT max(id) AS id FROM history WHERE action = 'version:link' AND target_id = ?")
    .get(articleId) as { id: number | null };
  return row.id ?? undefined;
}

/**
 * Matching and detection over the desk. Given the history entry of the editor action
 * that set it off, the rows it changes are recorded with that action, so undo puts the
 * desk back exactly (desk/detect-record.ts).
 */
export async function detectNow(svc: DeskService, record?: number): Promise<DetectReport> {
  const db = svc.database;
  svc.requireWritable();
  svc.emit('progress', { job: 'detect', done: 0, total: 1, label: 'Matching claims into facts' });
  await yieldToLoop();
  const entities = db.prepare('SELECT key, kind FROM entities').all() as {
    key: string;
    kind: EntityKind;
  }[];
  const run = async (skip?: Set<number>) => {
    // A large desk is matched in a worker: the window and the server answer meanwhile.
    const result = await matchDesk(db, svc.path, entities, skip);
    svc.emit('progress', { job: 'detect', done: 0, total: 1, label: 'Storing facts and conflicts' });
    return db
      .transaction(() => {
        const state = record !== undefined ? readDetectState(db) : null;
        const r = storeMatch(db, result);
        carryConflicts(db);
        svc.setNeedsDetection(false);
        if (state) recordDetection(db, record!, state, svc.actor());
        return r;
      })
      .immediate();
  };
  let stored: DetectReport;
  try {
    stored = await run();
  } catch (err) {
    // One damaged value must not break matching for good: the claims that hold one are
    // left out and named, and the rest is matched. Anything else is a fault to report.
    const leftOut = damagedClaims(db, loadMatchClaims(db));
    if (leftOut.length === 0) throw err;
    stored = { ...(await run(new Set(leftOut.map((c) => c.claimId)))), leftOut };
  }
  svc.emit('progress', { job: 'detect', done: 1, total: 1, label: 'Done' });
  return stored;
}

/** Whether articles were stored by a run that ended before their conflicts were. */
export function needsDetection(svc: DeskService): boolean {
  return svc.database.prepare("SELECT 1 FROM settings WHERE key = 'needsDetection'").get() !== undefined;
}

export function setNeedsDetection(svc: DeskService, on: boolean): void {
  if (on)
    svc.database.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('needsDetection', '1')").run();
  else svc.database.prepare("DELETE FROM settings WHERE key = 'needsDetection'").run();
}

export function detect(svc: DeskService): Promise<DetectReport> {
  return svc.exclusive(() => svc.detectNow());
}

export function reextract(
  svc: DeskService,
  articleId?: number,
): Promise<{ articles: number; claims: number }> {
  return svc.exclusive(async () => {
    const db = svc.database;
    const ids = (
      articleId !== undefined
        ? [articleId]
        : (db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map((r) => r.id)
    ).filter((id) => {
      if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id))
        throw new DeskError('not_found', `No article ${id} on this desk.`);
      return true;
    });
    let claims = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      svc.emit('progress', { job: 'extract', done: i, total: ids.length, label: `Article ${id}` });
      const a = db.prepare('SELECT text, published_at FROM articles WHERE id = ?').get(id) as {
        text: string;
        published_at: string | null;
      };
      const result = extractArticle({ text: a.text, publishedAt: a.published_at });
      claims += db
        .transaction(() => storeExtraction(db, svc.entities(), id, a.text, result, EXTRACTOR_VERSION))
        .immediate();
      if (i % 8 === 7) await yieldToLoop();
    }
    await svc.detectNow();
    svc.emit('desk:changed', svc.info());
    return { articles: ids.length, claims };
  });
}
