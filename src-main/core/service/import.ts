/**
 * Importing articles: files, folders, pasted text and web pages, one transaction each, with
 * progress and cancel. Part of the desk service (desk-service.ts), which holds the open desk and
 * its state.
 */
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { MAX_ARTICLE_BYTES } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import type { ArticleMeta } from '../../shared/model';
import type { ImportReport } from '../../shared/views';
import { extractArticle, EXTRACTOR_VERSION } from '../extract/index';
import { canonicalForHash, fetchDocument } from '../ingest/formats/index';
import { ArticleReader } from '../ingest/reader';
import type { ReadArticle } from '../ingest/read-article';
import type { ExtractionResult } from '../extract/types';
import {
  contentHash,
  findDuplicate,
  insertArticle,
  storeExtraction,
  writeSearchRows,
  type SearchRows,
} from '../desk/store';
import { linkOnImport } from '../versions/desk';
import { reasonOf, yieldToLoop } from './common';
import type { DeskService } from './desk-service';

export const IMPORTABLE = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']);

export interface ImportOptions {
  /** Re-run matching and detection after the import (default true; the benchmark times it apart). */
  detect?: boolean;
}

const here = import.meta.dirname;

export const DEFAULT_SAMPLES_DIR = resolve(here, '../../../resources/samples');

/** Lists importable files under the given paths (folders recursively), sorted by name. */
export function expandPaths(paths: string[]): { files: string[]; failed: ImportReport['failed'] } {
  const files: string[] = [];
  const failed: ImportReport['failed'] = [];
  // Folders by their real path: a link back to a parent (or two links to one folder) is
  // walked once, so a loop of symbolic links cannot make the walk endless.
  const seen = new Set<string>();
  const walk = (p: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      const loop = (err as NodeJS.ErrnoException).code === 'ELOOP';
      failed.push({
        source: basename(p),
        reason: loop
          ? `${p} is a loop of links that never reaches a file; it was skipped.`
          : `${p} does not exist or cannot be read.`,
      });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        failed.push({ source: basename(p), reason: `${p} cannot be read (a broken or looping link).` });
        return;
      }
      if (seen.has(real)) return;
      seen.add(real);
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        walk(join(p, name), false);
      }
    } else if (explicit || IMPORTABLE.has(extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return { files, failed };
}

/** Files read in one import after which the reader's worker is stopped (see importLoop). */
const RELEASE_READER_AFTER = 200;

let defaultReader: ArticleReader | null = null;

export function sharedReader(): ArticleReader {
  return (defaultReader ??= new ArticleReader());
}

// ---- import -------------------------------------------------------------

/**
 * Imports one parsed document in its own transaction. Inside a batch, `later` collects
 * the article's search rows, once its transaction has landed, for the batch to write.
 */
export function importOne(
  svc: DeskService,
  doc: { text: string; meta: Partial<ArticleMeta>; format: string; invisible?: number },
  source: string,
  report: ImportReport,
  extraction?: ExtractionResult,
  later?: SearchRows,
): void {
  const db = svc.database;
  const canonical = canonicalForHash(doc.text);
  if (canonical.trim().length === 0) {
    report.failed.push({ source, reason: `${source} is empty: it holds no article text.` });
    return;
  }
  const hash = contentHash(canonical);
  const meta: ArticleMeta = {
    title: doc.meta.title?.trim() || source,
    outlet: doc.meta.outlet ?? null,
    author: doc.meta.author ?? null,
    url: doc.meta.url ?? null,
    publishedAt: doc.meta.publishedAt ?? null,
    language: doc.meta.language ?? 'en',
  };
  const mine: SearchRows | undefined = later ? { passages: [], claims: [] } : undefined;
  db.transaction(() => {
    const dup = findDuplicate(db, hash);
    if (dup) {
      report.duplicates.push({ source, existingId: dup.id, title: dup.title });
      return;
    }
    const id = insertArticle(
      db,
      { text: doc.text, meta, source, format: doc.format, canonical },
      hash,
      EXTRACTOR_VERSION,
    );
    const result = extraction ?? extractArticle({ text: doc.text, publishedAt: meta.publishedAt });
    const claimCount = storeExtraction(db, svc.entities(), id, doc.text, result, EXTRACTOR_VERSION, mine);
    const revision = linkOnImport(db, id, meta, doc.text, svc.actor());
    report.imported.push({
      id,
      title: meta.title,
      source,
      claimCount,
      ...(doc.invisible ? { invisible: doc.invisible } : {}),
      ...(revision ? { revision } : {}),
    });
  }).immediate();
  if (later && mine) {
    // One by one: an article can hold more claims than a call may take arguments.
    for (const p of mine.passages) later.passages.push(p);
    for (const c of mine.claims) later.claims.push(c);
  }
}

/** Asks a running import to stop after the article in hand. */
export function cancelImport(svc: DeskService): { cancelled: boolean } {
  if (!svc.importing) return { cancelled: false };
  svc.cancelRequested = true;
  svc.reader.cancel();
  return { cancelled: true };
}

export async function importBytes(
  svc: DeskService,
  items: { name: string; read: () => Uint8Array }[],
  report: ImportReport,
  options: ImportOptions = {},
): Promise<void> {
  svc.importing = true;
  svc.cancelRequested = false;
  try {
    await svc.importLoop(items, report, options);
  } finally {
    svc.importing = false;
    svc.cancelRequested = false;
  }
}

/**
 * Parses a batch of files (the async part), then stores the batch in one
 * transaction in which each article is its own savepoint: a bad article rolls
 * back alone and the others land, while FTS and WAL pay one commit per batch
 * instead of one per article. Nothing else runs inside the write, and the loop
 * yields between batches so the process keeps answering (progress, Cancel).
 */
export async function importLoop(
  svc: DeskService,
  items: { name: string; read: () => Uint8Array }[],
  report: ImportReport,
  options: ImportOptions,
): Promise<void> {
  const total = items.length;
  const BATCH = 8;
  // Each batch is queued to the reader before the previous one is stored, so the worker
  // reads while this thread writes.
  const queue = (from: number) =>
    items.slice(from, from + BATCH).map((item) => {
      let result: Promise<ReadArticle>;
      try {
        result = svc.reader.read(item.name, item.read());
      } catch (err) {
        result = Promise.reject(err);
      }
      result.catch(() => undefined);
      return { item, result };
    });
  let next = total > 0 ? queue(0) : [];
  for (let i = 0; i < total; i += BATCH) {
    if (svc.cancelRequested) {
      report.cancelled = { remaining: total - i };
      break;
    }
    const batch = next;
    next = i + BATCH < total ? queue(i + BATCH) : [];
    svc.emit('progress', { job: 'import', done: i, total, label: batch[0]!.item.name });
    const parsed: ({ name: string } & ReadArticle)[] = [];
    for (const [k, { item, result }] of batch.entries()) {
      try {
        parsed.push({ name: item.name, ...(await result) });
      } catch (err) {
        if (!svc.cancelRequested) report.failed.push({ source: item.name, reason: reasonOf(err) });
      }
      // Cancel stops the file in hand; the files read before it in this batch still land.
      if (svc.cancelRequested) {
        const inHandRead = parsed.at(-1)?.name === item.name;
        report.cancelled = { remaining: total - (i + k + 1) + (inHandRead ? 0 : 1) };
        break;
      }
    }
    svc.database
      .transaction(() => {
        const searchRows: SearchRows = { passages: [], claims: [] };
        const importedBefore = report.imported.length;
        for (const { name, doc, extraction } of parsed) {
          try {
            svc.importOne(doc, name, report, extraction, searchRows);
          } catch (err) {
            report.failed.push({ source: name, reason: reasonOf(err) });
          }
        }
        // Set in the transaction that stores the articles, cleared in the one that stores
        // the conflicts: a run killed in between leaves the mark, and the next run finishes
        // it. A batch that stored nothing (all duplicates or failures) sets no mark.
        if (report.imported.length > importedBefore && options.detect !== false) svc.setNeedsDetection(true);
        writeSearchRows(svc.database, searchRows);
      })
      .immediate();
    if (report.cancelled) break;
    // A request (Cancel, a search) needs several loop turns to arrive: give it a few.
    for (let turn = 0; turn < 4; turn++) await yieldToLoop();
  }
  // A large import leaves the reader's heap large: it is given back before matching
  // (a new worker, about a second to start, reads the next import).
  if (total >= RELEASE_READER_AFTER) svc.reader.release();
  svc.emit('progress', { job: 'import', done: total, total, label: 'Matching claims' });
  const interrupted = report.imported.length === 0 && svc.needsDetection();
  if ((report.imported.length > 0 || interrupted) && options.detect !== false) {
    // A lone revision's link is undone with the detection it set off (detect-record.ts).
    const lone = report.imported.length === 1 ? report.imported[0]!.revision : undefined;
    const detected = await svc.detectNow(lone ? svc.linkEntry(lone.articleId) : undefined);
    if (detected.leftOut) report.leftOut = detected.leftOut;
    if (interrupted) report.resumedDetection = true;
  }
  svc.emit('progress', { job: 'import', done: total, total, label: 'Done' });
  svc.emit('desk:changed', svc.info());
}

export function importPaths(
  svc: DeskService,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  return svc.exclusive(async () => {
    svc.requireDesk();
    svc.requireWritable();
    const { files, failed } = expandPaths(paths);
    const report: ImportReport = { imported: [], duplicates: [], failed };
    await svc.importBytes(
      files.map((f) => ({
        name: basename(f),
        read: () => {
          const size = statSync(f).size;
          if (size > MAX_ARTICLE_BYTES)
            throw new DeskError(
              'too_large',
              `${basename(f)} is ${(size / 1048576).toFixed(1)} MB; the limit is 20 MB.`,
            );
          return readFileSync(f);
        },
      })),
      report,
      options,
    );
    return report;
  });
}

/** Fetches each address and imports the page; an unreachable one is reported, the others land. */
export function importUrls(svc: DeskService, urls: string[]): Promise<ImportReport> {
  return svc.exclusive(async () => {
    svc.requireDesk();
    svc.requireWritable();
    const report: ImportReport = { imported: [], duplicates: [], failed: [] };
    for (let i = 0; i < urls.length; i++) {
      const url = urls[i]!;
      svc.emit('progress', { job: 'import', done: i, total: urls.length, label: url });
      try {
        const doc = await fetchDocument(url);
        svc.importOne(doc, url, report);
      } catch (err) {
        report.failed.push({ source: url, reason: reasonOf(err) });
      }
    }
    if (report.imported.length > 0) {
      const detected = await svc.detectNow();
      if (detected.leftOut) report.leftOut = detected.leftOut;
    }
    svc.emit('progress', { job: 'import', done: urls.length, total: urls.length, label: 'Done' });
    svc.emit('desk:changed', svc.info());
    return report;
  });
}

export function importFiles(
  svc: DeskService,
  files: { name: string; data: string; encoding: 'utf8' | 'base64' }[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  return svc.exclusive(async () => {
    svc.requireDesk();
    svc.requireWritable();
    const report: ImportReport = { imported: [], duplicates: [], failed: [] };
    await svc.importBytes(
      files.map((f) => ({
        name: basename(f.name),
        read: () => (f.encoding === 'base64' ? Buffer.from(f.data, 'base64') : Buffer.from(f.data, 'utf8')),
      })),
      report,
      options,
    );
    return report;
  });
}
