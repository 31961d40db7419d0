/**
 * What every export reads: the articles in scope, their live claims, the conflicts
 * those claims are in (with the claims on the other side, wherever they come from),
 * the editor's decisions and the notes. One read, one shape, so the Markdown, HTML,
 * CSV and JSON-LD exports cannot disagree about what the editor decided.
 *
 * Scope: `articleIds` limits the articles; `conflictIds` (a selection on the board)
 * limits the claims to those in the selected conflicts; neither means the whole desk.
 * Dismissed conflicts are left out unless asked for; so are undecided suggestions the
 * detector no longer makes (stale).
 */
import type { Db } from '../db/open';
import type { ClaimValue, ConflictStatus } from '../../shared/model';
import { humanDisplay } from '../../shared/human-date';
import { rightCluster, valueClusters, type Side, type ValueCluster } from '../../shared/value-clusters';
import {
  evidenceFromLegacy,
  evidenceText,
  parseStoredEvidence,
  type EvidenceItem,
} from '../../shared/evidence';

export interface ExportOptions {
  articleIds?: number[];
  conflictIds?: number[];
  includeDismissed: boolean;
  /** Who makes the export (the notes say "made by"); the desk's stored name is never used. */
  editor?: string;
}

export interface ArticleRec {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  source: string;
  format: string;
  contentHash: string;
  text: string;
  notes: NoteRec[];
  /** Claims of this article in scope, in text order. */
  claims: ClaimRec[];
}

export interface ClaimRec {
  id: number;
  articleId: number;
  kind: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  /** The sentence the claim sits in, exactly as in the article. */
  sentence: string;
  /** Where the quote starts inside `sentence` (may be outside it for claims spanning sentences). */
  sentenceStart: number;
  display: string;
  value: ClaimValue | null;
  origin: string;
  edited: boolean;
  conflictIds: number[];
  notes: NoteRec[];
}

export interface NoteRec {
  id: number;
  targetType: string;
  targetId: number;
  body: string;
  editor: string;
  createdAt: string;
}

export interface ConflictRec {
  id: number;
  kind: string;
  status: ConflictStatus;
  explanation: string;
  reason: string | null;
  correctClaimId: number | null;
  correctNeither: boolean;
  /** The value cluster judged right, by side and value key (`shared/value-clusters.ts`). */
  correctSide: Side | null;
  correctValue: string | null;
  evidence: string | null;
  /** The evidence as items (links, what they are, quoted passages). */
  evidenceItems: EvidenceItem[];
  /** The fact the conflict is about ("People killed, as of 2025-03-11"), when matched. */
  factLabel: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who made the latest change to this conflict (history), else the desk's editor name. */
  editor: string | null;
  sideA: number[];
  sideB: number[];
  /** The sides as value clusters: side A's first, the value most articles give first. */
  clusters: ValueCluster[];
  notes: NoteRec[];
}

export interface ExportModel {
  /** Articles in scope, in import order. */
  articles: ArticleRec[];
  /** Conflicts in scope, by id order. */
  conflicts: ConflictRec[];
  /** A conflict in scope by id, or undefined (dismissed and left out, say). */
  conflict(id: number): ConflictRec | undefined;
  /** Every claim referred to: those in scope and those on the other side of their conflicts. */
  claim(id: number): ClaimRec;
  article(id: number): ArticleRec;
  /** The desk's editor name setting, if any. */
  deskEditor: string | null;
}

interface ArticleRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published_at: string | null;
  source: string;
  format: string;
  content_hash: string;
  text: string;
}

interface ClaimRow {
  id: number;
  article_id: number;
  kind: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  sentence_start: number;
  sentence_end: number;
  value: string;
  origin: string;
  edited: number;
}

interface ConflictRow {
  id: number;
  kind: string;
  status: ConflictStatus;
  explanation: string;
  reason: string | null;
  correct_claim_id: number | null;
  correct_neither: number;
  correct_side: Side | null;
  correct_value: string | null;
  evidence: string | null;
  evidence_items: string | null;
  fact_id: number | null;
  created_at: string;
  updated_at: string;
  stale: number;
}

interface NoteRow {
  id: number;
  target_type: string;
  target_id: number;
  body: string;
  editor: string;
  created_at: string;
}

/** Ids go to SQLite as one JSON array parameter: bound, never spliced, any length. */
const inIds = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;

function toNote(r: NoteRow): NoteRec {
  return {
    id: r.id,
    targetType: r.target_type,
    targetId: r.target_id,
    body: r.body,
    editor: r.editor,
    createdAt: r.created_at,
  };
}

export function loadExport(db: Db, opts: ExportOptions): ExportModel {
  return db.transaction(() => load(db, opts))();
}

function load(db: Db, opts: ExportOptions): ExportModel {
  const visible = (c: ConflictRow) =>
    (opts.includeDismissed || c.status !== 'dismissed') &&
    !(c.stale && (c.status === 'suggested' || c.status === 'open'));

  // Conflicts first when a selection names them: it decides which claims are in scope.
  let selected: ConflictRow[] | null = null;
  if (opts.conflictIds) {
    selected = (
      db
        .prepare(`SELECT * FROM conflicts WHERE ${inIds('id')} ORDER BY id`)
        .all(JSON.stringify(opts.conflictIds)) as ConflictRow[]
    ).filter(visible);
  }

  let claimRows: ClaimRow[];
  if (selected) {
    claimRows = db
      .prepare(
        `SELECT c.* FROM claims c WHERE c.deleted = 0 AND c.id IN
           (SELECT claim_id FROM conflict_claims WHERE ${inIds('conflict_id')})
         ORDER BY c.article_id, c.start, c.id`,
      )
      .all(JSON.stringify(selected.map((c) => c.id))) as ClaimRow[];
    if (opts.articleIds) {
      const keep = new Set(opts.articleIds);
      claimRows = claimRows.filter((c) => keep.has(c.article_id));
    }
  } else if (opts.articleIds) {
    claimRows = db
      .prepare(
        `SELECT * FROM claims WHERE deleted = 0 AND ${inIds('article_id')} ORDER BY article_id, start, id`,
      )
      .all(JSON.stringify(opts.articleIds)) as ClaimRow[];
  } else {
    claimRows = db
      .prepare(
        // An older version of a revised article is not an article of its own in the notes.
        `SELECT * FROM claims c WHERE deleted = 0 AND NOT EXISTS
           (SELECT 1 FROM article_versions v WHERE v.article_id = c.article_id AND v.superseded = 1)
         ORDER BY article_id, start, id`,
      )
      .all() as ClaimRow[];
  }

  const articleIds = selected
    ? [...new Set(claimRows.map((c) => c.article_id))]
    : opts.articleIds
      ? opts.articleIds
      : (
          db
            .prepare(
              'SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.superseded = 1)',
            )
            .all() as { id: number }[]
        ).map((r) => r.id);

  // The conflicts of the claims in scope (or the selection), and every claim in them.
  const scopeClaimIds = claimRows.map((c) => c.id);
  const conflictRows = selected
    ? selected
    : (
        db
          .prepare(
            `SELECT * FROM conflicts WHERE id IN
               (SELECT conflict_id FROM conflict_claims WHERE ${inIds('claim_id')}) ORDER BY id`,
          )
          .all(JSON.stringify(scopeClaimIds)) as ConflictRow[]
      ).filter(visible);
  const conflictIds = conflictRows.map((c) => c.id);
  const membership = db
    .prepare(
      `SELECT cc.conflict_id, cc.claim_id, cc.side FROM conflict_claims cc JOIN claims c ON c.id = cc.claim_id
       WHERE c.deleted = 0 AND ${inIds('cc.conflict_id')} ORDER BY cc.conflict_id, c.article_id, c.start`,
    )
    .all(JSON.stringify(conflictIds)) as { conflict_id: number; claim_id: number; side: 'a' | 'b' }[];

  const haveClaim = new Set(scopeClaimIds);
  const otherIds = [...new Set(membership.map((m) => m.claim_id).filter((id) => !haveClaim.has(id)))];
  const otherRows = db
    .prepare(`SELECT * FROM claims WHERE ${inIds('id')}`)
    .all(JSON.stringify(otherIds)) as ClaimRow[];

  const allArticleIds = [...new Set([...articleIds, ...otherRows.map((c) => c.article_id)])];
  const articleRows = db
    .prepare(
      `SELECT id, title, outlet, author, url, published_at, source, format, content_hash, text
       FROM articles WHERE ${inIds('id')} ORDER BY position, id`,
    )
    .all(JSON.stringify(allArticleIds)) as ArticleRow[];

  const notesOf = (type: string, ids: number[]): Map<number, NoteRec[]> => {
    const rows = db
      .prepare(
        `SELECT * FROM notes WHERE deleted = 0 AND target_type = ? AND ${inIds('target_id')} ORDER BY created_at, id`,
      )
      .all(type, JSON.stringify(ids)) as NoteRow[];
    const map = new Map<number, NoteRec[]>();
    for (const r of rows) {
      const list = map.get(r.target_id);
      if (list) list.push(toNote(r));
      else map.set(r.target_id, [toNote(r)]);
    }
    return map;
  };
  const articleNotes = notesOf('article', allArticleIds);
  const claimNotes = notesOf('claim', [...scopeClaimIds, ...otherIds]);
  const conflictNotes = notesOf('conflict', conflictIds);

  const deskEditor = opts.editor ?? null;
  const factLabel = db.prepare('SELECT label FROM facts WHERE id = ?');
  const latestActor = db.prepare(
    "SELECT actor FROM history WHERE target_type = 'conflict' AND target_id = ? ORDER BY id DESC LIMIT 1",
  );

  const articles = new Map<number, ArticleRec>();
  for (const a of articleRows) {
    articles.set(a.id, {
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      url: a.url,
      publishedAt: a.published_at,
      source: a.source,
      format: a.format,
      contentHash: a.content_hash,
      text: a.text,
      notes: articleNotes.get(a.id) ?? [],
      claims: [],
    });
  }

  const conflictsOfClaim = new Map<number, number[]>();
  for (const m of membership) {
    const list = conflictsOfClaim.get(m.claim_id);
    if (list) list.push(m.conflict_id);
    else conflictsOfClaim.set(m.claim_id, [m.conflict_id]);
  }

  const claims = new Map<number, ClaimRec>();
  const toClaim = (r: ClaimRow): ClaimRec => {
    const text = articles.get(r.article_id)!.text;
    let value: ClaimValue | null;
    try {
      value = JSON.parse(r.value) as ClaimValue;
    } catch {
      value = null;
    }
    return {
      id: r.id,
      articleId: r.article_id,
      kind: r.kind,
      start: r.start,
      end: r.end,
      quote: r.quote,
      prefix: r.prefix,
      suffix: r.suffix,
      sentence: text.slice(r.sentence_start, r.sentence_end),
      sentenceStart: r.start - r.sentence_start,
      display:
        value && typeof value.display === 'string' && value.display ? humanDisplay(value.display) : r.quote,
      value,
      origin: r.origin,
      edited: r.edited === 1,
      conflictIds: conflictsOfClaim.get(r.id) ?? [],
      notes: claimNotes.get(r.id) ?? [],
    };
  };
  for (const r of claimRows) {
    const c = toClaim(r);
    claims.set(c.id, c);
    articles.get(c.articleId)?.claims.push(c);
  }
  for (const r of otherRows) claims.set(r.id, toClaim(r));

  const sides = new Map<number, { a: number[]; b: number[] }>();
  for (const m of membership) {
    const s = sides.get(m.conflict_id) ?? { a: [], b: [] };
    s[m.side].push(m.claim_id);
    sides.set(m.conflict_id, s);
  }
  const conflicts: ConflictRec[] = conflictRows.map((c) => ({
    id: c.id,
    kind: c.kind,
    status: c.status,
    explanation: c.explanation,
    reason: c.reason,
    correctClaimId: c.correct_claim_id,
    correctNeither: c.correct_neither === 1,
    correctSide: c.correct_side ?? null,
    correctValue: c.correct_value ?? null,
    evidence: c.evidence,
    evidenceItems: c.evidence_items ? parseStoredEvidence(c.evidence_items) : evidenceFromLegacy(c.evidence),
    factLabel:
      c.fact_id === null
        ? null
        : ((factLabel.get(c.fact_id) as { label: string } | undefined)?.label ?? null),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    editor: (latestActor.get(c.id) as { actor: string } | undefined)?.actor ?? null,
    sideA: sides.get(c.id)?.a ?? [],
    sideB: sides.get(c.id)?.b ?? [],
    clusters: valueClusters(
      membership
        .filter((x) => x.conflict_id === c.id)
        .map((x) => {
          const claim = claims.get(x.claim_id)!;
          const a = articles.get(claim.articleId)!;
          return {
            claimId: claim.id,
            side: x.side,
            value: claim.value,
            quote: claim.quote,
            outlet: a.outlet?.trim() || 'outlet unknown',
            articleId: a.id,
          };
        }),
      c.kind,
    ),
    notes: conflictNotes.get(c.id) ?? [],
  }));

  const inScope = new Set(articleIds);
  const byId = new Map(conflicts.map((c) => [c.id, c]));
  return {
    articles: articleRows.filter((a) => inScope.has(a.id)).map((a) => articles.get(a.id)!),
    conflicts,
    conflict: (id) => byId.get(id),
    claim: (id) => {
      const c = claims.get(id);
      if (!c) throw new Error(`claim ${id} is not in the export`);
      return c;
    },
    article: (id) => {
      const a = articles.get(id);
      if (!a) throw new Error(`article ${id} is not in the export`);
      return a;
    },
    deskEditor,
  };
}

/** The claims on the other side of a conflict from `claimId`. */
export function otherSide(c: ConflictRec, claimId: number): number[] {
  if (c.sideA.includes(claimId)) return c.sideB;
  if (c.sideB.includes(claimId)) return c.sideA;
  return [...c.sideA, ...c.sideB];
}

/** The value cluster the editor judged right, when the conflict is resolved with one. */
export function rightClusterOf(c: ConflictRec): ValueCluster | null {
  if (c.status !== 'resolved' || c.correctNeither) return null;
  return rightCluster(c.clusters, c);
}

/** Whether the editor judged the claim right (true), wrong (false), or not at all (null). */
export function verdict(c: ConflictRec, claimId: number): boolean | null {
  if (c.status !== 'resolved') return null;
  if (c.correctNeither) return false;
  const right = rightClusterOf(c);
  if (!right) return null;
  // Every claim giving the right value is right; the other values are wrong.
  return right.claimIds.includes(claimId);
}

/** "“$160 million” (VnExpress, Tuoi Tre)": a value with the outlets that give it. */
export function clusterText(k: ValueCluster): string {
  return `“${k.display}” (${k.outlets.join(', ')})`;
}

/** A citation for a claim's article: outlet, date, "title". */
export function citation(a: ArticleRec): string {
  return [a.outlet ?? 'unknown outlet', a.publishedAt ?? 'undated', `“${a.title}”`].join(', ');
}

export function resolutionText(_m: ExportModel, c: ConflictRec, fromClaimId?: number): string | null {
  if (c.status !== 'resolved') return null;
  if (c.correctNeither) return 'Neither side is correct.';
  const right = rightClusterOf(c);
  if (!right) return 'Resolved without naming a correct value.';
  if (fromClaimId !== undefined) {
    const v = verdict(c, fromClaimId);
    if (v === true) return `This claim is correct: the right value is ${clusterText(right)}.`;
    if (v === false) return `This claim is wrong. The right value is ${clusterText(right)}.`;
  }
  return `The right value is ${clusterText(right)}.`;
}

/** A claim's status: the statuses of the conflicts it is in, or "no conflict". */
export function claimStatus(m: ExportModel, claim: ClaimRec): string {
  const ofClaim = conflictsOf(m, claim);
  if (ofClaim.length === 0) return 'no conflict';
  return ofClaim.map((c) => `${c.status} (conflict ${c.id})`).join('; ');
}

/** The claims of the conflicts in the model: for exports that list them. */
export function conflictsOf(m: ExportModel, claim: ClaimRec): ConflictRec[] {
  return claim.conflictIds.map((id) => m.conflict(id)).filter((c): c is ConflictRec => c !== undefined);
}

/** The decision written out in one line, for CSV cells and annotation bodies. */
export function decisionText(m: ExportModel, c: ConflictRec, claimId?: number): string {
  const parts: string[] = [];
  if (c.status === 'resolved') parts.push(`Resolved. ${resolutionText(m, c, claimId) ?? ''}`.trim());
  else if (c.status === 'dismissed') parts.push(`Dismissed${c.reason ? `: ${c.reason}` : '.'}`);
  else if (c.status === 'confirmed') parts.push('Confirmed: the articles disagree.');
  else parts.push(`${c.status[0]!.toUpperCase()}${c.status.slice(1)}: not yet decided.`);
  parts.push(`Conflict: ${c.explanation}`);
  if (c.evidenceItems.length) parts.push(`Evidence: ${evidenceText(c.evidenceItems).replace(/\n/g, '; ')}`);
  else if (c.evidence) parts.push(`Evidence: ${c.evidence}`);
  return parts.join(' ');
}
