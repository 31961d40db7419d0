/**
 * Matching a desk's claims into facts, off the desk's thread when the desk is large.
 *
 * Matching is pure computation over the stored claims. On an ordinary desk it takes
 * milliseconds and runs in place; from OFF_THREAD_CLAIMS claims on (a register of
 * 150,000 years matches for seconds) it runs in a worker thread that reads the committed
 * claims from the desk file itself, so the window's requests, the browser mode's health
 * checks and Cancel are answered meanwhile. The result is the same either way: the same
 * function over the same claims.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open';
import { loadMatchClaims } from '../desk/store';
import { matchClaims } from '../match/match';
import type { MatchClaim, MatchResult } from '../match/types';
import type { EntityHint } from '../match/features';

/** Below this many claims matching stays in place: a worker's start would cost more. */
export const OFF_THREAD_CLAIMS = 20_000;

/** The worker's entry: next to the bundle in the desktop app, the TypeScript boot file otherwise. */
function workerEntry(): URL | null {
  for (const name of ['./match-worker.js', './match-worker-boot.mjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * Matches the desk's claims (less those in `skip`). `loaded` receives the claims when they
 * were loaded in place, for callers that look into them after a failure.
 */
export function matchDesk(
  db: Db,
  path: string,
  entities: EntityHint[],
  skip: ReadonlySet<number> = new Set(),
  offThreadFrom = OFF_THREAD_CLAIMS,
): Promise<MatchResult> {
  const { n } = db
    .prepare('SELECT count(*) AS n FROM claims WHERE deleted = 0 AND boilerplate = 0')
    .get() as {
    n: number;
  };
  const entry = n >= offThreadFrom && path !== '' && existsSync(path) ? workerEntry() : null;
  if (!entry) {
    try {
      const claims: MatchClaim[] = loadMatchClaims(db).filter((c) => !skip.has(c.id));
      return Promise.resolve(matchClaims(claims, { entities }));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { path, entities, skip: [...skip] } });
    let settled = false;
    worker.once('message', (msg: { result: MatchResult } | { error: string }) => {
      settled = true;
      void worker.terminate();
      if ('error' in msg) reject(new Error(msg.error));
      else resolve(msg.result);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The matcher stopped (exit code ${code}).`));
    });
  });
}
