/**
 * The core service: implements every method of the contract on the open desk.
 * Both transports (IPC in Electron, HTTP in the browser mode) and the CLI call
 * this; nothing here knows which one is asking.
 *
 * Long work (importing a folder, re-extracting, re-detecting) yields to the event
 * loop between articles so the process keeps answering, and reports progress.
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handlers, ParsedInput } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import type { ArticleMeta } from '../../shared/model';
import type { DeskInfo, DetectReport, ImportReport } from '../../shared/views';
import { openDesk, type Db } from '../db/open';
import { readOnlyError } from '../db/read-only';
import { SCHEMA_VERSION } from '../db/migrations/index';
import type { EntityIndex } from '../extract/entity-index';
import { ArticleReader } from '../ingest/reader';
import type { ExtractionResult } from '../extract/types';
import { loadEntityIndex, type SearchRows } from '../desk/store';
import { warmDesk } from '../desk/warm';
import type { undo } from '../desk/history';
import { type RowChange } from '../desk/history';
import { type ImportOptions, sharedReader } from './import';
import type { Emit, ServiceOptions } from './common';
import * as ingest from './import';
import * as detection from './detection';
import * as history from './history';
import * as review from './review';
import * as claims from './claims';
import * as grouping from './grouping';
import * as articles from './articles';
import * as settings from './settings';
import * as contract from './handlers';

export class DeskService {
  db: Db | null = null;
  path = '';
  listeners = new Set<Emit>();
  busy: Promise<unknown> = Promise.resolve();
  importing = false;
  /** The desk's entities, for resolving each new article's names; loaded on first import. */
  entityIndex: EntityIndex | null = null;
  cancelRequested = false;
  readerInstance: ArticleReader | null = null;

  /**
   * Reads import files in a worker, each within its time and memory budget. Desks opened
   * with the default budgets share one worker per process (starting one costs about a
   * second); a service given its own budgets gets its own.
   */
  get reader(): ArticleReader {
    if (!this.options.reader) return sharedReader();
    return (this.readerInstance ??= new ArticleReader(this.options.reader));
  }

  constructor(readonly options: ServiceOptions = {}) {}

  onEvent(listener: Emit): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit: Emit = (event, payload) => {
    for (const l of this.listeners) l(event, payload);
  };

  get deskPath(): string {
    return this.path;
  }

  get database(): Db {
    if (!this.db) throw new DeskError('no_desk', 'No desk is open. Create or open a desk first.');
    return this.db;
  }

  requireDesk(): void {
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
  requireWritable(): void {
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

  remember(path: string): void {
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

  entities(): EntityIndex {
    return (this.entityIndex ??= loadEntityIndex(this.database));
  }

  /**
   * Who acts: the editor the call names (the window sends its person's name with each
   * call), else this session's --editor, else the system user. The name stored in the
   * desk's settings is never the actor: it was the previous person's.
   */
  actor(): string {
    return this.acting.getStore() ?? this.options.actor ?? this.options.defaultActor ?? 'editor';
  }

  readonly acting = new AsyncLocalStorage<string>();

  /** Runs one call (and the async work it starts) as the named editor. */
  readonly actingAs = <T>(editor: string | undefined, run: () => T): T =>
    editor ? this.acting.run(editor, run) : run();

  /** Serialises long jobs so two imports never interleave their transactions. */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const next = this.busy.then(job, job);
    this.busy = next.catch(() => undefined);
    return next;
  }

  // ---- import -------------------------------------------------------------

  importOne(
    doc: { text: string; meta: Partial<ArticleMeta>; format: string; invisible?: number },
    source: string,
    report: ImportReport,
    extraction?: ExtractionResult,
    later?: SearchRows,
  ): void {
    return ingest.importOne(this, doc, source, report, extraction, later);
  }

  cancelImport(): { cancelled: boolean } {
    return ingest.cancelImport(this);
  }

  importBytes(
    items: { name: string; read: () => Uint8Array }[],
    report: ImportReport,
    options: ImportOptions = {},
  ): Promise<void> {
    return ingest.importBytes(this, items, report, options);
  }

  importLoop(
    items: { name: string; read: () => Uint8Array }[],
    report: ImportReport,
    options: ImportOptions,
  ): Promise<void> {
    return ingest.importLoop(this, items, report, options);
  }

  importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
    return ingest.importPaths(this, paths, options);
  }

  importUrls(urls: string[]): Promise<ImportReport> {
    return ingest.importUrls(this, urls);
  }

  importFiles(
    files: { name: string; data: string; encoding: 'utf8' | 'base64' }[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    return ingest.importFiles(this, files, options);
  }

  // ---- detection ----------------------------------------------------------

  linkEntry(articleId: number): number | undefined {
    return detection.linkEntry(this, articleId);
  }

  detectNow(record?: number): Promise<DetectReport> {
    return detection.detectNow(this, record);
  }

  needsDetection(): boolean {
    return detection.needsDetection(this);
  }

  setNeedsDetection(on: boolean): void {
    return detection.setNeedsDetection(this, on);
  }

  detect(): Promise<DetectReport> {
    return detection.detect(this);
  }

  reextract(articleId?: number): Promise<{ articles: number; claims: number }> {
    return detection.reextract(this, articleId);
  }

  // ---- editor actions -----------------------------------------------------

  act<T>(
    action: string,
    targetType: string,
    targetId: number | null,
    touched: () => RowChange[],
    apply: () => T,
    touchedAfter?: () => RowChange[],
  ): T {
    return history.act(this, action, targetType, targetId, touched, apply, touchedAfter);
  }

  conflictRows(id: number): RowChange[] {
    return review.conflictRows(this, id);
  }

  setConflictStatus(input: ParsedInput<'conflicts:setStatus'>) {
    return review.setConflictStatus(this, input);
  }

  resolveConflict(input: ParsedInput<'conflicts:resolve'>) {
    return review.resolveConflict(this, input);
  }

  insertNote(targetType: string, targetId: number, body: string): number {
    return review.insertNote(this, targetType, targetId, body);
  }

  addNote(input: ParsedInput<'notes:add'>) {
    return review.addNote(this, input);
  }

  createConflict(input: ParsedInput<'conflicts:create'>) {
    return review.createConflict(this, input);
  }

  addClaim(input: ParsedInput<'claims:add'>) {
    return claims.addClaim(this, input);
  }

  updateClaim(input: ParsedInput<'claims:update'>) {
    return claims.updateClaim(this, input);
  }

  deleteClaim(id: number): null {
    return claims.deleteClaim(this, id);
  }

  moveClaim(claimId: number, factId: number) {
    return grouping.moveClaim(this, claimId, factId);
  }

  mergeFacts(ids: number[]) {
    return grouping.mergeFacts(this, ids);
  }

  splitFact(id: number, claimIds: number[]) {
    return grouping.splitFact(this, id, claimIds);
  }

  setBoilerplate(id: number, boilerplate: boolean): null {
    return articles.setBoilerplate(this, id, boilerplate);
  }

  deleteArticle(id: number): DeskInfo {
    return articles.deleteArticle(this, id);
  }

  versionsChange<T>(change: (db: Db) => T, record = false): Promise<T> {
    return articles.versionsChange(this, change, record);
  }

  undoRedo(step: typeof undo) {
    return history.undoRedo(this, step);
  }

  handlers(): Handlers {
    return contract.handlers(this);
  }

  afterCoverageChange<T extends { entry: { id: number; action: string } | null }>(result: T): Promise<T> {
    return history.afterCoverageChange(this, result);
  }

  updateArticle(i: ParsedInput<'articles:update'>) {
    return articles.updateArticle(this, i);
  }

  newsroom(): { newsroomUrl: string | null; newsroomName: string | null } {
    return settings.newsroom(this);
  }

  setNewsroom(url: string | undefined, name: string | undefined): void {
    return settings.setNewsroom(this, url, name);
  }

  editorName(): string | null {
    return settings.editorName(this);
  }
}
