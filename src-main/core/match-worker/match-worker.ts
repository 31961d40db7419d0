/**
 * The worker that matches a large desk's claims into facts (see `off-thread.ts`). It
 * opens the desk read-only and loads the claims itself (handing 150,000 claims across
 * threads would hold the desk's thread for seconds), matches them, and sends back the
 * facts and conflicts, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { loadMatchClaims } from '../desk/store';
import { matchClaims } from '../match/match';
import type { EntityHint } from '../match/features';

const { path, entities, skip } = workerData as { path: string; entities: EntityHint[]; skip: number[] };
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const leave = new Set(skip);
    const claims = loadMatchClaims(db).filter((c) => !leave.has(c.id));
    parentPort!.postMessage({ result: matchClaims(claims, { entities }) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
