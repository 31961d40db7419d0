/**
 * Relative dates follow the article's date. "On Wednesday", "last year", "this
 * month" are read against the publication date at extraction, and an undated article
 * has no calendar date for them at all. When an editor gives or corrects the date,
 * the article is read again with the new date and with the old one: the claims that
 * differ between the two readings (and only those: a newer extractor's other changes
 * are left to a re-extraction) are updated, added or removed. A claim the editor
 * corrected, added or deleted is left as the editor left it, and a claim a decision
 * rests on is kept. The rows are returned so the date edit records them and undo
 * puts them back.
 */
import type { Db } from '../db/open';
import type { EntityIndex } from '../extract/entity-index';
import type { ExtractedClaim } from '../extract/types';
import { extractArticle } from '../extract/index';
import { stmt } from '../db/stmt';
import { readRow, readRows, type RowChange } from './history';
import { claimSearchText, insertClaim, resolveEntity } from './store';

interface StoredClaim {
  id: number;
  kind: string;
  start: number;
  end: number;
  subject: string | null;
  scope: string | null;
  value: string;
  origin: string;
  deleted: number;
  edited: number;
}

const spanKey = (c: { kind: string; start: number; end: number }) => `${c.kind}:${c.start}:${c.end}`;

function reading(c: ExtractedClaim): string {
  return JSON.stringify([c.subject, c.scope, c.value]);
}

/** The claims whose reading depends on the date: absent from one reading, or read otherwise. */
function dateDependent(text: string, from: string | null, to: string | null) {
  const before = new Map(extractArticle({ text, publishedAt: from }).claims.map((c) => [spanKey(c), c]));
  const after = extractArticle({ text, publishedAt: to });
  const changed = after.claims.filter((c) => {
    const b = before.get(spanKey(c));
    return !b || reading(b) !== reading(c);
  });
  const keys = new Set(after.claims.map(spanKey));
  const gone = [...before.values()].filter((c) => !keys.has(spanKey(c)));
  return { changed, gone, entities: after.entities };
}

export interface DateRows {
  before: RowChange[];
  after: RowChange[];
  /** Claims added, re-read or removed. */
  claims: number;
}

/**
 * Re-reads the claims of `articleId` whose value depends on its date, now `to` (was
 * `from`). Runs inside the caller's transaction; returns the rows it changed.
 */
export function rereadDates(
  db: Db,
  index: EntityIndex,
  articleId: number,
  from: string | null,
  to: string | null,
): DateRows {
  const { text } = stmt(db, 'SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string };
  const { changed, gone, entities } = dateDependent(text, from, to);
  if (changed.length === 0 && gone.length === 0) return { before: [], after: [], claims: 0 };
  const stored = new Map(
    (
      stmt(
        db,
        'SELECT id, kind, start, "end", subject, scope, value, origin, deleted, edited FROM claims WHERE article_id = ?',
      ).all(articleId) as StoredClaim[]
    ).map((c) => [spanKey(c), c]),
  );
  const editorWork = (c: StoredClaim) => c.origin === 'editor' || c.edited === 1 || c.deleted === 1;
  const decided = stmt(
    db,
    `SELECT 1 FROM conflict_claims x JOIN conflicts k ON k.id = x.conflict_id
     WHERE x.claim_id = ? AND (k.status != 'suggested' OR k.origin = 'editor') LIMIT 1`,
  );
  const touched: RowChange[] = [];
  const track = (id: number) => {
    touched.push(
      readRow(db, 'claims', { id }),
      ...readRows(db, 'claim_entities', 'claim_id = ?', [id]),
      ...readRows(db, 'conflict_claims', 'claim_id = ?', [id]),
    );
  };
  const created: RowChange[] = [];
  const entityIds = new Map<string, number>();
  const entityOf = (key: string) => {
    if (!entityIds.has(key)) {
      const e = entities.find((x) => x.key === key);
      if (e) entityIds.set(key, resolveEntity(db, index, e));
    }
    return entityIds.get(key);
  };
  const boilerMark = stmt(
    db,
    `SELECT boilerplate FROM passage_marks WHERE article_id = ? AND start <= ? AND "end" >= ? ORDER BY "end" - start LIMIT 1`,
  );
  let count = 0;

  for (const c of changed) {
    const prev = stored.get(spanKey(c));
    if (prev && editorWork(prev)) continue;
    if (prev) {
      track(prev.id);
      stmt(db, 'UPDATE claims SET subject = ?, scope = ?, value = ? WHERE id = ?').run(
        c.subject,
        c.scope,
        JSON.stringify(c.value),
        prev.id,
      );
      count++;
      continue;
    }
    const mark = boilerMark.get(articleId, c.start, c.end) as { boilerplate: number } | undefined;
    const id = insertClaim(db, articleId, c, mark ? mark.boilerplate === 1 : c.boilerplate);
    created.push({ table: 'claims', key: { id }, row: null });
    for (const k of c.entityKeys) {
      const eid = entityOf(k);
      if (eid === undefined) continue;
      stmt(db, 'INSERT OR IGNORE INTO claim_entities (claim_id, entity_id) VALUES (?, ?)').run(id, eid);
      created.push({ table: 'claim_entities', key: { claim_id: id, entity_id: eid }, row: null });
    }
    stmt(db, 'INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(
      id,
      claimSearchText(text, { ...c, quote: c.exact }),
    );
    count++;
  }

  for (const c of gone) {
    const prev = stored.get(spanKey(c));
    if (!prev || editorWork(prev) || decided.get(prev.id)) continue;
    track(prev.id);
    stmt(db, 'DELETE FROM claims_fts WHERE rowid = ?').run(prev.id);
    stmt(db, 'DELETE FROM claims WHERE id = ?').run(prev.id);
    count++;
  }

  const before = [...touched, ...created];
  return { before, after: before.map((c) => readRow(db, c.table, c.key)), claims: count };
}
