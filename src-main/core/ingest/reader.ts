/**
 * Reads import files off the desk's thread, with a budget per file.
 *
 * Parsing and extraction run in a worker thread, so the process keeps answering while a
 * file is read: the window's progress and Cancel, the browser mode's other requests, a
 * health check. Files are queued to the worker ahead of time (the import stores one batch
 * while the next is read), and the worker reads them one after another.
 *
 * A file that takes longer than its time budget, or needs more memory than the worker
 * may use, is reported by name and skipped: the worker is replaced and the files queued
 * behind it are read by the new one. Cancel stops every queued file at once. The budget
 * runs from when the worker starts on the file and grows with its size (a 20 MB report
 * legitimately takes longer than a 5 KB wire story): BASE_MS plus PER_MB_MS a megabyte.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DeskError, type ErrorCode } from '../../shared/errors';
import { readArticle, type ReadArticle } from './read-article';

export interface ReaderOptions {
  /** Time allowed for a file of 0 bytes, in ms. */
  baseMs?: number;
  /** Extra time allowed per megabyte of the file, in ms. */
  perMbMs?: number;
  /** Heap the worker may use, in MB. */
  memoryMb?: number;
}

const BASE_MS = 20_000;
const PER_MB_MS = 4_000;
const MEMORY_MB = 1536;

interface Pending {
  name: string;
  bytes: Uint8Array;
  budget: number;
  resolve: (r: ReadArticle) => void;
  reject: (e: Error) => void;
  /** Runs from when the worker starts on the file; null while the file waits in the queue. */
  timer: ReturnType<typeof setTimeout> | null;
}

type Reply =
  | { id: number; started: true }
  | { id: number; result: ReadArticle }
  | { id: number; error: { code: ErrorCode; message: string } };

/** The worker's entry: next to the bundle in the desktop app, the TypeScript boot file otherwise. */
function workerEntry(): URL | null {
  for (const name of ['./reader-worker.js', './reader-worker-boot.mjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

export class ArticleReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private readonly baseMs: number;
  private readonly perMbMs: number;
  private readonly memoryMb: number;

  constructor(options: ReaderOptions = {}) {
    this.baseMs = options.baseMs ?? BASE_MS;
    this.perMbMs = options.perMbMs ?? PER_MB_MS;
    this.memoryMb = options.memoryMb ?? MEMORY_MB;
  }

  budgetMs(bytes: number): number {
    return Math.round(this.baseMs + (bytes / 1048576) * this.perMbMs);
  }

  read(name: string, bytes: Uint8Array): Promise<ReadArticle> {
    // No worker entry on disk (an unusual packaging): read in this thread, without a budget.
    if (!workerEntry()) return readArticle(name, bytes);
    return new Promise<ReadArticle>((resolve, reject) => {
      const p: Pending = {
        name,
        bytes,
        budget: this.budgetMs(bytes.byteLength),
        resolve,
        reject,
        timer: null,
      };
      this.send(this.nextId++, p);
    });
  }

  /** Stops every file queued or in hand (Cancel): each is rejected as cancelled. */
  cancel(): void {
    if (this.pending.size === 0) return;
    const all = [...this.pending.values()];
    this.pending.clear();
    this.stopWorker();
    for (const p of all) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(new DeskError('cancelled', 'Import cancelled.'));
    }
  }

  close(): void {
    this.cancel();
    this.stopWorker();
  }

  /**
   * Stops an idle worker, giving its memory back: after reading many files its heap is
   * large, and matching, which runs next, needs the room more. The next read starts a
   * new worker.
   */
  release(): void {
    if (this.pending.size === 0) this.stopWorker();
  }

  private send(id: number, p: Pending): void {
    this.pending.set(id, p);
    const worker = this.ensureWorker();
    // A read in progress keeps the process alive (a CLI awaiting it must not exit); an
    // idle reader does not.
    worker.ref();
    worker.postMessage({ id, name: p.name, bytes: p.bytes });
  }

  private settled(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    if (this.pending.size === 0) this.worker?.unref();
    return p;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerEntry()!, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    worker.on('message', (msg: Reply) => {
      if (this.worker !== worker) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if ('started' in msg) {
        p.timer = setTimeout(
          () => this.skip(msg.id, 'too_slow', `took longer than ${Math.round(p.budget / 1000)} s to read`),
          p.budget,
        );
        return;
      }
      this.settled(msg.id);
      if ('error' in msg) p.reject(new DeskError(msg.error.code, msg.error.message));
      else p.resolve(msg.result);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const inHand = [...this.pending.entries()].find(([, p]) => p.timer !== null);
      if (!inHand) return;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
        this.skip(inHand[0], 'too_large', `needed more than ${this.memoryMb} MB of memory to read`);
      else this.skip(inHand[0], 'bad_file', `could not be read (${err.message})`);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      // Stopped without an error event: the file in hand is given up, the queue read again.
      const inHand = [...this.pending.entries()].find(([, p]) => p.timer !== null);
      if (inHand) this.skip(inHand[0], 'bad_file', 'stopped the file reader');
      else {
        this.worker = null;
        const queued = [...this.pending.entries()];
        this.pending.clear();
        for (const [id, p] of queued) this.send(id, p);
      }
    });
    this.worker = worker;
    return worker;
  }

  /**
   * The file in hand is given up: it is reported with the reason, the worker (which may be
   * stuck in it) is replaced, and the files queued behind it go to the new worker.
   */
  private skip(id: number, code: ErrorCode, why: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    const queued = [...this.pending.entries()];
    this.pending.clear();
    this.stopWorker();
    p.reject(new DeskError(code, `${p.name} ${why}; it was skipped.`));
    for (const [qid, q] of queued) {
      if (q.timer) clearTimeout(q.timer);
      this.send(qid, { ...q, timer: null });
    }
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}
