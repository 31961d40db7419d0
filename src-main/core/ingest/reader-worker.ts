/**
 * The worker that reads files for an import. Files arrive as messages (a name and the
 * bytes) and are read one after another; for each the worker says when it starts (the
 * file's time budget runs from then, not from when it was queued) and then sends the
 * parsed article with its claims, or the error an editor should see.
 */
import { parentPort } from 'node:worker_threads';
import { DeskError } from '../../shared/errors';
import { readArticle } from './read-article';

interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
}

let queue: Promise<void> = Promise.resolve();

async function read(job: Job): Promise<void> {
  parentPort!.postMessage({ id: job.id, started: true });
  try {
    const result = await readArticle(job.name, job.bytes);
    parentPort!.postMessage({ id: job.id, result });
  } catch (err) {
    const code = err instanceof DeskError ? err.code : 'bad_file';
    const message =
      err instanceof DeskError ? err.message : `${job.name} could not be read (${(err as Error).message}).`;
    parentPort!.postMessage({ id: job.id, error: { code, message } });
  }
}

parentPort?.on('message', (job: Job) => {
  queue = queue.then(() => read(job));
});
