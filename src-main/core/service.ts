/**
 * The core service: implements every method of the contract on the open desk.
 * Both transports (IPC in Electron, HTTP in the browser mode) and the CLI call
 * this; nothing here knows which one is asking.
 *
 * Long work (importing a folder, re-extracting, re-detecting) yields to the event
 * loop between articles so the process keeps answering, and reports progress.
 */
import {
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  existsSync,
  mkdirSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Handlers, ParsedInput } from '../shared/contract';
import { MAX_ARTICLE_BYTES } from '../shared/contract';
import { DeskError } from '../shared/errors';
import type { ArticleMeta, ClaimKind, ClaimValue, EntityKind } from '../shared/model';
import type { DeskEvents, DeskInfo, DetectReport, ImportReport } from '../shared/views';
import { openDesk, type Db } from './db/open';
import { readOnlyError } from './db/read-only';
import { stmt } from './db/stmt';
import { SCHEMA_VERSION } from './db/migrations/index';
import { extractArticle, EXTRACTOR_VERSION } from './extract/index';
import type { EntityIndex } from './extract/entity-index';
import { frameInSentence } from './extract/frame';
import { canonicalForHash, fetchDocument } from './ingest/formats/index';
import { ArticleReader, type ReaderOptions } from './ingest/reader';
import { matchDesk } from './match-worker/off-thread';
import type { ReadArticle } from './ingest/read-article';
import type { ExtractionResult } from './extract/types';
import {
  contentHash,
  findDuplicate,
  insertArticle,
  loadEntityIndex,
  loadMatchClaims,
  refreshFacts,
  storeExtraction,
  writeSearchRows,
  claimSearchText,
  type SearchRows,
  storeMatch,
} from './desk/store';
import * as Q from './desk/queries';
import { warmDesk } from './desk/warm';
import { readRow, readRows, recordAction, redo, undo, listHistory, type RowChange } from './desk/history';
import { exportDesk } from './desk/export-run';
import { changesDrafts, draftHandlers } from './draft/handlers';
import { updateArticleMeta } from './desk/article-meta';
import { evidenceFromText, evidenceText, normaliseEvidence } from '../shared/evidence';
import {
  articleVersions,
  beforeDeleteArticle,
  carryConflicts,
  linkByHand,
  linkOnImport,
  unlinkVersion,
} from './versions/desk';
import { versionDiff } from './versions/diff';
import { carriesDetection, lastEntryId, readDetectState, recordDetection } from './desk/detect-record';
import { rereadDates } from './desk/article-dates';
import { latestClaims } from './versions/latest-claims';
import { clusterOfClaim } from './desk/resolution';
import { damagedClaims } from './desk/damaged-values';

export const IMPORTABLE = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']);

export interface ImportOptions {
  /** Re-run matching and detection after the import (default true; the benchmark times it apart). */
  detect?: boolean;
}

export type Emit = <E extends keyof DeskEvents>(event: E, payload: DeskEvents[E]) => void;

export interface ServiceOptions {
  /** Where the list of recent desks is kept; none when absent. */
  recentFile?: string;
  /** Folder of the sample articles. */
  samplesDir?: string;
  /** Who acts when no editor name is set (the CLI passes --editor). */
  defaultActor?: string;
  /** Who acts in this session whatever the desk's editor setting (one command's --editor). */
  actor?: string;
  /** Time and memory budgets for reading each import file. */
  reader?: ReaderOptions;
}

const here = import.meta.dirname;
export const DEFAULT_SAMPLES_DIR = resolve(here, '../../resources/samples');

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

/**
 * After undo or redo of an article's deletion: the search index entries of its passages
 * and claims (listed in the action's snapshot) are removed, and written again from the
 * rows when the article is back. The index is contentless, so its text is rebuilt the way
 * the import writes it.
 */
function reindexDeleted(db: Db, historyId: number): void {
  const row = db.prepare('SELECT before FROM history WHERE id = ?').get(historyId) as
    { before: string } | undefined;
  const rows = (JSON.parse(row?.before ?? '{"rows":[]}') as { rows: RowChange[] }).rows;
  const texts = new Map<number, string>();
  const textOf = (articleId: number) => {
    let t = texts.get(articleId);
    if (t === undefined) {
      t =
        (db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined)
          ?.text ?? '';
      texts.set(articleId, t);
    }
    return t;
  };
  for (const c of rows) {
    if (c.table !== 'passages' && c.table !== 'claims') continue;
    const id = Number(c.key.id);
    db.prepare(`DELETE FROM ${c.table === 'claims' ? 'claims_fts' : 'passages_fts'} WHERE rowid = ?`).run(id);
    if (c.table === 'passages') {
      const p = db.prepare('SELECT article_id, kind, start, "end" FROM passages WHERE id = ?').get(id) as
        { article_id: number; kind: string; start: number; end: number } | undefined;
      if (p?.kind === 'sentence')
        db.prepare('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)').run(
          id,
          textOf(p.article_id).slice(p.start, p.end),
        );
    } else {
      const cl = db
        .prepare(
          'SELECT article_id, quote, subject, start, "end", sentence_start, sentence_end FROM claims WHERE id = ?',
        )
        .get(id) as
        | {
            article_id: number;
            quote: string;
            subject: string | null;
            start: number;
            end: number;
            sentence_start: number;
            sentence_end: number;
          }
        | undefined;
      if (cl)
        db.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(
          id,
          claimSearchText(textOf(cl.article_id), {
            ...cl,
            sentenceStart: cl.sentence_start,
            sentenceEnd: cl.sentence_end,
          }),
        );
    }
  }
}

/** Files read in one import after which the reader's worker is stopped (see importLoop). */
const RELEASE_READER_AFTER = 200;

let defaultReader: ArticleReader | null = null;
function sharedReader(): ArticleReader {
  return (defaultReader ??= new ArticleReader());
}

export class DeskService {
  private db: Db | null = null;
  private path = '';
  private listeners = new Set<Emit>();
  private busy: Promise<unknown> = Promise.resolve();
  private importing = false;
  /** The desk's entities, for resolving each new article's names; loaded on first import. */
  private entityIndex: EntityIndex | null = null;
  private cancelRequested = false;
  private readerInstance: ArticleReader | null = null;

  /**
   * Reads import files in a worker, each within its time and memory budget. Desks opened
   * with the default budgets share one worker per process (starting one costs about a
   * second); a service given its own budgets gets its own.
   */
  private get reader(): ArticleReader {
    if (!this.options.reader) return sharedReader();
    return (this.readerInstance ??= new ArticleReader(this.options.reader));
  }

  constructor(private readonly options: ServiceOptions = {}) {}

  onEvent(listener: Emit): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit: Emit = (event, payload) => {
    for (const l of this.listeners) l(event, payload);
  };

  get deskPath(): string {
    return this.path;
  }

  get database(): Db {
    if (!this.db) throw new DeskError('no_desk', 'No desk is open. Create or open a desk first.');
    return this.db;
  }

  private requireDesk(): void {
    void this.database;
  }

  open(path: string, create = true, mode: { readOnly?: boolean } = {}): DeskInfo {
    const abs = resolve(path);
    const db = openDesk(abs, { mustExist: !create, ...(mode.readOnly ? { readOnly: true } : {}) });
    this.close();
    this.db = db;
    this.entityIndex = null;
    this.path = abs;
    this.remember(abs);
    return this.info();
  }

  /** Reads the window's first answers (articles, the board's first page) ahead of its request. */
  warm(): void {
    warmDesk(() => this.db);
  }

  close(): void {
    this.readerInstance?.close();
    this.readerInstance = null;
    this.db?.close();
    this.db = null;
  }

  info(): DeskInfo {
    const db = this.database;
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      path: this.path,
      name: basename(this.path).replace(/\.(sqlite|claimdesk|db)$/i, ''),
      schemaVersion: SCHEMA_VERSION,
      // Older versions of a revised article are kept for the version view, not counted.
      articleCount: n(
        'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_versions WHERE superseded = 1) AS n',
      ),
      claimCount: n(
        `SELECT (SELECT count(*) FROM claims WHERE deleted = 0) - (SELECT count(*) FROM article_versions v
           JOIN claims c ON c.article_id = v.article_id WHERE v.superseded = 1 AND c.deleted = 0) AS n`,
      ),
      factCount: n('SELECT count(*) AS n FROM facts WHERE claim_count > 0'),
      conflictCount: n('SELECT count(*) AS n FROM conflicts'),
      pendingConflictCount: n("SELECT count(*) AS n FROM conflicts WHERE status IN ('suggested', 'open')"),
      needsDetection: this.needsDetection(),
      ...(db.readonly ? { readOnly: true } : {}),
    };
  }

  /** Refuses a change before any work starts when the desk was opened read-only. */
  private requireWritable(): void {
    if (this.database.readonly) throw readOnlyError(this.path);
  }

  recentDesks(): string[] {
    const file = this.options.recentFile;
    if (!file || !existsSync(file)) return [];
    try {
      const list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const file = this.options.recentFile;
    if (!file) return;
    const list = [path, ...this.recentDesks().filter((p) => p !== path)].slice(0, 10);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(list, null, 2));
    } catch {
      // A read-only profile only loses the recent list.
    }
  }

  private entities(): EntityIndex {
    return (this.entityIndex ??= loadEntityIndex(this.database));
  }

  actor(): string {
    if (this.options.actor) return this.options.actor;
    const row = stmt(this.database, "SELECT value FROM settings WHERE key = 'editorName'").get() as
      { value: string } | undefined;
    return row?.value ?? this.options.defaultActor ?? 'editor';
  }

  /** Serialises long jobs so two imports never interleave their transactions. */
  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const next = this.busy.then(job, job);
    this.busy = next.catch(() => undefined);
    return next;
  }

  // ---- import -------------------------------------------------------------

  /**
   * Imports one parsed document in its own transaction. Inside a batch, `later` collects
   * the article's search rows, once its transaction has landed, for the batch to write.
   */
  private importOne(
    doc: { text: string; meta: Partial<ArticleMeta>; format: string; invisible?: number },
    source: string,
    report: ImportReport,
    extraction?: ExtractionResult,
    later?: SearchRows,
  ): void {
    const db = this.database;
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
      const claimCount = storeExtraction(db, this.entities(), id, doc.text, result, EXTRACTOR_VERSION, mine);
      const revision = linkOnImport(db, id, meta, doc.text, this.actor());
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
  cancelImport(): { cancelled: boolean } {
    if (!this.importing) return { cancelled: false };
    this.cancelRequested = true;
    this.reader.cancel();
    return { cancelled: true };
  }

  private async importBytes(
    items: { name: string; read: () => Uint8Array }[],
    report: ImportReport,
    options: ImportOptions = {},
  ): Promise<void> {
    this.importing = true;
    this.cancelRequested = false;
    try {
      await this.importLoop(items, report, options);
    } finally {
      this.importing = false;
      this.cancelRequested = false;
    }
  }

  /**
   * Parses a batch of files (the async part), then stores the batch in one
   * transaction in which each article is its own savepoint: a bad article rolls
   * back alone and the others land, while FTS and WAL pay one commit per batch
   * instead of one per article. Nothing else runs inside the write, and the loop
   * yields between batches so the process keeps answering (progress, Cancel).
   */
  private async importLoop(
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
          result = this.reader.read(item.name, item.read());
        } catch (err) {
          result = Promise.reject(err);
        }
        result.catch(() => undefined);
        return { item, result };
      });
    let next = total > 0 ? queue(0) : [];
    for (let i = 0; i < total; i += BATCH) {
      if (this.cancelRequested) {
        report.cancelled = { remaining: total - i };
        break;
      }
      const batch = next;
      next = i + BATCH < total ? queue(i + BATCH) : [];
      this.emit('progress', { job: 'import', done: i, total, label: batch[0]!.item.name });
      const parsed: ({ name: string } & ReadArticle)[] = [];
      for (const [k, { item, result }] of batch.entries()) {
        try {
          parsed.push({ name: item.name, ...(await result) });
        } catch (err) {
          if (!this.cancelRequested) report.failed.push({ source: item.name, reason: reasonOf(err) });
        }
        // Cancel stops the file in hand; the files read before it in this batch still land.
        if (this.cancelRequested) {
          const inHandRead = parsed.at(-1)?.name === item.name;
          report.cancelled = { remaining: total - (i + k + 1) + (inHandRead ? 0 : 1) };
          break;
        }
      }
      this.database
        .transaction(() => {
          const searchRows: SearchRows = { passages: [], claims: [] };
          const importedBefore = report.imported.length;
          for (const { name, doc, extraction } of parsed) {
            try {
              this.importOne(doc, name, report, extraction, searchRows);
            } catch (err) {
              report.failed.push({ source: name, reason: reasonOf(err) });
            }
          }
          // Set in the transaction that stores the articles, cleared in the one that stores
          // the conflicts: a run killed in between leaves the mark, and the next run finishes
          // it. A batch that stored nothing (all duplicates or failures) sets no mark.
          if (report.imported.length > importedBefore && options.detect !== false)
            this.setNeedsDetection(true);
          writeSearchRows(this.database, searchRows);
        })
        .immediate();
      if (report.cancelled) break;
      // A request (Cancel, a search) needs several loop turns to arrive: give it a few.
      for (let turn = 0; turn < 4; turn++) await yieldToLoop();
    }
    // A large import leaves the reader's heap large: it is given back before matching
    // (a new worker, about a second to start, reads the next import).
    if (total >= RELEASE_READER_AFTER) this.reader.release();
    this.emit('progress', { job: 'import', done: total, total, label: 'Matching claims' });
    const interrupted = report.imported.length === 0 && this.needsDetection();
    if ((report.imported.length > 0 || interrupted) && options.detect !== false) {
      // A lone revision's link is undone with the detection it set off (detect-record.ts).
      const lone = report.imported.length === 1 ? report.imported[0]!.revision : undefined;
      const detected = await this.detectNow(lone ? this.linkEntry(lone.articleId) : undefined);
      if (detected.leftOut) report.leftOut = detected.leftOut;
      if (interrupted) report.resumedDetection = true;
    }
    this.emit('progress', { job: 'import', done: total, total, label: 'Done' });
    this.emit('desk:changed', this.info());
  }

  importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
    return this.exclusive(async () => {
      this.requireDesk();
      this.requireWritable();
      const { files, failed } = expandPaths(paths);
      const report: ImportReport = { imported: [], duplicates: [], failed };
      await this.importBytes(
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
  importUrls(urls: string[]): Promise<ImportReport> {
    return this.exclusive(async () => {
      this.requireDesk();
      this.requireWritable();
      const report: ImportReport = { imported: [], duplicates: [], failed: [] };
      for (let i = 0; i < urls.length; i++) {
        const url = urls[i]!;
        this.emit('progress', { job: 'import', done: i, total: urls.length, label: url });
        try {
          const doc = await fetchDocument(url);
          this.importOne(doc, url, report);
        } catch (err) {
          report.failed.push({ source: url, reason: reasonOf(err) });
        }
      }
      if (report.imported.length > 0) {
        const detected = await this.detectNow();
        if (detected.leftOut) report.leftOut = detected.leftOut;
      }
      this.emit('progress', { job: 'import', done: urls.length, total: urls.length, label: 'Done' });
      this.emit('desk:changed', this.info());
      return report;
    });
  }

  importFiles(
    files: { name: string; data: string; encoding: 'utf8' | 'base64' }[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    return this.exclusive(async () => {
      this.requireDesk();
      this.requireWritable();
      const report: ImportReport = { imported: [], duplicates: [], failed: [] };
      await this.importBytes(
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

  // ---- detection ----------------------------------------------------------

  /** The history entry that linked `articleId` as a version, newest first. */
  private linkEntry(articleId: number): number | undefined {
    const row = this.database
      .prepare("SELECT max(id) AS id FROM history WHERE action = 'version:link' AND target_id = ?")
      .get(articleId) as { id: number | null };
    return row.id ?? undefined;
  }

  /**
   * Matching and detection over the desk. Given the history entry of the editor action
   * that set it off, the rows it changes are recorded with that action, so undo puts the
   * desk back exactly (desk/detect-record.ts).
   */
  private async detectNow(record?: number): Promise<DetectReport> {
    const db = this.database;
    this.requireWritable();
    this.emit('progress', { job: 'detect', done: 0, total: 1, label: 'Matching claims into facts' });
    await yieldToLoop();
    const entities = db.prepare('SELECT key, kind FROM entities').all() as {
      key: string;
      kind: EntityKind;
    }[];
    const run = async (skip?: Set<number>) => {
      // A large desk is matched in a worker: the window and the server answer meanwhile.
      const result = await matchDesk(db, this.path, entities, skip);
      this.emit('progress', { job: 'detect', done: 0, total: 1, label: 'Storing facts and conflicts' });
      return db
        .transaction(() => {
          const state = record !== undefined ? readDetectState(db) : null;
          const r = storeMatch(db, result);
          carryConflicts(db);
          this.setNeedsDetection(false);
          if (state) recordDetection(db, record!, state, this.actor());
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
    this.emit('progress', { job: 'detect', done: 1, total: 1, label: 'Done' });
    return stored;
  }

  /** Whether articles were stored by a run that ended before their conflicts were. */
  needsDetection(): boolean {
    return this.database.prepare("SELECT 1 FROM settings WHERE key = 'needsDetection'").get() !== undefined;
  }

  private setNeedsDetection(on: boolean): void {
    if (on)
      this.database
        .prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('needsDetection', '1')")
        .run();
    else this.database.prepare("DELETE FROM settings WHERE key = 'needsDetection'").run();
  }

  detect(): Promise<DetectReport> {
    return this.exclusive(() => this.detectNow());
  }

  reextract(articleId?: number): Promise<{ articles: number; claims: number }> {
    return this.exclusive(async () => {
      const db = this.database;
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
        this.emit('progress', { job: 'extract', done: i, total: ids.length, label: `Article ${id}` });
        const a = db.prepare('SELECT text, published_at FROM articles WHERE id = ?').get(id) as {
          text: string;
          published_at: string | null;
        };
        const result = extractArticle({ text: a.text, publishedAt: a.published_at });
        claims += db
          .transaction(() => storeExtraction(db, this.entities(), id, a.text, result, EXTRACTOR_VERSION))
          .immediate();
        if (i % 8 === 7) await yieldToLoop();
      }
      await this.detectNow();
      this.emit('desk:changed', this.info());
      return { articles: ids.length, claims };
    });
  }

  // ---- editor actions -----------------------------------------------------

  /** Runs an editor action in one transaction and records its rows before and after. */
  private act<T>(
    action: string,
    targetType: string,
    targetId: number | null,
    touched: () => RowChange[],
    apply: () => T,
    touchedAfter?: () => RowChange[],
  ): T {
    const db = this.database;
    return db
      .transaction(() => {
        const before = touched();
        const result = apply();
        const after = (touchedAfter ?? touched)().map((c) => readRow(db, c.table, c.key));
        // Rows that did not exist before are recorded as absent, so undo removes them.
        const beforeKeys = new Set(before.map((c) => `${c.table}:${JSON.stringify(c.key)}`));
        for (const c of after) {
          if (!beforeKeys.has(`${c.table}:${JSON.stringify(c.key)}`))
            before.push({ table: c.table, key: c.key, row: null });
        }
        recordAction(db, { actor: this.actor(), action, targetType, targetId, before, after });
        refreshFacts(db, factsOf([...before, ...after]));
        return result;
      })
      .immediate();
  }

  private conflictRows(id: number): RowChange[] {
    const row = readRow(this.database, 'conflicts', { id });
    if (!row.row) throw new DeskError('not_found', `No conflict ${id} on this desk.`);
    return [row];
  }

  setConflictStatus(input: ParsedInput<'conflicts:setStatus'>) {
    const db = this.database;
    let noteId: number | null = null;
    this.act(
      `conflict:${input.status}`,
      'conflict',
      input.id,
      () => this.conflictRows(input.id),
      () => {
        db.prepare('UPDATE conflicts SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(
          input.status,
          input.status === 'dismissed' ? input.reason?.trim() || null : null,
          new Date().toISOString(),
          input.id,
        );
        if (input.note?.trim()) noteId = this.insertNote('conflict', input.id, input.note.trim());
      },
      () => [
        ...this.conflictRows(input.id),
        ...(noteId !== null ? [{ table: 'notes' as const, key: { id: noteId }, row: null }] : []),
      ],
    );
    return Q.conflictDetail(db, input.id);
  }

  resolveConflict(input: ParsedInput<'conflicts:resolve'>) {
    const db = this.database;
    // The right value is the cluster of the named claim: every claim giving that value.
    const right = input.correctClaimId !== null ? clusterOfClaim(db, input.id, input.correctClaimId) : null;
    // Checked before anything is written: a bad address loses nothing already stored.
    const evidence = normaliseEvidence([
      ...(input.evidenceItems ?? []),
      ...evidenceFromText(input.evidence ?? ''),
    ]);
    let noteId: number | null = null;
    this.act(
      'conflict:resolve',
      'conflict',
      input.id,
      () => this.conflictRows(input.id),
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
        if (input.note?.trim()) noteId = this.insertNote('conflict', input.id, input.note.trim());
      },
      () => [
        ...this.conflictRows(input.id),
        ...(noteId !== null ? [{ table: 'notes' as const, key: { id: noteId }, row: null }] : []),
      ],
    );
    return Q.conflictDetail(db, input.id);
  }

  private insertNote(targetType: string, targetId: number, body: string): number {
    return Number(
      this.database
        .prepare(
          'INSERT INTO notes (target_type, target_id, body, editor, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(targetType, targetId, body, this.actor(), new Date().toISOString()).lastInsertRowid,
    );
  }

  addNote(input: ParsedInput<'notes:add'>) {
    const db = this.database;
    const table = { conflict: 'conflicts', claim: 'claims', article: 'articles', fact: 'facts' }[
      input.targetType
    ];
    if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(input.targetId))
      throw new DeskError('not_found', `No ${input.targetType} ${input.targetId} on this desk.`);
    let id = 0;
    this.act(
      'note:add',
      input.targetType,
      input.targetId,
      () => [],
      () => {
        id = this.insertNote(input.targetType, input.targetId, input.body);
      },
      () => [{ table: 'notes', key: { id }, row: null }],
    );
    return Q.notesFor(db, input.targetType, input.targetId).find((n) => n.id === id)!;
  }

  createConflict(input: ParsedInput<'conflicts:create'>) {
    const db = this.database;
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
    this.act(
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

  addClaim(input: ParsedInput<'claims:add'>) {
    const db = this.database;
    const text = Q.articleText(db, input.articleId);
    if (input.end <= input.start || input.end > text.length)
      throw new DeskError(
        'invalid_input',
        `The span ${input.start}–${input.end} is not inside the article (length ${text.length}).`,
      );
    const quote = text.slice(input.start, input.end);
    const sentence = db
      .prepare(
        `SELECT start, "end" FROM passages WHERE article_id = ? AND kind = 'sentence' AND start <= ? AND "end" >= ? ORDER BY start DESC LIMIT 1`,
      )
      .get(input.articleId, input.start, input.end) as { start: number; end: number } | undefined;
    const value = sentence
      ? valueInSentence(
          text.slice(sentence.start, sentence.end),
          input.start - sentence.start,
          input.end - sentence.start,
          input.kind,
          quote.trim(),
        )
      : editorValue(input.kind, quote.trim());
    let id = 0;
    this.act(
      'claim:add',
      'claim',
      null,
      () => [],
      () => {
        const existing = db
          .prepare('SELECT id FROM claims WHERE article_id = ? AND kind = ? AND start = ? AND "end" = ?')
          .get(input.articleId, input.kind, input.start, input.end) as { id: number } | undefined;
        if (existing) {
          id = existing.id;
          db.prepare("UPDATE claims SET deleted = 0, origin = 'editor' WHERE id = ?").run(id);
          return;
        }
        id = Number(
          db
            .prepare(
              `INSERT INTO claims (article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, value, origin)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'editor')`,
            )
            .run(
              input.articleId,
              input.kind,
              input.start,
              input.end,
              quote,
              text.slice(Math.max(0, input.start - 32), input.start),
              text.slice(input.end, input.end + 32),
              sentence?.start ?? input.start,
              sentence?.end ?? input.end,
              JSON.stringify(value),
            ).lastInsertRowid,
        );
        db.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(id, quote);
      },
      () => [{ table: 'claims', key: { id }, row: null }],
    );
    return Q.claimView(db, id);
  }

  updateClaim(input: ParsedInput<'claims:update'>) {
    const db = this.database;
    const cur = Q.claimView(db, input.id);
    this.act(
      'claim:update',
      'claim',
      input.id,
      () => [readRow(db, 'claims', { id: input.id })],
      () => {
        const kind = input.kind ?? cur.kind;
        let value: ClaimValue =
          input.value ?? (input.kind && input.kind !== cur.kind ? editorValue(kind, cur.quote) : cur.value);
        if (input.display) value = { ...value, display: input.display };
        db.prepare('UPDATE claims SET kind = ?, value = ?, edited = 1 WHERE id = ?').run(
          kind,
          JSON.stringify(value),
          input.id,
        );
      },
    );
    return Q.claimView(db, input.id);
  }

  deleteClaim(id: number): null {
    const db = this.database;
    Q.claimView(db, id);
    this.act(
      'claim:delete',
      'claim',
      id,
      () => [readRow(db, 'claims', { id })],
      () => {
        db.prepare('UPDATE claims SET deleted = 1 WHERE id = ?').run(id);
      },
    );
    return null;
  }

  moveClaim(claimId: number, factId: number) {
    const db = this.database;
    Q.claimView(db, claimId);
    Q.factView(db, factId);
    this.act(
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

  mergeFacts(ids: number[]) {
    const db = this.database;
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
    this.act(
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

  splitFact(id: number, claimIds: number[]) {
    const db = this.database;
    const fact = Q.factView(db, id);
    for (const c of claimIds) {
      const row = db.prepare('SELECT fact_id FROM claims WHERE id = ?').get(c) as
        { fact_id: number | null } | undefined;
      if (!row || row.fact_id !== id)
        throw new DeskError('invalid_input', `Claim ${c} is not part of fact ${id}.`);
    }
    let newId = 0;
    const before = claimIds.map((c) => readRow(db, 'claims', { id: c }));
    this.act(
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

  setBoilerplate(id: number, boilerplate: boolean): null {
    const db = this.database;
    const p = db.prepare('SELECT article_id, kind, start, "end" FROM passages WHERE id = ?').get(id) as
      { article_id: number; kind: string; start: number; end: number } | undefined;
    if (!p) throw new DeskError('not_found', `No passage ${id} on this desk.`);
    const span = { article_id: p.article_id, start: p.start, end: p.end };
    const passageKey = { ...span, kind: p.kind };
    // Recorded by span, with only the mark's columns: extraction replaces passage rows
    // (new ids) and may drop claims, so an undo after it changes the rows that hold the
    // span then, instead of writing a stale passage back beside the new one.
    const snapshot = (): RowChange[] => {
      const rows: RowChange[] = [readRow(db, 'passage_marks', span)];
      const passage = readRow(db, 'passages', passageKey).row;
      if (passage)
        rows.push({
          table: 'passages',
          key: passageKey,
          row: { boilerplate: passage.boilerplate, boilerplate_reason: passage.boilerplate_reason },
          ifPresent: true,
        });
      const claims = db
        .prepare('SELECT id, boilerplate FROM claims WHERE article_id = ? AND start >= ? AND "end" <= ?')
        .all(p.article_id, p.start, p.end) as { id: number; boilerplate: number }[];
      for (const c of claims)
        rows.push({
          table: 'claims',
          key: { id: c.id },
          row: { boilerplate: c.boilerplate },
          ifPresent: true,
        });
      return rows;
    };
    db.transaction(() => {
      const before = snapshot();
      db.prepare(
        'INSERT INTO passage_marks (article_id, start, "end", boilerplate) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET boilerplate = excluded.boilerplate',
      ).run(p.article_id, p.start, p.end, boilerplate ? 1 : 0);
      db.prepare('UPDATE passages SET boilerplate = ?, boilerplate_reason = ? WHERE id = ?').run(
        boilerplate ? 1 : 0,
        boilerplate ? 'editor' : null,
        id,
      );
      db.prepare('UPDATE claims SET boilerplate = ? WHERE article_id = ? AND start >= ? AND "end" <= ?').run(
        boilerplate ? 1 : 0,
        p.article_id,
        p.start,
        p.end,
      );
      const after = snapshot();
      recordAction(db, {
        actor: this.actor(),
        action: 'passage:boilerplate',
        targetType: 'passage',
        targetId: id,
        before,
        after,
      });
      const facts = db
        .prepare(
          'SELECT DISTINCT fact_id AS id FROM claims WHERE article_id = ? AND start >= ? AND "end" <= ?',
        )
        .all(p.article_id, p.start, p.end) as { id: number | null }[];
      refreshFacts(
        db,
        facts.map((f) => f.id),
      );
    }).immediate();
    return null;
  }

  deleteArticle(id: number): DeskInfo {
    const db = this.database;
    Q.articleSummary(db, id);
    db.transaction(() => {
      // Everything the article takes with it, parents before children, so that undo puts
      // back the article with its passages, claims, conflict sides, draft mark and
      // verdicts exactly as they were (notes point at ids, which come back unchanged).
      const ofClaims = 'claim_id IN (SELECT id FROM claims WHERE article_id = ?)';
      const before: RowChange[] = [
        ...readRows(db, 'articles', 'id = ?', [id]),
        ...readRows(
          db,
          'article_versions',
          'identity_id = (SELECT identity_id FROM article_versions WHERE article_id = ?)',
          [id],
        ),
        ...readRows(db, 'passages', 'article_id = ?', [id]),
        ...readRows(db, 'passage_marks', 'article_id = ?', [id]),
        ...readRows(db, 'claims', 'article_id = ?', [id]),
        ...readRows(db, 'claim_entities', ofClaims, [id]),
        ...readRows(
          db,
          'claim_versions',
          'from_claim_id IN (SELECT id FROM claims WHERE article_id = ?) OR to_article_id = ?',
          [id, id],
        ),
        ...readRows(db, 'conflicts', 'correct_claim_id IN (SELECT id FROM claims WHERE article_id = ?)', [
          id,
        ]),
        ...readRows(db, 'conflict_claims', ofClaims, [id]),
        ...readRows(db, 'drafts', 'article_id = ?', [id]),
        ...readRows(db, 'draft_verdicts', ofClaims, [id]),
      ];
      // The previous version of a revised article becomes the latest again.
      beforeDeleteArticle(db, id);
      for (const c of before) {
        if (c.table === 'claims') db.prepare('DELETE FROM claims_fts WHERE rowid = ?').run(c.key.id);
        if (c.table === 'passages') db.prepare('DELETE FROM passages_fts WHERE rowid = ?').run(c.key.id);
      }
      db.prepare('DELETE FROM articles WHERE id = ?').run(id);
      refreshFacts(db);
      recordAction(db, {
        actor: this.actor(),
        action: 'article:delete',
        targetType: 'article',
        targetId: id,
        before,
        // As each row is now: conflicts stay (with the claim they named as right cleared),
        // the previous version is the latest again, the rest is gone.
        after: before.map((c) => readRow(db, c.table, c.key)),
      });
    }).immediate();
    return this.info();
  }

  /** Links or unlinks versions by hand, then re-runs matching: the board shows the latest version. */
  private versionsChange<T>(change: (db: Db) => T, record = false): Promise<T> {
    return this.exclusive(async () => {
      const db = this.database;
      const [result, entry] = db.transaction(() => [change(db), lastEntryId(db)] as const).immediate();
      await this.detectNow(record && entry !== null ? entry : undefined);
      this.emit('desk:changed', this.info());
      return result;
    });
  }

  private undoRedo(step: typeof undo) {
    const db = this.database;
    return db
      .transaction(() => {
        const entry = step(db, this.actor());
        // An article's search index follows it out and back in.
        if (entry?.action === 'article:delete' || entry?.action === 'article:update')
          reindexDeleted(db, entry.id);
        if (entry) refreshFacts(db);
        return { entry };
      })
      .immediate();
  }

  /** The handler map the transports call, on parsed input. */
  handlers(): Handlers {
    return {
      'desk:info': () => this.info(),
      'desk:open': ({ path }) => this.open(path, false),
      'desk:create': ({ path }) => {
        if (existsSync(path) && statSync(path).size > 0)
          throw new DeskError('invalid_input', `${path} already exists; choose another name or open it.`);
        return this.open(path, true);
      },
      'desk:recent': () => this.recentDesks(),
      'desk:loadSample': () => this.importPaths([this.options.samplesDir ?? DEFAULT_SAMPLES_DIR]),
      'articles:import': async ({ paths, files }) => {
        if (!paths?.length && !files?.length)
          throw new DeskError('invalid_input', 'Nothing to import: give paths or files.');
        const a = paths?.length
          ? await this.importPaths(paths)
          : { imported: [], duplicates: [], failed: [] };
        // Cancel during the paths stops the whole drop: the files sent with them are not read.
        const b =
          files?.length && !(a as ImportReport).cancelled
            ? await this.importFiles(files)
            : { imported: [], duplicates: [], failed: [] };
        const stopped = (a as ImportReport).cancelled;
        const cancelled = stopped
          ? { remaining: stopped.remaining + (files?.length ?? 0) }
          : (b as ImportReport).cancelled;
        // The later run's matching is the desk's latest: its left-out claims are the ones that stand.
        const leftOut = (b as ImportReport).leftOut ?? (a as ImportReport).leftOut;
        const resumed = (a as ImportReport).resumedDetection || (b as ImportReport).resumedDetection;
        return {
          imported: [...a.imported, ...b.imported],
          duplicates: [...a.duplicates, ...b.duplicates],
          failed: [...a.failed, ...b.failed],
          ...(cancelled ? { cancelled } : {}),
          ...(resumed ? { resumedDetection: true } : {}),
          ...(leftOut ? { leftOut } : {}),
        };
      },
      'import:cancel': () => this.cancelImport(),
      'articles:importUrl': ({ urls }) => this.importUrls(urls),
      'articles:paste': ({ text, title }) => {
        const body =
          title?.trim() && !text.trimStart().startsWith(title.trim()) ? `${title.trim()}\n\n${text}` : text;
        return this.importFiles([{ name: 'pasted text.txt', data: body, encoding: 'utf8' }]);
      },
      'articles:list': () => Q.articleSummaries(this.database),
      'articles:get': ({ id }) => {
        const db = this.database;
        const summary = Q.articleSummary(db, id);
        const row = db
          .prepare('SELECT author, url, language, format, text FROM articles WHERE id = ?')
          .get(id) as {
          author: string | null;
          url: string | null;
          language: string | null;
          format: string;
          text: string;
        };
        return {
          ...summary,
          ...row,
          passages: Q.passages(db, id),
          claims: Q.listClaims(db, { articleId: id }),
          disputes: Q.articleDisputes(db, id),
        };
      },
      'articles:delete': ({ id }) => this.deleteArticle(id),
      'articles:update': (i) => this.updateArticle(i),
      'claims:list': (f) => latestClaims(this.database, f),
      'claims:add': (i) => this.addClaim(i),
      'claims:update': (i) => this.updateClaim(i),
      'claims:delete': ({ id }) => this.deleteClaim(id),
      'claims:move': ({ claimId, factId }) => this.moveClaim(claimId, factId),
      'passages:setBoilerplate': ({ id, boilerplate }) => this.setBoilerplate(id, boilerplate),
      'entities:list': () => Q.entityViews(this.database),
      'facts:list': () => Q.factViews(this.database),
      'facts:merge': ({ ids }) => this.mergeFacts(ids),
      'facts:split': ({ id, claimIds }) => this.splitFact(id, claimIds),
      'board:page': (q) => Q.boardPage(this.database, q),
      'conflicts:list': (f) => Q.listConflicts(this.database, f),
      'conflicts:get': ({ id }) => Q.conflictDetail(this.database, id),
      'conflicts:setStatus': (i) => this.setConflictStatus(i),
      'conflicts:resolve': (i) => this.resolveConflict(i),
      'conflicts:create': (i) => this.createConflict(i),
      'conflicts:detect': () => this.detect(),
      'notes:add': (i) => this.addNote(i),
      'history:list': (i) => listHistory(this.database, { limit: i?.limit ?? 100 }),
      'history:undo': () => this.afterCoverageChange(this.undoRedo(undo)),
      'history:redo': () => this.afterCoverageChange(this.undoRedo(redo)),
      'search:query': ({ q, limit }) => Q.search(this.database, q, limit),
      'settings:get': () => ({ editorName: this.editorName(), ...this.newsroom() }),
      'settings:set': ({ editorName, newsroomUrl, newsroomName }) => {
        this.setNewsroom(newsroomUrl, newsroomName);
        if (editorName !== undefined)
          this.database
            .prepare(
              "INSERT INTO settings (key, value) VALUES ('editorName', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )
            .run(editorName);
        return { editorName: this.editorName(), ...this.newsroom() };
      },
      'extract:rerun': ({ articleId }) => this.reextract(articleId),
      'export:run': (i) => exportDesk(this.database, i, this.path),
      'versions:list': ({ articleId }) => articleVersions(this.database, articleId),
      'versions:diff': ({ fromId, toId }) => versionDiff(this.database, fromId, toId),
      'versions:link': ({ articleId, toArticleId }) =>
        this.versionsChange((db) => linkByHand(db, articleId, toArticleId, this.actor()), true),
      'versions:unlink': ({ articleId }) =>
        this.versionsChange((db) => {
          unlinkVersion(db, articleId, this.actor());
          return articleVersions(db, articleId);
        }),
      ...draftHandlers(this),
    };
  }

  /**
   * Undo or redo that changes which articles count as coverage (an article deleted or
   * brought back, a draft marked or unmarked) re-runs matching, so facts and conflicts
   * follow the articles.
   */
  private async afterCoverageChange<T extends { entry: { id: number; action: string } | null }>(
    result: T,
  ): Promise<T> {
    const action = result.entry?.action;
    // An action recorded with its detection run is put back exactly: no fresh run.
    if (result.entry && carriesDetection(this.database, result.entry.id)) {
      this.emit('desk:changed', this.info());
      return result;
    }
    if (changesDrafts(action) || action === 'article:delete' || action?.startsWith('version:')) {
      await this.detect();
      this.emit('desk:changed', this.info());
    }
    return result;
  }

  /**
   * Corrects an article's details. A new date re-reads the claims read against it
   * ("on Wednesday") and re-runs detection; both are recorded with the edit, so one
   * undo takes back the date, the claims and the conflicts that followed.
   */
  private updateArticle(i: ParsedInput<'articles:update'>) {
    return this.exclusive(async () => {
      const db = this.database;
      let claims = 0;
      const changed = updateArticleMeta(db, this.actor(), i, (id, from, to) => {
        const r = rereadDates(db, this.entities(), id, from, to);
        claims = r.claims;
        return r;
      });
      if (claims > 0) await this.detectNow(lastEntryId(db) ?? undefined);
      if (changed) this.emit('desk:changed', this.info());
      return Q.articleSummary(db, i.id);
    });
  }

  private newsroom(): { newsroomUrl: string | null; newsroomName: string | null } {
    const get = (key: string) =>
      (
        this.database.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
          { value: string } | undefined
      )?.value ?? null;
    return { newsroomUrl: get('newsroomUrl'), newsroomName: get('newsroomName') };
  }

  /** Sets (or, given '', clears) the newsroom settings ClaimReview is published with. */
  private setNewsroom(url: string | undefined, name: string | undefined): void {
    const db = this.database;
    const put = (key: string, value: string | undefined) => {
      if (value === undefined) return;
      if (value === '') db.prepare('DELETE FROM settings WHERE key = ?').run(key);
      else
        db.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        ).run(key, value);
    };
    db.transaction(() => {
      put('newsroomUrl', url);
      put('newsroomName', name);
    }).immediate();
  }

  private editorName(): string | null {
    const row = stmt(this.database, "SELECT value FROM settings WHERE key = 'editorName'").get() as
      { value: string } | undefined;
    return row?.value ?? null;
  }
}

/**
 * A value for a span an editor marks, read as the extractor would: its own reading of
 * the sentence when it found a claim of that kind there, else the quote parsed by kind;
 * numbers and times get their frame from the sentence, so the claim takes part in
 * matching and detection like any other.
 */
function valueInSentence(
  sentence: string,
  start: number,
  end: number,
  kind: ClaimKind,
  quote: string,
): ClaimValue {
  const found = extractArticle({ text: sentence, publishedAt: null }).claims.find(
    (c) => c.kind === kind && c.start < end && start < c.end,
  );
  const value = found ? found.value : editorValue(kind, quote);
  if ((value.type === 'figure' || value.type === 'count' || value.type === 'time') && !value.frame)
    return { ...value, frame: frameInSentence(sentence, start, end, value) };
  return value;
}

/** A value for a claim an editor marked by hand: the quote is its readable form. */
function editorValue(kind: ClaimKind, quote: string): ClaimValue {
  switch (kind) {
    case 'figure': {
      const n = Number(quote.replace(/[^\d.]/g, ''));
      return {
        type: 'figure',
        amount: Number.isFinite(n) ? n : 0,
        currency: null,
        unit: null,
        approx: 'exact',
        period: null,
        metric: null,
        parties: [],
        display: quote,
      };
    }
    case 'count': {
      const n = Number(quote.replace(/[^\d]/g, ''));
      return {
        type: 'count',
        count: Number.isFinite(n) ? n : 0,
        noun: '',
        approx: 'exact',
        period: null,
        display: quote,
      };
    }
    case 'time': {
      const m = /(\d{1,2})[:.h](\d{2})/.exec(quote);
      const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
      return { type: 'time', minutes, zone: null, offset: null, utc: null, display: quote };
    }
    case 'date':
      return {
        type: 'date',
        date: '',
        end: null,
        granularity: 'day',
        weekday: null,
        part: null,
        event: null,
        display: quote,
      };
    case 'novelty':
      return {
        type: 'novelty',
        phrase: quote,
        strength: 'first',
        scope: { kind: 'unqualified' },
        event: null,
        display: quote,
      };
    case 'trend':
      return {
        type: 'trend',
        direction: /declin|decreas|drop|fall|fell/i.test(quote) ? 'down' : 'up',
        metric: null,
        window: null,
        display: quote,
      };
    case 'attribution':
      return { type: 'attribution', speaker: quote, verb: '', display: quote };
    case 'event':
      return { type: 'event', event: quote, actor: null, place: null, date: null, display: quote };
  }
}

/** The facts an action touched, from the rows it recorded. */
function factsOf(changes: RowChange[]): number[] {
  const ids: number[] = [];
  for (const c of changes) {
    if (!c.row) continue;
    if (c.table === 'facts') ids.push(c.row.id as number);
    else if ((c.table === 'conflicts' || c.table === 'claims') && typeof c.row.fact_id === 'number')
      ids.push(c.row.fact_id);
  }
  return ids;
}

export function reasonOf(err: unknown): string {
  if (err instanceof DeskError) return err.message;
  return `could not be imported: ${err instanceof Error ? err.message : String(err)}`;
}

export function yieldToLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
