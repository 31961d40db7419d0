/**
 * Versions on the desk: a revision joins the article it revises, and the editor's
 * work follows the claims onto it.
 *
 * Linking a revision R to the latest version A of an article:
 *  - A is superseded: kept whole (text, claims, decisions) for the version view, but
 *    hidden from the board and from matching; R is the article now.
 *  - Each claim of A is re-anchored on R (anchor.ts) and paired with the claim R's
 *    extraction found there. A claim the outlet still states in the same words takes
 *    its editor work along: its correction or deletion, its place in a fact the editor
 *    chose, its notes, its place in conflicts and a resolution that named it. A claim
 *    whose value changed is a new claim (R's) linked to the old one; a decided
 *    conflict it was part of reopens with the reason. A claim with no place is an
 *    orphan: it stays on A with its notes and decisions, listed for the editor.
 *  - Notes on the article move to R.
 * Every row this changes is recorded in the history as one action, so undo unlinks.
 */
import type { Db } from '../db/open';
import { DeskError } from '../../shared/errors';
import type {
  ArticleVersions,
  LinkReport,
  LinkedBy,
  OrphanClaim,
  VersionSummary,
} from '../../shared/versions';
import type { ClaimValue } from '../../shared/model';
import { readRow, readRows, recordAction, type RowChange } from '../desk/history';
import { refreshFacts } from '../desk/store';
import { stmt } from '../db/stmt';
import type { ClaimRow as StoredClaimRow } from '../desk/queries';
import { pairClaims, placeClaim } from './anchor';
import {
  ensureIndexed,
  findRevisionOf,
  indexArticle,
  latestVersion,
  leadMarks,
  leadPrint,
  statedUpdate,
} from './recognise';

/** A claim row as stored, with the editor's pin on its fact. */
type ClaimRow = StoredClaimRow & { fact_pinned: number };

function article(db: Db, id: number): { id: number; title: string; outlet: string | null; text: string } {
  const a = stmt(db, 'SELECT id, title, outlet, text FROM articles WHERE id = ?').get(id) as
    { id: number; title: string; outlet: string | null; text: string } | undefined;
  if (!a) throw new DeskError('not_found', `No article ${id} on this desk.`);
  return a;
}

function versionRow(db: Db, id: number) {
  return stmt(db, 'SELECT * FROM article_versions WHERE article_id = ?').get(id) as
    | {
        article_id: number;
        identity_id: number;
        superseded: number;
        linked_by: LinkedBy;
        linked_at: string;
        updated_at: string | null;
      }
    | undefined;
}

/** Ids of the versions of the article `id` belongs to, oldest first (just `[id]` when it has none). */
export function versionIds(db: Db, id: number): number[] {
  const v = versionRow(db, id);
  if (!v) return [id];
  return (
    stmt(db, 'SELECT article_id FROM article_versions WHERE identity_id = ? ORDER BY article_id').all(
      v.identity_id,
    ) as { article_id: number }[]
  ).map((r) => r.article_id);
}

export function isSuperseded(db: Db, id: number): boolean {
  return versionRow(db, id)?.superseded === 1;
}

/**
 * Makes `newId` the newest version of the article whose latest version is `previousId`,
 * re-anchors the claims and carries the editor's work. Runs inside the caller's
 * transaction; records one history action.
 */
export function linkVersion(
  db: Db,
  previousId: number,
  newId: number,
  linkedBy: Exclude<LinkedBy, 'first'>,
  actor: string,
): LinkReport {
  if (previousId === newId) throw new DeskError('invalid_input', 'An article cannot be a version of itself.');
  const prev = article(db, previousId);
  const next = article(db, newId);
  const pv = versionRow(db, previousId);
  if (pv?.superseded === 1)
    throw new DeskError(
      'invalid_input',
      `Article ${previousId} is an older version; link to its latest version.`,
    );
  const nv = versionRow(db, newId);
  if (nv && versionIds(db, newId).length > 1)
    throw new DeskError(
      'invalid_input',
      `Article ${newId} already has versions of its own; unlink them first.`,
    );
  const now = new Date().toISOString();

  const oldClaims = stmt(db, 'SELECT * FROM claims WHERE article_id = ? ORDER BY start').all(
    previousId,
  ) as ClaimRow[];
  const newClaims = stmt(db, 'SELECT * FROM claims WHERE article_id = ? ORDER BY start').all(
    newId,
  ) as ClaimRow[];
  const { pairs, orphans } = pairClaims(oldClaims, newClaims, next.text);
  const oldIds = oldClaims.map((c) => c.id);
  const marks = oldIds.map(() => '?').join(', ') || 'NULL';

  // Every row the link may change, read before and after.
  const touched = (): RowChange[] => [
    readRow(db, 'article_versions', { article_id: previousId }),
    readRow(db, 'article_versions', { article_id: newId }),
    ...readRows(db, 'claims', 'article_id IN (?, ?)', [previousId, newId]),
    ...readRows(db, 'conflict_claims', `claim_id IN (${marks})`, oldIds),
    // The revision's own claims may be on sides already (linked by hand after detection).
    ...readRows(db, 'conflict_claims', 'claim_id IN (SELECT id FROM claims WHERE article_id = ?)', [newId]),
    ...readRows(
      db,
      'conflicts',
      `id IN (SELECT conflict_id FROM conflict_claims WHERE claim_id IN (${marks})) OR correct_claim_id IN (${marks})`,
      [...oldIds, ...oldIds],
    ),
    ...readRows(
      db,
      'notes',
      `(target_type = 'claim' AND target_id IN (${marks})) OR (target_type = 'article' AND target_id = ?)`,
      [...oldIds, previousId],
    ),
    ...readRows(db, 'passage_marks', 'article_id = ?', [newId]),
    ...readRows(db, 'passages', 'article_id = ?', [newId]),
    ...readRows(db, 'drafts', 'article_id = ?', [newId]),
  ];
  const before = touched();
  const created: RowChange[] = [];

  // Versions.
  if (!pv)
    stmt(
      db,
      `INSERT INTO article_versions (article_id, identity_id, superseded, linked_by, linked_at, updated_at) VALUES (?, ?, 0, 'first', ?, ?)`,
    ).run(previousId, previousId, now, statedUpdate(prev.text));
  const identity = versionRow(db, previousId)!.identity_id;
  stmt(db, 'UPDATE article_versions SET superseded = 1 WHERE article_id = ?').run(previousId);
  stmt(
    db,
    `INSERT INTO article_versions (article_id, identity_id, superseded, linked_by, linked_at, updated_at) VALUES (?, ?, 0, ?, ?, ?)
     ON CONFLICT(article_id) DO UPDATE SET identity_id = excluded.identity_id, superseded = 0, linked_by = excluded.linked_by, linked_at = excluded.linked_at`,
  ).run(newId, identity, linkedBy, now, statedUpdate(next.text));
  const version = versionIds(db, newId).length;

  const byOld = new Map(oldClaims.map((c) => [c.id, c]));
  const byNew = new Map(newClaims.map((c) => [c.id, c]));
  const insLink = stmt(
    db,
    'INSERT OR REPLACE INTO claim_versions (from_claim_id, to_article_id, to_claim_id, status, method, score, conflict_ids) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const sidesOf = stmt(db, 'SELECT conflict_id, side FROM conflict_claims WHERE claim_id = ?');
  // A revision of our draft is our draft too: never coverage, checked in its place.
  if (
    stmt(
      db,
      'INSERT OR IGNORE INTO drafts (article_id, marked_at, marked_by) SELECT ?, marked_at, marked_by FROM drafts WHERE article_id = ?',
    ).run(newId, previousId).changes > 0
  )
    created.push({ table: 'drafts', key: { article_id: newId }, row: null });
  const carryVerdict = stmt(
    db,
    `INSERT OR REPLACE INTO draft_verdicts (claim_id, status, evidence, note, editor, updated_at)
     SELECT ?, status, evidence, note, editor, updated_at FROM draft_verdicts WHERE claim_id = ?`,
  );
  const reopened = new Set<number>();
  let carried = 0;
  let changed = 0;
  for (const p of pairs) {
    const c = byOld.get(p.fromId)!;
    let toId = p.toId;
    if (toId === null) {
      toId = copyClaim(db, c, newId, next.text, p.start, p.end);
      created.push({ table: 'claims', key: { id: toId }, row: null });
    }
    created.push({ table: 'claim_versions', key: { from_claim_id: c.id, to_article_id: newId }, row: null });
    const sides = sidesOf.all(c.id) as { conflict_id: number; side: 'a' | 'b' }[];
    insLink.run(c.id, newId, toId, p.status, p.method, p.score, conflictIds(sides));
    if (p.status === 'same') {
      carried++;
      carryWork(db, c, toId, byNew.get(toId) ?? null);
      // A verdict the editor gave a draft's claim holds for the same words in its revision.
      if (carryVerdict.run(toId, c.id).changes > 0)
        created.push({ table: 'draft_verdicts', key: { claim_id: toId }, row: null });
      for (const s of sides) created.push(sideKey(s.conflict_id, toId));
      continue;
    }
    changed++;
    const r = byNew.get(toId)!;
    // The new value takes the old one's place in its conflicts; the old claim stays on
    // its (superseded) version, and a decision taken on the old value is reopened.
    for (const s of sides) {
      stmt(db, 'INSERT OR IGNORE INTO conflict_claims (conflict_id, claim_id, side) VALUES (?, ?, ?)').run(
        s.conflict_id,
        toId,
        s.side,
      );
      created.push(sideKey(s.conflict_id, toId));
      const k = stmt(db, 'SELECT status FROM conflicts WHERE id = ?').get(s.conflict_id) as {
        status: string;
      };
      if (k.status === 'confirmed' || k.status === 'resolved' || k.status === 'dismissed') {
        const reason = `The outlet now says “${r.quote}” where it said “${c.quote}” (${next.outlet ?? next.title}, version ${version}).`;
        stmt(db, `UPDATE conflicts SET status = 'open', reopen_reason = ?, updated_at = ? WHERE id = ?`).run(
          reason,
          now,
          s.conflict_id,
        );
        reopened.add(s.conflict_id);
      }
    }
  }
  for (const o of orphans) {
    insLink.run(
      o,
      newId,
      null,
      'orphan',
      null,
      null,
      conflictIds(sidesOf.all(o) as { conflict_id: number }[]),
    );
    created.push({ table: 'claim_versions', key: { from_claim_id: o, to_article_id: newId }, row: null });
  }
  stmt(db, `UPDATE notes SET target_id = ? WHERE target_type = 'article' AND target_id = ?`).run(
    newId,
    previousId,
  );
  created.push(...carryMarks(db, previousId, prev.text, newId, next.text));

  const after = [...before, ...created.filter((c) => !before.some((b) => sameKey(b, c)))];
  for (const c of created) if (!before.some((b) => sameKey(b, c))) before.push({ ...c, row: null });
  recordAction(db, {
    actor,
    action: 'version:link',
    targetType: 'article',
    targetId: newId,
    before,
    after: after.map((c) => readRow(db, c.table, c.key)),
  });
  refreshFacts(db);
  return {
    articleId: newId,
    previousId,
    version,
    linkedBy,
    carried,
    changed,
    orphans: orphans.length,
    reopened: [...reopened],
  };
}

/**
 * The editor's boilerplate marks (a caption, a teaser marked by hand, or article text
 * the extractor took for boilerplate) follow their passage onto the new version when
 * the passage is still there word for word.
 */
function carryMarks(db: Db, fromId: number, fromText: string, toId: number, toText: string): RowChange[] {
  const marks = stmt(db, 'SELECT start, "end", boilerplate FROM passage_marks WHERE article_id = ?').all(
    fromId,
  ) as { start: number; end: number; boilerplate: number }[];
  const out: RowChange[] = [];
  for (const m of marks) {
    const p = placeClaim(toText, {
      id: 0,
      start: m.start,
      end: m.end,
      quote: fromText.slice(m.start, m.end),
      prefix: fromText.slice(Math.max(0, m.start - 32), m.start),
      suffix: fromText.slice(m.end, m.end + 32),
    });
    if (!p || p.method !== 'exact') continue;
    stmt(
      db,
      'INSERT INTO passage_marks (article_id, start, "end", boilerplate) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET boilerplate = excluded.boilerplate',
    ).run(toId, p.start, p.end, m.boilerplate);
    stmt(
      db,
      'UPDATE passages SET boilerplate = ?, boilerplate_reason = ? WHERE article_id = ? AND start = ? AND "end" = ?',
    ).run(m.boilerplate, m.boilerplate ? 'editor' : null, toId, p.start, p.end);
    stmt(db, 'UPDATE claims SET boilerplate = ? WHERE article_id = ? AND start >= ? AND "end" <= ?').run(
      m.boilerplate,
      toId,
      p.start,
      p.end,
    );
    out.push({ table: 'passage_marks', key: { article_id: toId, start: p.start, end: p.end }, row: null });
  }
  return out;
}

function conflictIds(sides: { conflict_id: number }[]): string | null {
  return sides.length ? JSON.stringify([...new Set(sides.map((s) => s.conflict_id))]) : null;
}

function sideKey(conflictId: number, claimId: number): RowChange {
  return { table: 'conflict_claims', key: { conflict_id: conflictId, claim_id: claimId }, row: null };
}

function sameKey(a: RowChange, b: RowChange): boolean {
  return a.table === b.table && JSON.stringify(a.key) === JSON.stringify(b.key);
}

/** A claim placed on words the new version's extraction read nothing from: carried as it was. */
function copyClaim(db: Db, c: ClaimRow, articleId: number, text: string, start: number, end: number): number {
  const sentence = stmt(
    db,
    `SELECT start, "end" FROM passages WHERE article_id = ? AND kind = 'sentence' AND start <= ? AND "end" >= ? ORDER BY start DESC LIMIT 1`,
  ).get(articleId, start, end) as { start: number; end: number } | undefined;
  const id = Number(
    stmt(
      db,
      `INSERT INTO claims (article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, subject, scope, value, boilerplate, origin, deleted, edited)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      articleId,
      c.kind,
      start,
      end,
      text.slice(start, end),
      text.slice(Math.max(0, start - 32), start),
      text.slice(end, end + 32),
      sentence?.start ?? start,
      sentence?.end ?? end,
      c.subject,
      c.scope,
      c.value,
      c.boilerplate,
      c.origin,
      c.deleted,
      c.edited,
    ).lastInsertRowid,
  );
  stmt(db, 'INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(id, text.slice(start, end));
  return id;
}

/** Moves the editor's work from an old claim to the same claim on the new version. */
function carryWork(db: Db, c: ClaimRow, toId: number, r: ClaimRow | null): void {
  if (r) {
    if (c.edited === 1)
      stmt(db, 'UPDATE claims SET kind = ?, value = ?, edited = 1 WHERE id = ?').run(c.kind, c.value, toId);
    if (c.deleted === 1) stmt(db, 'UPDATE claims SET deleted = 1 WHERE id = ?').run(toId);
    if (c.origin === 'editor') stmt(db, "UPDATE claims SET origin = 'editor' WHERE id = ?").run(toId);
  }
  if (c.fact_pinned === 1)
    stmt(db, 'UPDATE claims SET fact_id = ?, fact_pinned = 1 WHERE id = ?').run(c.fact_id, toId);
  stmt(db, 'UPDATE OR IGNORE conflict_claims SET claim_id = ? WHERE claim_id = ?').run(toId, c.id);
  stmt(db, 'UPDATE conflicts SET correct_claim_id = ? WHERE correct_claim_id = ?').run(toId, c.id);
  stmt(db, `UPDATE notes SET target_id = ? WHERE target_type = 'claim' AND target_id = ?`).run(toId, c.id);
}

/**
 * Takes a version out of its article: it becomes an article of its own again, and
 * if it was the latest, the version before it is the article's latest once more.
 * Work already carried onto its claims stays with them.
 */
export function unlinkVersion(db: Db, id: number, actor: string): void {
  article(db, id);
  const v = versionRow(db, id);
  const ids = versionIds(db, id);
  if (!v || ids.length < 2)
    throw new DeskError('invalid_input', `Article ${id} has no other versions to unlink from.`);
  const touched = () => ids.map((a) => readRow(db, 'article_versions', { article_id: a }));
  const before = touched();
  const rest = ids.filter((a) => a !== id);
  stmt(db, 'DELETE FROM article_versions WHERE article_id = ?').run(id);
  if (v.superseded === 0) {
    const latest = rest.at(-1)!;
    stmt(db, 'UPDATE article_versions SET superseded = 0 WHERE article_id = ?').run(latest);
  }
  // A version that was the identity's first keeps the others together under the next one.
  if (v.identity_id === id)
    stmt(db, 'UPDATE article_versions SET identity_id = ? WHERE identity_id = ?').run(rest[0]!, id);
  if (rest.length === 1) stmt(db, 'DELETE FROM article_versions WHERE article_id = ?').run(rest[0]!);
  recordAction(db, {
    actor,
    action: 'version:unlink',
    targetType: 'article',
    targetId: id,
    before,
    after: touched(),
  });
  refreshFacts(db);
}

function summaries(db: Db, ids: number[]): VersionSummary[] {
  return ids.map((id, i) => {
    const a = stmt(
      db,
      `SELECT a.id, a.title, a.outlet, a.published_at, a.imported_at, v.updated_at, v.linked_by, coalesce(v.superseded, 0) AS superseded,
         (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.deleted = 0) AS claims
       FROM articles a LEFT JOIN article_versions v ON v.article_id = a.id WHERE a.id = ?`,
    ).get(id) as {
      id: number;
      title: string;
      outlet: string | null;
      published_at: string | null;
      imported_at: string;
      updated_at: string | null;
      linked_by: LinkedBy | null;
      superseded: number;
      claims: number;
    };
    return {
      articleId: a.id,
      number: i + 1,
      title: a.title,
      outlet: a.outlet,
      publishedAt: a.published_at,
      updatedAt: a.updated_at,
      importedAt: a.imported_at,
      linkedBy: a.linked_by ?? 'first',
      latest: a.superseded === 0,
      claimCount: a.claims,
    };
  });
}

/** The article's versions, oldest first, and every claim a revision left without a place. */
export function articleVersions(db: Db, id: number): ArticleVersions {
  article(db, id);
  const ids = versionIds(db, id);
  const versions = summaries(db, ids);
  const number = new Map(versions.map((v) => [v.articleId, v.number]));
  const marks = ids.map(() => '?').join(', ');
  const rows = db
    .prepare(
      `SELECT c.id, c.article_id, c.kind, c.quote, c.value, c.sentence_start, c.sentence_end, a.text, l.conflict_ids
       FROM claim_versions l JOIN claims c ON c.id = l.from_claim_id JOIN articles a ON a.id = c.article_id
       WHERE l.to_article_id IN (${marks}) AND l.status = 'orphan' AND c.deleted = 0
       ORDER BY c.article_id, c.start`,
    )
    .all(...ids) as {
    id: number;
    article_id: number;
    kind: OrphanClaim['kind'];
    quote: string;
    value: string;
    sentence_start: number;
    sentence_end: number;
    text: string;
    conflict_ids: string | null;
  }[];
  const orphans: OrphanClaim[] = rows.map((r) => ({
    claimId: r.id,
    articleId: r.article_id,
    version: number.get(r.article_id) ?? 0,
    kind: r.kind,
    quote: r.quote,
    display: (JSON.parse(r.value) as ClaimValue).display,
    sentence: r.text.slice(r.sentence_start, r.sentence_end),
    conflicts: (JSON.parse(r.conflict_ids ?? '[]') as number[]).flatMap((k) => {
      const row = stmt(db, 'SELECT id, status FROM conflicts WHERE id = ?').get(k) as
        { id: number; status: string } | undefined;
      return row ? [row] : [];
    }),
    notes: (
      db
        .prepare(
          `SELECT count(*) AS n FROM notes WHERE target_type = 'claim' AND target_id = ? AND deleted = 0`,
        )
        .get(r.id) as { n: number }
    ).n,
  }));
  return {
    identityId: ids[0]!,
    latestId: versions.find((v) => v.latest)?.articleId ?? ids.at(-1)!,
    versions,
    orphans,
  };
}

export function versionSummary(db: Db, id: number): VersionSummary {
  const ids = versionIds(db, id);
  return summaries(db, ids)[ids.indexOf(id)]!;
}

/**
 * At import: indexes the new article for later revisions and, when it revises an
 * article already on the desk, links it as that article's newest version.
 */
export function linkOnImport(
  db: Db,
  id: number,
  meta: { title: string; outlet: string | null; url: string | null },
  text: string,
  actor: string,
): LinkReport | null {
  ensureIndexed(db);
  // The lead is read once, for the marks stored and the marks looked up.
  const print = leadPrint({ title: meta.title, text });
  const marks = meta.outlet?.trim() ? leadMarks(meta.outlet, meta.title, text, print) : [];
  indexArticle(db, id, meta, text, marks);
  const found = findRevisionOf(db, id, meta, text, print, marks);
  if (!found) return null;
  // Files of one folder arrive in name order, not in the outlet's order: a copy the
  // outlet dated earlier than the article on the desk is the older version of it.
  const dated = (articleId: number, t: string) =>
    statedUpdate(t) ??
    (
      stmt(db, 'SELECT published_at FROM articles WHERE id = ?').get(articleId) as {
        published_at: string | null;
      }
    ).published_at;
  const mine = dated(id, text);
  const theirs = dated(found.articleId, article(db, found.articleId).text);
  if (mine && theirs && mine < theirs && versionIds(db, found.articleId).length === 1)
    return linkVersion(db, id, found.articleId, found.by, actor);
  return linkVersion(db, found.articleId, id, found.by, actor);
}

/**
 * Before an article is deleted: if it is the latest version of a revised article,
 * the version before it becomes the article on the board again.
 */
export function beforeDeleteArticle(db: Db, id: number): void {
  const v = versionRow(db, id);
  if (!v || v.superseded === 1) return;
  const previous = versionIds(db, id)
    .filter((a) => a !== id)
    .at(-1);
  if (previous !== undefined)
    stmt(db, 'UPDATE article_versions SET superseded = 0 WHERE article_id = ?').run(previous);
}

/** By hand: `articleId` becomes the newest version of the article `toArticleId` belongs to. */
export function linkByHand(db: Db, articleId: number, toArticleId: number, actor: string): LinkReport {
  if (articleId === toArticleId)
    throw new DeskError('invalid_input', 'An article cannot be a version of itself.');
  article(db, toArticleId);
  if (versionIds(db, toArticleId).includes(articleId))
    throw new DeskError('invalid_input', `Article ${articleId} is already a version of that article.`);
  return linkVersion(db, latestVersion(db, toArticleId), articleId, 'editor', actor);
}

/**
 * After matching: a fact is named by its first claim's place, so when a revision
 * replaces the claims of a fact, the detector names the same dispute anew and offers
 * it as a fresh suggestion while the decided conflict goes stale. Here the decided
 * conflict takes the suggestion's place (its key, fact, sides and explanation) and
 * keeps its status, notes and history; a value it was not decided on reopens it.
 * Runs in the detection's transaction; costs one query on desks without versions.
 */
export function carryConflicts(db: Db): void {
  if (!stmt(db, 'SELECT 1 FROM claim_versions LIMIT 1').get()) return;
  const stale = stmt(
    db,
    `SELECT id, status, value_sig FROM conflicts WHERE stale = 1 AND origin = 'detector' AND status != 'suggested' ORDER BY id`,
  ).all() as { id: number; status: string; value_sig: string | null }[];
  if (stale.length === 0) return;
  const successors = stmt(
    db,
    `SELECT to_claim_id AS id FROM claim_versions WHERE from_claim_id = ? AND status != 'orphan' AND to_claim_id IS NOT NULL`,
  );
  const arrived = stmt(db, 'SELECT 1 FROM claim_versions WHERE to_claim_id = ? LIMIT 1');
  const sides = stmt(db, 'SELECT claim_id, side FROM conflict_claims WHERE conflict_id = ?');
  const now = new Date().toISOString();
  for (const o of stale) {
    // The claims of the decided conflict, followed through every later version.
    const seen = new Set<number>();
    let frontier = (sides.all(o.id) as { claim_id: number }[]).map((s) => s.claim_id);
    const latest: number[] = [];
    let moved = false;
    while (frontier.length) {
      const next: number[] = [];
      for (const c of frontier) {
        if (seen.has(c)) continue;
        seen.add(c);
        const s = (successors.all(c) as { id: number }[]).map((r) => r.id);
        if (s.length) {
          moved = true;
          next.push(...s);
        } else {
          latest.push(c);
          // A claim the link already put in the conflict (work carried onto it).
          if (arrived.get(c)) moved = true;
        }
      }
      frontier = next;
    }
    // Only a dispute a revision moved is carried here; others keep the detector's own rules.
    if (!moved || latest.length === 0) continue;
    const n = db
      .prepare(
        `SELECT DISTINCT k.id, k.key, k.fact_id, k.explanation, k.value_sig FROM conflicts k JOIN conflict_claims x ON x.conflict_id = k.id
         WHERE k.stale = 0 AND k.status = 'suggested' AND k.origin = 'detector' AND x.claim_id IN (${latest.map(() => '?').join(', ')})
         ORDER BY k.id LIMIT 1`,
      )
      .get(...latest) as
      | { id: number; key: string; fact_id: number | null; explanation: string; value_sig: string | null }
      | undefined;
    if (!n) continue;
    const newSides = sides.all(n.id) as { claim_id: number; side: string }[];
    stmt(db, 'DELETE FROM conflicts WHERE id = ?').run(n.id);
    stmt(
      db,
      'UPDATE conflicts SET key = ?, fact_id = ?, explanation = ?, value_sig = ?, stale = 0 WHERE id = ?',
    ).run(n.key, n.fact_id, n.explanation, n.value_sig, o.id);
    stmt(db, 'DELETE FROM conflict_claims WHERE conflict_id = ?').run(o.id);
    const ins = stmt(db, 'INSERT INTO conflict_claims (conflict_id, claim_id, side) VALUES (?, ?, ?)');
    for (const s of newSides) ins.run(o.id, s.claim_id, s.side);
    const decided = o.status === 'confirmed' || o.status === 'resolved' || o.status === 'dismissed';
    const before: string[] = o.value_sig ? (JSON.parse(o.value_sig) as string[]) : [];
    const fresh = n.value_sig ? (JSON.parse(n.value_sig) as string[]).filter((v) => !before.includes(v)) : [];
    if (decided && o.value_sig && fresh.length > 0) {
      const reason = `New coverage gives another value (${fresh.join(', ')}) than the ones decided on.`;
      stmt(db, `UPDATE conflicts SET status = 'open', reopen_reason = ?, updated_at = ? WHERE id = ?`).run(
        reason,
        now,
        o.id,
      );
    }
  }
  refreshFacts(db);
}
