/**
 * Result types of the contract: what the core returns and the renderer shows.
 */
import type { ClaimKind, ClaimValue, ConflictKind, ConflictStatus, EntityKind, PassageKind } from './model';
import type { EvidenceItem } from './evidence';
import type { LinkReport } from './versions';

export interface DeskInfo {
  path: string;
  name: string;
  schemaVersion: number;
  articleCount: number;
  claimCount: number;
  factCount: number;
  conflictCount: number;
  /** Conflicts still waiting for a decision (suggested or open). */
  pendingConflictCount: number;
  /** Articles were stored by a run that stopped before matching them: run detection to finish it. */
  needsDetection: boolean;
  /** The desk cannot be written (its file or folder is read-only): it is shown, nothing can change. */
  readOnly?: boolean;
}

export interface ArticleSummary {
  id: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The imported file's name, or "pasted text". */
  source: string;
  claimCount: number;
  conflictCount: number;
  position: number;
  /** How many versions the article has (0 when it was never revised). */
  versionCount?: number;
}

export interface PassageView {
  id: number;
  kind: PassageKind;
  start: number;
  end: number;
  boilerplate: boolean;
  boilerplateReason: string | null;
}

export interface EntityRef {
  id: number;
  name: string;
}

export interface ClaimView {
  id: number;
  articleId: number;
  kind: ClaimKind;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  sentenceStart: number;
  sentenceEnd: number;
  sentence: string;
  subject: string | null;
  scope: string | null;
  value: ClaimValue;
  boilerplate: boolean;
  origin: 'extractor' | 'editor';
  factId: number | null;
  entities: EntityRef[];
}

/** A claim's place in a conflict, as the Reader marks it. */
export interface ClaimDispute {
  claimId: number;
  conflictId: number;
  kind: ConflictKind;
  status: ConflictStatus;
}

export interface ArticleDetail extends ArticleSummary {
  author: string | null;
  url: string | null;
  language: string | null;
  format: string;
  text: string;
  passages: PassageView[];
  claims: ClaimView[];
  /** The conflicts the article's claims are on. */
  disputes: ClaimDispute[];
}

export interface EntityView {
  id: number;
  name: string;
  kind: EntityKind;
  aliases: string[];
  claimCount: number;
}

export interface FactView {
  id: number;
  label: string;
  claimCount: number;
  articleCount: number;
  conflictCount: number;
}

export interface ConflictBadge {
  id: number;
  kind: ConflictKind;
  status: ConflictStatus;
  /**
   * The values in dispute (value clusters, side A's first), each with the articles that
   * give it: what the board shows on the row, whatever the number of article columns.
   */
  values?: BoardValue[];
}

export interface BoardValue {
  side: 'a' | 'b';
  display: string;
  articleIds: number[];
  /** Outlets (or titles, lacking one) of those articles. */
  outlets: string[];
}

export interface BoardCellClaim {
  id: number;
  kind: ClaimKind;
  quote: string;
  sentence: string;
  display: string;
}

export interface BoardRow {
  fact: { id: number; label: string };
  /** The claim other cells are compared with (the first article's, by column order). */
  referenceClaimId: number | null;
  /** Keyed by article id; an absent key means the article does not state the fact. */
  cells: Record<number, BoardCellClaim[]>;
  conflicts: ConflictBadge[];
}

export interface BoardPage {
  total: number;
  offset: number;
  rows: BoardRow[];
  /** The article columns: every article of the desk, or with withArticles 'page' those stating something on `rows`. */
  articles: ArticleSummary[];
}

export interface ConflictClaimRef {
  id: number;
  side: 'a' | 'b';
  articleId: number;
  quote: string;
}

export interface ConflictSummary {
  id: number;
  kind: ConflictKind;
  status: ConflictStatus;
  explanation: string;
  origin: 'detector' | 'editor';
  stale: boolean;
  fact: { id: number; label: string } | null;
  claims: ConflictClaimRef[];
}

export interface NoteView {
  id: number;
  targetType: 'conflict' | 'claim' | 'article' | 'fact';
  targetId: number;
  body: string;
  editor: string;
  createdAt: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: number | null;
  /** One line for people: "Confirmed conflict 12". */
  summary: string;
}

export interface ConflictSideView {
  side: 'a' | 'b';
  claim: ClaimView;
  article: ArticleSummary;
  /** A few sentences around the claim; offsets are into the article text. */
  context: { start: number; end: number; text: string };
}

export interface ConflictDetail extends ConflictSummary {
  reason: string | null;
  /** Why a decided conflict was opened again (new coverage, a revised article), while it is open. */
  reopenReason?: string | null;
  correctClaimId: number | null;
  correctNeither: boolean;
  /**
   * The value cluster judged right (`shared/value-clusters.ts`): its side and value key.
   * Null for an unresolved conflict, "neither", or a resolution recorded by claim only.
   */
  correctSide?: 'a' | 'b' | null;
  correctValue?: string | null;
  evidence: string | null;
  /** The evidence as items: links with what they are, and quoted passages. */
  evidenceItems: EvidenceItem[];
  sides: ConflictSideView[];
  notes: NoteView[];
  history: HistoryEntry[];
}

export interface ImportReport {
  /** `invisible`: bidi controls and zero-width characters removed from the article's text. */
  imported: {
    id: number;
    title: string;
    source: string;
    claimCount: number;
    invisible?: number;
    /** Set when the import is a revision of an article already on the desk. */
    revision?: LinkReport;
  }[];
  duplicates: { source: string; existingId: number; title: string }[];
  failed: { source: string; reason: string }[];
  /** Set when the editor cancelled: the files not reached are listed here. */
  cancelled?: { remaining: number };
  /** Set when this run also finished the matching an earlier, interrupted run left undone. */
  resumedDetection?: boolean;
  /** Claims whose stored value is damaged: left out of matching, each named with its article. */
  leftOut?: LeftOutClaim[];
}

/** A claim matching could not use (its stored value is damaged), and what to do about it. */
export interface LeftOutClaim {
  claimId: number;
  articleId: number;
  /** The article's title. */
  article: string;
  reason: string;
}

export interface SearchHit {
  type: 'claim' | 'passage';
  id: number;
  articleId: number;
  articleTitle: string;
  text: string;
  start: number;
  end: number;
}

export interface Settings {
  /**
   * A name kept in the desk by older versions (or `claimdesk settings --editor`): only
   * suggested to a person asked their name; decisions are signed by the caller's name.
   */
  editorName: string | null;
  /** The newsroom's web address, under which ClaimReview pages are published. */
  newsroomUrl?: string | null;
  /** The newsroom's name, the publisher of its ClaimReviews. */
  newsroomName?: string | null;
}

export interface UndoResult {
  /** The action that was undone or redone; null when there was nothing to do. */
  entry: HistoryEntry | null;
}

export interface DetectReport {
  facts: number;
  conflicts: number;
  added: number;
  /** Claims left out of matching because their stored value is damaged. */
  leftOut?: LeftOutClaim[];
}

export type ExportFormat =
  'md' | 'html' | 'pdf' | 'csv-claims' | 'csv-conflicts' | 'webanno' | 'claimreview' | 'backup';

export interface ExportFile {
  filename: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  data: string;
  /**
   * What the file lacks, in plain words with the fix (ClaimReview: an article with no
   * date or no outlet); the file is written all the same.
   */
  warnings?: string[];
}

/** Events the core pushes to the window. */
export interface ProgressEvent {
  job: 'import' | 'extract' | 'detect';
  done: number;
  total: number;
  label: string;
}

/** A menu command from the desktop app's menu bar, for the window to carry out. */
export interface MenuEvent {
  command: 'export' | 'undo' | 'redo' | 'paste-text' | 'shortcuts' | 'find';
}

export interface DeskEvents {
  progress: ProgressEvent;
  'desk:changed': DeskInfo;
  menu: MenuEvent;
  /** An import started from the desktop menu finished. */
  'import:report': ImportReport;
}
