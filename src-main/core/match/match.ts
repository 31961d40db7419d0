/**
 * Groups claims into facts and asks the detector for conflicts.
 *
 * Cost: claims are put in blocks by a structural key (metric + period + parties for
 * figures, counted noun for counts, event + actor + place for dates and events,
 * actor kind + place for "firsts", metric + parties for trends). Only inside a block
 * are claims compared, by word-shingle Jaccard where the key alone is too coarse,
 * and a block larger than BLOCK_CAP is compared only within a sliding window of its
 * claims sorted by article and position. Work therefore grows with the number of
 * claims, not with its square.
 */
import { foldKey } from '../../shared/fold';
import type { FactDraft, MatchClaim, MatchResult } from './types';
import { buildDesk, clauseStems, sameStory, type Desk, type EntityHint, type Feat } from './features';
import { detectConflicts } from './detect';
import { quantityFrame as quantityFrameOf, sameQuantityFrame, termWeights, variantEvidence } from './compare';
import { happeningEvidence, happeningWords, sameHappening } from './happenings';
import { titleCase, jaccard, writtenForm } from './text';
import { metricFamily, type Role } from './lexicon';

export interface MatchOptions {
  /** Entities of the desk, when known: their kinds help tell people from places. */
  entities?: EntityHint[];
}

export const BLOCK_CAP = 200;
/** Marks a block whose claims join facts by `sameQuantity` (complete link), not by a threshold. */
const QUANTITY = -1;
/** Marks a block of once-only events (founding, birth, death), grouped by `sameOnceEvent`. */
const ONCE_MARK = -2;
const ONCE = new Set(['establishment', 'birth', 'death', 'completion']);
/** Marks a block whose claims share a fact when their articles cover one story. */
const STORY = -3;
/** Marks the block of dates no event word keys, grouped by `sameHappening`. */
const HAPPENING = -4;
const WINDOW = 40;

const TOP_ROLES = new Set<Role>(['party_leader', 'head_of_state', 'head_of_government', 'top_leader']);

const ROLE_LABEL: Record<Role, string> = {
  party_leader: 'party leader',
  head_of_state: 'head of state',
  head_of_government: 'head of government',
  top_leader: 'top leader',
  foreign_minister: 'foreign minister',
  defence_minister: 'defence minister',
  minister: 'minister',
  deputy: 'deputy leader',
  parliament_speaker: 'parliament speaker',
  chief_justice: 'chief justice',
  prosecutor: 'prosecutor general',
  ambassador: 'ambassador',
};

function periodKey(p: { from: number; to: number } | null): string {
  return p ? (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`) : '?';
}

function actorKey(f: Feat): string {
  if (f.actor.person) return f.actor.person;
  if (f.actor.role) return `${f.actor.nationality ?? '?'}:${f.actor.role}`;
  return '?';
}

interface Block {
  key: string;
  /** Whether claims in the block still need a similarity check to share a fact. */
  bySimilarity: number | null;
  feats: Feat[];
}

/** The block a claim falls in, or null when it stands alone. */
function blockOf(f: Feat): { key: string; threshold: number | null } | null {
  const v = f.claim.value;
  const parties = f.parties.join(',');
  switch (v.type) {
    case 'figure':
    case 'count':
      return { key: `qty|${f.unit ?? 'n'}`, threshold: QUANTITY };
    case 'trend':
      if (!f.metric) return null;
      return { key: `trend|${f.metric}|${parties}`, threshold: STORY };
    case 'date':
    case 'event': {
      // An undated copy's bare weekday ("on Friday") is too weak to key an event by itself:
      // it only meets another day through the happening it describes.
      if (!f.event || (v.type === 'date' && v.date === ''))
        return happeningWords(f) ? { key: 'happening', threshold: HAPPENING } : null;
      // Things that happen once to their subject: grouped by subject wording, not by actor.
      if (ONCE.has(f.event)) return { key: `event|${f.event}|once`, threshold: ONCE_MARK };
      const actor = actorKey(f);
      const place = f.place ?? '?';
      const weak = actor === '?' || place === '?';
      return { key: `event|${f.event}|${actor}|${place}`, threshold: weak ? 0.3 : STORY };
    }
    case 'novelty': {
      if (v.strength !== 'first' || !f.event) return null;
      const role = f.actor.role && TOP_ROLES.has(f.actor.role) ? 'top' : (f.actor.role ?? '?');
      return {
        key: `novelty|${f.event}|${f.actor.nationality ?? '?'}:${role}|${f.place ?? '?'}`,
        threshold: role === '?' ? 0.3 : null,
      };
    }
    case 'attribution':
      return { key: `attribution|${foldKey(v.speaker)}`, threshold: null };
    case 'time':
      // Times compare in UTC, so every time of a story shares one block; wording splits it.
      return { key: 'time', threshold: QUANTITY };
  }
}

function anchorOf(f: Feat): string {
  return `${f.claim.articleId}:${f.claim.start}`;
}

function byPosition(a: Feat, b: Feat): number {
  return a.claim.articleId - b.claim.articleId || a.claim.start - b.claim.start || a.claim.id - b.claim.id;
}

/** Splits a block into facts by similarity; large blocks only within a window. */
function clusterBlock(block: Block, idf: Map<string, number>, desk: Desk): Feat[][] {
  const feats = [...block.feats].sort(byPosition);
  if (block.bySimilarity === null) return [feats];
  if (block.bySimilarity === HAPPENING) {
    const evidence = happeningEvidence(desk.feats);
    return averageLink(feats, (a, b) => sameHappening(a, b, evidence));
  }
  if (block.bySimilarity === QUANTITY) return averageLink(feats, (a, b) => sameQuantity(a, b, idf));
  if (block.bySimilarity === ONCE_MARK) return completeLink(feats, sameOnceEvent);
  const threshold = block.bySimilarity;
  if (threshold === STORY) return completeLink(feats, (a, b) => sameStory(a.article, b.article));
  // Weakly keyed claims (an event with no actor or place): similar wording, same story.
  return completeLink(
    feats,
    (a, b) =>
      a.sentence === b.sentence ||
      (sameStory(a.article, b.article) && (jaccard(a.shingles, b.shingles) >= threshold || nearDays(a, b))),
  );
}

/**
 * Two articles of one story dating the same kind of happening (talks, a signing) to
 * days at most three apart, with no one named: most likely one event, misdated.
 */
function nearDays(a: Feat, b: Feat): boolean {
  if (a.claim.articleId === b.claim.articleId || !a.date?.explicitDay || !b.date?.explicitDay) return false;
  const da = Date.parse(a.date.from);
  const db = Date.parse(b.date.from);
  return Number.isFinite(da) && Number.isFinite(db) && Math.abs(da - db) <= 3 * 86_400_000;
}

function effectivePeriod(f: Feat): { from: number; to: number } | null {
  if (f.period) return f.period;
  // An undated level ("employs 9,350 staff") is about the time of writing.
  const ref = f.article.refYear;
  return ref === null ? null : { from: ref - 1, to: ref };
}

function intersects<T>(a: Iterable<T>, b: Set<T> | T[]): boolean {
  const set = b instanceof Set ? b : new Set(b);
  for (const x of a) if (set.has(x)) return true;
  return false;
}

/**
 * Whether two numbers state the same quantity: nothing tells them apart (period,
 * metric, countries, what is counted, whose it is) and something ties them (the same
 * metric or predicate, or similar wording).
 */
export function sameQuantity(a: Feat, b: Feat, idf: Map<string, number> = new Map()): boolean {
  if (a.sentence === b.sentence) return sameMomentRestated(a, b);
  if (a.relative !== b.relative || !sameStory(a.article, b.article)) return false;
  // One article giving two clock times tells two happenings apart ("the emergency code at
  // 20:52 CET", "touched down at 21:47 GMT").
  if (a.claim.articleId === b.claim.articleId && differentMoments(a, b)) return false;
  // One article giving two different values tells two quantities apart ("4.6% in March,
  // up from 3.9% in February"); an outlet rarely contradicts itself on one figure.
  // (A tally's readings through the day are one quantity at several moments.)
  if (
    a.claim.articleId === b.claim.articleId &&
    apart(a, b) &&
    !quantityFrameOf(a)?.frame.running &&
    !quantityFrameOf(b)?.frame.running
  )
    return false;
  const pa = effectivePeriod(a);
  const pb = effectivePeriod(b);
  // With frames, only stated periods separate: "the original budget, set in 2016" and "the
  // original budget" are one quantity. Without a frame the older reading stays.
  const framed = quantityFrameOf(a) !== null && quantityFrameOf(b) !== null;
  if (
    framed
      ? a.period && b.period && (a.period.to < b.period.from || b.period.to < a.period.from)
      : pa && pb && (pa.to < pb.from || pb.to < pa.from)
  )
    return false;
  // A tally being reported now ("the toll stood at 31") is not a count from years ago
  // ("47 people were killed in 1987"), though only one of them states its year.
  if (framed && (pastOf(a, b) || pastOf(b, a))) return false;
  const byFrame = sameQuantityFrame(a, b, idf);
  if (byFrame !== null) return byFrame;
  // Claims without a frame (added by an editor): the older structural test.
  // Counts already share their (normalised) noun through the block; figures must share a metric.
  if (a.metric && b.metric && a.claim.kind === 'figure' && b.claim.kind === 'figure' && a.metric !== b.metric)
    return false;
  // Countries separate bilateral figures (Vietnam–Azerbaijan vs Vietnam–Thailand trade), not a deal
  // that happens to name a "Polish operator" in one article and a "Spanish group" in another.
  if (a.parties.length >= 2 && b.parties.length >= 2 && a.parties.join() !== b.parties.join()) return false;
  if (a.predicates.size > 0 && b.predicates.size > 0 && !intersects(a.predicates, b.predicates)) return false;
  const sameMetric =
    a.metric !== null && a.metric === b.metric && a.claim.kind === 'figure' && b.claim.kind === 'figure';
  if (sameMetric) return true;
  if (a.subjects.length > 0 && b.subjects.length > 0 && !intersects(subjectWords(a), subjectWords(b)))
    return false;
  if (intersects(a.predicates, b.predicates)) return true;
  return jaccard(a.shingles, b.shingles) >= 0.2;
}

/** Whether `old` states a period years before the running tally `now` is reported in. */
function pastOf(old: Feat, now: Feat): boolean {
  const ref = now.article.refYear;
  return (
    old.period !== null &&
    now.period === null &&
    ref !== null &&
    old.period.to < ref - 1 &&
    // A tally reported now, or things counted at a happening (a crowd, the dead of a
    // disaster, the acres a fire burned): the count of years ago was of another happening.
    (quantityFrameOf(now)?.frame.running === true ||
      (now.claim.kind === 'count' && old.claim.kind === 'count') ||
      // A measure taken at a happening (a wind speed, a depth, the tonnes spilled): the
      // one of years ago was another happening's. Money and shares keep their year as a
      // detail ("the original budget, set in 2016").
      (now.claim.kind === 'figure' && old.claim.kind === 'figure' && isMeasure(now) && isMeasure(old)))
  );
}

function isMeasure(f: Feat): boolean {
  return f.unit !== null && !/^cur:|^%$|^percentage|^split$|^seconds?$/.test(f.unit);
}

function differentMoments(a: Feat, b: Feat): boolean {
  const va = a.claim.value;
  const vb = b.claim.value;
  if (va.type !== 'time' || vb.type !== 'time') return false;
  if (va.utc !== null && vb.utc !== null) return va.utc !== vb.utc;
  return va.minutes !== vb.minutes;
}

/** Two amounts whose stated ranges (hedges included) do not meet. */
function apart(a: Feat, b: Feat): boolean {
  if (!a.interval || !b.interval) return false;
  return a.interval.hi < b.interval.lo || b.interval.hi < a.interval.lo;
}

/** "21:52 local time (02:52 GMT)": one moment written twice in one sentence. */
function sameMomentRestated(a: Feat, b: Feat): boolean {
  const va = a.claim.value;
  const vb = b.claim.value;
  return va.type === 'time' && vb.type === 'time' && va.utc !== null && va.utc === vb.utc;
}

/** Words of the entities a number is about: "Wrzosów" meets "Wrzosów Jazz Festival". */
function subjectWords(f: Feat): Set<string> {
  const out = new Set<string>();
  for (const k of f.subjects) for (const w of k.split(' ')) if (w.length >= 4) out.add(w);
  return out;
}

/** "Founded in 1994 by local teachers" and "was founded in 1989 by three music teachers": one founding. */
export function sameOnceEvent(a: Feat, b: Feat): boolean {
  if (a.sentence === b.sentence || !sameStory(a.article, b.article)) return false;
  // "Two more victims died on Monday", "21 people died in a crush in 2010": deaths that are
  // counted are many people's, each on its own day, not one person's death told twice.
  if (a.event === 'death' && (countedInClause(a) || countedInClause(b))) return false;
  return intersects(clauseStems(a), clauseStems(b));
}

function countedInClause(f: Feat): boolean {
  if (
    /\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|more|several|many)\s+(?:more\s+)?(?:people|victims|persons|men|women|children|patients|workers)\b/.test(
      f.sentence.folded.slice(f.clause.start, f.clause.end),
    )
  )
    return true;
  return f.sentence.claims.some(
    (c) => c.claim.kind === 'count' && c.pos >= f.clause.start && c.pos < f.clause.end,
  );
}

/**
 * Average-link grouping for numbers: a claim joins the fact it matches best, if it
 * matches at least half of its members. Complete link splits one fact as soon as one
 * outlet words it differently ("412 passengers" vs "a train carrying about 280"), and
 * each piece then raises its own copy of the same disagreement. A claim that two
 * readings of the same value share is never the only tie: it must match a member of
 * each side.
 */
function averageLink(feats: Feat[], same: (a: Feat, b: Feat) => boolean): Feat[][] {
  const clusters: Feat[][] = [];
  for (const f of feats) {
    const from = feats.length > BLOCK_CAP ? Math.max(0, clusters.length - WINDOW) : 0;
    let best = -1;
    let bestScore = 0;
    for (let i = from; i < clusters.length; i++) {
      // A large fact is judged on an even sample of its members, and a fact that can no
      // longer reach half is left early, so the cost per claim stays bounded.
      const members = sample(clusters[i], AVERAGE_SAMPLE);
      const need = Math.ceil(members.length / 2);
      let hits = 0;
      let misses = 0;
      for (const g of members) {
        if (same(f, g)) hits++;
        else if (++misses > members.length - need) break;
      }
      const score = hits / members.length;
      if (hits > 0 && score >= 0.5 && score > bestScore) [best, bestScore] = [i, score];
    }
    if (best >= 0) clusters[best].push(f);
    else clusters.push([f]);
  }
  return clusters;
}

const AVERAGE_SAMPLE = 24;

function sample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const out: T[] = [];
  for (let k = 0; k < n; k++) out.push(items[Math.floor((k * items.length) / n)]!);
  return out;
}

/** Complete-link grouping: a claim joins a fact only if it is the same as every member. */
function completeLink(feats: Feat[], same: (a: Feat, b: Feat) => boolean): Feat[][] {
  const clusters: Feat[][] = [];
  for (const f of feats) {
    const from = feats.length > BLOCK_CAP ? Math.max(0, clusters.length - WINDOW) : 0;
    let placed = false;
    for (let i = from; i < clusters.length && !placed; i++) {
      if (clusters[i].every((g) => same(f, g))) {
        clusters[i].push(f);
        placed = true;
      }
    }
    if (!placed) clusters.push([f]);
  }
  return clusters;
}

function place(key: string | null, feats: Feat[]): string {
  if (!key) return 'somewhere';
  if (key.startsWith('city:'))
    return writtenForm(
      key.slice(5),
      feats.map((f) => f.claim.sentence),
    );
  return titleCase(key);
}

function mostCommon<T>(items: T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestN = 0;
  for (const x of items) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > bestN) [best, bestN] = [x, n];
  }
  return best;
}

/** The claim's clause, shortened: a label when nothing structured names the fact. */
function snippetOf(f: Feat): string {
  const raw = f.claim.sentence.slice(f.clause.start, f.clause.end);
  // Only the clause's start is shown: the clause of a long register is not collapsed whole.
  const head = raw.length > 400 ? raw.slice(0, 400) : raw;
  let clause = head.replace(/\s+/g, ' ').trimStart();
  if (head === raw || clause.length <= 70) clause = raw.replace(/\s+/g, ' ').trim();
  return `“${clause.length > 70 ? clause.slice(0, 69).trimEnd() + '…' : clause}”`;
}

function partiesLabel(parties: string[]): string {
  return parties.map(titleCase).join('–');
}

/** A label an editor can read at a glance: "Azerbaijan–Vietnam trade turnover, 2023". */
function labelFor(desk: Desk, feats: Feat[]): string {
  const f = feats[0];
  const v = f.claim.value;
  const sentences = feats.map((x) => x.claim.sentence);
  switch (v.type) {
    case 'figure': {
      const metrics = new Set(feats.map((x) => x.metric));
      if (metrics.size !== 1 || f.metric === null) return frameLabel(feats) ?? `Figure: ${snippetOf(f)}`;
      const metric =
        mostCommon(
          feats
            .map((x) => (x.claim.value.type === 'figure' ? x.claim.value.metric : null))
            .filter((m): m is string => !!m && metricFamily(m, desk.countries) === f.metric),
        ) ?? f.metric;
      const p = f.parties.length >= 2 ? partiesLabel(f.parties) : '';
      return `${p ? p + ' ' : ''}${metric}${f.period ? ', ' + periodKey(f.period) : ''}`;
    }
    case 'count': {
      const framed = frameLabel(feats);
      if (framed) return framed;
      const subject = mostCommon(feats.map((x) => x.claim.subject).filter((s): s is string => !!s));
      const noun = f.unit && f.unit !== 'n' ? f.unit : (f.metric ?? 'item');
      return `Number of ${plural(noun)}${subject ? ' — ' + subject : ''}${f.period ? ', ' + periodKey(f.period) : ''}`;
    }
    case 'trend': {
      const metric =
        mostCommon(
          feats
            .map((x) => (x.claim.value.type === 'trend' ? x.claim.value.metric : null))
            .filter((m): m is string => !!m),
        ) ??
        f.metric ??
        'trend';
      return `${partiesLabel(f.parties)} ${metric}: direction of change`.trim();
    }
    case 'date':
    case 'event': {
      const ev = f.event ?? 'event';
      if (ONCE.has(ev) || (!f.actor.person && !f.actor.role && !f.place)) {
        // No one and nowhere to name: the wording itself identifies the event.
        return `${ev.charAt(0).toUpperCase() + ev.slice(1)}: ${snippetOf(f)}`;
      }
      const who = f.actor.person
        ? writtenForm(f.actor.person, sentences) + "'s "
        : f.actor.role
          ? `${f.actor.nationality ? titleCase(f.actor.nationality) + "'s " : ''}${ROLE_LABEL[f.actor.role]}'s `
          : '';
      const prep = ev === 'visit' ? 'to' : 'in';
      const where = f.place ? ` ${prep} ${place(f.place, feats)}` : '';
      const label = `${who}${ev}${where}`;
      return label.charAt(0).toUpperCase() + label.slice(1);
    }
    case 'novelty': {
      const roles = feats.map((x) => x.actor.role).filter((r): r is Role => r !== null && r !== 'top_leader');
      const role = mostCommon(roles) ?? f.actor.role;
      const roleText = role ? ROLE_LABEL[role] : 'leader';
      const nat = f.actor.nationality ? ` of ${titleCase(f.actor.nationality)}` : '';
      const where = f.place ? ` to ${place(f.place, feats)}` : '';
      // Without a role the claim is about the happening, not about who led it.
      if (!role) return f.event ? `First ${f.event}${where}` : `“${f.claim.quote}”: ${snippetOf(f)}`;
      return `First ${f.event ?? 'event'}${where} by a ${roleText}${nat}`;
    }
    case 'attribution':
      return `Statements by ${v.speaker}`;
    case 'time':
      return frameLabel(feats) ?? `Time of day: ${snippetOf(f)}`;
  }
}

const OUTCOME_WORD: Record<string, string> = {
  dead: 'killed',
  injured: 'injured',
  missing: 'missing',
  displaced: 'displaced',
  homeless: 'left homeless',
  rescued: 'rescued',
  arrested: 'arrested',
  infected: 'infected',
};

function plural(noun: string): string {
  if (noun === 'person') return 'people';
  return noun.endsWith('s') ? noun : noun.endsWith('y') ? noun.slice(0, -1) + 'ies' : noun + 's';
}

/**
 * A label from the claims' frames: what the value measures in the articles' own words,
 * with its place, period or day, e.g. "People killed, as of 2025-03-13", "Depth (km)",
 * "Time of day: struck". Null when no claim has a property to name.
 */
function frameLabel(feats: Feat[]): string | null {
  const f = feats[0];
  const frames = feats
    .map((x) => x.claim.value)
    .map((v) => (v.type === 'figure' || v.type === 'count' || v.type === 'time' ? (v.frame ?? null) : null))
    .filter((x): x is NonNullable<typeof x> => x !== null);
  const noun = f.claim.value.type === 'count' ? f.claim.value.noun : null;
  // A human outcome reads the same whatever the outlet's verb: "People killed", not "People dead".
  const outcome = mostCommon(
    feats.map((x) => quantityFrameOf(x)?.outcome ?? null).filter((o): o is string => !!o),
  );
  const property =
    (outcome ? OUTCOME_WORD[outcome] : null) ??
    mostCommon(frames.map((x) => x.property).filter((p): p is string => !!p && p !== noun && !/^\d/.test(p)));
  const holderKey = mostCommon(frames.map((x) => x.holder).filter((h): h is string => !!h));
  const whose =
    holderKey && !(property ?? '').toLowerCase().includes(holderKey)
      ? ` — ${writtenForm(
          holderKey,
          feats.map((x) => x.claim.sentence),
        )}`
      : '';
  const placeKey = mostCommon(frames.map((x) => x.place).filter((p): p is string => !!p));
  const period = mostCommon(frames.map((x) => x.period).filter((p): p is string => !!p));
  const day = frames.some((x) => x.running)
    ? mostCommon(frames.map((x) => x.asOf).filter((d): d is string => !!d))
    : null;
  const where = `${whose}${placeKey ? `, in ${titleCase(placeKey)}` : ''}`;
  const when = period ? `, ${period}` : day ? `, as of ${day}` : '';
  if (f.claim.value.type === 'time') return property ? `Time of day: ${property}${where}${when}` : null;
  if (noun) {
    const what = plural(noun);
    const label = property
      ? `${what.charAt(0).toUpperCase() + what.slice(1)} ${property}`
      : `Number of ${what}`;
    return `${label}${where}${when}`;
  }
  if (!property) return null;
  const unit = f.claim.value.type === 'figure' ? (f.claim.value.currency ?? f.claim.value.unit) : null;
  return `${property.charAt(0).toUpperCase() + property.slice(1)}${unit ? ` (${unit})` : ''}${where}${when}`;
}

export interface FactGroup {
  key: string;
  label: string;
  feats: Feat[];
}

/** Facts of a desk: every claim in exactly one fact. */
export function groupFacts(desk: Desk): FactGroup[] {
  const blocks = new Map<string, Block>();
  const singles: Feat[] = [];
  for (const f of desk.feats) {
    const b = blockOf(f);
    if (!b) {
      singles.push(f);
      continue;
    }
    let block = blocks.get(b.key);
    if (!block) {
      block = { key: b.key, bySimilarity: b.threshold, feats: [] };
      blocks.set(b.key, block);
    }
    // A block is as strict as its weakest member needs.
    if (b.threshold !== null && b.threshold >= 0)
      block.bySimilarity = Math.max(block.bySimilarity ?? 0, b.threshold);
    block.feats.push(f);
  }
  const facts: FactGroup[] = [];
  const idf = termWeights(desk.feats);
  for (const block of blocks.values()) {
    const groups = clusterBlock(block, idf, desk);
    for (const g of groups) {
      // A number's fact is named by its first claim, so it keeps its key (and its conflict
      // the editor's decision) when new coverage adds claims or splits the block.
      const key =
        groups.length === 1 && block.bySimilarity !== QUANTITY && block.bySimilarity !== HAPPENING
          ? block.key
          : `${block.key}#${anchorOf(g[0])}`;
      facts.push({ key, label: labelFor(desk, g), feats: g });
    }
  }
  for (const f of singles) {
    facts.push({
      key: `${f.claim.kind}|${f.claim.articleId}:${f.claim.start}:${f.claim.end}`,
      label: labelFor(desk, [f]),
      feats: [f],
    });
  }
  return mergeRestatedTimes(adoptVariants(mergeRestatedAmounts(mergeDatedEvents(facts)), idf));
}

/**
 * "at 4:52 a.m. (0352 GMT)": one moment written twice in one sentence is one fact, even
 * when each time's wording drew it to a different fact; the facts merge.
 */
function mergeRestatedTimes(facts: FactGroup[]): FactGroup[] {
  const factOf = new Map<Feat, FactGroup>();
  for (const g of facts) if (g.feats[0].claim.kind === 'time') for (const f of g.feats) factOf.set(f, g);
  const merged = new Map<FactGroup, FactGroup>();
  const root = (g: FactGroup): FactGroup => {
    let r = g;
    while (merged.has(r)) r = merged.get(r)!;
    return r;
  };
  for (const [f, g] of factOf) {
    const v = f.claim.value;
    if (v.type !== 'time' || v.utc === null) continue;
    for (const o of f.sentence.claims) {
      const w = o.claim.value;
      if (o === f || w.type !== 'time' || w.utc !== v.utc || w.zone === v.zone) continue;
      const h = factOf.get(o);
      if (!h) continue;
      const [ra, rb] = [root(g), root(h)];
      if (ra === rb) continue;
      const [keep, drop] = ra.feats.length >= rb.feats.length ? [ra, rb] : [rb, ra];
      for (const x of drop.feats) keep.feats.push(x);
      merged.set(drop, keep);
    }
  }
  return merged.size === 0 ? facts : facts.filter((g) => !merged.has(g));
}

const MERGEABLE = new Set(['meeting', 'signing', 'visit', 'ceremony']);

function clausePeople(f: Feat): Set<string> {
  const out = new Set<string>();
  for (const m of f.sentence.mentions) {
    if (!m.country && m.start >= f.clause.start && m.end <= f.clause.end) out.add(m.key);
  }
  if (f.actor.person) out.add(f.actor.person);
  return out;
}

/**
 * "Tâm and Dũng held talks on 24 August" and "The formal talks took place on August
 * 25": one article names the leaders, the other does not, so their keys differ. Facts
 * of one kind of happening, in one story, dated at most three days apart, merge when
 * one of them names no one or both name someone in common. Candidates come from a
 * day index, so the pass stays linear.
 */
function mergeDatedEvents(facts: FactGroup[]): FactGroup[] {
  const byDay = new Map<string, FactGroup[]>();
  const dayOf = (g: FactGroup): string | null => {
    const f = g.feats.find((x) => x.date?.explicitDay && x.date.from);
    return f && f.event && MERGEABLE.has(f.event) ? f.date!.from : null;
  };
  for (const g of facts) {
    const day = dayOf(g);
    if (!day) continue;
    const key = `${g.feats[0].event}|${day}`;
    const list = byDay.get(key) ?? [];
    if (list.length < 50) list.push(g);
    byDay.set(key, list);
  }
  const merged = new Map<FactGroup, FactGroup>();
  const root = (g: FactGroup): FactGroup => {
    let r = g;
    while (merged.has(r)) r = merged.get(r)!;
    return r;
  };
  for (const g of facts) {
    const day = dayOf(g);
    if (!day) continue;
    const f = g.feats[0];
    const t = Date.parse(day);
    for (let d = -3; d <= 3; d++) {
      if (d === 0) continue;
      const other = new Date(t + d * 86_400_000).toISOString().slice(0, 10);
      for (const h of byDay.get(`${f.event}|${other}`) ?? []) {
        const [ra, rb] = [root(g), root(h)];
        if (ra === rb) continue;
        const a = ra.feats[0];
        const b = rb.feats[0];
        if (!sameStory(a.article, b.article) || a.claim.articleId === b.claim.articleId) continue;
        const pa = clausePeople(a);
        const pb = clausePeople(b);
        const anonymous = pa.size === 0 || pb.size === 0;
        if (!anonymous && !intersects(pa, pb)) continue;
        // Keep the better-named fact (the one with an actor in its key).
        const [keep, drop] = ra.key.includes('|?|') && !rb.key.includes('|?|') ? [rb, ra] : [ra, rb];
        for (const f of drop.feats) keep.feats.push(f);
        merged.set(drop, keep);
      }
    }
  }
  return facts.filter((g) => !merged.has(g));
}

/** A fact this small can join another through a restated amount. */
const STRAY = 2;

/** Whether an amount is precise enough that two articles giving it are giving the same figure. */
function preciseKey(f: Feat): string | null {
  const v = f.claim.value;
  if (v.type !== 'figure' && v.type !== 'count') return null;
  const amount = v.type === 'figure' ? v.amount : v.count;
  if (v.approx !== 'exact' || !Number.isFinite(amount) || amount === 0) return null;
  const digits = String(Math.abs(amount))
    .replace(/^0\.0*|\.|e.*$/g, '')
    .replace(/0+$/, '');
  const money = v.type === 'figure' && v.currency !== null;
  // "€2.1bn" is precise for money of that size; a count needs three significant digits ("1,140").
  if (!(money ? Math.abs(amount) >= 1e6 && digits.length >= 2 : digits.length >= 3)) return null;
  return `${f.unit ?? ''}|${amount}`;
}

/**
 * "for €2.1bn in cash" worded too differently to join "Telvia will pay €2.1 billion":
 * a stray fact (a claim or two) whose precise amount a larger fact of the
 * story restates joins that fact, unless their frames tell them apart (another outcome,
 * another rate, another stated period). Rewording then no longer hides the disagreement
 * the restated figure sits in.
 */
function mergeRestatedAmounts(facts: FactGroup[]): FactGroup[] {
  const byAmount = new Map<string, FactGroup[]>();
  for (const g of facts) {
    for (const f of g.feats) {
      const k = preciseKey(f);
      if (!k) continue;
      const list = byAmount.get(k) ?? [];
      if (list.length < 20 && !list.includes(g)) list.push(g);
      byAmount.set(k, list);
    }
  }
  const merged = new Set<FactGroup>();
  for (const g of facts) {
    if (g.feats.length > STRAY) continue;
    let target: FactGroup | null = null;
    for (const f of g.feats) {
      const k = preciseKey(f);
      if (!k) continue;
      for (const h of byAmount.get(k) ?? []) {
        if (h === g || merged.has(h) || h.feats.length <= g.feats.length) continue;
        const twin = h.feats.find((x) => preciseKey(x) === k && x.claim.articleId !== f.claim.articleId);
        if (!twin || !sameStory(f.article, twin.article) || !compatibleFrames(f, twin)) continue;
        if (!target || h.feats.length > target.feats.length) target = h;
      }
    }
    if (!target) continue;
    for (const f of g.feats) target.feats.push(f);
    merged.add(g);
  }
  return merged.size === 0 ? facts : facts.filter((g) => !merged.has(g));
}

/**
 * "The €1.3 billion the company raised" in one article, where every other article gives
 * the listing's €1.03 billion: a number worded too differently to join the figure the
 * story repeats, from an article that gives that figure nowhere else, is that article's
 * version of it. A stray (one article's claim) joins a fact of two or more other
 * articles when their values are close or one slip apart and some wording ties them;
 * where several facts could take it, only a clear best does.
 */
function adoptVariants(facts: FactGroup[], idf: Map<string, number>): FactGroup[] {
  const numeric = (g: FactGroup) => g.feats[0].claim.kind === 'figure' || g.feats[0].claim.kind === 'count';
  const byUnit = new Map<string, FactGroup[]>();
  const articlesOf = new Map<FactGroup, Set<number>>();
  for (const g of facts) {
    if (!numeric(g)) continue;
    const arts = new Set(g.feats.map((f) => f.claim.articleId));
    articlesOf.set(g, arts);
    if (arts.size < 2) continue;
    const unit = g.feats[0].unit ?? '';
    const list = byUnit.get(unit) ?? [];
    if (list.length < 200) list.push(g);
    byUnit.set(unit, list);
  }
  const adopted = new Map<FactGroup, FactGroup>();
  for (const g of facts) {
    if (!numeric(g) || articlesOf.get(g)!.size !== 1 || g.feats.length > STRAY) continue;
    const f = g.feats[0];
    let best: FactGroup | null = null;
    let bestScore = 0;
    let second = 0;
    for (const h of byUnit.get(f.unit ?? '') ?? []) {
      if (articlesOf.get(h)!.has(f.claim.articleId) || !sameStory(f.article, h.feats[0].article)) continue;
      const score = variantEvidence(
        f,
        h.feats.filter((k) => compatibleFrames(f, k)),
        consensusOf(h),
        idf,
      );
      if (score > bestScore) [second, bestScore, best] = [bestScore, score, h];
      else if (score > second) second = score;
    }
    if (!best || bestScore - second < 0.5) continue;
    adopted.set(g, best);
  }
  // One article's version of a fact is one claim: two strays of an article for one fact are two other things.
  const claimed = new Map<string, number>();
  for (const [g, h] of adopted) {
    const k = `${h.key}|${g.feats[0].claim.articleId}`;
    claimed.set(k, (claimed.get(k) ?? 0) + 1);
  }
  for (const [g, h] of adopted) {
    if (claimed.get(`${h.key}|${g.feats[0].claim.articleId}`)! > 1) continue;
    for (const f of g.feats) h.feats.push(f);
  }
  return adopted.size === 0
    ? facts
    : facts.filter(
        (g) => !adopted.has(g) || claimed.get(`${adopted.get(g)!.key}|${g.feats[0].claim.articleId}`)! > 1,
      );
}

/** The member whose value the most articles of a fact give. */
function consensusOf(g: FactGroup): Feat {
  const votes = new Map<string, Set<number>>();
  const valueKey = (f: Feat) => {
    const v = f.claim.value;
    return String(v.type === 'figure' ? v.amount : v.type === 'count' ? v.count : f.claim.quote);
  };
  for (const f of g.feats) {
    const k = valueKey(f);
    const set = votes.get(k) ?? new Set();
    set.add(f.claim.articleId);
    votes.set(k, set);
  }
  let best = g.feats[0];
  for (const f of g.feats) if (votes.get(valueKey(f))!.size > votes.get(valueKey(best))!.size) best = f;
  return best;
}

/** Nothing in two numbers' frames tells them apart: outcome, rate and stated period agree. */
function compatibleFrames(a: Feat, b: Feat): boolean {
  const qa = quantityFrameOf(a);
  const qb = quantityFrameOf(b);
  if (!qa || !qb) return false;
  if (qa.frame.per !== qb.frame.per) return false;
  if (qa.outcome && qb.outcome && qa.outcome !== qb.outcome) return false;
  if (a.period && b.period && (a.period.to < b.period.from || b.period.to < a.period.from)) return false;
  return a.relative === b.relative;
}

export function matchClaims(claims: MatchClaim[], options: MatchOptions = {}): MatchResult {
  const desk = buildDesk(claims, options.entities);
  const groups = groupFacts(desk);
  const facts: FactDraft[] = groups.map((g) => ({
    key: g.key,
    label: g.label,
    claimIds: g.feats.map((f) => f.claim.id),
  }));
  const conflicts = detectConflicts(desk, groups);
  return { facts, conflicts };
}
