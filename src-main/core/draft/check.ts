/**
 * The check of a draft before publication: every claim of the draft against the
 * articles on the desk that are not drafts.
 *
 * No comparison rule of its own. The draft's claims and the sources' claims go
 * through the desk's own matcher (frames, `sameQuantityFrame` weighed by
 * `termWeights`, blocking by unit, event, actor and place) and detector (intervals
 * with hedges, running tallies, dates and weekdays, trends against series, "firsts"
 * against precedents within their scope), exactly as coverage does. A draft claim's
 * fact then tells which sources state the same thing, and the detector's verdicts on
 * that fact tell which of them cannot be reconciled with it:
 *
 * - numbers: `valuesClash` per source claim, so "more than 5,000" agrees with 5,230
 *   and "about 3,000" clashes with "over 5,000";
 * - a "first": any precedent the detector finds within the claim's scope contradicts
 *   it, whatever the number of outlets repeating the "first"; a source saying "not the
 *   first" is against it too;
 * - other kinds: a detected conflict between the draft claim and a source's claim.
 *
 * Verdict: contradicted when an incompatible source is found and at least as many
 * independent outlets disagree as agree (or a precedent stands against a "first");
 * supported when at least one source agrees (the disagreeing minority is still
 * listed); unverified when no source states the fact. Other drafts are never sources.
 */
import type { Db } from '../db/open';
import type { EntityKind } from '../../shared/model';
import { DeskError } from '../../shared/errors';
import type {
  DraftCheck,
  DraftClaimVerdict,
  DraftSource,
  DraftSummary,
  EditorVerdict,
  VerdictStatus,
} from '../../shared/draft-views';
import { loadMatchClaims } from '../desk/store';
import { buildDesk, isNegatedNovelty, ONE_STORY_ARTICLES, weekdayOf, type Feat } from '../match/features';
import { groupFacts, sameQuantity, type FactGroup } from '../match/match';
import { termWeights } from '../match/compare';
import { detectConflicts, valuesClash } from '../match/detect';
import type { ConflictDraft, MatchClaim } from '../match/types';
import { foldKey } from '../../shared/fold';

interface ArticleRow {
  id: number;
  title: string;
  source: string;
  outlet: string | null;
}

export function draftSummary(db: Db, id: number): DraftSummary {
  const row = db
    .prepare(
      `SELECT a.id, a.title, a.source, a.outlet, d.marked_at, d.marked_by
         FROM drafts d JOIN articles a ON a.id = d.article_id WHERE d.article_id = ?`,
    )
    .get(id) as (ArticleRow & { marked_at: string; marked_by: string }) | undefined;
  if (!row) {
    const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id);
    throw new DeskError(
      'not_found',
      exists
        ? `Article ${id} is not marked as a draft; mark it first (claimdesk draft --article ${id}).`
        : `No article ${id} on this desk.`,
    );
  }
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    outlet: row.outlet,
    markedAt: row.marked_at,
    markedBy: row.marked_by,
  };
}

export function listDrafts(db: Db): DraftSummary[] {
  // A draft's older versions are history, not drafts to check: the latest stands for them.
  const ids = db
    .prepare(
      `SELECT d.article_id AS id FROM drafts d
       WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = d.article_id AND v.superseded = 1)
       ORDER BY d.article_id`,
    )
    .all() as { id: number }[];
  return ids.map((r) => draftSummary(db, r.id));
}

/** An outlet as one independent voice: its name folded, or the file it came from when unnamed. */
function outletKey(a: ArticleRow): string {
  return a.outlet?.trim() ? `outlet:${foldKey(a.outlet)}` : `article:${a.id}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function editorVerdicts(db: Db, draftId: number): Map<number, EditorVerdict> {
  const rows = db
    .prepare(
      `SELECT v.claim_id, v.status, v.evidence, v.note, v.editor, v.updated_at
         FROM draft_verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ?`,
    )
    .all(draftId) as {
    claim_id: number;
    status: VerdictStatus;
    evidence: string | null;
    note: string | null;
    editor: string;
    updated_at: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.claim_id,
      { status: r.status, evidence: r.evidence, note: r.note, editor: r.editor, updatedAt: r.updated_at },
    ]),
  );
}

/** Checks every claim of one draft against the desk's other (non-draft) articles. */
export function checkDraft(db: Db, draftId: number): DraftCheck {
  const draft = draftSummary(db, draftId);
  const text = (db.prepare('SELECT text FROM articles WHERE id = ?').get(draftId) as { text: string }).text;
  const claims = storyClaims(loadMatchClaims(db, draftId), draftId);
  const entities = db.prepare('SELECT key, kind FROM entities').all() as { key: string; kind: EntityKind }[];
  const desk = buildDesk(claims, entities);
  const facts = groupFacts(desk);
  const conflicts = detectConflicts(desk, facts);

  const idf = termWeights(desk.feats);
  const factOf = new Map<number, FactGroup>();
  for (const g of facts) for (const f of g.feats) factOf.set(f.claim.id, g);
  const conflictsOf = new Map<number, ConflictDraft[]>();
  for (const k of conflicts)
    for (const id of [...k.sideA, ...k.sideB]) conflictsOf.set(id, [...(conflictsOf.get(id) ?? []), k]);

  const articles = new Map<number, ArticleRow>();
  for (const a of db.prepare('SELECT id, title, source, outlet FROM articles').all() as ArticleRow[])
    articles.set(a.id, a);
  const given = editorVerdicts(db, draftId);

  const out: DraftClaimVerdict[] = [];
  const numberSentences = new Set(
    desk.feats
      .filter((g) => g.claim.articleId === draftId && (g.claim.kind === 'figure' || g.claim.kind === 'count'))
      .map((g) => g.claim.sentenceStart),
  );
  for (const f of desk.feats) {
    if (f.claim.articleId !== draftId) continue;
    // A bare year beside a number ("in 2024", "since 2021") qualifies that number and is checked with it.
    const v = f.claim.value;
    if (
      v.type === 'date' &&
      v.granularity === 'year' &&
      !v.event &&
      numberSentences.has(f.claim.sentenceStart)
    )
      continue;
    const fromSource = (id: number) => {
      const g = desk.byId.get(id);
      return g !== undefined && g.claim.articleId !== draftId;
    };
    // Source claims set against this claim by the detector, and whether one is a precedent.
    const against = new Map<number, string>();
    let precedent = false;
    let selfConflict: string | null = null;
    for (const k of conflictsOf.get(f.claim.id) ?? []) {
      const mine = k.sideA.includes(f.claim.id) ? k.sideA : k.sideB;
      const theirs = mine === k.sideA ? k.sideB : k.sideA;
      const sources = theirs.filter(fromSource);
      if (sources.length === 0) {
        // Both sides in the draft: a weekday that does not fall on its own date, say.
        selfConflict ??= k.explanation;
        continue;
      }
      if (k.kind === 'novelty_vs_precedent' && mine === k.sideA) precedent = true;
      for (const id of sources) if (!against.has(id)) against.set(id, k.explanation);
    }
    const fact = factOf.get(f.claim.id);
    const members = (fact?.feats ?? []).filter((g) => g.claim.articleId !== draftId);
    for (const g of hedgedPeers(f, fact, desk.feats, draftId, idf)) members.push(g);
    const sources: DraftSource[] = [];
    const seen = new Set<number>();
    const push = (g: Feat, agrees: boolean) => {
      if (seen.has(g.claim.id)) return;
      seen.add(g.claim.id);
      const a = articles.get(g.claim.articleId)!;
      sources.push({
        claimId: g.claim.id,
        article: { id: a.id, title: a.title, source: a.source, outlet: a.outlet },
        quote: g.claim.quote,
        sentence: g.claim.sentence,
        agrees,
      });
    };
    for (const [id] of against) push(desk.byId.get(id)!, false);
    for (const g of members) {
      let agrees = !against.has(g.claim.id);
      if (f.interval && g.interval && f.unit === g.unit) agrees = !valuesClash(f, g);
      else if (f.claim.kind === 'novelty' && g.claim.kind === 'novelty' && isNegatedNovelty(g)) {
        agrees = isNegatedNovelty(f);
        if (!agrees) precedent = true;
      }
      push(g, agrees);
    }
    // A source whose weekday does not fall on its own date refutes itself: listed, not counted.
    const counts = (s: DraftSource) => s.agrees || !selfRefuted(desk.byId.get(s.claimId)!);
    const outlets = (agrees: boolean) =>
      new Set(
        sources
          .filter((s) => s.agrees === agrees && counts(s))
          .map((s) => outletKey(articles.get(s.article.id)!)),
      ).size;
    const yes = outlets(true);
    const no = outlets(false);
    let computed: VerdictStatus;
    let why: string;
    const firstAgainst = sources.find((s) => !s.agrees && counts(s));
    const explanation = firstAgainst ? (against.get(firstAgainst.claimId) ?? null) : null;
    if (no > 0 && (precedent || yes <= no)) {
      computed = 'contradicted';
      why = precedent
        ? `A precedent in the sources contradicts this "first"${explanation ? `: ${explanation}` : '.'}`
        : `${plural(no, 'outlet')} state${no === 1 ? 's' : ''} a value that cannot be the same${yes ? ` (${plural(yes, 'outlet')} agree${yes === 1 ? 's' : ''})` : ''}${explanation ? `: ${explanation}` : '.'}`;
    } else if (yes > 0) {
      computed = 'supported';
      const refuted = sources.filter((s) => !counts(s)).length;
      why = `Stated by ${plural(yes, 'independent outlet')}${no ? `; ${plural(no, 'outlet')} state${no === 1 ? 's' : ''} another value` : ''}${refuted ? `; ${plural(refuted, 'source')} against it give${refuted === 1 ? 's' : ''} a weekday that does not fall on its own date` : ''}.`;
    } else if (selfConflict) {
      computed = 'contradicted';
      why = `The draft contradicts itself: ${selfConflict}`;
    } else {
      computed = 'unverified';
      why = 'No source on the desk states this fact.';
    }
    const editor = given.get(f.claim.id) ?? null;
    const text0 = f.claim.sentenceStart;
    out.push({
      id: f.claim.id,
      kind: f.claim.kind,
      start: f.claim.start,
      end: f.claim.end,
      quote: f.claim.quote,
      sentence: f.claim.sentence,
      sentenceStart: text0,
      sentenceEnd: text0 + f.claim.sentence.length,
      status: editor?.status ?? computed,
      computed,
      why,
      agreeingOutlets: yes,
      disagreeingOutlets: no,
      sources,
      editor,
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  const counts: Record<VerdictStatus, number> = { supported: 0, contradicted: 0, unverified: 0 };
  for (const c of out) counts[c.status]++;
  const attention = [
    ...out.filter((c) => c.status === 'contradicted'),
    ...out.filter((c) => c.status === 'unverified'),
  ].map((c) => c.id);
  return { draft, text, counts, claims: out, attention };
}

/** A number's value as a point the matcher's "far apart" test can weigh: an open hedge at its bound. */
function closed(f: Feat): Feat {
  const i = f.interval;
  if (!i || (i.lo !== -Infinity && i.hi !== Infinity)) return f;
  const at = i.hi === Infinity ? i.lo : i.hi;
  return { ...f, interval: { lo: at, hi: at } };
}

/**
 * Source numbers that state the same quantity as a draft's number where one of them is
 * an open hedge ("more than €300 billion"). The matcher keeps such pairs apart (the
 * hedge's middle is at infinity, so the values look far apart) and the desk's board
 * relies on that; a draft claim must still meet them, or "about €250 billion" would
 * pass as unverified beside "more than €300 billion". Same `sameQuantity` test, with
 * the hedge read at its bound; the values are then compared as written.
 */
function hedgedPeers(
  f: Feat,
  fact: FactGroup | undefined,
  feats: Feat[],
  draftId: number,
  idf: Map<string, number>,
): Feat[] {
  if (!f.interval) return [];
  const inFact = new Set((fact?.feats ?? []).map((g) => g.claim.id));
  const open = (g: Feat) => g.interval!.lo === -Infinity || g.interval!.hi === Infinity;
  return feats.filter(
    (g) =>
      g.claim.articleId !== draftId &&
      !inFact.has(g.claim.id) &&
      g.interval !== null &&
      g.unit === f.unit &&
      (open(f) || open(g)) &&
      sameQuantity(closed(f), closed(g), idf),
  );
}

/** A date whose stated weekday is not the weekday of its own day ("Wednesday, March 11, 2025"). */
function selfRefuted(g: Feat): boolean {
  const d = g.date;
  if (!d || !d.weekday || !d.explicitDay || d.granularity !== 'day') return false;
  const real = weekdayOf(d.from);
  return real !== null && real !== d.weekday.toLowerCase();
}

/**
 * The claims a draft is checked against. A desk small enough to be one story (the
 * matcher's own ONE_STORY_ARTICLES) gives all of them; on a larger desk only articles
 * that name at least two of the draft's entities can share a fact with it (the matcher's
 * `sameStory` asks as much), so the others are left out before matching, which keeps a
 * check on a desk of thousands of articles to the story's own size.
 */
function storyClaims(claims: MatchClaim[], draftId: number): MatchClaim[] {
  const articles = new Set(claims.map((c) => c.articleId));
  if (articles.size <= ONE_STORY_ARTICLES) return claims;
  const keys = new Set(claims.filter((c) => c.articleId === draftId).flatMap((c) => c.entityKeys));
  const shared = new Map<number, Set<string>>();
  for (const c of claims) {
    if (c.articleId === draftId) continue;
    for (const k of c.entityKeys) {
      if (!keys.has(k)) continue;
      let set = shared.get(c.articleId);
      if (!set) shared.set(c.articleId, (set = new Set()));
      set.add(k);
    }
  }
  return claims.filter((c) => c.articleId === draftId || (shared.get(c.articleId)?.size ?? 0) >= 2);
}
