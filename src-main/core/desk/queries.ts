/**
 * Read models: turning desk rows into the views the window shows. Kept apart
 * from writes so the hot queries (board page, conflict detail) are easy to find
 * and to check with EXPLAIN QUERY PLAN.
 */
import type { Db } from '../db/open';
import type { ClaimValue } from '../../shared/model';
import type {
  ClaimDispute,
  ArticleSummary,
  BoardCellClaim,
  BoardPage,
  BoardRow,
  BoardValue,
  ClaimView,
  ConflictBadge,
  ConflictDetail,
  ConflictSummary,
  EntityView,
  FactView,
  NoteView,
  PassageView,
  SearchHit,
} from '../../shared/views';
import { DeskError } from '../../shared/errors';
import { listHistory } from './history';
import { evidenceFromLegacy, parseStoredEvidence } from '../../shared/evidence';
import { valueClusters } from '../../shared/value-clusters';

export interface ClaimRow {
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
  subject: string | null;
  scope: string | null;
  value: string;
  boilerplate: number;
  origin: 'extractor' | 'editor';
  deleted: number;
  edited: number;
  fact_id: number | null;
}

const ARTICLE_SUMMARY_SQL = `
  SELECT a.id, a.title, a.outlet, a.published_at AS publishedAt, a.source, a.position,
    (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.deleted = 0) AS claimCount,
    (SELECT count(DISTINCT cc.conflict_id) FROM claims c JOIN conflict_claims cc ON cc.claim_id = c.id
       WHERE c.article_id = a.id) AS conflictCount,
    (SELECT count(*) FROM article_versions v1 JOIN article_versions v2 ON v2.identity_id = v1.identity_id
       WHERE v1.article_id = a.id) AS versionCount
  FROM articles a`;

/**
 * Every page of the board carries the article columns; on a desk of thousands of
 * articles counting their claims and conflicts each time would dominate the page.
 * All writes go through this one connection, so total_changes() says exactly when
 * the list can have changed.
 */
const summaryCache = new WeakMap<Db, { changes: number; list: ArticleSummary[] }>();

export function articleSummaries(db: Db): ArticleSummary[] {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const cached = summaryCache.get(db);
  if (cached && cached.changes === changes) return cached.list;
  // An older version of a revised article is not a column of its own: its latest version is.
  const list = db
    .prepare(
      `${ARTICLE_SUMMARY_SQL} WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.superseded = 1) ORDER BY a.position, a.id`,
    )
    .all() as ArticleSummary[];
  summaryCache.set(db, { changes, list });
  return list;
}

export function articleSummary(db: Db, id: number): ArticleSummary {
  const row = db.prepare(`${ARTICLE_SUMMARY_SQL} WHERE a.id = ?`).get(id) as ArticleSummary | undefined;
  if (!row) throw new DeskError('not_found', `No article ${id} on this desk.`);
  return row;
}

export function articleText(db: Db, id: number): string {
  const row = db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string } | undefined;
  if (!row) throw new DeskError('not_found', `No article ${id} on this desk.`);
  return row.text;
}

/** Article texts are read often while building views; a small cache per call keeps it cheap. */
export class TextCache {
  private readonly texts = new Map<number, string>();
  constructor(private readonly db: Db) {}
  get(articleId: number): string {
    let t = this.texts.get(articleId);
    if (t === undefined) {
      t = articleText(this.db, articleId);
      this.texts.set(articleId, t);
    }
    return t;
  }
}

export function toClaimView(db: Db, row: ClaimRow, texts: TextCache): ClaimView {
  const entities = db
    .prepare(
      'SELECT e.id, e.name FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = ? ORDER BY e.name',
    )
    .all(row.id) as { id: number; name: string }[];
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind as ClaimView['kind'],
    start: row.start,
    end: row.end,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    sentenceStart: row.sentence_start,
    sentenceEnd: row.sentence_end,
    sentence: texts.get(row.article_id).slice(row.sentence_start, row.sentence_end),
    subject: row.subject,
    scope: row.scope,
    value: JSON.parse(row.value) as ClaimValue,
    boilerplate: row.boilerplate === 1,
    origin: row.origin,
    factId: row.fact_id,
    entities,
  };
}

export function claimView(db: Db, id: number, texts = new TextCache(db)): ClaimView {
  const row = db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
  if (!row) throw new DeskError('not_found', `No claim ${id} on this desk.`);
  return toClaimView(db, row, texts);
}

export function listClaims(db: Db, opts: { articleId?: number; kind?: string }): ClaimView[] {
  const where = ['deleted = 0'];
  const params: unknown[] = [];
  if (opts.articleId !== undefined) {
    where.push('article_id = ?');
    params.push(opts.articleId);
  }
  if (opts.kind !== undefined) {
    where.push('kind = ?');
    params.push(opts.kind);
  }
  const rows = db
    .prepare(`SELECT * FROM claims WHERE ${where.join(' AND ')} ORDER BY article_id, start`)
    .all(...params) as ClaimRow[];
  const texts = new TextCache(db);
  return rows.map((r) => toClaimView(db, r, texts));
}

export function passages(db: Db, articleId: number): PassageView[] {
  return (
    db
      .prepare(
        'SELECT id, kind, start, "end", boilerplate, boilerplate_reason FROM passages WHERE article_id = ? ORDER BY start, kind',
      )
      .all(articleId) as {
      id: number;
      kind: 'paragraph' | 'sentence';
      start: number;
      end: number;
      boilerplate: number;
      boilerplate_reason: string | null;
    }[]
  ).map((p) => ({
    id: p.id,
    kind: p.kind,
    start: p.start,
    end: p.end,
    boilerplate: p.boilerplate === 1,
    boilerplateReason: p.boilerplate_reason,
  }));
}

export function entityViews(db: Db): EntityView[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.kind,
         (SELECT count(*) FROM claim_entities ce WHERE ce.entity_id = e.id) AS claimCount,
         (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases
       FROM entities e ORDER BY claimCount DESC, e.name`,
    )
    .all() as { id: number; name: string; kind: EntityView['kind']; claimCount: number; aliases: string }[];
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

export function factViews(db: Db): FactView[] {
  return db
    .prepare(
      `SELECT f.id, f.label,
         count(c.id) AS claimCount,
         count(DISTINCT c.article_id) AS articleCount,
         (SELECT count(*) FROM conflicts k WHERE k.fact_id = f.id) AS conflictCount
       FROM facts f JOIN claims c ON c.fact_id = f.id AND c.deleted = 0
       GROUP BY f.id ORDER BY f.label`,
    )
    .all() as FactView[];
}

export function factView(db: Db, id: number): FactView {
  const row = db
    .prepare(
      `SELECT f.id, f.label,
         (SELECT count(*) FROM claims c WHERE c.fact_id = f.id AND c.deleted = 0) AS claimCount,
         (SELECT count(DISTINCT c.article_id) FROM claims c WHERE c.fact_id = f.id AND c.deleted = 0) AS articleCount,
         (SELECT count(*) FROM conflicts k WHERE k.fact_id = f.id) AS conflictCount
       FROM facts f WHERE f.id = ?`,
    )
    .get(id) as FactView | undefined;
  if (!row) throw new DeskError('not_found', `No fact ${id} on this desk.`);
  return row;
}

export interface ConflictFilters {
  status?: string | undefined;
  kind?: string | undefined;
  articleId?: number | undefined;
  entityId?: number | undefined;
}

function conflictWhere(f: ConflictFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) {
    where.push('k.status = ?');
    params.push(f.status);
  }
  if (f.kind) {
    where.push('k.kind = ?');
    params.push(f.kind);
  }
  if (f.articleId) {
    where.push(
      'EXISTS (SELECT 1 FROM conflict_claims x JOIN claims c ON c.id = x.claim_id WHERE x.conflict_id = k.id AND c.article_id = ?)',
    );
    params.push(f.articleId);
  }
  if (f.entityId) {
    where.push(
      'EXISTS (SELECT 1 FROM conflict_claims x JOIN claim_entities ce ON ce.claim_id = x.claim_id WHERE x.conflict_id = k.id AND ce.entity_id = ?)',
    );
    params.push(f.entityId);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

interface ConflictRow {
  id: number;
  fact_id: number | null;
  kind: string;
  status: string;
  explanation: string;
  origin: 'detector' | 'editor';
  stale: number;
  reason: string | null;
  reopen_reason?: string | null;
  correct_claim_id: number | null;
  correct_neither: number;
  correct_side?: 'a' | 'b' | null;
  correct_value?: string | null;
  evidence: string | null;
  evidence_items: string | null;
  label: string | null;
}

function toSummary(db: Db, row: ConflictRow): ConflictSummary {
  const claims = db
    .prepare(
      `SELECT c.id, x.side, c.article_id AS articleId, c.quote FROM conflict_claims x
       JOIN claims c ON c.id = x.claim_id WHERE x.conflict_id = ? ORDER BY x.side, c.article_id, c.start`,
    )
    .all(row.id) as ConflictSummary['claims'];
  return {
    id: row.id,
    kind: row.kind as ConflictSummary['kind'],
    status: row.status as ConflictSummary['status'],
    explanation: row.explanation,
    origin: row.origin,
    stale: row.stale === 1,
    fact: row.fact_id !== null && row.label !== null ? { id: row.fact_id, label: row.label } : null,
    claims,
  };
}

const CONFLICT_SELECT = `SELECT k.*, f.label FROM conflicts k LEFT JOIN facts f ON f.id = k.fact_id`;

export function listConflicts(db: Db, filters: ConflictFilters): ConflictSummary[] {
  const { sql, params } = conflictWhere(filters);
  const rows = db
    .prepare(
      `${CONFLICT_SELECT} ${sql}
       ORDER BY CASE k.status WHEN 'suggested' THEN 0 WHEN 'open' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'resolved' THEN 3 ELSE 4 END, k.id`,
    )
    .all(...params) as ConflictRow[];
  return rows.map((r) => toSummary(db, r));
}

/** Sentences around a claim: the one before, the claim's own, the one after. */
function contextAround(db: Db, articleId: number, start: number, end: number, text: string) {
  const before = db
    .prepare(
      `SELECT start FROM passages WHERE article_id = ? AND kind = 'sentence' AND start < ? ORDER BY start DESC LIMIT 2`,
    )
    .all(articleId, start) as { start: number }[];
  const after = db
    .prepare(
      `SELECT "end" FROM passages WHERE article_id = ? AND kind = 'sentence' AND "end" > ? ORDER BY start LIMIT 2`,
    )
    .all(articleId, end) as { end: number }[];
  const from = before.at(-1)?.start ?? Math.max(0, start - 300);
  const to = after.at(-1)?.end ?? Math.min(text.length, end + 300);
  return { start: from, end: to, text: text.slice(from, to) };
}

export function conflictDetail(db: Db, id: number): ConflictDetail {
  const row = db.prepare(`${CONFLICT_SELECT} WHERE k.id = ?`).get(id) as ConflictRow | undefined;
  if (!row) throw new DeskError('not_found', `No conflict ${id} on this desk.`);
  const summary = toSummary(db, row);
  const texts = new TextCache(db);
  const sides = summary.claims.map((ref) => {
    const claim = claimView(db, ref.id, texts);
    const text = texts.get(claim.articleId);
    return {
      side: ref.side,
      claim,
      article: articleSummary(db, claim.articleId),
      context: contextAround(db, claim.articleId, claim.sentenceStart, claim.sentenceEnd, text),
    };
  });
  return {
    ...summary,
    reason: row.reason,
    reopenReason: row.status === 'open' ? (row.reopen_reason ?? null) : null,
    correctClaimId: row.correct_claim_id,
    correctNeither: row.correct_neither === 1,
    correctSide: row.correct_side ?? null,
    correctValue: row.correct_value ?? null,
    evidence: row.evidence,
    evidenceItems: row.evidence_items
      ? parseStoredEvidence(row.evidence_items)
      : evidenceFromLegacy(row.evidence),
    sides,
    notes: notesFor(db, 'conflict', id),
    history: listHistory(db, { targetType: 'conflict', targetId: id, limit: 50 }),
  };
}

export function notesFor(db: Db, targetType: string, targetId: number): NoteView[] {
  return db
    .prepare(
      `SELECT id, target_type AS targetType, target_id AS targetId, body, editor, created_at AS createdAt
       FROM notes WHERE target_type = ? AND target_id = ? AND deleted = 0 ORDER BY id`,
    )
    .all(targetType, targetId) as NoteView[];
}

/** FTS5 query from what a user types: each word a prefix term, quotes stripped. */
export function ftsQuery(q: string): string | null {
  const words = q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export function search(db: Db, q: string, limit: number): SearchHit[] {
  const match = ftsQuery(q);
  if (!match) return [];
  // One word ("tra", "trade") matches a large share of a big desk, and ranking every
  // match costs more than the answer is worth while typing (p95 84 ms at 10,000
  // articles): newest rows first then. Two or more words narrow the set enough to rank.
  const order = match.split(' ').length < 2 || /"[^"]{1,3}"\*/.test(match) ? 'rowid DESC' : 'rank';
  const claimHits = db
    .prepare(
      `SELECT c.id, c.article_id AS articleId, a.title AS articleTitle, c.quote AS text, c.start, c."end"
       FROM (SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ? ORDER BY ${order} LIMIT ?) h
       JOIN claims c ON c.id = h.rowid AND c.deleted = 0 JOIN articles a ON a.id = c.article_id
       WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.superseded = 1)
       ORDER BY h.${order}`,
    )
    .all(match, limit) as Omit<SearchHit, 'type'>[];
  const passageHits = db
    .prepare(
      `SELECT p.id, p.article_id AS articleId, a.title AS articleTitle, substr(a.text, p.start + 1, p."end" - p.start) AS text, p.start, p."end"
       FROM (SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY ${order} LIMIT ?) h
       JOIN passages p ON p.id = h.rowid JOIN articles a ON a.id = p.article_id
       WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.superseded = 1)
       ORDER BY h.${order}`,
    )
    .all(match, limit) as Omit<SearchHit, 'type'>[];
  return [
    ...claimHits.map((h) => ({ ...h, type: 'claim' as const })),
    ...passageHits.map((h) => ({ ...h, type: 'passage' as const })),
  ].slice(0, limit);
}

export interface BoardQuery extends ConflictFilters {
  offset: number;
  limit: number;
  sort: 'conflict' | 'fact' | 'article';
  query?: string | undefined;
  withArticles?: boolean | 'page' | undefined;
  /** Only facts stated by at least this many different articles. */
  minArticles?: number | undefined;
}

/**
 * One page of the board. The page of fact ids comes from one indexed query
 * (filters as EXISTS on conflicts/claims), then only that page's claims are read.
 */
export function boardPage(db: Db, q: BoardQuery): BoardPage {
  const where: string[] = ['f.claim_count > 0'];
  const params: unknown[] = [];
  if (q.status || q.kind) {
    const parts = ['k.fact_id = f.id'];
    if (q.status) {
      parts.push('k.status = ?');
      params.push(q.status);
    }
    if (q.kind) {
      parts.push('k.kind = ?');
      params.push(q.kind);
    }
    where.push(`EXISTS (SELECT 1 FROM conflicts k WHERE ${parts.join(' AND ')})`);
  }
  if (q.articleId) {
    where.push(
      'EXISTS (SELECT 1 FROM claims c WHERE c.fact_id = f.id AND c.article_id = ? AND c.deleted = 0)',
    );
    params.push(q.articleId);
  }
  if (q.entityId) {
    where.push(
      'EXISTS (SELECT 1 FROM claims c JOIN claim_entities ce ON ce.claim_id = c.id WHERE c.fact_id = f.id AND ce.entity_id = ?)',
    );
    params.push(q.entityId);
  }
  if (q.minArticles && q.minArticles > 1) {
    // claim_count is a cheap first cut: a fact needs at least as many claims as articles.
    where.push(
      'f.claim_count >= ? AND (SELECT count(DISTINCT c.article_id) FROM claims c WHERE c.fact_id = f.id AND c.deleted = 0) >= ?',
    );
    params.push(q.minArticles, q.minArticles);
  }
  const match = q.query ? ftsQuery(q.query) : null;
  if (match) {
    where.push(
      'f.id IN (SELECT c.fact_id FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ?)',
    );
    params.push(match);
  }
  // The orders match the partial indexes facts_board, facts_label and facts_position.
  const order =
    q.sort === 'fact'
      ? 'f.label, f.id'
      : q.sort === 'article'
        ? 'f.first_position, f.id'
        : 'f.conflict_rank, f.label, f.id';
  const whereSql = where.join(' AND ');
  const total = (
    db.prepare(`SELECT count(*) AS n FROM facts f WHERE ${whereSql}`).get(...params) as { n: number }
  ).n;
  const facts = db
    .prepare(`SELECT f.id, f.label FROM facts f WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as { id: number; label: string }[];
  const articles = articleSummaries(db);
  const order0 = new Map(articles.map((a, i) => [a.id, i]));
  const claimStmt = db.prepare(
    `SELECT c.id, c.article_id, c.kind, c.quote, c.sentence_start, c.sentence_end, c.value, c.start
     FROM claims c WHERE c.fact_id = ? AND c.deleted = 0 ORDER BY c.article_id, c.start`,
  );
  const badgeStmt = db.prepare('SELECT id, kind, status FROM conflicts WHERE fact_id = ? ORDER BY id');
  const sideStmt = db.prepare('SELECT claim_id, side FROM conflict_claims WHERE conflict_id = ?');
  const otherClaim = db.prepare('SELECT value, quote, article_id FROM claims WHERE id = ? AND deleted = 0');
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const texts = new TextCache(db);
  // A conflict's sides as value clusters, from the row's own claims (a precedent on another
  // fact is read on its own): the board names the disagreeing values without its columns.
  const disputedValues = (kind: string, sides: { claim_id: number; side: 'a' | 'b' }[]): BoardValue[] => {
    const members = sides.flatMap((s) => {
      let v = values.get(s.claim_id);
      if (!v) {
        const r = otherClaim.get(s.claim_id) as
          { value: string; quote: string; article_id: number } | undefined;
        if (!r) return [];
        v = { value: JSON.parse(r.value) as ClaimValue, quote: r.quote, articleId: r.article_id };
      }
      const a = byArticle.get(v.articleId);
      return [
        {
          claimId: s.claim_id,
          side: s.side,
          value: v.value,
          quote: v.quote,
          outlet: a?.outlet?.trim() || a?.title || `article ${v.articleId}`,
          articleId: v.articleId,
        },
      ];
    });
    return valueClusters(members, kind).map((k) => ({
      side: k.side,
      // One wording on a narrow board: a whole side ("first" wordings) would not fit.
      display: k.label,
      articleIds: k.articleIds,
      outlets: k.outlets,
    }));
  };
  let values = new Map<number, { value: ClaimValue; quote: string; articleId: number }>();
  const rows: BoardRow[] = facts.map((f) => {
    const claims = claimStmt.all(f.id) as {
      id: number;
      article_id: number;
      kind: string;
      quote: string;
      sentence_start: number;
      sentence_end: number;
      value: string;
    }[];
    const cells: Record<number, BoardCellClaim[]> = {};
    values = new Map();
    let reference: { id: number; order: number } | null = null;
    for (const c of claims) {
      const value = JSON.parse(c.value) as ClaimValue;
      values.set(c.id, { value, quote: c.quote, articleId: c.article_id });
      (cells[c.article_id] ??= []).push({
        id: c.id,
        kind: c.kind as BoardCellClaim['kind'],
        quote: c.quote,
        sentence: texts.get(c.article_id).slice(c.sentence_start, c.sentence_end),
        display: value.display,
      });
      const o = order0.get(c.article_id) ?? 0;
      if (!reference || o < reference.order) reference = { id: c.id, order: o };
    }
    return {
      fact: f,
      referenceClaimId: reference?.id ?? null,
      cells,
      conflicts: (badgeStmt.all(f.id) as ConflictBadge[]).map((k) => ({
        ...k,
        values: disputedValues(k.kind, sideStmt.all(k.id) as { claim_id: number; side: 'a' | 'b' }[]),
      })),
    };
  });
  // A draft is not coverage: it has no facts, so no column of its own on the board.
  const drafts = new Set(
    (db.prepare('SELECT article_id FROM drafts').all() as { article_id: number }[]).map((d) => d.article_id),
  );
  const columns = drafts.size ? articles.filter((a) => !drafts.has(a.id)) : articles;
  if (q.withArticles === 'page') {
    const stating = new Set(rows.flatMap((r) => Object.keys(r.cells).map(Number)));
    return { total, offset: q.offset, rows, articles: columns.filter((a) => stating.has(a.id)) };
  }
  return { total, offset: q.offset, rows, articles: q.withArticles === false ? [] : columns };
}

/** The conflicts each claim of an article is on, for the Reader's margin markers. */
export function articleDisputes(db: Db, articleId: number): ClaimDispute[] {
  return db
    .prepare(
      `SELECT x.claim_id AS claimId, k.id AS conflictId, k.kind, k.status
       FROM conflict_claims x JOIN claims c ON c.id = x.claim_id JOIN conflicts k ON k.id = x.conflict_id
       WHERE c.article_id = ? AND c.deleted = 0 AND k.stale = 0
       ORDER BY c.start, k.id`,
    )
    .all(articleId) as ClaimDispute[];
}
