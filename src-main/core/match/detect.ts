/**
 * Conflict suggestions over the facts of a desk. Each rule errs towards flagging —
 * an editor forgives a suggestion to dismiss, not a miss — but each also encodes
 * the readings that make two statements compatible, because a desk that cries wolf
 * on rounding, on "since 1992" or on two events of one trip is not read at all:
 *
 * - figures and counts: intervals from the written precision (at least two
 *   significant figures) and the hedge ("roughly" ±5%, "over X" > X, "nearly X"
 *   just under X, "at least"); a conflict only when the intervals are disjoint;
 * - trends: up against down for one metric and overlapping windows, and wording
 *   against the desk's own figure series inside the window;
 * - "firsts": only wording that asserts novelty (not "historic"), against an earlier
 *   instance of the same kind of actor going to the same place, within the scope:
 *   unqualified → any earlier instance; "since YEAR" → after YEAR; "in N years" →
 *   within N years of publication; "in modern history" → within MODERN_HISTORY_YEARS;
 * - dates: one event (family + actor + place + phase) on days that cannot both be
 *   right, and a weekday that does not fall on its own date.
 */
import { parseNumberWord } from '../extract/context';
import { clock } from '../extract/times';
import { isToll, quantityFrame, sameKindOfAmount, tallyDay, termWeights } from './compare';
import { trendVersusSeries } from './trend-series';
import type { ConflictKind } from '../../shared/model';
import type { ConflictDraft } from './types';
import {
  actorIn as actorNear,
  destinationOf as placeNear,
  valuesAgree,
  isNegatedNovelty,
  noveltyScope,
  inHeadline,
  weekdayOf,
  type Actor,
  type Desk,
  type Feat,
  type SentenceInfo,
  clauseStems,
  ONE_STORY_ARTICLES,
  sameStory,
} from './features';
import { rolesCompatible, type EventFamily } from './lexicon';
import type { FactGroup } from './match';
import { contentStems, type Span } from './text';
import { maxOf, minOf } from '../../shared/extremes';

/**
 * "In modern history" read as the last hundred years before publication: it covers
 * the twentieth-century visits a reader would call modern and excludes the
 * pre-modern. A choice, not a fact: documented here and in the explanation.
 */
export const MODERN_HISTORY_YEARS = 100;
/** Default reach of "in recent years" and of an unstated trend window. */
export const RECENT_YEARS = 5;
/** Relative change below which figures do not count as a rise or a fall. */
const FLAT = 0.02;

export function conflictKey(kind: ConflictKind, sideA: number[], sideB: number[]): string {
  const a = [...sideA].sort((x, y) => x - y);
  const b = [...sideB].sort((x, y) => x - y);
  return `${kind}|${a.join(',')}|${b.join(',')}`;
}

class Drafts {
  readonly list: ConflictDraft[] = [];
  private seen = new Set<string>();
  private pending = new Map<
    string,
    {
      kind: ConflictKind;
      factKey: string;
      sideA: Set<number>;
      sideB: Set<number>;
      explanation: string;
      /** "First"s of one scope that share a precedent are one disagreement. */
      scope?: string;
    }
  >();
  add(
    kind: ConflictKind,
    factKey: string,
    sideA: number[],
    sideB: number[],
    explanation: string,
    values?: string[],
    moment?: string,
  ): void {
    const a = [...new Set(sideA)].sort((x, y) => x - y);
    const b = [...new Set(sideB)].filter((id) => !a.includes(id)).sort((x, y) => x - y);
    // A dispute over a fact's value is that fact's one conflict, whoever states each value;
    // a running tally has one per moment of reporting.
    const key =
      values && factKey ? `${kind}|fact|${factKey}${moment ? '@' + moment : ''}` : conflictKey(kind, a, b);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ key, kind, explanation, factKey, sideA: a, sideB: b, ...(values ? { values } : {}) });
  }

  /**
   * A claim against evidence: every precedent found against one "first" is evidence on
   * one conflict, and the "first"s of one fact contradicted by the same precedents share
   * it (flush() groups them once every detector has run).
   */
  merge(
    kind: ConflictKind,
    factKey: string,
    sideA: number[],
    sideB: number[],
    explanation: string,
    scope?: string,
  ): void {
    const key = `${kind}|${Math.min(...sideA)}`;
    const found = this.pending.get(key);
    if (!found) {
      this.pending.set(key, {
        kind,
        factKey,
        sideA: new Set(sideA),
        sideB: new Set(sideB),
        explanation,
        scope,
      });
      return;
    }
    for (const id of sideA) found.sideA.add(id);
    for (const id of sideB) found.sideB.add(id);
  }

  flush(): void {
    const groups = new Map<string, ConflictDraft>();
    // Every "first" that shares a precedent with another is one disagreement with it,
    // whichever fact its wording put it in ("first-ever trip", "first visit").
    const byPrecedent = new Map<string, ConflictDraft>();
    for (const p of this.pending.values()) {
      const b = [...p.sideB].filter((id) => !p.sideA.has(id)).sort((x, y) => x - y);
      // A direction of change is one disagreement per fact, wording against wording or figures.
      const key =
        p.kind === 'trend_contradiction' && p.factKey
          ? `${p.kind}|fact|${p.factKey}`
          : `${p.kind}|${p.factKey || [...p.sideA].join(',')}|${b.join(',')}`;
      const found =
        groups.get(key) ??
        (p.scope === undefined
          ? undefined
          : b.map((id) => byPrecedent.get(`${p.kind}|${p.scope}|${id}`)).find((d) => d));
      if (!found) {
        const draft: ConflictDraft = {
          key,
          kind: p.kind,
          explanation: p.explanation,
          factKey: p.factKey,
          sideA: [...p.sideA].sort((x, y) => x - y),
          sideB: b,
        };
        groups.set(key, draft);
        if (p.scope !== undefined) for (const id of b) byPrecedent.set(`${p.kind}|${p.scope}|${id}`, draft);
        this.list.push(draft);
        continue;
      }
      // A further "first" of the same fact is named in the explanation too.
      const quoted = /^“[^”]*”/.exec(p.explanation)?.[0];
      if (quoted && !found.explanation.includes(quoted))
        found.explanation = `${found.explanation} Likewise ${quoted}.`;
      // A falling wording set against rising figures joins the side the other falls are on.
      const swap =
        [...p.sideA].some((id) => found.sideB.includes(id)) || b.some((id) => found.sideA.includes(id));
      const [addA, addB] = swap ? [b, [...p.sideA]] : [[...p.sideA], b];
      found.sideA = [...new Set([...found.sideA, ...addA])].sort((x, y) => x - y);
      found.sideB = [...new Set([...found.sideB, ...addB])]
        .filter((id) => !found.sideA.includes(id))
        .sort((x, y) => x - y);
      if (p.scope !== undefined) for (const id of b) byPrecedent.set(`${p.kind}|${p.scope}|${id}`, found);
    }
    this.pending.clear();
  }
}

function quote(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t}”`;
}

function pct(a: number, b: number): string {
  const base = Math.max(Math.abs(a), Math.abs(b));
  return base === 0 ? '0' : String(Math.round((Math.abs(a - b) / base) * 100));
}

/** What the article wrote ("€386.4 million"), which reads better than the normalised display. */
function displayOf(f: Feat): string {
  if (/\d/.test(f.claim.quote)) return f.claim.quote.replace(/\s+/g, ' ');
  const v = f.claim.value;
  return 'display' in v ? v.display : f.claim.quote;
}

/** Groups claims whose values agree, so a conflict sets one reading against another. */
function valueClasses(feats: Feat[]): Feat[][] {
  const sorted = [...feats].sort(
    (a, b) =>
      (a.interval!.lo + a.interval!.hi) / 2 - (b.interval!.lo + b.interval!.hi) / 2 ||
      a.claim.id - b.claim.id,
  );
  const classes: Feat[][] = [];
  for (const f of sorted) {
    const cls = classes.find((c) => c.every((g) => valuesAgree(g, f)));
    if (cls) cls.push(f);
    else classes.push([f]);
  }
  return classes;
}

function amountOf(f: Feat): number {
  const v = f.claim.value;
  return v.type === 'figure' ? v.amount : v.type === 'count' ? v.count : NaN;
}

/** A value as compared: amount and unit, or a time in UTC, so rewording does not count as a new value. */
function valueSignature(f: Feat): string {
  const v = f.claim.value;
  const to = (x: number | undefined) => (typeof x === 'number' ? `..${x}` : '');
  if (v.type === 'figure')
    return `${v.approx === 'exact' ? '' : v.approx + ' '}${v.amount}${to(v.to)} ${f.unit ?? ''}`.trim();
  if (v.type === 'count')
    return `${v.approx === 'exact' ? '' : v.approx + ' '}${v.count}${to(v.to)} ${f.unit ?? ''}`.trim();
  if (v.type === 'time') return v.utc !== null ? `${v.utc} utc` : `${v.minutes} ${v.zone ?? ''}`.trim();
  return 'display' in v ? v.display : f.claim.quote;
}

/** The source an article cites for a claim ("the health ministry"), when its frame has one. */
function sourceOf(f: Feat): string | null {
  const v = f.claim.value;
  return 'frame' in v && v.frame ? v.frame.source : null;
}

/** "41% (2 articles, citing a joint statement)": one side of a disagreement in words. */
function sideText(cls: Feat[], value: (f: Feat) => string): string {
  const articles = new Set(cls.map((f) => f.claim.articleId)).size;
  const sources = [...new Set(cls.map(sourceOf).filter((x): x is string => !!x))].slice(0, 2);
  return `${value(cls[0])} (${articles} article${articles === 1 ? '' : 's'}${sources.length ? ', citing ' + sources.join(' and ') : ''})`;
}

/**
 * One conflict per fact: the value most articles give on one side, the values that
 * cannot be the same on the other, and an explanation that names each value with how
 * many articles give it and the sources they cite. A hedge that fits both sides ("over
 * 300" beside 310 and 341) sits on neither.
 */
function clusterConflict(
  drafts: Drafts,
  fact: FactGroup,
  kind: ConflictKind,
  classes: Feat[][],
  value: (f: Feat) => string,
  why: string,
  clash: (a: Feat, b: Feat) => boolean,
  firm: (f: Feat) => boolean = () => true,
  moment?: string,
): void {
  if (classes.length < 2) return;
  const articles = (c: Feat[]) => new Set(c.map((f) => f.claim.articleId)).size;
  const byArticles = [...classes].sort((x, y) => articles(y) - articles(x) || x[0].claim.id - y[0].claim.id);
  const against_ = (main: Feat[]) =>
    byArticles
      .filter((c) => c !== main)
      .flat()
      .filter((f) => main.some((g) => clash(g, f)) && !main.some((g) => firm(g) && !clash(g, f)));
  // The side most articles give, among those some other value contradicts: a running tally's
  // early figure agrees with every later one, and the dispute is between two later readings.
  const main = byArticles.find((c) => against_(c).length > 0);
  if (!main) return;
  const ranked = [main, ...byArticles.filter((c) => c !== main)];
  const against = against_(main);
  const sideA = main.filter((g) => against.some((f) => clash(g, f)));
  const groups = ranked
    .map((c) => c.filter((f) => sideA.includes(f) || against.includes(f)))
    .filter((c) => c.length > 0);
  drafts.add(
    kind,
    fact.key,
    sideA.map((f) => f.claim.id),
    against.map((f) => f.claim.id),
    `${fact.label}${moment ? ` (${moment})` : ''}: ${groups.map((c) => sideText(c, value)).join(' vs ')} — ${why}.`,
    [...new Set([...sideA, ...against].map(valueSignature))].sort(),
    moment,
  );
}

function numericConflicts(drafts: Drafts, fact: FactGroup): void {
  const feats = fact.feats.filter((f) => f.interval !== null);
  if (feats.length < 2) return;
  const kind: ConflictKind = feats.every((f) => f.claim.kind === 'count')
    ? 'count_mismatch'
    : 'figure_mismatch';
  // Classes from one sentence only ("X and Y" in one breath) are two readings of a list, not a dispute.
  const classes = valueClasses(feats);
  if (classes.length < 2) return;
  const sentences = new Set(feats.map((f) => f.sentence));
  if (sentences.size < 2) return;
  const firm = (f: Feat) =>
    f.claim.value.type !== 'figure' && f.claim.value.type !== 'count'
      ? true
      : f.claim.value.approx === 'exact';
  const apart = (cls: Feat[][]) =>
    `${pct(minOf(cls.map((c) => amountOf(c[0]))), maxOf(cls.map((c) => amountOf(c[0]))))}% apart, more than rounding or the stated approximation allows`;
  // A fact some outlet reports as a running tally is one throughout: "killing 31 people,
  // the governor said on Wednesday" is Wednesday's reading of the toll too.
  const tally = feats.some((f) => quantityFrame(f)?.frame.running === true);
  const dayOf = tally ? tallyReading : tallyDay;
  // A count the story shows changing from day to day ("47,000 on strike on Thursday, down
  // from 52,000 on Wednesday"): a value told without a day is its article's day's.
  const varies = feats.some(
    (f) =>
      /\b(?:down|up) from\b/.test(f.sentence.folded) && (f.sentence.folded.match(DAY_WORD) ?? []).length >= 2,
  );
  const clash = (a: Feat, b: Feat) =>
    a.sentence !== b.sentence && a.unit === b.unit && valuesClash(a, b, dayOf, varies);
  // A running tally told at several moments: each moment's readings are disputed among
  // themselves (31 and 36 dead, both "on Thursday afternoon"), apart from readings that
  // no later growth can explain.
  const byDay = new Map<string, Feat[]>();
  for (const f of feats) {
    const day = dayOf(f);
    if (day) byDay.set(day, [...(byDay.get(day) ?? []), f]);
  }
  const sameDay = (a: Feat, b: Feat) => {
    const d = dayOf(a);
    return d !== null && d === dayOf(b);
  };
  const moments = [...byDay].filter(([, fs]) => new Set(fs.map((f) => f.sentence)).size >= 2);
  const perMoment = byDay.size >= 2 && moments.length > 0;
  clusterConflict(
    drafts,
    fact,
    kind,
    classes,
    displayOf,
    apart(classes),
    perMoment ? (a, b) => clash(a, b) && !sameDay(a, b) : clash,
    firm,
  );
  if (!perMoment) return;
  for (const [day, fs] of moments) {
    const cls = valueClasses(fs);
    if (cls.length >= 2) clusterConflict(drafts, fact, kind, cls, displayOf, apart(cls), clash, firm, day);
  }
}

/**
 * Two values of one fact that cannot both hold. A running tally (a toll, a count of
 * cases) at two different days can only grow: the later one is wrong only if it is
 * lower than the earlier one allows ("42 dead" on Wednesday, "the toll stands at 37"
 * on Thursday); "at least 37" on Tuesday and 42 on Wednesday agree.
 */
export function valuesClash(
  a: Feat,
  b: Feat,
  dayOf: (f: Feat) => string | null = tallyDay,
  varies = false,
): boolean {
  // "By 18:00 local time, 2.3 million customers were still without power", "21:30 GMT –
  // around 900,000 customers remain without power": a state read at two hours of the day.
  const ha = stateHour(a);
  const hb = stateHour(b);
  if (ha !== null && hb !== null && Math.min(Math.abs(ha - hb), 1440 - Math.abs(ha - hb)) >= 60) return false;
  const da = dayOf(a);
  const db = dayOf(b);
  // Not a tally, but each sentence ties its value to another day ("47,000 on strike on
  // Thursday", "52,000 on Wednesday"): two moments of a count that may go up or down.
  // ("The slick now covers 62 km²" beside "38.5 km² on Sunday": read on its article's day.)
  if (!da && !db) {
    const ma = asOfDay(a);
    const mb = asOfDay(b);
    const xa = ma ?? (mb ? (todayOf(a) ?? (varies ? (a.article.publishedAt ?? null) : null)) : null);
    const xb = mb ?? (ma ? (todayOf(b) ?? (varies ? (b.article.publishedAt ?? null) : null)) : null);
    if (xa && xb && xa !== xb) return false;
  }
  // A tally's reading ("27 detained so far", Thursday) and a count given on a later day
  // ("police said on Friday that 62 had been detained"): two moments of one count that
  // can only grow.
  const ma = da ?? (db ? readingDay(a) : null);
  const mb = db ?? (da ? readingDay(b) : null);
  if (ma && mb && ma !== mb) {
    // The missing or trapped on two days: a state, which falls as people are found.
    if (stateClause(a) && stateClause(b) && !isToll(a) && !isToll(b)) return false;
    const [early, late] = ma < mb ? [a, b] : [b, a];
    return late.interval!.hi < early.interval!.lo;
  }
  return !valuesAgree(a, b);
}

/**
 * The day a reading of a running tally holds at: its own tally day; for a count its
 * sentence does not word as a tally, the day a source gave it ("killing 31 people, the
 * governor said on Wednesday").
 */
function tallyReading(f: Feat): string | null {
  const own = tallyDay(f);
  if (own) return own;
  if (f.claim.value.type !== 'count') return null;
  return spokenDay(f);
}

/** The date of the day a source spoke ("said on Wednesday"), from the sentence's date claims. */
function spokenDay(f: Feat): string | null {
  SPOKEN_DAY.lastIndex = 0;
  const m = SPOKEN_DAY.exec(f.sentence.folded);
  if (!m) return null;
  const at = m.index + m[0].length;
  for (const c of f.sentence.claims) {
    const v = c.claim.value;
    if (v.type !== 'date' || v.granularity !== 'day' || !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) continue;
    if (c.pos < at && c.pos + c.claim.quote.length >= at - 2) return v.date;
  }
  return null;
}

/**
 * The hour a state is read at ("still", "remain", "so far"): a live entry's stamp, or
 * the clock time its sentence gives. Minutes of the day, UTC where the zone says so.
 */
function stateHour(f: Feat): number | null {
  if (!isState(f)) return null;
  const stamp = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:GMT|UTC)?\s*[–—-]/.exec(f.sentence.text);
  if (stamp) return Number(stamp[1]) * 60 + Number(stamp[2]);
  for (const c of f.sentence.claims) {
    const v = c.claim.value;
    if (v.type === 'time') return v.utc ?? v.minutes;
  }
  // "still unaccounted for on Wednesday afternoon": a part of the day, read at its middle.
  // (Only for the state's own clause: "43 dead and 29 still missing" reads the dead by the day.)
  const part = stateClause(f) && !isToll(f) ? PART_OF_DAY.exec(f.sentence.folded) : null;
  return part ? PART_HOURS[part[1]]! * 60 : null;
}

const STILL = /\b(?:still|remain(?:s|ed|ing)?|so far)\b/;
/** A count of a state, which rises and falls as it is reported: the missing, the trapped, those still without power. */
const STATE_WORDS =
  /\b(?:missing|unaccounted|trapped|in hospital|without (?:power|electricity|water|supply))\b/;
const PART_OF_DAY = /\b(dawn|morning|midday|noon|afternoon|evening|night|midnight)\b/;
const PART_HOURS: Record<string, number> = {
  dawn: 6,
  morning: 9,
  midday: 12,
  noon: 12,
  afternoon: 15,
  evening: 19,
  night: 22,
  midnight: 0,
};

function isState(f: Feat): boolean {
  return STILL.test(f.sentence.folded) || stateClause(f);
}

/** The number's own clause counts a state ("29 still missing"), not the whole sentence's other counts ("43 dead"). */
function stateClause(f: Feat): boolean {
  const clause = f.sentence.folded.slice(f.clause.start, f.clause.end);
  return STATE_WORDS.test(clause) || STILL.test(clause);
}

/**
 * The day a number's own sentence ties it to ("47,000 were on strike on Thursday"), if
 * any. The day a source spoke ("the council said on Tuesday") is not when the value holds.
 */
/** The day a count was given, when its sentence names one ("police said on Friday that 62 …"). */
function readingDay(f: Feat): string | null {
  const v = f.claim.value;
  // A headline tells the toll as its article went out ("Ferry disaster: 112 dead").
  return (
    ((v.type === 'figure' || v.type === 'count') && v.frame?.asOf) ||
    todayOf(f) ||
    (inHeadline(f) ? f.article.publishedAt : null)
  );
}

/**
 * "The slick now covers 62 square kilometres", "figures for today: 640 workers": a value
 * its sentence says holds now is read on the day its article came out (asked only when
 * the other value is tied to a day: "the median age is now 45.7" alone is no moment).
 */
function todayOf(f: Feat): string | null {
  const v = f.claim.value;
  if (v.type !== 'figure' && v.type !== 'count') return null;
  return NOW_WORDS.test(f.sentence.folded) ? (f.article.publishedAt ?? null) : null;
}

const NOW_WORDS = /\b(?:now|today|so far|this (?:morning|afternoon|evening)|tonight)\b/;

function asOfDay(f: Feat): string | null {
  const v = f.claim.value;
  if ((v.type !== 'figure' && v.type !== 'count') || !v.frame?.asOf) return null;
  const text = f.sentence.folded;
  const days = text.match(DAY_WORD) ?? [];
  const spoken = text.match(SPOKEN_DAY) ?? [];
  return days.length > spoken.length ? v.frame.asOf : null;
}

const DAY_WORD = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b/g;
const SPOKEN_DAY =
  /\b(?:said|says|told|announced|reported|confirmed|added|stated)\s+(?:\p{L}+\s+){0,3}?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b/gu;

/** A time's moment in UTC, using the desk's learned local offset for "local" times. */
function utcOf(f: Feat, localOffset: number | null): number | null {
  const v = f.claim.value;
  if (v.type !== 'time') return null;
  if (v.utc !== null) return v.utc;
  if (v.zone === 'local' && localOffset !== null) return (((v.minutes - localOffset) % 1440) + 1440) % 1440;
  return null;
}

/**
 * The story's local offset from UTC, learned from the desk itself: articles that give a
 * local time beside its GMT equivalent ("21:52 local time (02:52 GMT)"). Null unless most
 * such pairs agree.
 */
function learnedLocalOffset(desk: Desk): number | null {
  const counts = new Map<number, number>();
  let n = 0;
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'time' || v.zone !== 'local' || v.offset === null) continue;
    counts.set(v.offset, (counts.get(v.offset) ?? 0) + 1);
    n++;
  }
  for (const [offset, c] of counts) if (c / n > 0.6) return offset;
  return null;
}

const TIME_TOLERANCE = 5;

/** Times of one happening that put it at different moments once zones are converted. */
function timeConflicts(drafts: Drafts, fact: FactGroup, localOffset: number | null): void {
  timeClasses(drafts, fact, (f) => utcOf(f, localOffset), true);
  // Times that cannot be put in UTC (no zone, or "local" with no offset learned) still compare
  // with each other on the clock: "8:25 p.m." and "9:25 p.m." for one order cannot both be right.
  // A time with no zone is a local clock reading too, unless its article keeps time in GMT (a
  // live page): "set off shortly after 13:30" against "12:30 local time (10:30 GMT)".
  const localPaper = (f: Feat) => onClockOnly(f, localOffset) && !f.article.gmtTimes;
  const onClock = fact.feats.some(localPaper)
    ? (f: Feat) => localPaper(f) || (f.claim.value.type === 'time' && f.claim.value.zone === 'local')
    : (f: Feat) => onClockOnly(f, localOffset);
  timeClasses(
    drafts,
    fact,
    (f) => (onClock(f) ? (f.claim.value as { minutes: number }).minutes : null),
    false,
  );
}

function onClockOnly(f: Feat, localOffset: number | null): boolean {
  const v = f.claim.value;
  return v.type === 'time' && (v.zone === null || v.zone === 'local') && utcOf(f, localOffset) === null;
}

function timeClasses(
  drafts: Drafts,
  fact: FactGroup,
  moment: (f: Feat) => number | null,
  utc: boolean,
): void {
  const placed = fact.feats
    .map((f) => ({ f, at: moment(f) }))
    .filter((x): x is { f: Feat; at: number } => x.at !== null)
    .sort((a, b) => a.at - b.at);
  const classes: Feat[][] = [];
  let last = -Infinity;
  for (const { f, at } of placed) {
    const gap = Math.min(Math.abs(at - last), 1440 - Math.abs(at - last));
    if (classes.length > 0 && gap <= TIME_TOLERANCE) classes[classes.length - 1].push(f);
    else classes.push([f]);
    last = at;
  }
  if (new Set(placed.map((x) => x.f.sentence)).size < 2) return;
  const said = (f: Feat) => {
    const v = f.claim.value;
    const quote = f.claim.quote.replace(/\s+/g, ' ');
    return !utc || (v.type === 'time' && v.zone && /^(?:GMT|UTC|Z)$/.test(v.zone))
      ? quote
      : `${quote} = ${clock(moment(f)!)} UTC`;
  };
  clusterConflict(
    drafts,
    fact,
    'date_mismatch',
    classes,
    said,
    utc
      ? 'the same moment cannot be both once time zones are converted'
      : 'both are clock times in the same place, so they cannot both be right',
    (a, b) => a.sentence !== b.sentence && !windowsMeet(a, b, moment),
  );
}

/**
 * The minutes a time's wording allows around it: "shortly before 10pm" is 21:30 to
 * 22:00, "around 14:00" a quarter of an hour either way, "after 9 p.m." up to three
 * hours later. A bare time allows only TIME_TOLERANCE.
 */
function timeWindow(f: Feat): [number, number] {
  const before = f.sentence.folded.slice(Math.max(0, f.pos - 30), f.pos);
  const m = TIME_HEDGE.exec(before);
  if (!m) return [TIME_TOLERANCE, TIME_TOLERANCE];
  const w = m[0].replace(/\s+/g, ' ').trim();
  if (/^(?:shortly|just|soon) before/.test(w)) return [30, TIME_TOLERANCE];
  if (/^(?:shortly|just|soon) after/.test(w)) return [TIME_TOLERANCE, 30];
  if (/^(?:before|until|by)/.test(w)) return [180, TIME_TOLERANCE];
  if (/^after/.test(w)) return [TIME_TOLERANCE, 180];
  return [15, 15];
}

const TIME_HEDGE =
  /\b(?:(?:shortly|just|soon)\s+(?:before|after)|before|after|until|by|around|about|approximately|roughly|some time (?:before|after))\s+(?:(?:about|around)\s+)?$/;

/** Whether two times' windows overlap (moments in minutes of the day, across midnight). */
function windowsMeet(a: Feat, b: Feat, moment: (f: Feat) => number | null): boolean {
  const ma = moment(a)!;
  const mb = moment(b)!;
  const [aLo, aHi] = timeWindow(a);
  const [bLo, bHi] = timeWindow(b);
  // b's offset from a, folded into -720..720.
  const d = ((((mb - ma) % 1440) + 2160) % 1440) - 720;
  return d >= 0 ? d - bLo <= aHi : -d - aLo <= bHi;
}

// ---------------------------------------------------------------- dates

type Phase = 'start' | 'end' | 'during' | null;

const RELATIVE_DATE =
  /\b(?:next|last|this|coming|previous|past|following)\s+(?:year|month|week|spring|summer|autumn|fall|winter|season)\b|\b(?:yesterday|today|tomorrow|recently)\b/i;

function phaseOf(f: Feat): Phase {
  if (f.event === 'establishment' || f.event === 'birth' || f.event === 'death' || f.event === 'completion')
    return null;
  // Only the words leading up to the date: "closing concert" later in the clause is another event.
  const text = f.sentence.folded.slice(Math.max(f.clause.start, f.pos - 60), f.pos + f.claim.quote.length);
  if (
    /\b(?:as part of|during|on the sidelines of|on the (?:second|third|last|final) day|day (?:two|three))\b/.test(
      text,
    )
  )
    return 'during';
  if (
    /\b(?:ended|ends|ending|concluded|concludes|wrapped up|left|leaves|departed|flew home|flew back|closing|wound up)\b/.test(
      text,
    )
  )
    return 'end';
  if (
    /\b(?:arrived|arrives|arrival|began|begins|beginning|started|starts|kicked off|landed|opened)\b/.test(
      text,
    )
  )
    return 'start';
  if (/\b(?:planned for|will be held|scheduled for|next year|next edition|upcoming)\b/.test(text))
    return 'during';
  return null;
}

function explicitRange(f: Feat): { from: string; to: string } | null {
  const d = f.date;
  if (!d || !d.from) return null;
  if (d.granularity === 'day' && !d.explicitDay) return null;
  return { from: d.from, to: d.to };
}

function dateConflicts(drafts: Drafts, fact: FactGroup): void {
  const feats = fact.feats.filter((f) => f.date !== null);
  const pairs: Array<[Feat, Feat, string]> = [];
  for (let i = 0; i < feats.length; i++) {
    for (let j = i + 1; j < feats.length; j++) {
      const a = feats[i];
      const b = feats[j];
      if (a.sentence === b.sentence) continue;
      if (phaseOf(a) !== phaseOf(b)) continue;
      // "next year" written a year apart names two different years: relative dates are not compared.
      if (RELATIVE_DATE.test(a.claim.quote) || RELATIVE_DATE.test(b.claim.quote)) continue;
      const ra = explicitRange(a);
      const rb = explicitRange(b);
      let why: string | null = null;
      if (ra && rb) {
        if (ra.to < rb.from || rb.to < ra.from)
          why = `${fact.label}: one article dates it ${a.date!.display}, another ${b.date!.display}.`;
      } else {
        // A weekday set against a day: compare weekdays only.
        // The weekday the text states wins: a wrong weekday beside its date is the self-check's business.
        const wa = a.date!.weekday ?? (ra && a.date!.granularity === 'day' ? weekdayOf(ra.from) : null);
        const wb = b.date!.weekday ?? (rb && b.date!.granularity === 'day' ? weekdayOf(rb.from) : null);
        if (
          wa &&
          wb &&
          wa !== wb &&
          (a.date!.granularity === 'day' || a.date!.weekday) &&
          (b.date!.granularity === 'day' || b.date!.weekday)
        ) {
          why = `${fact.label}: one article places it on ${cap(wa)} (${a.date!.display}), another on ${cap(wb)} (${b.date!.display}).`;
        }
      }
      if (why) pairs.push([a, b, why]);
    }
  }
  if (pairs.length === 0) return;
  // Several articles giving one date against one that gives another are one disagreement:
  // the date most articles give on one side, every date that clashes with it on the other.
  const byDate = new Map<string, Feat[]>();
  for (const [a, b] of pairs)
    for (const f of [a, b]) {
      const list = byDate.get(f.date!.display) ?? [];
      if (!list.includes(f)) list.push(f);
      byDate.set(f.date!.display, list);
    }
  const [top, side] = [...byDate].sort((x, y) => articlesIn(y[1]) - articlesIn(x[1]))[0]!;
  const against = new Set<Feat>();
  for (const [a, b] of pairs) {
    if (a.date!.display === top && b.date!.display !== top) against.add(b);
    if (b.date!.display === top && a.date!.display !== top) against.add(a);
  }
  if (byDate.size === 2 && against.size > 0 && side.length + against.size > 2) {
    const other = [...new Set([...against].map((f) => f.date!.display))];
    const n = articlesIn(side);
    drafts.add(
      'date_mismatch',
      fact.key,
      side.map((f) => f.claim.id),
      [...against].map((f) => f.claim.id),
      `${fact.label}: ${n} article${n === 1 ? '' : 's'} date${n === 1 ? 's' : ''} it ${top}, another ${other.join(', ')}.`,
    );
  } else
    for (const [a, b, why] of pairs) drafts.add('date_mismatch', fact.key, [a.claim.id], [b.claim.id], why);
}

/**
 * One happening dated on different days by different articles (see match/happenings.ts):
 * one conflict for the fact, the day most articles give against the days that clash with
 * it. A date whose own weekday is wrong is the self-check's business and left out here.
 */
function happeningConflicts(drafts: Drafts, fact: FactGroup, checked: Set<number>): void {
  const classes = new Map<string, Feat[]>();
  for (const f of fact.feats) {
    if (!f.date || checked.has(f.claim.id) || RELATIVE_DATE.test(f.claim.quote)) continue;
    const day = f.date.explicitDay && f.date.granularity === 'day' ? f.date.from : f.date.weekday;
    if (!day) continue;
    const list = classes.get(day) ?? [];
    list.push(f);
    classes.set(day, list);
  }
  const ranked = [...classes].sort((a, b) => articlesIn(b[1]) - articlesIn(a[1]));
  if (ranked.length < 2) return;
  const [day, side] = ranked[0];
  const against = ranked.filter(([d]) => d !== day && daysClash(day, d));
  if (against.length === 0) return;
  const phase = phaseOf(side[0]);
  const others = against.flatMap(([, list]) => list).filter((f) => phaseOf(f) === phase);
  if (others.length === 0) return;
  const text = (d: string, list: Feat[]): string =>
    `${cap(weekdayOf(d) ?? d)}${/^\d{4}-/.test(d) ? ' ' + d : ''} (${list.map((f) => `“${f.claim.quote}”`).join(', ')})`;
  const why = `${fact.label}: ${articlesIn(side)} article${articlesIn(side) === 1 ? '' : 's'} date it ${text(day, side)}, against ${against.map(([d, list]) => text(d, list)).join(' and ')}.`;
  drafts.add(
    'date_mismatch',
    fact.key,
    side.map((f) => f.claim.id),
    others.map((f) => f.claim.id),
    why,
    [day, ...against.map(([d]) => d)],
  );
}

function articlesIn(feats: Feat[]): number {
  return new Set(feats.map((f) => f.claim.articleId)).size;
}

/** Two days clash: two calendar days that differ, or a day and a weekday it does not fall on. */
function daysClash(a: string, b: string): boolean {
  const wa = /^\d{4}-/.test(a) ? weekdayOf(a) : a;
  const wb = /^\d{4}-/.test(b) ? weekdayOf(b) : b;
  if (/^\d{4}-/.test(a) && /^\d{4}-/.test(b)) return a !== b;
  return wa !== null && wb !== null && wa !== wb;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The year most of the desk's dated articles were published in: the year of an undated copy's "March 11". */
function deskYear(desk: Desk): number | null {
  const counts = new Map<number, number>();
  for (const a of desk.articles.values()) {
    const y = a.publishedAt ? Number(a.publishedAt.slice(0, 4)) : NaN;
    if (Number.isFinite(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A weekday that does not fall on its date ("Wednesday, October 15" in a year when the
 * 15th was a Tuesday). An undated copy's "Monday, March 11" is read in the desk's year.
 * The other side is what other articles say: the right weekday for that date, or the
 * date that the named weekday does fall on nearest to it (what the writer may have meant).
 */
function weekdaySelfCheck(drafts: Drafts, desk: Desk, factOf: Map<number, string>): Set<number> {
  const flagged = new Set<number>();
  const byDay = new Map<string, Feat[]>();
  const dayOf = new Map<Feat, string>();
  const year = deskYear(desk);
  for (const f of desk.feats) {
    const d = f.date;
    if (!d || d.granularity !== 'day') continue;
    let day = d.from;
    if (!day && d.monthDay && !f.article.publishedAt && year !== null) day = `${year}-${d.monthDay}`;
    else if (!d.explicitDay) {
      // A bare weekday resolved against the publication date: evidence, never the claim checked.
      if (!day || !d.weekday) continue;
      dayOf.set(f, day);
      const list = byDay.get(day) ?? [];
      list.push(f);
      byDay.set(day, list);
      continue;
    }
    if (!day) continue;
    dayOf.set(f, day);
    const list = byDay.get(day) ?? [];
    list.push(f);
    byDay.set(day, list);
  }
  for (const [day, feats] of byDay) {
    const actual = weekdayOf(day);
    if (!actual) continue;
    const wrong = feats.filter((f) => f.date!.explicitDay || !f.date!.from);
    for (const f of wrong) {
      if (!f.date!.weekday || f.date!.weekday === actual) continue;
      const others = feats.filter(
        (r) => r.claim.articleId !== f.claim.articleId && r.date!.weekday === actual,
      );
      if (others.length === 0) {
        // The day the named weekday falls on nearest to the stated date, as other articles date it.
        const target = WEEKDAY_ORDER.indexOf(f.date!.weekday);
        const delta = ((target - WEEKDAY_ORDER.indexOf(actual) + 10) % 7) - 3;
        const meant = addDays(day, delta);
        for (const r of byDay.get(meant) ?? [])
          if (r.claim.articleId !== f.claim.articleId && r.date!.explicitDay) others.push(r);
      }
      const also = others.length > 0 ? ` (another article has ${quote(displayOf(others[0]), 40)})` : '';
      flagged.add(f.claim.id);
      drafts.add(
        'date_mismatch',
        factOf.get(f.claim.id) ?? '',
        [f.claim.id],
        others.slice(0, 6).map((r) => r.claim.id),
        `${quote(displayOf(f), 60)} names ${cap(f.date!.weekday!)}, but ${day} fell on a ${cap(actual)}${also}.`,
      );
    }
  }
  return flagged;
}

const WEEKDAY_ORDER = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * "Saturday, June 11" against "Sunday, June 11": whatever the year, one of them is
 * wrong. Catches what the self-check cannot when the extractor could not resolve a year.
 */
function weekdayAcrossArticles(
  drafts: Drafts,
  desk: Desk,
  factOf: Map<number, string>,
  checked: Set<number>,
): void {
  const byMonthDay = new Map<string, Feat[]>();
  for (const f of desk.feats) {
    const d = f.date;
    if (!d || !d.monthDay || !d.weekday) continue;
    const list = byMonthDay.get(d.monthDay) ?? [];
    list.push(f);
    byMonthDay.set(d.monthDay, list);
  }
  for (const feats of byMonthDay.values()) {
    if (feats.length < 2 || feats.length > 200) continue;
    for (let i = 0; i < feats.length; i++) {
      for (let j = i + 1; j < feats.length; j++) {
        const [a, b] = [feats[i], feats[j]];
        if (a.claim.articleId === b.claim.articleId || a.date!.weekday === b.date!.weekday) continue;
        // A weekday the self-check already set against its date is one disagreement, not two.
        if (checked.has(a.claim.id) || checked.has(b.claim.id)) continue;
        if (!sameStory(a.article, b.article)) continue;
        // Different years can put one day on different weekdays.
        const ya = a.date!.from.slice(0, 4);
        const yb = b.date!.from.slice(0, 4);
        if (ya && yb && ya !== yb) continue;
        drafts.add(
          'date_mismatch',
          factOf.get(a.claim.id) ?? '',
          [a.claim.id],
          [b.claim.id],
          `${quote(a.claim.quote, 40)} and ${quote(b.claim.quote, 40)} give one day two different weekdays.`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------- trends

interface Window {
  from: number;
  to: number;
  stated: boolean;
}

/** "the past few years" is vague: taken as three years, "several" as four. */
const VAGUE_COUNTS: Record<string, number> = { a: 1, few: 3, several: 4 };

function trendWindow(f: Feat, fallbackRef: number | null): Window | null {
  const v = f.claim.value;
  const ref = f.article.refYear ?? fallbackRef;
  if (ref === null) return null;
  const text = [
    v.type === 'trend' ? (v.window ?? '') : '',
    f.claim.scope ?? '',
    f.sentence.folded.slice(f.clause.start, f.clause.end),
  ]
    .join(' ')
    .toLowerCase();
  let m: RegExpExecArray | null;
  if (
    (m =
      /\b(?:over|in|during|for) the (?:past|last) (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|few|several) (years?|decades?)\b/.exec(
        text,
      ))
  ) {
    const n =
      (/^\d+$/.test(m[1]) ? Number(m[1]) : (VAGUE_COUNTS[m[1]] ?? parseNumberWord(m[1]) ?? 3)) *
      (m[2].startsWith('decade') ? 10 : 1);
    return { from: ref - n, to: ref, stated: true };
  }
  if ((m = /\bsince (?:the (?:end|start|beginning) of )?((?:19|20)\d\d)\b/.exec(text)))
    return { from: Number(m[1]), to: ref, stated: true };
  // "fell 4% compared with 2022": the year after the one it is compared with.
  if ((m = /\b(?:compared (?:with|to)|than in|year[\s-]on[\s-]year from|from) ((?:19|20)\d\d)\b/.exec(text)))
    return { from: Number(m[1]), to: Number(m[1]) + 1, stated: true };
  if (/\b(?:in recent years|in the last few years|in recent times|recently|lately|of late)\b/.test(text))
    return { from: ref - RECENT_YEARS, to: ref, stated: true };
  if (/\blast year\b/.test(text)) return { from: ref - 2, to: ref - 1, stated: true };
  if (/\bthis year\b/.test(text)) return { from: ref - 1, to: ref, stated: true };
  if ((m = /\b(?:in|during|for) ((?:19|20)\d\d)\b/.exec(text)))
    return { from: Number(m[1]) - 1, to: Number(m[1]), stated: true };
  return { from: ref - RECENT_YEARS, to: ref, stated: false };
}

function isForecastOrNegated(f: Feat): boolean {
  const before = f.sentence.folded.slice(Math.max(f.clause.start, f.pos - 90), f.pos);
  if (
    /\b(?:will|would|could|may|might|should|expected to|set to|likely to|aims? to|aimed to|hopes? to|hoped to|plans? to|planned to|target|forecast|projected to|poised to|potential|can|continue to|to further|help|helps|helping|in order to|so as to)\b[^.]*$/.test(
      before,
    )
  )
    return true;
  return /\b(?:not|n't|never|no|yet to)\s+(?:\w+\s+){0,2}$/.test(before);
}

function directionOf(f: Feat): 'up' | 'down' | null {
  const v = f.claim.value;
  // "double-taxation treaty": a compound, not a trend.
  if (f.sentence.text.charAt(f.pos + f.claim.quote.length) === '-') return null;
  return v.type === 'trend' && v.direction !== 'flat' ? v.direction : null;
}

/** "edged up to 5.2%", "fell to 5.2% in March": the value a trend ends at, read in its sentence. */
function trendTarget(f: Feat): Feat | null {
  const end = f.pos + f.claim.quote.length;
  for (const c of f.sentence.claims) {
    if ((c.claim.kind !== 'figure' && c.claim.kind !== 'count') || !c.interval || c.pos < end) continue;
    const between = f.sentence.folded.slice(end, c.pos);
    if (/^,?\s*(?:\p{L}+\s+)?to\s+(?:(?:about|around|some|nearly|almost|just|roughly)\s+)?$/u.test(between))
      return c;
  }
  return null;
}

/**
 * Two articles that bring one quantity to the same value from opposite directions: "the
 * jobless rate edged up to 5.2%" against "unemployment fell to 5.2% in March from 5.4%",
 * "new deposits still rose, to €9.8 million" against "dropped to €9.8 million". The same
 * end value, precise enough to identify the quantity, ties two trends that their wording
 * ("jobless rate", "unemployment") does not.
 */
function trendsToOneValue(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const byTarget = new Map<string, Array<{ f: Feat; dir: 'up' | 'down' }>>();
  for (const f of desk.feats) {
    const dir = directionOf(f);
    if (!dir || isForecastOrNegated(f)) continue;
    const t = trendTarget(f);
    if (!t) continue;
    const v = t.claim.value;
    const amount = v.type === 'figure' ? v.amount : v.type === 'count' ? v.count : null;
    if (amount === null || amount === 0) continue;
    const key = `${t.unit ?? ''}|${amount}`;
    const list = byTarget.get(key) ?? [];
    if (list.length < 20) list.push({ f, dir });
    byTarget.set(key, list);
  }
  for (const list of byTarget.values()) {
    const ups = list.filter((x) => x.dir === 'up');
    const downs = list.filter((x) => x.dir === 'down');
    for (const a of ups)
      for (const b of downs) {
        if (a.f.claim.articleId === b.f.claim.articleId || !sameStory(a.f.article, b.f.article)) continue;
        const target = trendTarget(a.f)!;
        drafts.add(
          'trend_contradiction',
          factOf.get(a.f.claim.id) ?? '',
          [a.f.claim.id, target.claim.id],
          [b.f.claim.id, trendTarget(b.f)!.claim.id],
          `${quote(a.f.sentence.text.slice(a.f.clause.start, a.f.clause.end), 70)} says it rose to ${displayOf(target)}, while ${quote(b.f.sentence.text.slice(b.f.clause.start, b.f.clause.end), 70)} says it fell to the same value.`,
        );
      }
  }
}

function trendConflicts(drafts: Drafts, fact: FactGroup, refFallback: number | null): void {
  const usable = fact.feats.filter((f) => directionOf(f) !== null && !isForecastOrNegated(f));
  const ups = usable.filter((f) => directionOf(f) === 'up');
  const downs = usable.filter((f) => directionOf(f) === 'down');
  if (ups.length === 0 || downs.length === 0) return;
  const overlaps = (a: Feat, b: Feat) => {
    const wa = trendWindow(a, refFallback);
    const wb = trendWindow(b, refFallback);
    if (!wa || !wb || !wa.stated || !wb.stated) return true;
    return wa.from < wb.to && wb.from < wa.to;
  };
  const pairs: Array<[Feat, Feat]> = [];
  // One sentence setting a rise against a fall ("X rose, while Y fell") contrasts two things.
  for (const a of ups)
    for (const b of downs) if (a.sentence !== b.sentence && overlaps(a, b)) pairs.push([a, b]);
  if (pairs.length === 0) return;
  const explain = (a: Feat, b: Feat) =>
    `${fact.label}: ${quote(a.claim.quote, 50)} says it grew, while ${quote(b.claim.quote, 50)} says it fell over the same period.`;
  if (pairs.length === ups.length * downs.length) {
    drafts.merge(
      'trend_contradiction',
      fact.key,
      ups.map((f) => f.claim.id),
      downs.map((f) => f.claim.id),
      explain(ups[0], downs[0]),
    );
  } else {
    for (const [a, b] of pairs)
      drafts.merge('trend_contradiction', fact.key, [a.claim.id], [b.claim.id], explain(a, b));
  }
}

/** Figure series by metric and parties: article → year → claims. */
type Series = Map<number, Map<number, Feat[]>>;

function figureSeries(desk: Desk): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const f of desk.feats) {
    if (
      (f.claim.kind !== 'figure' && f.claim.kind !== 'count') ||
      !f.metric ||
      !f.period ||
      f.period.from !== f.period.to
    )
      continue;
    if (f.relative) continue;
    const key = `${f.metric}|${f.parties.join(',')}|${f.unit ?? '?'}`;
    const series = out.get(key) ?? new Map<number, Map<number, Feat[]>>();
    const years = series.get(f.claim.articleId) ?? new Map<number, Feat[]>();
    const list = years.get(f.period.from) ?? [];
    list.push(f);
    years.set(f.period.from, list);
    series.set(f.claim.articleId, years);
    out.set(key, series);
  }
  return out;
}

function trendVersusFigures(
  drafts: Drafts,
  desk: Desk,
  factOf: Map<number, string>,
  refFallback: number | null,
): void {
  const series = figureSeries(desk);
  const byMetric = new Map<string, Series[]>();
  for (const [key, s] of series) {
    const [metric, parties] = key.split('|');
    const k = `${metric}|${parties}`;
    const list = byMetric.get(k) ?? [];
    list.push(s);
    byMetric.set(k, list);
  }
  for (const f of desk.feats) {
    const dir = directionOf(f);
    if (!dir || !f.metric || isForecastOrNegated(f)) continue;
    const all = byMetric.get(`${f.metric}|${f.parties.join(',')}`);
    if (!all) continue;
    const w = trendWindow(f, refFallback);
    if (!w) continue;
    // The trend's own article first: its figures are what its reader sees.
    const articleSeries: Array<[number, Map<number, Feat[]>]> = [];
    for (const s of all) for (const entry of s) articleSeries.push(entry);
    articleSeries.sort(
      (a, b) => Number(b[0] === f.claim.articleId) - Number(a[0] === f.claim.articleId) || a[0] - b[0],
    );
    for (const [articleId, years] of articleSeries) {
      const inWindow = [...years.keys()].filter((y) => y >= w.from && y <= w.to).sort((a, b) => a - b);
      if (inWindow.length < 2) continue;
      const other = years.get(inWindow[0])![0].article;
      if (articleId !== f.claim.articleId && !sameStory(f.article, other)) continue;
      // Every reading of the series (an article may give two values for one year): the
      // wording stands if any reading supports it.
      const firsts = years.get(inWindow[0])!.slice(0, 4);
      const lasts = years.get(inWindow[inWindow.length - 1])!.slice(0, 4);
      let first: Feat | null = null;
      let last: Feat | null = null;
      let change = 0;
      let supported = false;
      for (const x of firsts) {
        for (const y of lasts) {
          const a = amountOf(x);
          if (!(a > 0)) continue;
          const c = (amountOf(y) - a) / a;
          const contradicts = (dir === 'up' && c < -FLAT) || (dir === 'down' && c > FLAT);
          if (!contradicts) supported = true;
          // Prefer a pair stated together: "stood at X in 2022 and Y in 2023".
          else if (first === null || (x.sentence === y.sentence && first.sentence !== last!.sentence)) {
            [first, last, change] = [x, y, c];
          }
        }
      }
      // The first usable series decides (the claim's own article first): another
      // article's figures may be the ones in error.
      if (supported || first === null || last === null) break;
      const verb = change < 0 ? 'a fall' : 'a rise';
      const explanation = `${quote(f.claim.quote, 50)} says ${dir === 'up' ? 'it grew' : 'it fell'}, but the figures go from ${displayOf(first)} in ${inWindow[0]} to ${displayOf(last)} in ${inWindow[inWindow.length - 1]}, ${verb} of ${Math.round(Math.abs(change) * 100)}%.`;
      const sideB = [first.claim.id, last.claim.id];
      // One disagreement per direction of change: the wording against other wording and
      // against figures is one conflict on the trend's fact (Drafts.flush).
      drafts.merge('trend_contradiction', factOf.get(f.claim.id) ?? '', [f.claim.id], sideB, explanation);
      break;
    }
  }
}

// ---------------------------------------------------------------- novelty

interface Instance {
  sentence: SentenceInfo;
  clause: Span;
  family: EventFamily;
  actor: Actor;
  place: string | null;
  years: { from: number; to: number } | null;
  claims: Feat[];
  text: string;
}

const NOVELTY_WORDS =
  /\b(?:first[\s-]ever|for the first time|the first (?:visit|trip|time|by|of)|never before|maiden|first[\s-]time)\b/;
const FUTURE =
  /\b(?:will|would|plans? to|planned|invit\w*|upcoming|next|to visit|expected|scheduled|hopes? to|accepted)\b/;

function precedentInstances(desk: Desk): Instance[] {
  const out: Instance[] = [];
  for (const s of desk.sentences.values()) {
    for (const clause of s.clauses) {
      const text = s.folded.slice(clause.start, clause.end);
      if (NOVELTY_WORDS.test(text)) continue;
      const noveltyHere = s.claims.some(
        (c) =>
          c.claim.value.type === 'novelty' &&
          c.claim.value.strength === 'first' &&
          (c.event === 'visit' || c.event === null) &&
          c.pos >= clause.start &&
          c.pos < clause.end &&
          !isNegatedNovelty(c),
      );
      if (noveltyHere) continue;
      const visits = s.events.filter(
        (e) => e.family === 'visit' && e.start >= clause.start && e.end <= clause.end,
      );
      if (visits.length === 0) continue;
      for (const ev of visits) {
        const before = s.folded.slice(Math.max(clause.start, ev.start - 25), ev.start);
        if (FUTURE.test(before) || /\bto\s+$/.test(before)) continue;
        // The years that belong to this visit: nearest event word is this one, and not a "since" scope.
        const years = s.years.filter((y) => {
          if (y.start < clause.start || y.end > clause.end) return false;
          if (/\bsince\s+(?:the\s+)?$/.test(s.folded.slice(Math.max(0, y.start - 12), y.start))) return false;
          let nearest = ev;
          let best = Infinity;
          for (const e of s.events) {
            if (e.start < clause.start || e.end > clause.end) continue;
            const d = e.end <= y.start ? y.start - e.end : e.start - y.end;
            if (d < best) [best, nearest] = [d, e];
          }
          return nearest === ev || nearest.family === 'visit';
        });
        if (years.length === 0) continue;
        const claimFeats = s.claims.filter((c) => c.pos >= clause.start && c.pos < clause.end);
        const actor = actorNear(desk, s, clause, ev.start);
        out.push({
          sentence: s,
          clause,
          family: 'visit',
          actor,
          place: placeNear(desk, s, clause, ev.start, actor.nationality),
          years: { from: minOf(years.map((y) => y.from)), to: maxOf(years.map((y) => y.to)) },
          claims: withoutSpeakers(claimFeats.length > 0 ? claimFeats : s.claims),
          text: s.text.slice(clause.start, clause.end),
        });
        break;
      }
    }
  }
  // "X is not the first Marvelan leader to make the journey": an undated precedent.
  for (const f of desk.feats) {
    if (f.claim.value.type !== 'novelty' || !isNegatedNovelty(f) || !f.event) continue;
    out.push({
      sentence: f.sentence,
      clause: f.clause,
      family: f.event,
      actor: f.actor,
      place: f.place,
      years: null,
      claims: [f],
      text: f.sentence.text.slice(f.clause.start, f.clause.end),
    });
  }
  return out;
}

/** What dates an earlier visit, not who spoke about it ("X said"), unless nothing else is there. */
function withoutSpeakers(claims: Feat[]): Feat[] {
  const kept = claims.filter((c) => c.claim.kind !== 'attribution');
  return kept.length > 0 ? kept : claims;
}

function placesMatch(
  novelty: string | null,
  precedent: string | null,
  visitorCountry: string | null,
): boolean {
  if (!novelty || !precedent) return false;
  if (novelty === precedent) return true;
  // A city the desk cannot place ("city:velgrad") could be anywhere but home.
  return precedent.startsWith('city:') && precedent.slice(5) !== visitorCountry;
}

function scopeAllows(f: Feat, inst: Instance, ref: number | null): { ok: boolean; why: string } {
  const scope = noveltyScope(f);
  if (!inst.years) return { ok: scope.kind === 'unqualified', why: 'with no limit of time' };
  const { from, to } = inst.years;
  switch (scope.kind) {
    case 'unqualified':
      return { ok: true, why: 'with no limit of time' };
    case 'since':
      return scope.year === null
        ? { ok: false, why: '' }
        : { ok: from > scope.year, why: `since ${scope.year}` };
    case 'in_years':
      return ref === null
        ? { ok: false, why: '' }
        : { ok: to > ref - scope.years, why: `within ${scope.years} years` };
    case 'modern_history':
      return ref === null
        ? { ok: true, why: 'in modern history' }
        : {
            ok: to >= ref - MODERN_HISTORY_YEARS,
            why: `in modern history (read as the last ${MODERN_HISTORY_YEARS} years)`,
          };
    case 'other':
      return { ok: false, why: '' };
  }
}

function yearsText(y: { from: number; to: number }): string {
  return y.from === y.to ? String(y.from) : `${y.from}–${y.to}`;
}

function noveltyConflicts(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const instances = precedentInstances(desk);
  const byPlace = new Map<string, Instance[]>();
  for (const inst of instances) {
    const key = inst.place ?? '?';
    const list = byPlace.get(key) ?? [];
    list.push(inst);
    byPlace.set(key, list);
  }
  const cityInstances = instances.filter((i) => i.place?.startsWith('city:'));
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'novelty' || v.strength !== 'first' || isNegatedNovelty(f) || isOrdinal(f)) continue;
    if (f.event !== 'visit' || !f.place || !f.actor.role) continue;
    const ref = f.article.refYear;
    const candidates = [...(byPlace.get(f.place) ?? []), ...cityInstances];
    for (const inst of candidates) {
      if (inst.sentence === f.sentence || inst.family !== 'visit') continue;
      if (!placesMatch(f.place, inst.place, f.actor.nationality)) continue;
      // A city the desk cannot place counts only within the story.
      if (
        inst.place?.startsWith('city:') &&
        inst.place !== f.place &&
        !sameStory(f.article, inst.claims[0].article)
      )
        continue;
      if (!rolesCompatible(f.actor.role, inst.actor.role)) continue;
      if (f.actor.nationality && inst.actor.nationality && f.actor.nationality !== inst.actor.nationality)
        continue;
      if (inst.actor.nationality === null && inst.place === f.actor.nationality) continue;
      if (inst.years && ref !== null) {
        if (inst.years.from > ref) continue;
        // The novelty's own visit, reported elsewhere, is not a precedent.
        // A recent visit by someone the novelty's own article names is the visit itself.
        const named = inst.sentence.mentions.some(
          (m) =>
            !m.country &&
            m.start >= inst.clause.start &&
            m.end <= inst.clause.end &&
            f.article.keys.has(m.key),
        );
        if (inst.years.to >= ref - 3 && (named || inst.actor.person === null)) continue;
        if (inst.actor.person !== null && f.actor.person !== null && inst.actor.person === f.actor.person)
          continue;
      }
      const scope = scopeAllows(f, inst, ref);
      if (!scope.ok) continue;
      const when = inst.years ? ` in ${yearsText(inst.years)}` : '';
      const explanation = `${quote(f.claim.quote, 40)} presents the visit as a first (${scope.why}), but another passage reports an earlier one${when}: ${quote(inst.text, 110)}.`;
      drafts.merge(
        'novelty_vs_precedent',
        factOf.get(f.claim.id) ?? '',
        [f.claim.id],
        inst.claims.map((c) => c.claim.id),
        explanation,
        scope.why,
      );
    }
  }
}

const STRONG_FAMILIES = new Set<EventFamily>(['attack', 'death', 'election']);

/** "first floor", "first leg", "first half": ordinals, not claims of novelty. */
const ORDINAL_USE =
  /^first[\s-]+(?:alone|floor|leg|half|quarter|round|phase|stage|step|part|lady|name|place|prize|class|language|deputy|vice|secretary|minister|reading|row|line|edition|day|week|month|year)\b/;

function isOrdinal(f: Feat): boolean {
  return ORDINAL_USE.test(f.sentence.folded.slice(f.pos, f.pos + 40));
}

/**
 * A "first"/"never before"/"unprecedented" about something other than a leader's
 * visit ("Never before had the festival sold out", "the flooding was unprecedented")
 * against a dated earlier instance in the same story whose clause shares the
 * happening's words ("The festival also sold out in 2012", "In 1974 ... the deadliest
 * flood"), within the claim's scope.
 */
function genericNoveltyConflicts(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const byStem = new Map<string, Feat[]>();
  for (const f of desk.feats) {
    if (f.claim.kind !== 'date' || !f.date || !f.date.from) continue;
    // "declared in August 2015", "on 3 May 2019": a dated instance at any precision (a day
    // of the story's own year is left out below, where it is not before the claim's year).
    if (!/^(?:year|decade|range|month|day)$/.test(f.date.granularity)) continue;
    for (const st of datedStems(f)) {
      const list = byStem.get(st) ?? [];
      if (list.length < 300) list.push(f);
      byStem.set(st, list);
    }
  }
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'novelty' || !/first|never|unprecedent|no precedent|maiden/i.test(v.phrase)) continue;
    if (isNegatedNovelty(f) || isOrdinal(f)) continue;
    // Leaders' visits have their own, stricter rule.
    if (f.event === 'visit' && f.actor.role) continue;
    const stems = clauseStems(f);
    // A "first" dated in its own clause ("its first oil flow in 1986") is first as of that year.
    const ownYears = f.sentence.years.filter(
      (y) =>
        y.start >= f.clause.start &&
        y.end <= f.clause.end &&
        !/\bsince\b[^,;]*$/.test(f.sentence.folded.slice(f.clause.start, y.start)),
    );
    const ref = ownYears.length > 0 ? minOf(ownYears.map((y) => y.from)) : f.article.refYear;
    if (ref === null || stems.size === 0) continue;
    const strong = new Set(
      f.sentence.events
        .filter((e) => e.start >= f.clause.start && e.end <= f.clause.end && STRONG_FAMILIES.has(e.family))
        .map((e) => e.family),
    );
    const seen = new Set<Feat>();
    for (const st of stems) {
      for (const p of byStem.get(st) ?? []) {
        if (seen.has(p) || p.sentence === f.sentence) continue;
        seen.add(p);
        if (!sameStory(f.article, p.article)) continue;
        // The same happening: two shared words ("festival" + "sold"), or one disaster named in both.
        const pStems = datedStems(p);
        let shared = 0;
        for (const x of stems) if (pStems.has(x)) shared++;
        const sameDisaster = p.sentence.events.some(
          (e) => e.start >= p.clause.start && e.end <= p.clause.end && strong.has(e.family),
        );
        if (shared < 2 && !(shared >= 1 && sameDisaster)) continue;
        // A year inside a "since ..." scope is a boundary, not an instance.
        if (/\bsince\b[^,;]*$/.test(p.sentence.folded.slice(Math.max(p.clause.start, p.pos - 70), p.pos)))
          continue;
        const from = Number(p.date!.from.slice(0, 4));
        const to = Number(p.date!.to.slice(0, 4));
        if (!(to < ref)) continue;
        // A day or month of last year may be the story itself, told by an article read a year late.
        if ((p.date!.granularity === 'day' || p.date!.granularity === 'month') && !(to < ref - 1)) continue;
        if (/\bsince\s+(?:the\s+)?$/.test(p.sentence.folded.slice(Math.max(0, p.pos - 12), p.pos))) continue;
        const inst: Instance = {
          sentence: p.sentence,
          clause: p.clause,
          family: 'visit',
          actor: p.actor,
          place: p.place,
          years: { from, to },
          claims: [p],
          text: p.sentence.text.slice(p.clause.start, p.clause.end),
        };
        const scope = scopeAllows(f, inst, ref);
        if (!scope.ok) continue;
        drafts.merge(
          'novelty_vs_precedent',
          factOf.get(f.claim.id) ?? '',
          [f.claim.id],
          [p.claim.id],
          `${quote(f.claim.quote, 40)} claims it never happened before (${scope.why}), but another passage dates an earlier instance to ${yearsText(inst.years!)}: ${quote(inst.text, 110)}.`,
          scope.why,
        );
      }
    }
  }
}

/**
 * The words a date dates: its clause, or its whole sentence when the date opens it ("In
 * 2019 the company was fined … after attackers accessed the records of 410,000 customers").
 */
function datedStems(f: Feat): Set<string> {
  const opening = /^\W*(?:(?:in|on|by|during|since)\s+)?(?:(?:early|late|mid)\s+)?$/i.test(
    f.sentence.text.slice(0, f.pos),
  );
  if (!opening || f.clause.end >= f.sentence.text.length) return clauseStems(f);
  return clauseStems({ ...f, clause: { ...f.clause, start: 0, end: f.sentence.text.length } });
}

const MAGNITUDE =
  /\b(?:largest|biggest|highest|longest|tallest|deepest|greatest|heaviest|most expensive|costliest|record)\b/i;

/**
 * "The largest ever deal" set against a larger one the desk dates earlier ("In 2019,
 * Baltic Mobile paid €3.2bn for Orvel"): the claim's own amount is the largest figure
 * in its sentence; an earlier, larger amount of the same currency and kind of
 * predicate (a deal, a toll) in the same story contradicts it, within its scope.
 */
/** Superlatives outdone by one precedent are one disagreement with it, whatever their wording. */
const MAGNITUDE_SCOPE = 'magnitude';

function magnitudeNoveltyConflicts(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const idf = termWeights(desk.feats);
  // Dated figures, indexed by the rare entity keys (story words) of their article, so a
  // large desk only compares within a story and the cost stays linear.
  const dated = desk.feats.filter(
    (p) => (p.claim.kind === 'figure' || p.claim.kind === 'count') && p.period && p.interval && !p.relative,
  );
  const byKey = new Map<string, Feat[]>();
  for (const p of dated) {
    for (const k of p.article.rareKeys) {
      const list = byKey.get(k) ?? [];
      if (list.length < 500) list.push(p);
      byKey.set(k, list);
    }
  }
  const small = desk.articles.size <= ONE_STORY_ARTICLES;
  const around = precedentContext(desk);
  // The story's own amounts (undated, not a change), found through the story's rare keys
  // on a large desk and kept per article, so each superlative does not scan the desk.
  const undated = desk.feats.filter(
    (c) => (c.claim.kind === 'figure' || c.claim.kind === 'count') && c.interval && !c.relative && !c.period,
  );
  const undatedByKey = new Map<string, Feat[]>();
  if (!small)
    for (const c of undated)
      for (const k of c.article.rareKeys) {
        const list = undatedByKey.get(k) ?? [];
        if (list.length < 2000) list.push(c);
        undatedByKey.set(k, list);
      }
  const currentCache = new Map<number, Feat[]>();
  const currentOf = (f: Feat): Feat[] => {
    const hit = currentCache.get(f.claim.articleId);
    if (hit) return hit;
    let pool: Iterable<Feat> = undated;
    if (!small) {
      const set = new Set<Feat>();
      for (const k of f.article.rareKeys) for (const c of undatedByKey.get(k) ?? []) set.add(c);
      pool = set;
    }
    const out = [...pool].filter((c) => sameStory(c.article, f.article));
    currentCache.set(f.claim.articleId, out);
    return out;
  };
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'novelty' || !MAGNITUDE.test(v.phrase + ' ' + f.claim.quote)) continue;
    // "its previous record of £21.2m" is a record already broken, not a claim about today.
    if (
      /\b(?:previous|former|old|earlier|last|past)\s+(?:auction\s+|world\s+|national\s+)?$/i.test(
        f.sentence.text.slice(Math.max(0, f.pos - 25), f.pos),
      )
    )
      continue;
    // "the most expensive … by a living artist": the precedent must share the restriction's words.
    // "… ever paid for a work by a living artist": the words after "by", "for", "among", "of"
    // in the rest of the clause narrow what the record is a record of.
    const rest =
      f.sentence.folded
        .slice(f.pos + f.claim.quote.length, f.clause.end)
        .split(/[,;]|\b(?:and|but|while|which|that|as|when|after|with)\b/)[0] ?? '';
    const restriction = [
      ...(f.claim.scope ?? '').toLowerCase().split(/[^\p{L}]+/u),
      ...[
        // A lookahead, so "for a work by a living artist" yields both "work" and "living artist".
        ...rest.matchAll(/\b(?:by|among|for|of)\s+(?:an?\s+|the\s+)?(?=([\p{L}-]+)(?:\s+([\p{L}-]+))?)/gu),
      ].flatMap((m) => [m[1] ?? '', m[2] ?? '']),
    ].filter(
      (w) =>
        w.length >= 4 && !/^(?:since|than|with|from|that|this|ever|years?|work|works|time|sale)$/.test(w),
    );
    const own = f.sentence.claims.filter((c) => c.claim.kind === 'figure' && c.interval && !c.relative);
    const eventStem = v.event && v.event.length >= 4 ? v.event.toLowerCase().slice(0, 5) : null;
    const ref = f.article.refYear;
    if (ref === null) continue;
    const scope = noveltyScope(f);
    if (scope.kind === 'other' || (scope.kind === 'since' && scope.year === null)) continue;
    let candidates: Iterable<Feat> = dated;
    if (!small) {
      const set = new Set<Feat>();
      for (const k of f.article.rareKeys) for (const p of byKey.get(k) ?? []) set.add(p);
      candidates = set;
    }
    if (own.length === 0) {
      unstatedMagnitude(drafts, f, candidates, scope, ref, restriction, factOf, idf, around, currentOf);
      continue;
    }
    for (const mine of own) {
      for (const p of candidates) {
        if (p.sentence === f.sentence || !p.period || !p.interval) continue;
        if (p.unit !== mine.unit || !sameStory(f.article, p.article)) continue;
        if (p.period.to >= ref) continue;
        if (scope.kind === 'since' && !(p.period.from > scope.year!)) continue;
        if (scope.kind === 'in_years' && !(p.period.to > ref - scope.years)) continue;
        // The same kind of amount: alike in wording, or the precedent's sentence names what
        // the claim calls the largest ("record turnout" beside "turnout reached 71.2%").
        const named = eventStem !== null && p.sentence.folded.includes(eventStem);
        if (!sameKindOfAmount(mine, p, idf) && !(named && sameKindOfAmount(mine, p, new Map(), 0))) continue;
        // A record time is the shortest one: a precedent outdoes it by being faster.
        const outdone = isTimeUnit(mine.unit)
          ? p.interval.hi < mine.interval!.lo
          : p.interval.lo > mine.interval!.hi;
        if (!outdone) continue;
        if (restriction.length > 0 && !restriction.some((w) => around(p).includes(w))) continue;
        drafts.merge(
          'novelty_vs_precedent',
          factOf.get(f.claim.id) ?? '',
          [f.claim.id, mine.claim.id],
          [p.claim.id],
          `${quote(f.claim.quote, 40)} (${displayOf(mine)}) is not the largest: another passage reports ${displayOf(p)} in ${yearsText(p.period)}.`,
          MAGNITUDE_SCOPE,
        );
      }
    }
  }
}

/**
 * A precedent's sentence with the one before it in its article: "Grid operator REP said
 * demand peaked at … That was still short of the all-time peak of 45,450 MW" is a record
 * of the grid though its own sentence never says so.
 */
function precedentContext(desk: Desk): (p: Feat) => string {
  const byArticle = new Map<number, SentenceInfo[]>();
  const startOf = new Map<SentenceInfo, number>();
  for (const f of desk.feats) {
    if (startOf.has(f.sentence)) continue;
    startOf.set(f.sentence, f.claim.sentenceStart);
    const list = byArticle.get(f.claim.articleId) ?? [];
    list.push(f.sentence);
    byArticle.set(f.claim.articleId, list);
  }
  for (const list of byArticle.values()) list.sort((a, b) => startOf.get(a)! - startOf.get(b)!);
  const cache = new Map<SentenceInfo, string>();
  return (p) => {
    const hit = cache.get(p.sentence);
    if (hit !== undefined) return hit;
    const list = byArticle.get(p.claim.articleId) ?? [];
    const start = startOf.get(p.sentence)!;
    // The sentence just before, if nothing but its own length lies between them.
    let prev: SentenceInfo | null = null;
    for (const x of list) {
      if (startOf.get(x)! >= start) break;
      prev = x;
    }
    const close = prev !== null && startOf.get(prev)! + prev.text.length + 3 >= start;
    const text = close ? `${prev!.folded} ${p.sentence.folded}` : p.sentence.folded;
    cache.set(p.sentence, text);
    return text;
  };
}

/**
 * "Won the cup for the first time since 1998" against "the first cup win since 1994": two
 * articles date the last time the same thing happened to different years. The same
 * thing is two shared words of the clauses, or one shared word where nothing names two
 * different happenings.
 */
function sinceConflicts(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const scoped: Array<{ f: Feat; year: number; stems: Set<string>; names: Set<string> }> = [];
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'novelty' || v.strength !== 'first' || isNegatedNovelty(f) || isOrdinal(f)) continue;
    const scope = noveltyScope(f);
    if (scope.kind !== 'since' || scope.year === null) continue;
    const names = new Set(f.sentence.mentions.filter((m) => !m.country).map((m) => m.key));
    scoped.push({ f, year: scope.year, stems: clauseStems(f), names });
  }
  if (scoped.length < 2 || scoped.length > 400) return;
  for (let i = 0; i < scoped.length; i++) {
    for (let j = i + 1; j < scoped.length; j++) {
      const [a, b] = [scoped[i], scoped[j]];
      if (a.year === b.year || a.f.claim.articleId === b.f.claim.articleId) continue;
      if (!sameStory(a.f.article, b.f.article)) continue;
      let shared = 0;
      for (const x of a.stems) if (b.stems.has(x)) shared++;
      const sharedName = [...a.names].some((k) => b.names.has(k));
      // Few "first … since" claims share a story; one shared word will do unless they name
      // different happenings ("first win since" against "first final since").
      // "first since" meets "first since", "deadliest since" meets "deadliest since".
      if (rankWord(a.f) !== rankWord(b.f)) continue;
      const events = a.f.event && b.f.event && a.f.event !== b.f.event;
      if (shared < 2 && !(shared >= 1 && (sharedName || !events))) continue;
      drafts.add(
        'date_mismatch',
        factOf.get(a.f.claim.id) ?? '',
        [a.f.claim.id],
        [b.f.claim.id],
        `${quote(a.f.sentence.text.slice(a.f.clause.start, a.f.clause.end), 70)} and ${quote(b.f.sentence.text.slice(b.f.clause.start, b.f.clause.end), 70)} date the last time it happened differently: ${a.year} against ${b.year}.`,
      );
    }
  }
}

/**
 * "The first nationwide blackout in the country's history" against "the first nationwide
 * outage since 1987": a claim scoped "since YEAR" says the same thing last happened in
 * that year, so it is a precedent for an unscoped claim of the same rank about the same
 * thing (or one whose window reaches back past YEAR). A passage of another article dated
 * to that year and sharing the happening's words is the precedent itself and joins its side.
 */
function unscopedVersusSince(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const firsts: Array<{ f: Feat; scope: ReturnType<typeof noveltyScope>; stems: Set<string>; rank: string }> =
    [];
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'novelty' || v.strength !== 'first' || isNegatedNovelty(f) || isOrdinal(f)) continue;
    const rank = rankWord(f);
    if (rank !== 'first' && !/(?:est|^most \p{L}+)$/u.test(rank)) continue;
    // "one of the first analysts": not a claim that it never happened before.
    if (
      /\bone of (?:the|its|their|his|her)\s+$/.test(f.sentence.folded.slice(Math.max(0, f.pos - 20), f.pos))
    )
      continue;
    // Leaders' visits have their own, stricter rule.
    if (f.event === 'visit' && f.actor.role) continue;
    firsts.push({ f, scope: noveltyScope(f), stems: clauseStems(f), rank });
  }
  const scoped = firsts.filter((x) => x.scope.kind === 'since' && x.scope.year !== null);
  if (scoped.length === 0 || firsts.length > 2000) return;
  const isRare = sentenceRarity(desk, new Set(firsts.flatMap((x) => [...x.stems])));
  const datesByYear = new Map<number, Feat[]>();
  for (const p of desk.feats) {
    // Dates, and amounts the desk dates to one year ("It involved some 61,000 workers"
    // after "The 1994 strike …").
    let y: number;
    if (p.claim.kind === 'date' && p.date?.from) {
      y = Number(p.date.from.slice(0, 4));
      if (y !== Number(p.date.to.slice(0, 4))) continue;
    } else if (
      (p.claim.kind === 'count' || p.claim.kind === 'figure') &&
      p.period &&
      p.period.from === p.period.to
    ) {
      y = p.period.from;
    } else continue;
    const list = datesByYear.get(y) ?? [];
    if (list.length < 200) list.push(p);
    datesByYear.set(y, list);
  }
  const eventOf = (f: Feat) => {
    const v = f.claim.value;
    return v.type === 'novelty' && v.event ? v.event.toLowerCase().slice(0, 5) : null;
  };
  for (const a of firsts) {
    if (a.scope.kind === 'since' || a.scope.kind === 'other') continue;
    // "which remains the largest on record", "the 1961 eruption, the largest": a record
    // held by an earlier happening, not a claim about this one.
    const before = a.f.sentence.folded.slice(Math.max(a.f.clause.start, a.f.pos - 30), a.f.pos);
    if (/\b(?:remains?|remained|still)\b/.test(before)) continue;
    const ownYear = a.f.sentence.years.some(
      (y) => y.start >= a.f.clause.start && y.end <= a.f.clause.end && y.to < (a.f.article.refYear ?? 0),
    );
    if (ownYear) continue;
    const ref = a.f.article.refYear;
    if (ref === null || a.stems.size === 0) continue;
    const against: Feat[] = [];
    let year: number | null = null;
    let why = '';
    for (const b of scoped) {
      if (b.f.claim.articleId === a.f.claim.articleId || b.rank !== a.rank) continue;
      if (!sameStory(a.f.article, b.f.article)) continue;
      const y = (b.scope as { year: number }).year;
      if (!(y < ref)) continue;
      let shared = 0;
      let rare = false;
      for (const x of a.stems)
        if (b.stems.has(x) && !RANK_STEMS.test(x)) {
          shared++;
          if (isRare(x)) rare = true;
        }
      // Two named happenings must be the same one ("blackout" and "outage" may be; the
      // highest temperature and the highest demand are not). One shared word must be one
      // the story seldom uses ("guarantee", not "club").
      const [ea, eb] = [eventOf(a.f), eventOf(b.f)];
      const sameEvent = ea !== null && ea === eb;
      if (shared < 1 || (shared < 2 && !rare && !sameEvent) || (ea && eb && ea !== eb && shared < 2))
        continue;
      const inst: Instance = {
        sentence: b.f.sentence,
        clause: b.f.clause,
        family: 'visit',
        actor: b.f.actor,
        place: b.f.place,
        years: { from: y, to: y },
        claims: [b.f],
        text: '',
      };
      const scope = scopeAllows(a.f, inst, ref);
      if (!scope.ok) continue;
      against.push(b.f);
      if (year === null || y > year) [year, why] = [y, scope.why];
    }
    if (against.length === 0 || year === null) continue;
    // The earlier happening itself: that year in the scoped claim's own sentence, or a
    // passage of another article dated to it that shares the happening's words.
    const words = new Set([...a.stems, ...against.flatMap((b) => [...clauseStems(b)])]);
    const alike = (ps: Set<string>) =>
      [...ps].some(
        (x) =>
          words.has(x) ||
          (x.length >= 5 && [...words].some((w) => w.length >= 5 && w.slice(0, 5) === x.slice(0, 5))),
      );
    const scopedHere = [...against];
    for (const p of datesByYear.get(year) ?? []) {
      if (p.claim.articleId === a.f.claim.articleId || !sameStory(a.f.article, p.article)) continue;
      // In the scoped claim's own sentence, what follows its "since" names the precedent.
      const own = scopedHere.find((b) => b.sentence === p.sentence);
      if (own) {
        const since = p.sentence.folded.indexOf('since', own.pos);
        for (const c of p.sentence.claims)
          if (
            since >= 0 &&
            c.pos > since &&
            c.pos < own.clause.end &&
            c.claim.kind !== 'attribution' &&
            !against.includes(c)
          )
            against.push(c);
        continue;
      }
      if (!alike(datedStems(p))) continue;
      if (p.claim.kind !== 'date') {
        if (!against.includes(p)) against.push(p);
        continue;
      }
      for (const c of p.sentence.claims)
        if (
          c.pos >= p.clause.start &&
          c.pos < p.clause.end &&
          c.claim.kind !== 'attribution' &&
          !against.includes(c)
        )
          against.push(c);
    }
    drafts.merge(
      'novelty_vs_precedent',
      factOf.get(a.f.claim.id) ?? '',
      [a.f.claim.id],
      against.slice(0, 8).map((p) => p.claim.id),
      `${quote(a.f.claim.quote, 40)} presents it as a first (${why}), but another article calls it the ${a.rank} since ${year}, which says it last happened then: ${quote(against[0].sentence.text.slice(against[0].clause.start, against[0].clause.end), 110)}.`,
      MAGNITUDE_SCOPE,
    );
  }
}

/** Words of the ranking itself, which say nothing about what is ranked. */
const RANK_STEMS = /^(?:first|ever|record|histor|time|\p{L}+est|most|never|befor|since)$/u;

/**
 * Whether a stem is one few sentences of the desk use (at most one in eight, or three):
 * counted over the sentences that hold claims, only for the stems asked about, and only
 * on desks small enough to scan.
 */
function sentenceRarity(desk: Desk, wanted: Set<string>): (stem: string) => boolean {
  if (desk.sentences.size > 20_000) return () => true;
  const df = new Map<string, number>();
  for (const s of desk.sentences.values()) {
    const seen = new Set<string>();
    for (const st of contentStems(s.text)) if (wanted.has(st) && !seen.has(st)) seen.add(st);
    for (const st of seen) df.set(st, (df.get(st) ?? 0) + 1);
  }
  const limit = Math.max(3, desk.sentences.size / 8);
  return (stem) => (df.get(stem) ?? 0) <= limit;
}

/** Superlatives outlets use for one another. */
const RANK_SAME: Record<string, string> = {
  biggest: 'largest',
  greatest: 'largest',
  'most deadly': 'deadliest',
  'most lethal': 'deadliest',
  bloodiest: 'deadliest',
};

/** The word that ranks a "… since YEAR" claim: "first", or its superlative ("deadliest"). */
function rankWord(f: Feat): string {
  const v = f.claim.value;
  const text = `${v.type === 'novelty' ? v.phrase : ''} ${f.claim.quote}`.toLowerCase();
  if (/\b(?:first|never|unprecedented)\b/.test(text)) return 'first';
  const word = /\b(?:most\s+\p{L}+|\p{L}+est)\b/u.exec(text)?.[0] ?? text;
  return RANK_SAME[word] ?? word;
}

/**
 * A superlative whose sentence states no amount ("the longest bridge ever built in
 * Poland", "the largest rail strike the country has ever seen"). The story's own amount
 * is the largest reading of the fact of the precedent's kind that most of the story's
 * articles give (same unit; for counts the same counted noun, for figures the same
 * property words), and a dated earlier amount within the claim's scope that exceeds it
 * contradicts the claim.
 */
function unstatedMagnitude(
  drafts: Drafts,
  f: Feat,
  candidates: Iterable<Feat>,
  scope: ReturnType<typeof noveltyScope>,
  ref: number,
  restriction: string[],
  factOf: Map<number, string>,
  idf: Map<string, number>,
  around: (p: Feat) => string,
  currentOf: (f: Feat) => Feat[],
): void {
  const v = f.claim.value;
  const dimension = DIMENSION.test(
    `${f.claim.value.type === 'novelty' ? f.claim.value.phrase : ''} ${f.claim.quote}`,
  );
  // "Because the record has fallen": a superlative that names nothing it measures has no
  // amount of the story to set against a precedent.
  if (v.type === 'novelty' && !v.event && !dimension) return;
  const current = currentOf(f);
  if (current.length === 0) return;

  for (const p of candidates) {
    if (p.sentence === f.sentence || !p.period || !p.interval) continue;
    if (!sameStory(f.article, p.article) || p.period.to >= ref) continue;
    if (scope.kind === 'since' && !(p.period.from > scope.year!)) continue;
    if (scope.kind === 'in_years' && !(p.period.to > ref - scope.years)) continue;
    if (scope.kind === 'modern_history' && !(p.period.to > ref - MODERN_HISTORY_YEARS)) continue;
    if (restriction.length > 0 && !restriction.some((w) => around(p).includes(w))) continue;
    if (!measuredBy(f, p.unit)) continue;
    // (A record time is the shortest, not the largest; only a stated time is set against one.)
    if (isTimeUnit(p.unit)) continue;
    // "Longest", "tallest", "deepest": the superlative names the measure, so any length of
    // the story that is not a distance from somewhere is of its kind.
    const kin = current.filter(
      (c) =>
        c.unit === p.unit &&
        c.sentence !== p.sentence &&
        (sameKind(c, p, idf) || (dimension && !/^distance/.test(quantityFrame(c)?.frame.property ?? ''))),
    );
    if (kin.length === 0) continue;
    // The story's own amount: the fact of that kind most articles give (a tally's latest
    // reading at most), not a stray larger figure about something else.
    const byFact = new Map<string, Feat[]>();
    for (const c of kin) {
      const k = factOf.get(c.claim.id) ?? String(c.claim.id);
      byFact.set(k, [...(byFact.get(k) ?? []), c]);
    }
    const articles = (cs: Feat[]) => new Set(cs.map((c) => c.claim.articleId)).size;
    const main = [...byFact.values()].reduce((a, b) => (articles(b) > articles(a) ? b : a));
    const mid = (c: Feat) => (c.interval!.lo + c.interval!.hi) / 2;
    const top = main.reduce((a, b) => (mid(b) > mid(a) ? b : a));
    if (!(p.interval.lo > top.interval!.hi)) continue;

    drafts.merge(
      'novelty_vs_precedent',
      factOf.get(f.claim.id) ?? '',
      [f.claim.id, top.claim.id],
      [p.claim.id],
      `${quote(f.claim.quote, 40)} (${displayOf(top)}) is not the largest: another passage reports ${displayOf(p)} in ${yearsText(p.period)}.`,
      MAGNITUDE_SCOPE,
    );
  }
}

const DIMENSION = /\b(?:longest|tallest|deepest|widest|highest\s+(?:bridge|tower|building|mountain|peak))\b/i;

/** Whether a superlative can be about an amount in `unit`: "longest" is a length, "costliest" money. */
/** A length of time (a race time, a margin): its record is the shortest. */
function isTimeUnit(unit: string | null): boolean {
  return unit !== null && /^(?:unit:)?seconds?$/.test(unit);
}

function measuredBy(f: Feat, unit: string | null): boolean {
  const v = f.claim.value;
  const text = `${v.type === 'novelty' ? `${v.phrase} ${v.event ?? ''}` : ''} ${f.claim.quote}`.toLowerCase();
  const u = unit ?? '';
  if (/\b(?:longest|tallest|deepest|widest|highest\s+(?:bridge|tower|building|mountain|peak))\b/.test(text))
    return /^(?:km|m|cm|mm|mile|feet)$/.test(u);
  if (/\b(?:costliest|most expensive|priciest)\b/.test(text)) return u.startsWith('cur:');
  if (/\bheaviest\b/.test(text)) return /^(?:kg|t)$/.test(u);
  if (/\b(?:temperature|hottest|coldest|warmest|coolest)\b/.test(text)) return /^°[cf]$/i.test(u);
  return true;
}

/** Two amounts of one kind: counts of the same specific noun, or figures beside the same property words. */
function sameKind(a: Feat, b: Feat, idf: Map<string, number>): boolean {
  const va = a.claim.value;
  const vb = b.claim.value;
  if (va.type === 'count' && vb.type === 'count')
    return (
      va.noun === vb.noun && !/^(?:person|people|time|year)$/.test(va.noun) && sameKindOfAmount(a, b, idf)
    );
  const pa = va.type === 'figure' ? va.frame?.property : null;
  const pb = vb.type === 'figure' ? vb.frame?.property : null;
  if (!pa || !pb) return false;
  const stems = (t: string) =>
    new Set(
      t
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .map((w) => w.slice(0, 5))
        .filter((w) => w.length >= 3),
    );
  const sa = stems(pa);
  return [...stems(pb)].some((w) => sa.has(w)) && sameKindOfAmount(a, b, idf);
}

/** Wording that ranks a happening by how many it killed. */
const DEADLIEST = /\b(?:deadliest|most deadly|bloodiest|worst|most lethal)\b/;

/**
 * "The deadliest rail accident in the country's history" against a dated earlier one
 * that killed more ("the 1987 derailment killed 47") than the story's own highest toll:
 * the superlative is wrong unless its scope ("since 1987") leaves the precedent out.
 * Tolls are counts whose frame says people died; the story's own toll is its highest
 * undated one, the precedent a toll dated before the claim's article.
 */
function deadliestConflicts(drafts: Drafts, desk: Desk, factOf: Map<number, string>): void {
  const tolls = desk.feats.filter((p) => p.claim.kind === 'count' && p.interval && isToll(p));
  if (tolls.length === 0) return;
  const year = deskYear(desk);
  for (const f of desk.feats) {
    const v = f.claim.value;
    if (v.type !== 'novelty' || !DEADLIEST.test(`${v.phrase} ${f.claim.quote}`.toLowerCase())) continue;
    if (isNegatedNovelty(f)) continue;
    // An undated copy is about the story's time, not the latest year it happens to name.
    const ref = f.article.publishedAt ? f.article.refYear : (year ?? f.article.refYear);
    if (ref === null) continue;
    const scope = noveltyScope(f);
    if (scope.kind === 'other' || (scope.kind === 'since' && scope.year === null)) continue;
    // The story's own toll: its highest undated one, "at least 312" read as 312.
    const best = (p: Feat) => (Number.isFinite(p.interval!.hi) ? p.interval!.hi : p.interval!.lo);
    let current: Feat | null = null;
    for (const p of tolls) {
      if (p.period && p.period.to < ref) continue;
      if (!sameStory(f.article, p.article)) continue;
      if (!current || best(p) > best(current)) current = p;
    }
    if (!current) continue;
    const precedents = tolls.filter(
      (p) =>
        p.period !== null &&
        p.period.to < ref &&
        sameStory(f.article, p.article) &&
        p.interval!.lo > best(current!) &&
        (scope.kind !== 'since' || p.period.from > scope.year!) &&
        (scope.kind !== 'in_years' || p.period.to > ref - scope.years) &&
        (scope.kind !== 'modern_history' || p.period.to > ref - MODERN_HISTORY_YEARS),
    );
    if (precedents.length === 0) continue;
    const worst = precedents.reduce((a, b) => (b.interval!.lo > a.interval!.lo ? b : a));
    drafts.merge(
      'novelty_vs_precedent',
      factOf.get(f.claim.id) ?? '',
      [f.claim.id],
      precedents.slice(0, 4).map((p) => p.claim.id),
      `${quote(f.claim.quote, 50)} ranks it first by its toll (at most ${displayOf(current)} so far), but another passage reports ${displayOf(worst)} in ${yearsText(worst.period!)}.`,
    );
  }
}

// ---------------------------------------------------------------- entry

export function detectConflicts(desk: Desk, facts: FactGroup[]): ConflictDraft[] {
  const drafts = new Drafts();
  const factOf = new Map<number, string>();
  for (const fact of facts) for (const f of fact.feats) factOf.set(f.claim.id, fact.key);
  const years = [...desk.articles.values()].map((a) => a.refYear).filter((y): y is number => y !== null);
  const refFallback = years.reduce<number | null>((m, y) => (m === null || y > m ? y : m), null);
  const localOffset = learnedLocalOffset(desk);
  const happenings: FactGroup[] = [];
  for (const fact of facts) {
    if (fact.feats.length < 2) continue;
    const kind = fact.feats[0].claim.kind;
    if (kind === 'figure' || kind === 'count') numericConflicts(drafts, fact);
    else if (fact.key.startsWith('happening')) happenings.push(fact);
    else if (kind === 'date' || kind === 'event') dateConflicts(drafts, fact);
    else if (kind === 'trend') trendConflicts(drafts, fact, refFallback);
    else if (kind === 'time') timeConflicts(drafts, fact, localOffset);
  }
  const checked = weekdaySelfCheck(drafts, desk, factOf);
  for (const fact of happenings) happeningConflicts(drafts, fact, checked);
  weekdayAcrossArticles(drafts, desk, factOf, checked);
  trendVersusFigures(drafts, desk, factOf, refFallback);
  trendsToOneValue(drafts, desk, factOf);
  const trends: Array<{ f: Feat; dir: 'up' | 'down' }> = [];
  for (const f of desk.feats) {
    const dir = f.claim.kind === 'trend' ? directionOf(f) : null;
    if (dir && !isForecastOrNegated(f)) trends.push({ f, dir });
  }
  trendVersusSeries(desk.feats, trends, termWeights(desk.feats), (a, b, why) =>
    drafts.merge('trend_contradiction', factOf.get(a[0]) ?? '', a, b, why),
  );
  noveltyConflicts(drafts, desk, factOf);
  genericNoveltyConflicts(drafts, desk, factOf);
  sinceConflicts(drafts, desk, factOf);
  unscopedVersusSince(drafts, desk, factOf);
  magnitudeNoveltyConflicts(drafts, desk, factOf);
  deadliestConflicts(drafts, desk, factOf);
  drafts.flush();
  return mergeSharedWordings(drafts.list, desk);
}

/**
 * "Eased" in one article against "rose" in three others: one disagreement about one
 * direction, though each "rose" fell in its own fact. Direction conflicts that share a
 * wording claim are one conflict, its sides aligned (the shared wording stays on its side).
 */
function mergeSharedWordings(list: ConflictDraft[], desk: Desk): ConflictDraft[] {
  const isWording = new Set(desk.feats.filter((f) => f.claim.kind === 'trend').map((f) => f.claim.id));
  const owner = new Map<number, ConflictDraft>();
  const dropped = new Set<ConflictDraft>();
  for (const d of list) {
    if (d.kind !== 'trend_contradiction') continue;
    const shared = [...d.sideA, ...d.sideB].filter((id) => isWording.has(id) && owner.has(id));
    const into = shared.length > 0 ? owner.get(shared[0])! : null;
    if (into && into !== d) {
      const swap =
        d.sideA.some((id) => into.sideB.includes(id)) || d.sideB.some((id) => into.sideA.includes(id));
      const [addA, addB] = swap ? [d.sideB, d.sideA] : [d.sideA, d.sideB];
      into.sideA = [...new Set([...into.sideA, ...addA])].sort((x, y) => x - y);
      into.sideB = [...new Set([...into.sideB, ...addB])]
        .filter((id) => !into.sideA.includes(id))
        .sort((x, y) => x - y);
      dropped.add(d);
      for (const id of [...d.sideA, ...d.sideB]) if (isWording.has(id)) owner.set(id, into);
      continue;
    }
    for (const id of [...d.sideA, ...d.sideB]) if (isWording.has(id) && !owner.has(id)) owner.set(id, d);
  }
  return dropped.size === 0 ? list : list.filter((d) => !dropped.has(d));
}
