/**
 * Writes to the desk that are not editor actions: storing an imported article,
 * storing what the extractor found (passages, entities, claims, FTS rows), and
 * storing what the matcher proposes (facts, conflict suggestions).
 *
 * Re-extraction and re-detection never undo an editor's work: claims keep their
 * ids when the extractor finds them again (same article, kind and span), deleted
 * and corrected claims stay as the editor left them, boilerplate marks come from
 * passage_marks, and a conflict an editor decided on is never overwritten.
 */
import { consequence } from './rank';
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import type { ExtractedClaim, ExtractedEntity, ExtractionResult } from '../extract/types';
import type { ArticleMeta, ClaimValue, EntityKind } from '../../shared/model';
import { EntityIndex } from '../extract/entity-index';
import type { MatchClaim, MatchResult } from '../match/types';
import { foldKey } from '../../shared/fold';
import { stmt } from '../db/stmt';

export interface NewArticle {
  text: string;
  meta: ArticleMeta;
  source: string;
  format: string;
  /** The text the duplicate check hashes (whitespace-canonical), so one article in two formats is one. */
  canonical: string;
}

export function contentHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function findDuplicate(db: Db, hash: string): { id: number; title: string } | null {
  return (
    (stmt(db, 'SELECT id, title FROM articles WHERE content_hash = ?').get(hash) as
      { id: number; title: string } | undefined) ?? null
  );
}

export function insertArticle(db: Db, a: NewArticle, hash: string, extractorVersion: number): number {
  const position = (
    stmt(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM articles').get() as { p: number }
  ).p;
  const info = stmt(
    db,
    `INSERT INTO articles (title, outlet, author, url, published_at, language, source, format, text, content_hash, imported_at, extractor_version, position)
       VALUES (@title, @outlet, @author, @url, @publishedAt, @language, @source, @format, @text, @hash, @now, @ev, @position)`,
  ).run({
    ...a.meta,
    source: a.source,
    format: a.format,
    text: a.text,
    hash,
    now: new Date().toISOString(),
    ev: extractorVersion,
    position,
  });
  return Number(info.lastInsertRowid);
}

/** Loads the desk's entities into the resolver the importer keeps while a desk is open. */
export function loadEntityIndex(db: Db): EntityIndex {
  const rows = stmt(
    db,
    `SELECT e.key, e.name, e.kind, (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases
     FROM entities e ORDER BY e.id`,
  ).all() as { key: string; name: string; kind: EntityKind; aliases: string }[];
  return new EntityIndex(rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] })));
}

/**
 * Finds the desk entity an article's entity is (same folded name or alias, an
 * initial form, a lone surname that only one person has: see EntityIndex), or
 * creates it. The index may run ahead of the desk after a rolled-back import; a
 * key it returns that the desk lacks is simply created.
 */
export function resolveEntity(db: Db, index: EntityIndex, e: ExtractedEntity): number {
  const key = index.merge({ key: e.key, name: e.name, kind: e.kind, aliases: e.aliases });
  const row = stmt(db, 'SELECT id, name FROM entities WHERE key = ?').get(key) as
    { id: number; name: string } | undefined;
  let id: number;
  if (row) {
    id = row.id;
    const best = index.get(key)?.name;
    if (best && best !== row.name && better(best, row.name))
      stmt(db, 'UPDATE entities SET name = ? WHERE id = ?').run(best, id);
  } else {
    id = Number(
      stmt(db, 'INSERT INTO entities (name, kind, key) VALUES (?, ?, ?)').run(e.name, e.kind, key)
        .lastInsertRowid,
    );
  }
  const insAlias = stmt(db, 'INSERT OR IGNORE INTO entity_aliases (entity_id, alias, key) VALUES (?, ?, ?)');
  for (const alias of new Set([e.name, ...e.aliases])) {
    const k = foldKey(alias);
    if (k) insAlias.run(id, alias, k);
  }
  return id;
}

function better(a: string, b: string): boolean {
  if (a.length !== b.length) return a.length > b.length;
  return a.normalize('NFD').length > b.normalize('NFD').length;
}

/**
 * Search rows of newly stored passages and claims, written later by `writeSearchRows`.
 * SQLite's full-text index flushes what it holds at every savepoint: an import that
 * stores each article in its own savepoint writes the batch's search rows once, after
 * the last article, instead of one small index segment per article.
 */
export interface SearchRows {
  passages: [number, string][];
  claims: [number, string][];
}

/** Stores one extracted claim of an article; returns its id. */
export function insertClaim(db: Db, articleId: number, c: ExtractedClaim, boilerplate: boolean): number {
  return Number(
    stmt(
      db,
      `INSERT INTO claims (article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, subject, scope, value, boilerplate)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      articleId,
      c.kind,
      c.start,
      c.end,
      c.exact,
      c.prefix,
      c.suffix,
      c.sentenceStart,
      c.sentenceEnd,
      c.subject,
      c.scope,
      JSON.stringify(c.value),
      boilerplate ? 1 : 0,
    ).lastInsertRowid,
  );
}

/** Past this many characters a claim's sentence is indexed only around the claim. */
export const SEARCH_SENTENCE_MAX = 2000;

/**
 * The text a claim is found by: its quote, its subject and its sentence. A "sentence" can
 * be a whole pasted table or register (hundreds of thousands of characters, thousands of
 * claims); indexing all of it with every claim grows as its square and exhausts memory,
 * so a long one is indexed only within half the limit on either side of the claim.
 */
/**
 * The part of a claim's sentence that is read with it: all of it, or for a "sentence" past
 * SEARCH_SENTENCE_MAX characters (a pasted register, a flattened table) the stretch within
 * half that on either side of the claim. Read in full with each of its thousands of
 * claims, such a sentence costs time and memory that grow as its square.
 */
export function sentenceWindow(c: {
  start: number;
  end: number;
  sentence_start: number;
  sentence_end: number;
}): { from: number; to: number } {
  if (c.sentence_end - c.sentence_start <= SEARCH_SENTENCE_MAX)
    return { from: c.sentence_start, to: c.sentence_end };
  return {
    from: Math.max(c.sentence_start, c.start - SEARCH_SENTENCE_MAX / 2),
    to: Math.min(c.sentence_end, c.end + SEARCH_SENTENCE_MAX / 2),
  };
}

/**
 * The part of a long sentence the matcher reads with a claim. A "sentence" past
 * SEARCH_SENTENCE_MAX characters (a pasted register of 150,000 years) is cut into tiles
 * of half that length, and each claim is read with its tile and a quarter of the limit on
 * either side: the claims of one tile share one window, so the matcher studies each
 * stretch of the register once rather than once per claim (its per-sentence work, the
 * time of matching such an article, falls by the number of claims in a tile). Sentences
 * within the limit, every sentence of an ordinary article, are read whole as before.
 */
export function matchWindow(c: {
  start: number;
  end: number;
  sentence_start: number;
  sentence_end: number;
}): { from: number; to: number } {
  if (c.sentence_end - c.sentence_start <= SEARCH_SENTENCE_MAX)
    return { from: c.sentence_start, to: c.sentence_end };
  const tile = SEARCH_SENTENCE_MAX / 2;
  const margin = SEARCH_SENTENCE_MAX / 4;
  const first = c.sentence_start + Math.floor((c.start - c.sentence_start) / tile) * tile;
  return {
    from: Math.max(c.sentence_start, first - margin),
    to: Math.min(c.sentence_end, Math.max(first + tile + margin, c.end)),
  };
}

export function claimSearchText(
  text: string,
  c: {
    quote: string;
    subject: string | null;
    start: number;
    end: number;
    sentenceStart: number;
    sentenceEnd: number;
  },
): string {
  const { from, to } = sentenceWindow({
    start: c.start,
    end: c.end,
    sentence_start: c.sentenceStart,
    sentence_end: c.sentenceEnd,
  });
  return `${c.quote} ${c.subject ?? ''} ${text.slice(from, to)}`;
}

export function writeSearchRows(db: Db, rows: SearchRows): void {
  const insPassageFts = stmt(db, 'INSERT INTO passages_fts (rowid, text) VALUES (?, ?)');
  for (const [id, text] of rows.passages) insPassageFts.run(id, text);
  const insClaimFts = stmt(db, 'INSERT INTO claims_fts (rowid, text) VALUES (?, ?)');
  for (const [id, text] of rows.claims) insClaimFts.run(id, text);
}

/**
 * Stores an extraction for an article, replacing the previous one but keeping editor work.
 * With `later`, the search rows of new passages and claims are collected there for the
 * caller to write (see SearchRows); without it they are written here.
 */
export function storeExtraction(
  db: Db,
  index: EntityIndex,
  articleId: number,
  text: string,
  result: ExtractionResult,
  version: number,
  later?: SearchRows,
): number {
  // Passages: replaced wholesale; the editor's marks are re-applied by span.
  const oldPassages = stmt(db, 'SELECT id FROM passages WHERE article_id = ?').all(articleId) as {
    id: number;
  }[];
  const delFts = stmt(db, 'DELETE FROM passages_fts WHERE rowid = ?');
  for (const p of oldPassages) delFts.run(p.id);
  stmt(db, 'DELETE FROM passages WHERE article_id = ?').run(articleId);
  const marks = new Map(
    (
      stmt(db, 'SELECT start, "end", boilerplate FROM passage_marks WHERE article_id = ?').all(articleId) as {
        start: number;
        end: number;
        boilerplate: number;
      }[]
    ).map((m) => [`${m.start}:${m.end}`, m.boilerplate === 1]),
  );
  const insPassage = stmt(
    db,
    'INSERT INTO passages (article_id, kind, start, "end", boilerplate, boilerplate_reason) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insPassageFts = stmt(db, 'INSERT INTO passages_fts (rowid, text) VALUES (?, ?)');
  const boilerSpans: { start: number; end: number; on: boolean }[] = [];
  for (const p of result.passages) {
    const mark = marks.get(`${p.start}:${p.end}`);
    const boiler = mark ?? p.boilerplate;
    if (mark !== undefined) boilerSpans.push({ start: p.start, end: p.end, on: mark });
    const info = insPassage.run(
      articleId,
      p.kind,
      p.start,
      p.end,
      boiler ? 1 : 0,
      boiler ? (p.boilerplateReason ?? 'editor') : null,
    );
    if (p.kind !== 'sentence') continue;
    if (later) later.passages.push([Number(info.lastInsertRowid), text.slice(p.start, p.end)]);
    else insPassageFts.run(Number(info.lastInsertRowid), text.slice(p.start, p.end));
  }
  const markedBoiler = (start: number, end: number, fallback: boolean): boolean => {
    for (const s of boilerSpans) if (start >= s.start && end <= s.end) return s.on;
    return fallback;
  };

  // Entities: resolved against the whole desk.
  const entityIds = new Map<string, number>();
  for (const e of result.entities) entityIds.set(e.key, resolveEntity(db, index, e));

  // Claims: upsert by span.
  const existing = new Map(
    (
      stmt(db, 'SELECT id, kind, start, "end", origin, deleted, edited FROM claims WHERE article_id = ?').all(
        articleId,
      ) as {
        id: number;
        kind: string;
        start: number;
        end: number;
        origin: string;
        deleted: number;
        edited: number;
      }[]
    ).map((c) => [`${c.kind}:${c.start}:${c.end}`, c]),
  );
  const seen = new Set<number>();
  const upd = stmt(
    db,
    `UPDATE claims SET quote = ?, prefix = ?, suffix = ?, sentence_start = ?, sentence_end = ?, subject = ?, scope = ?, value = ?, boilerplate = ? WHERE id = ?`,
  );
  const updBoiler = stmt(db, 'UPDATE claims SET boilerplate = ? WHERE id = ?');
  const delClaimEntities = stmt(db, 'DELETE FROM claim_entities WHERE claim_id = ?');
  const insClaimEntity = stmt(db, 'INSERT OR IGNORE INTO claim_entities (claim_id, entity_id) VALUES (?, ?)');
  const delClaimFts = stmt(db, 'DELETE FROM claims_fts WHERE rowid = ?');
  const insClaimFts = stmt(db, 'INSERT INTO claims_fts (rowid, text) VALUES (?, ?)');
  let count = 0;
  for (const c of result.claims) {
    const boiler = markedBoiler(c.start, c.end, c.boilerplate) ? 1 : 0;
    const prev = existing.get(`${c.kind}:${c.start}:${c.end}`);
    let id: number;
    if (prev) {
      id = prev.id;
      if (prev.edited === 1 || prev.origin === 'editor') updBoiler.run(boiler, id);
      else
        upd.run(
          c.exact,
          c.prefix,
          c.suffix,
          c.sentenceStart,
          c.sentenceEnd,
          c.subject,
          c.scope,
          JSON.stringify(c.value),
          boiler,
          id,
        );
    } else {
      id = insertClaim(db, articleId, c, boiler === 1);
    }
    seen.add(id);
    // A claim seen before has entity and FTS rows to replace; a new one has none.
    if (prev) delClaimEntities.run(id);
    for (const k of c.entityKeys) {
      const eid = entityIds.get(k);
      if (eid !== undefined) insClaimEntity.run(id, eid);
    }
    if (prev) delClaimFts.run(id);
    const searchText = claimSearchText(text, { ...c, quote: c.exact });
    // A claim seen before had its row deleted just now: it is rewritten here, not later.
    if (later && !prev) later.claims.push([id, searchText]);
    else insClaimFts.run(id, searchText);
    if (!prev || prev.deleted === 0) count++;
  }
  // Claims the extractor no longer finds: dropped, unless an editor made or decided on them.
  for (const prev of existing.values()) {
    if (seen.has(prev.id) || prev.origin === 'editor' || prev.edited === 1 || prev.deleted === 1) continue;
    const decided = db
      .prepare(
        `SELECT 1 FROM conflict_claims x JOIN conflicts k ON k.id = x.conflict_id WHERE x.claim_id = ? AND (k.status != 'suggested' OR k.origin = 'editor') LIMIT 1`,
      )
      .get(prev.id);
    if (decided) continue;
    delClaimFts.run(prev.id);
    stmt(db, 'DELETE FROM claims WHERE id = ?').run(prev.id);
  }
  stmt(db, 'UPDATE articles SET extracted_at = ?, extractor_version = ? WHERE id = ?').run(
    new Date().toISOString(),
    version,
    articleId,
  );
  return count;
}

/**
 * The claims the matcher sees: not deleted, not boilerplate, with desk-wide entity keys.
 * Drafts are not coverage: their claims are left out, except the one draft being checked.
 */
export function loadMatchClaims(db: Db, draftId: number | null = null): MatchClaim[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.article_id, a.published_at, c.kind, c.start, c."end", c.quote, c.sentence_start, c.sentence_end,
         c.subject, c.scope, c.value,
         (SELECT group_concat(e.key, char(31)) FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id) AS keys
       FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.deleted = 0 AND c.boilerplate = 0
         AND (c.article_id = ? OR NOT EXISTS (SELECT 1 FROM drafts d WHERE d.article_id = c.article_id))
         AND NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = c.article_id AND v.superseded = 1)
       ORDER BY c.article_id, c.start`,
    )
    .all(draftId ?? -1) as {
    id: number;
    article_id: number;
    published_at: string | null;
    kind: MatchClaim['kind'];
    start: number;
    end: number;
    quote: string;
    sentence_start: number;
    sentence_end: number;
    subject: string | null;
    scope: string | null;
    value: string;
    keys: string | null;
  }[];
  let textFor = { id: -1, text: '' };
  const getText = stmt(db, 'SELECT text FROM articles WHERE id = ?');
  // The same few keys recur on every claim of a story: one string each, not one per claim.
  const keys = new Map<string, string>();
  const key = (k: string): string => {
    const known = keys.get(k);
    if (known !== undefined) return known;
    keys.set(k, k);
    return k;
  };
  // The claims of one tile of a long sentence share its window: one string, not one each.
  let windowFor = { id: -1, from: -1, to: -1, text: '' };
  return rows.map((r) => {
    if (textFor.id !== r.article_id)
      textFor = { id: r.article_id, text: (getText.get(r.article_id) as { text: string }).text };
    const around = matchWindow(r);
    if (windowFor.id !== r.article_id || windowFor.from !== around.from || windowFor.to !== around.to)
      windowFor = { id: r.article_id, ...around, text: textFor.text.slice(around.from, around.to) };
    return {
      id: r.id,
      articleId: r.article_id,
      publishedAt: r.published_at,
      kind: r.kind,
      start: r.start,
      end: r.end,
      quote: r.quote,
      sentence: windowFor.text,
      sentenceStart: around.from,
      subject: r.subject,
      scope: r.scope,
      value: JSON.parse(r.value) as ClaimValue,
      entityKeys: r.keys ? r.keys.split('\u001f').map(key) : [],
    };
  });
}

/**
 * Stores the matcher's proposal. Facts are upserted by key; claims an editor moved
 * stay where they are. Conflicts are upserted by key: new ones arrive as
 * suggestions, known ones keep their status; suggestions the detector no longer
 * makes are removed unless an editor decided on them (then they are marked stale).
 */
export function storeMatch(db: Db, result: MatchResult): { facts: number; conflicts: number; added: number } {
  const now = new Date().toISOString();
  const factIds = new Map<string, number>();
  const upFact = stmt(
    db,
    `INSERT INTO facts (key, label) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET label = CASE WHEN origin = 'matcher' THEN excluded.label ELSE label END RETURNING id`,
  );
  // Only claims whose fact changes are written (a new import leaves most where they
  // were), in id order so the claims table is walked once instead of at random.
  const before = new Map(
    (
      stmt(db, 'SELECT id, fact_id FROM claims WHERE fact_pinned = 0 AND fact_id IS NOT NULL').all() as {
        id: number;
        fact_id: number;
      }[]
    ).map((r) => [r.id, r.fact_id]),
  );
  const target = new Map<number, number>();
  for (const f of result.facts) {
    const id = (upFact.get(f.key, f.label) as { id: number }).id;
    factIds.set(f.key, id);
    for (const c of f.claimIds) target.set(c, id);
  }
  const setFact = stmt(db, 'UPDATE claims SET fact_id = ? WHERE id = ? AND fact_pinned = 0');
  const changes: [number, number | null][] = [];
  for (const [claim, fact] of target) if (before.get(claim) !== fact) changes.push([claim, fact]);
  for (const claim of before.keys()) if (!target.has(claim)) changes.push([claim, null]);
  changes.sort((a, b) => a[0] - b[0]);
  for (const [claim, fact] of changes) setFact.run(fact, claim);
  const findConflict = stmt(db, 'SELECT id, status, value_sig FROM conflicts WHERE key = ?');
  const setValues = stmt(db, 'UPDATE conflicts SET value_sig = ? WHERE id = ?');
  const reopen = stmt(
    db,
    `UPDATE conflicts SET status = 'open', reopen_reason = ?, explanation = ?, updated_at = ? WHERE id = ?`,
  );
  const clearSides = stmt(db, 'DELETE FROM conflict_claims WHERE conflict_id = ?');
  const insConflict = stmt(
    db,
    `INSERT INTO conflicts (key, fact_id, kind, explanation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updConflict = stmt(db, 'UPDATE conflicts SET fact_id = ?, explanation = ?, stale = 0 WHERE id = ?');
  const insSide = stmt(
    db,
    'INSERT OR IGNORE INTO conflict_claims (conflict_id, claim_id, side) VALUES (?, ?, ?)',
  );
  const live = new Set<number>();
  let added = 0;
  const setSeverity = stmt(db, 'UPDATE conflicts SET severity = ? WHERE id = ?');
  const claimRow = stmt(db, 'SELECT article_id, value FROM claims WHERE id = ?');
  const side = (ids: number[]) => {
    const rows = ids.map((x) => claimRow.get(x) as { article_id: number; value: string } | undefined);
    return {
      values: rows.map((r) => (r ? (JSON.parse(r.value) as ClaimValue) : null)),
      articleIds: rows.flatMap((r) => (r ? [r.article_id] : [])),
    };
  };
  for (const c of result.conflicts) {
    const factId = factIds.get(c.factKey) ?? null;
    const prev = findConflict.get(c.key) as
      { id: number; status: string; value_sig: string | null } | undefined;
    let id: number;
    if (prev) {
      id = prev.id;
      updConflict.run(factId, c.explanation, id);
      if (c.values) {
        // The same dispute found again: its sides are whoever states each value now.
        clearSides.run(id);
        for (const a of c.sideA) insSide.run(id, a, 'a');
        for (const b of c.sideB) insSide.run(id, b, 'b');
        const before: string[] = prev.value_sig ? (JSON.parse(prev.value_sig) as string[]) : [];
        const fresh = c.values.filter((v) => !before.includes(v));
        const decided =
          prev.status === 'confirmed' || prev.status === 'dismissed' || prev.status === 'resolved';
        if (decided && prev.value_sig && fresh.length > 0) {
          const reason = `New coverage gives another value (${fresh.join(', ')}) than the ones decided on.`;
          reopen.run(reason, `${c.explanation} Reopened: ${reason}`, now, id);
        }
        setValues.run(JSON.stringify(c.values), id);
      }
    } else {
      id = Number(insConflict.run(c.key, factId, c.kind, c.explanation, now, now).lastInsertRowid);
      for (const a of c.sideA) insSide.run(id, a, 'a');
      for (const b of c.sideB) insSide.run(id, b, 'b');
      if (c.values) setValues.run(JSON.stringify(c.values), id);
      added++;
    }
    setSeverity.run(
      consequence({ id, status: 'suggested', kind: c.kind, sides: [side(c.sideA), side(c.sideB)] }),
      id,
    );
    live.add(id);
  }
  const detectorConflicts = stmt(db, `SELECT id, status FROM conflicts WHERE origin = 'detector'`).all() as {
    id: number;
    status: string;
  }[];
  for (const k of detectorConflicts) {
    if (live.has(k.id)) continue;
    if (k.status === 'suggested') stmt(db, 'DELETE FROM conflicts WHERE id = ?').run(k.id);
    else stmt(db, 'UPDATE conflicts SET stale = 1 WHERE id = ?').run(k.id);
  }
  stmt(
    db,
    `DELETE FROM facts WHERE origin = 'matcher' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.fact_id = facts.id)
       AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.fact_id = facts.id)`,
  ).run();
  refreshFacts(db);
  return { facts: factIds.size, conflicts: live.size, added };
}

/**
 * A fact's place on the board: the status tier of its most urgent conflict (undecided 0,
 * confirmed 1, resolved 2, dismissed 3; 9 without one), and within a tier the most
 * consequential conflict first (severity 1 ranks at tier + 0, severity 0 at tier + 0.999).
 */
const RANK_SQL = `coalesce((SELECT min(CASE k.status WHEN 'suggested' THEN 0 WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'resolved' THEN 2 ELSE 3 END
  + 0.999 * (1 - max(0, min(1, k.severity))))
  FROM conflicts k WHERE k.fact_id = facts.id), 9)`;
const COUNT_SQL = `(SELECT count(*) FROM claims c WHERE c.fact_id = facts.id AND c.deleted = 0)`;
const POSITION_SQL = `(SELECT min(a.position * 10000000 + c.start) FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.fact_id = facts.id AND c.deleted = 0)`;

/**
 * Recomputes the board's derived columns of facts (claim count, conflict rank,
 * first position): for the given facts, or all of them after bulk changes
 * (matching, undo and redo).
 */
export function refreshFacts(db: Db, factIds: (number | null | undefined)[] | null = null): void {
  const sql = `UPDATE facts SET claim_count = ${COUNT_SQL}, conflict_rank = ${RANK_SQL}, first_position = ${POSITION_SQL}`;
  if (factIds === null) {
    stmt(db, sql).run();
    return;
  }
  const one = stmt(db, `${sql} WHERE id = ?`);
  for (const id of new Set(factIds)) if (typeof id === 'number') one.run(id);
}
