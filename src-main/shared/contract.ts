/**
 * The one contract between the window and the core: a map from method name to
 * input schema and result type. The core's service implements `Handlers`, the
 * renderer's client is typed by `Client`, and both transports (IPC and HTTP)
 * parse input with `parseInput` before any handler sees it.
 */
import * as v from 'valibot';
import { CLAIM_KINDS, CONFLICT_KINDS, CONFLICT_STATUSES } from './model';
import { claimValueSchema } from './value-schema';
import type { ClaimValue } from './model';
import type {
  ArticleDetail,
  ArticleSummary,
  BoardPage,
  ClaimView,
  ConflictDetail,
  ConflictSummary,
  DeskInfo,
  DetectReport,
  EntityView,
  ExportFile,
  FactView,
  HistoryEntry,
  ImportReport,
  NoteView,
  SearchHit,
  Settings,
  UndoResult,
} from './views';
import { DeskError } from './errors';
import { VERDICT_STATUSES, type DraftCheck, type DraftSummary } from './draft-views';
import { MAX_EVIDENCE_ITEMS } from './evidence';
import type { ArticleVersions, LinkReport, VersionDiff } from './versions';

/** A phantom carrier of a result type. */
function out<T>(): T {
  return undefined as T;
}

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const claimKind = v.picklist(CLAIM_KINDS);
const conflictKind = v.picklist(CONFLICT_KINDS);
const conflictStatus = v.picklist(CONFLICT_STATUSES);
const empty = v.optional(v.strictObject({}), {});

/** 20 MB of text, or its base64 form. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

const filters = {
  status: v.optional(conflictStatus),
  kind: v.optional(conflictKind),
  articleId: v.optional(id),
  entityId: v.optional(id),
};

export const methods = {
  /** The open desk: its path and counts. */
  'desk:info': { input: empty, output: out<DeskInfo>() },
  /** Opens an existing desk file (refused when it is not a desk or is too new). */
  'desk:open': { input: v.strictObject({ path: nonEmpty(4096) }), output: out<DeskInfo>() },
  /** Creates a new, empty desk file and opens it. */
  'desk:create': { input: v.strictObject({ path: nonEmpty(4096) }), output: out<DeskInfo>() },
  /** Desks opened recently, newest first. */
  'desk:recent': { input: empty, output: out<string[]>() },
  /** Imports the sample articles shipped with Claimdesk into the open desk. */
  'desk:loadSample': { input: empty, output: out<ImportReport>() },

  /**
   * Imports files by path (CLI, native dialogs) or by content (drag and drop, browser).
   * Each article lands in its own transaction; failures are reported per file.
   */
  'articles:import': {
    input: v.strictObject({
      paths: v.optional(v.pipe(v.array(nonEmpty(4096)), v.maxLength(100_000))),
      files: v.optional(
        v.pipe(
          v.array(
            v.strictObject({
              name: nonEmpty(1024),
              data: v.pipe(v.string(), v.maxLength(Math.ceil((MAX_ARTICLE_BYTES * 4) / 3) + 16)),
              encoding: v.picklist(['utf8', 'base64']),
            }),
          ),
          v.maxLength(10_000),
        ),
      ),
    }),
    output: out<ImportReport>(),
  },
  /** Fetches web pages and imports each as an article (needs the machine to be online). */
  'articles:importUrl': {
    input: v.strictObject({
      urls: v.pipe(
        v.array(
          v.pipe(v.string(), v.trim(), v.url('Give a full web address, starting with http:// or https://.')),
        ),
        v.minLength(1),
        v.maxLength(1000),
      ),
    }),
    output: out<ImportReport>(),
  },
  /** Stops a running import after the article in hand; what landed stays, whole. */
  'import:cancel': { input: empty, output: out<{ cancelled: boolean }>() },
  /** Imports pasted text as one article. */
  'articles:paste': {
    input: v.strictObject({
      text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_BYTES)),
      title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    }),
    output: out<ImportReport>(),
  },
  /** Every article on the desk, in import order. */
  'articles:list': { input: empty, output: out<ArticleSummary[]>() },
  /** One article with its text, passages and claims. */
  'articles:get': { input: v.strictObject({ id }), output: out<ArticleDetail>() },
  /**
   * Corrects an article's details (title, outlet, author, publication date, web address);
   * recorded in the history and undoable. null or '' clears a field the article lacks.
   */
  'articles:update': {
    input: v.strictObject({
      id,
      title: v.optional(nonEmpty(1000)),
      outlet: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
      author: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(500)))),
      publishedAt: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10)))),
      url: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4096)))),
    }),
    output: out<ArticleSummary>(),
  },
  /** Removes an article and everything extracted from it. */
  'articles:delete': { input: v.strictObject({ id }), output: out<DeskInfo>() },

  /**
   * Claims of one article, or of the desk. A revised article's claims are its latest
   * version's (asked by any of its versions); older versions' are in versions:diff.
   */
  'claims:list': {
    input: v.strictObject({ articleId: v.optional(id), kind: v.optional(claimKind) }),
    output: out<ClaimView[]>(),
  },
  /** An editor's claim over a span of an article. */
  'claims:add': {
    input: v.strictObject({ articleId: id, start: offset, end: offset, kind: claimKind }),
    output: out<ClaimView>(),
  },
  /** Corrects a claim's kind or the readable form of its value. */
  'claims:update': {
    input: v.strictObject({
      id,
      kind: v.optional(claimKind),
      display: v.optional(nonEmpty(2000)),
      value: v.optional(
        v.pipe(
          claimValueSchema,
          v.custom<ClaimValue>(() => true),
        ),
      ),
    }),
    output: out<ClaimView>(),
  },
  /** Deletes a wrong claim (kept as deleted so re-extraction does not bring it back). */
  'claims:delete': { input: v.strictObject({ id }), output: out<null>() },
  /** Moves a claim to another fact. */
  'claims:move': { input: v.strictObject({ claimId: id, factId: id }), output: out<FactView>() },

  /** Marks a passage as boilerplate or article text; the choice survives re-extraction. */
  'passages:setBoilerplate': {
    input: v.strictObject({ id, boilerplate: v.boolean() }),
    output: out<null>(),
  },

  /** People, organisations and places with their aliases. */
  'entities:list': { input: empty, output: out<EntityView[]>() },

  /** Every fact with counts. */
  'facts:list': { input: empty, output: out<FactView[]>() },
  /** Merges facts into the first one. */
  'facts:merge': {
    input: v.strictObject({ ids: v.pipe(v.array(id), v.minLength(2), v.maxLength(1000)) }),
    output: out<FactView>(),
  },
  /** Moves some claims of a fact into a new fact. */
  'facts:split': {
    input: v.strictObject({ id, claimIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(10_000)) }),
    output: out<FactView>(),
  },

  /** One page of the alignment board. */
  'board:page': {
    input: v.strictObject({
      offset: v.optional(offset, 0),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 100),
      sort: v.optional(v.picklist(['conflict', 'fact', 'article']), 'conflict'),
      ...filters,
      query: v.optional(v.pipe(v.string(), v.maxLength(500))),
      /**
       * Include the article columns (the first page needs them; later pages need not repeat
       * them); 'page': only the articles that state something on these rows, which is all a
       * board drawing the columns of its rows in view needs from a desk of a thousand articles.
       */
      withArticles: v.optional(v.union([v.boolean(), v.literal('page')]), true),
      /** Only facts stated by at least this many different articles ("stated by 2+ articles"). */
      minArticles: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
    }),
    output: out<BoardPage>(),
  },

  /** Conflicts matching the filters. */
  'conflicts:list': { input: v.strictObject({ ...filters }), output: out<ConflictSummary[]>() },
  /** One conflict with both sides in context, notes and history. */
  'conflicts:get': { input: v.strictObject({ id }), output: out<ConflictDetail>() },
  /** Confirm, dismiss (with a reason), reopen. */
  'conflicts:setStatus': {
    input: v.strictObject({
      id,
      status: v.picklist(['suggested', 'open', 'confirmed', 'dismissed']),
      reason: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
      note: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
    }),
    output: out<ConflictDetail>(),
  },
  /**
   * Records which value is right (or none), the evidence and a note. `correctClaimId` names
   * any claim of the right value cluster; the whole cluster is recorded (side and value key,
   * `shared/value-clusters.ts`), so later articles giving that value count as right too.
   */
  'conflicts:resolve': {
    input: v.strictObject({
      id,
      correctClaimId: v.nullable(id),
      evidence: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
      /** Evidence as items; each url must be http(s). `evidence` text, if also given, adds items (one per line). */
      evidenceItems: v.optional(
        v.pipe(
          v.array(
            v.strictObject({
              url: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4096)))),
              title: v.optional(v.pipe(v.string(), v.maxLength(2000))),
              passage: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(20_000)))),
            }),
          ),
          v.maxLength(MAX_EVIDENCE_ITEMS),
        ),
      ),
      note: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
    }),
    output: out<ConflictDetail>(),
  },
  /** A conflict an editor sees that the detector missed. */
  'conflicts:create': {
    input: v.strictObject({
      sideA: v.pipe(v.array(id), v.minLength(1)),
      sideB: v.pipe(v.array(id), v.minLength(1)),
      kind: v.optional(conflictKind),
      explanation: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    }),
    output: out<ConflictDetail>(),
  },
  /** Re-runs matching and detection; editor decisions are kept. */
  'conflicts:detect': { input: empty, output: out<DetectReport>() },

  /** Adds a note to a conflict, claim, article or fact. */
  'notes:add': {
    input: v.strictObject({
      targetType: v.picklist(['conflict', 'claim', 'article', 'fact']),
      targetId: id,
      body: nonEmpty(100_000),
    }),
    output: out<NoteView>(),
  },

  /** The newest history entries first. */
  'history:list': {
    input: v.optional(
      v.strictObject({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))) }),
      {},
    ),
    output: out<HistoryEntry[]>(),
  },
  /** Undoes the newest editor action not yet undone. */
  'history:undo': { input: empty, output: out<UndoResult>() },
  /** Redoes the newest undone action. */
  'history:redo': { input: empty, output: out<UndoResult>() },

  /** Full-text search over claims and passages, as you type. */
  'search:query': {
    input: v.strictObject({
      q: v.pipe(v.string(), v.maxLength(500)),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
    }),
    output: out<SearchHit[]>(),
  },

  'settings:get': { input: empty, output: out<Settings>() },
  'settings:set': {
    input: v.strictObject({
      editorName: v.optional(nonEmpty(200)),
      /** The newsroom's web address (http or https); an empty string clears it. */
      newsroomUrl: v.optional(
        v.union([
          v.literal(''),
          v.pipe(
            v.string(),
            v.trim(),
            v.url('Give the newsroom address in full, starting with https:// or http://.'),
            v.regex(/^https?:\/\//i, 'The newsroom address must start with https:// or http://.'),
          ),
        ]),
      ),
      /** The newsroom's name; an empty string clears it. */
      newsroomName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
    }),
    output: out<Settings>(),
  },

  /** Re-extracts claims (one article or all), keeping editor decisions. */
  'extract:rerun': {
    input: v.strictObject({ articleId: v.optional(id) }),
    output: out<{ articles: number; claims: number }>(),
  },

  /** Builds an export in memory; the window saves or downloads it. */
  'export:run': {
    input: v.strictObject({
      format: v.picklist([
        'md',
        'html',
        'pdf',
        'csv-claims',
        'csv-conflicts',
        'webanno',
        'claimreview',
        'backup',
      ]),
      scope: v.optional(v.picklist(['desk', 'article', 'selection']), 'desk'),
      articleIds: v.optional(v.array(id)),
      conflictIds: v.optional(v.array(id)),
      includeDismissed: v.optional(v.boolean(), false),
      /** Notes (md, html, pdf): the conflict statuses to list; all when absent. */
      statuses: v.optional(v.pipe(v.array(conflictStatus), v.minLength(1))),
      /** Notes: leave dismissed conflicts out (listed with their reasons by default). */
      hideDismissed: v.optional(v.boolean()),
      /** Notes: the articles and their claims at the end (on by default). */
      appendix: v.optional(v.boolean()),
    }),
    output: out<ExportFile>(),
  },

  /** Drafts under review on the desk (articles checked against the others before publication). */
  'drafts:list': { input: empty, output: out<DraftSummary[]>() },
  /**
   * Marks an article as a draft under review, or back to coverage with `draft: false`.
   * A draft is never a source: matching and detection leave it out, and re-run.
   */
  'drafts:mark': {
    input: v.strictObject({ articleId: id, draft: v.optional(v.boolean(), true) }),
    output: out<DraftSummary[]>(),
  },
  /** Every claim of a draft with its verdict (supported, contradicted, unverified) and its sources. */
  'drafts:check': { input: v.strictObject({ id }), output: out<DraftCheck>() },
  /** Sets the editor's verdict on a draft claim with evidence and a note; `status: null` goes back to the computed one. */
  'drafts:setVerdict': {
    input: v.strictObject({
      claimId: id,
      status: v.nullable(v.picklist(VERDICT_STATUSES)),
      evidence: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
      note: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
    }),
    output: out<DraftCheck>(),
  },
  /** The draft back to the writer: DOCX with a Word comment at each claim needing attention, or a Markdown/HTML fact-check memo. */
  'drafts:export': {
    input: v.strictObject({ id, format: v.picklist(['docx', 'md', 'html']) }),
    output: out<ExportFile>(),
  },
  /** An article's versions, oldest first, with the claims a revision left without a place (orphans). */
  'versions:list': { input: v.strictObject({ articleId: id }), output: out<ArticleVersions>() },
  /** The word diff, the changed claims and a one-line summary between two versions of one article. */
  'versions:diff': { input: v.strictObject({ fromId: id, toId: id }), output: out<VersionDiff>() },
  /**
   * Makes an article the newest version of another (by hand, when the import did not
   * recognise it): claims are re-anchored and the editor's work carried over. Undoable.
   */
  'versions:link': {
    input: v.strictObject({ articleId: id, toArticleId: id }),
    output: out<LinkReport>(),
  },
  /** Takes a version out of its article: it becomes an article of its own again. Undoable. */
  'versions:unlink': { input: v.strictObject({ articleId: id }), output: out<ArticleVersions>() },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = v.InferInput<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = v.InferOutput<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'];

/** What the core implements: one function per method, on already-parsed input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What the renderer calls. */
export type Client = {
  [M in MethodName]: (
    ...input: MethodInput<M> extends undefined ? [MethodInput<M>?] : [MethodInput<M>]
  ) => Promise<MethodOutput<M>>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** Parses raw transport input; throws a DeskError naming the first problem. */
export function parseInput<M extends MethodName>(method: M, raw: unknown): ParsedInput<M> {
  const schema = methods[method].input as v.GenericSchema<unknown, ParsedInput<M>>;
  const result = v.safeParse(schema, raw ?? undefined);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new DeskError(
      'invalid_input',
      `Invalid input for ${method}${path ? ` at "${path}"` : ''}: ${issue.message}`,
    );
  }
  return result.output;
}

export function toErrorResult(err: unknown): Result<never> {
  if (err instanceof DeskError) return { ok: false, error: { code: err.code, message: err.message } };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'internal', message } };
}
