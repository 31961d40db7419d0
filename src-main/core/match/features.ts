/**
 * What the matcher knows about each claim beyond the extractor's value: the clause
 * it sits in, who acts, where, when, which metric family and which period, and the
 * interval of true values its wording allows. Computed once per sentence and per
 * claim, in one pass over the desk, so matching stays linear in the number of claims.
 *
 * The extractor's fields are used first; the sentence is read again only to fill
 * what is missing or to correct what a claim-level extractor cannot see (a "since
 * 1992" scope later in the clause, the "respectively" that pairs years with amounts).
 */
import { MOVED_UP, parseNumberWord } from '../extract/context';
import type { DateValue, NoveltyScope } from '../../shared/model';
import { foldKey } from '../../shared/fold';
import type { MatchClaim } from './types';
import {
  KNOWN_COUNTRIES,
  eventFamilyOf,
  eventMentions,
  metricFamily,
  placeFromWord,
  placeKey,
  roleMentions,
  type EventFamily,
  type EventMention,
  type Role,
  type RoleMention,
} from './lexicon';
import {
  clauseAt,
  clauses,
  contentStems,
  foldText,
  shingles,
  yearMentions,
  type Span,
  type YearMention,
} from './text';
import { maxOf, minOf } from '../../shared/extremes';

export interface EntityHint {
  key: string;
  kind: 'person' | 'organisation' | 'place' | 'other';
}

export interface Mention {
  key: string;
  start: number;
  end: number;
  /** Compacted country key when the mention names or qualifies a country. */
  country: string | null;
}

export interface SentenceInfo {
  articleId: number;
  text: string;
  folded: string;
  clauses: Span[];
  roles: RoleMention[];
  events: EventMention[];
  years: YearMention[];
  mentions: Mention[];
  claims: Feat[];
  /** Entity keys of its claims already looked for in the text. */
  keysSeen: Set<string>;
}

export interface ArticleInfo {
  id: number;
  publishedAt: string | null;
  /** Publication year, or the latest year the article mentions. */
  refYear: number | null;
  /** Countries by how often the article names them, most frequent first. */
  countries: string[];
  /** Entity keys the article mentions at all (to recognise its own subject event). */
  keys: Set<string>;
  /** How many articles the desk holds: small desks are taken to be one story. */
  deskArticles: number;
  /** Whether it states a time in GMT or UTC: its bare times may be GMT as well. */
  gmtTimes: boolean;
  /**
   * Its keys that few articles of the desk share ("Tô Lâm", not "President" or
   * "Ministry"): two articles sharing two of them cover one story.
   */
  rareKeys: Set<string>;
  /** Where its first sentence with a claim starts: a headline, when it ends without a full stop. */
  firstSentence: number;
}

export interface Interval {
  lo: number;
  hi: number;
}

export interface Actor {
  role: Role | null;
  nationality: string | null;
  person: string | null;
}

export interface Feat {
  claim: MatchClaim;
  sentence: SentenceInfo;
  article: ArticleInfo;
  /** Offset of the claim inside its sentence. */
  pos: number;
  clause: Span;
  shingles: Set<string>;
  /** Countries the claim is about (sorted, compacted keys). */
  parties: string[];
  metric: string | null;
  period: { from: number; to: number } | null;
  unit: string | null;
  interval: Interval | null;
  /** A range's two ends ("7-9%"), each with its written precision; `interval` then spans both. */
  ends: [Interval, Interval] | null;
  /** The precision the number was written with, in base units (for explanations). */
  event: EventFamily | null;
  actor: Actor;
  place: string | null;
  date: DateSpan | null;
  /** For numbers: what is being counted or measured, by kind of predicate ("dead", "evacuated"). */
  predicates: Set<string>;
  /** Non-country entities named in the clause: whose shares, whose deal. */
  subjects: string[];
  /** "5,000 fewer people", "up 12%": a difference, not a level. */
  relative: boolean;
}

export interface DateSpan {
  /** Inclusive day range, ISO YYYY-MM-DD. */
  from: string;
  to: string;
  granularity: DateValue['granularity'];
  weekday: string | null;
  /** True when the text names the day itself, not only a weekday. */
  explicitDay: boolean;
  /** "06-11" when the quote names a month and day, whatever the year. */
  monthDay: string | null;
  display: string;
}

export interface Desk {
  feats: Feat[];
  byId: Map<number, Feat>;
  sentences: Map<string, SentenceInfo>;
  articles: Map<number, ArticleInfo>;
  countries: Set<string>;
  /** Non-country places mapped to their country where the desk states it; null when it disagrees. */
  cityCountry: Map<string, string | null>;
  persons: Set<string>;
  /** For each country, the one the desk most often names beside it. */
  partners: Map<string, string>;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function yearOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})/.exec(iso);
  return m ? Number(m[1]) : null;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A DateValue as an inclusive day range. */
export function dateSpan(v: DateValue, quote: string = v.display): DateSpan | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v.date ?? '');
  if (!m) {
    if (v.weekday)
      return {
        from: '',
        to: '',
        granularity: v.granularity,
        weekday: v.weekday.toLowerCase(),
        explicitDay: false,
        display: v.display,
        monthDay: monthDayOf(quote),
      };
    return null;
  }
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  const pad = (n: number) => String(n).padStart(2, '0');
  let from: string;
  let to: string;
  if (v.granularity === 'decade') {
    let a = y;
    let b = y + 9;
    if (v.part === 'early') b = y + 3;
    else if (v.part === 'mid') [a, b] = [y + 3, y + 6];
    else if (v.part === 'late') a = y + 6;
    from = `${a}-01-01`;
    to = `${b}-12-31`;
  } else if (d !== null && mo !== null) {
    from = `${y}-${pad(mo)}-${pad(d)}`;
    to = from;
  } else if (mo !== null) {
    from = `${y}-${pad(mo)}-01`;
    to = `${y}-${pad(mo)}-${pad(daysInMonth(y, mo))}`;
  } else {
    from = `${y}-01-01`;
    to = `${y}-12-31`;
  }
  if (v.end) {
    const e = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v.end);
    if (e) {
      const ey = Number(e[1]);
      const em = e[2] ? Number(e[2]) : 12;
      const ed = e[3] ? Number(e[3]) : daysInMonth(ey, em);
      to = `${ey}-${pad(em)}-${pad(ed)}`;
    }
  }
  // A weekday alone ("on Wednesday") resolved by the extractor against the publication
  // date is a guess: compare it by weekday only.
  // The quote, not the display: the extractor's display may carry the ISO date it resolved.
  const explicitDay = d !== null && /\d/.test(quote.replace(/\b\d{4}\b/g, ''));
  return {
    from,
    to,
    granularity: v.granularity,
    weekday: v.weekday ? v.weekday.toLowerCase() : null,
    explicitDay: d !== null ? explicitDay || !v.weekday : false,
    display: v.display,
    monthDay: monthDayOf(quote),
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "June 11", "11 June", "Oct. 15" → "06-11": enough to compare weekdays when the year is unknown. */
function monthDayOf(quote: string): string | null {
  const q = quote.toLowerCase();
  const m =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b/.exec(q) ??
    /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(
      q,
    );
  if (!m) return null;
  const [mon, day] = /\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
  return `${String(MONTHS.indexOf(mon) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function weekdayOf(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()] ?? null;
}

/** Words around a number that change what it asserts. */
function approxFromText(before: string, after: string, fallback: string): string {
  const b = before.toLowerCase();
  if (/(nearly|almost|close to|just under|just shy of|approaching)\s*\S*$/.test(b)) return 'nearly';
  if (/(more than|over|above|exceed(?:ing|ed)?|upwards of|in excess of|greater than)\s*\S*$/.test(b))
    return 'over';
  if (/(at least|no fewer than|no less than|a minimum of)\s*\S*$/.test(b)) return 'at_least';
  if (/(less than|fewer than|under|below)\s*\S*$/.test(b)) return 'under';
  if (
    /(at most|up to|no more than|a maximum of)\s*\S*$/.test(b) &&
    !new RegExp(`\\b${MOVED_UP}\\s+up to\\s*\\S*$`).test(b)
  )
    return 'at_most';
  if (
    /(about|around|roughly|approximately|some|an estimated|estimated|almost|circa|ca\.|nearly|some)\s*\S*$/.test(
      b,
    )
  )
    return 'about';
  if (/^\s*\S*\s*(or so|or more|plus)\b/.test(after.toLowerCase()))
    return after.toLowerCase().includes('or so') ? 'about' : 'at_least';
  return fallback;
}

const SPLIT_DISPLAY = /^\d{1,2}\s*[-–:]\s*\d{1,2}$/;
const ELAPSED_DISPLAY = /\d[:.]\d{2}[:.]\d{2}|\dh\s?\d{1,2}\s?m/;

/**
 * The true values a stated number allows: rounding to the written precision (kept
 * to at least two significant figures, the way news rounds), then the wording.
 */
export function valueInterval(amount: number, display: string, approx: string): Interval {
  const num = /(\d[\d,]*(?:\.\d+)?)/.exec(display.replace(/(\d) (\d{3})\b/g, '$1$2'));
  let unit = 1;
  // A race time ("2:21:07", "2.21.17", "2h01m09s") is written to the second; a vote split
  // or a score ("6-3", "2–1") is exact.
  if (SPLIT_DISPLAY.test(display)) unit = 0.001;
  else if (num && !ELAPSED_DISPLAY.test(display)) {
    const text = num[1].replace(/,/g, '');
    const mantissa = Number(text);
    const scale = mantissa > 0 ? amount / mantissa : 1;
    const dot = text.indexOf('.');
    if (dot >= 0) unit = Math.pow(10, -(text.length - dot - 1)) * scale;
    else {
      const tz = /0*$/.exec(text)?.[0].length ?? 0;
      const sig = text.length - tz;
      unit = Math.pow(10, sig >= 2 ? tz : Math.max(0, tz - 1)) * scale;
    }
  }
  const half = unit / 2;
  const a = Math.abs(amount);
  switch (approx) {
    case 'about':
      return {
        lo: Math.min(amount - half, amount - a * 0.05),
        hi: Math.max(amount + half, amount + a * 0.05),
      };
    case 'over':
    case 'at_least':
      return { lo: amount - half, hi: Infinity };
    case 'under':
    case 'at_most':
      return { lo: -Infinity, hi: amount + half };
    case 'nearly':
      return { lo: amount - a * 0.1, hi: amount + half };
    default:
      return { lo: amount - half, hi: amount + half };
  }
}

/**
 * A range's ends, each read with the precision it was written with: the first and the
 * last number of the quote ("7-9%", "between £45m and £60m"); a range of number words
 * ("two to three") is exact to the unit.
 */
function setEnds(f: Feat, lo: number, hi: number, approx: string): void {
  const numbers = f.claim.quote.match(/\d[\d,.\u00a0\u202f ]*\d|\d/g) ?? [];
  const loText = numbers.length >= 2 ? numbers[0]! : String(lo);
  const hiText = numbers.length >= 2 ? numbers[numbers.length - 1]! : String(hi);
  const low = valueInterval(lo, loText, approx);
  const high = valueInterval(hi, hiText, approx);
  f.ends = [low, high];
  f.interval = { lo: low.lo, hi: high.hi };
}

/**
 * Whether two stated values can be the same: two ranges when both ends agree ("7-9%"
 * and "between 8 and 10 percent" do not), a number and a range when it lies within.
 */
export function valuesAgree(a: Feat, b: Feat): boolean {
  if (a.ends && b.ends)
    return intervalsOverlap(a.ends[0], b.ends[0]) && intervalsOverlap(a.ends[1], b.ends[1]);
  return intervalsOverlap(a.interval!, b.interval!);
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  // Strict: "four" [3.5, 4.5] and "5" [4.5, 5.5] only touch, and they disagree. The
  // hair of slack is for floating point in base units.
  const eps =
    1e-9 * Math.max(1, Math.abs(a.lo === -Infinity ? 0 : a.lo), Math.abs(b.lo === -Infinity ? 0 : b.lo));
  return a.lo < b.hi - eps && b.lo < a.hi - eps;
}

function parsePeriod(period: string | null | undefined): { from: number; to: number } | null {
  if (!period) return null;
  const years = [...period.matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1]));
  if (years.length === 0) return null;
  return { from: minOf(years), to: maxOf(years) };
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

interface KeyIndex {
  /** Every key, for n-gram lookups: cost per token is the longest key's length, not the key count. */
  all: Set<string>;
  maxWords: number;
  byFirst: Map<string, string[]>;
  /** Last word of multi-word person-like keys → keys, for "Lâm" standing for "to lam". */
  byLast: Map<string, string[]>;
}

function buildKeyIndex(keys: Iterable<string>): KeyIndex {
  const byFirst = new Map<string, string[]>();
  const byLast = new Map<string, string[]>();
  for (const k of keys) {
    const toks = k.split(' ');
    if (!toks[0]) continue;
    const list = byFirst.get(toks[0]) ?? [];
    list.push(k);
    byFirst.set(toks[0], list);
    if (toks.length > 1) {
      const last = toks[toks.length - 1];
      if (last.length >= 3) {
        const l = byLast.get(last) ?? [];
        l.push(k);
        byLast.set(last, l);
      }
    }
  }
  const all = new Set<string>();
  let maxWords = 1;
  for (const list of byFirst.values()) {
    for (const k of list) {
      all.add(k);
      maxWords = Math.max(maxWords, k.split(' ').length);
    }
  }
  return { all, maxWords: Math.min(maxWords, 8), byFirst, byLast };
}

const placeCache = new WeakMap<Set<string>, Map<string, string | null>>();

/** placeFromWord, remembered per desk: the same words recur in every article. */
function placeOf(word: string, countries: Set<string>): string | null {
  let cache = placeCache.get(countries);
  if (!cache) placeCache.set(countries, (cache = new Map()));
  let v = cache.get(word);
  if (v === undefined) {
    v = placeFromWord(word, countries);
    cache.set(word, v);
  }
  return v;
}

/**
 * The claim's keys that `index.byLast` lists, by their last word: the same candidates as
 * filtering the desk-wide list, whose length grows with the desk, by the claim's keys.
 */
function lastWordsOf(claimKeys: Set<string>, index: KeyIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of claimKeys) {
    if (!index.all.has(k)) continue;
    const toks = k.split(' ');
    const last = toks[toks.length - 1];
    if (toks.length < 2 || last.length < 3) continue;
    const list = out.get(last);
    if (list) list.push(k);
    else out.set(last, [k]);
  }
  return out;
}

function findMentions(
  folded: string,
  index: KeyIndex,
  claimKeys: Set<string>,
  countries: Set<string>,
): Mention[] {
  const toks: Array<{ t: string; s: number; e: number }> = [];
  for (const m of folded.matchAll(TOKEN_RE)) toks.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  const out: Mention[] = [];
  let claimLast: Map<string, string[]> | undefined;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    let matched: Mention | null = null;
    if (index.byFirst.has(tok.t)) {
      for (let n = Math.min(index.maxWords, toks.length - i); n >= 1 && !matched; n--) {
        let key = tok.t;
        for (let j = 1; j < n; j++) key += ' ' + toks[i + j].t;
        if (!index.all.has(key)) continue;
        const end = toks[i + n - 1].e;
        // An adjective the extractor kept as an entity ("delulican") still names its country.
        const adjCountry =
          !countries.has(placeKey(key)) && n === 1 && /(?:an|ian|ese|i|ish|ic)$/.test(key)
            ? placeOf(key, countries)
            : null;
        matched = {
          key: adjCountry ?? key,
          start: tok.s,
          end,
          country: countries.has(placeKey(key)) ? placeKey(key) : adjCountry,
        };
        i += n - 1;
      }
    }
    if (!matched) {
      // A short alias ("Lâm", "Aliyev") counts only for keys this claim is about.
      const cands = (claimLast ??= lastWordsOf(claimKeys, index)).get(tok.t);
      if (cands?.length === 1) matched = { key: cands[0], start: tok.s, end: tok.e, country: null };
    }
    if (!matched) {
      const c = placeOf(tok.t, countries);
      if (c) matched = { key: c, start: tok.s, end: tok.e, country: c };
      else if (i + 1 < toks.length) {
        const c2 = placeOf(tok.t + toks[i + 1].t, countries);
        if (c2 && KNOWN_COUNTRIES.has(c2)) {
          matched = { key: c2, start: tok.s, end: toks[i + 1].e, country: c2 };
          i++;
        }
      }
    }
    // "US dollars", "Hong Kong dollars": a currency, not a party.
    if (
      matched &&
      matched.country &&
      /^\s*(?:dollars?|cents?)\b/.test(folded.slice(matched.end, matched.end + 10))
    )
      matched = null;
    if (matched) out.push(matched);
  }
  return out;
}

/** Countries of the desk: the known list, figure parties, and keys the desk writes adjectives for. */
function learnCountries(
  claims: MatchClaim[],
  keys: Set<string>,
  hints: EntityHint[] | undefined,
): Set<string> {
  const countries = new Set<string>(KNOWN_COUNTRIES);
  const compactKeys = new Set<string>();
  for (const k of keys) compactKeys.add(placeKey(k));
  for (const c of claims) {
    if (c.value.type === 'figure') for (const p of c.value.parties) countries.add(placeKey(p));
  }
  const seenWords = new Set<string>();
  const seenSentences = new Set<string>();
  for (const c of claims) {
    const sk = `${c.articleId}:${c.sentenceStart}`;
    if (seenSentences.has(sk)) continue;
    seenSentences.add(sk);
    for (const m of c.sentence.matchAll(/\b\p{Lu}[\p{L}]+(?:an|ian|ese|i|ish|ic)\b/gu)) {
      const w = foldKey(m[0]);
      if (seenWords.has(w)) continue;
      seenWords.add(w);
      // The extractor may keep the adjective as its own entity ("kestrian"): look for the noun beside it.
      const had = compactKeys.delete(w);
      const p = placeFromWord(w, compactKeys);
      if (had) compactKeys.add(w);
      if (p && p !== w) countries.add(p);
    }
  }
  if (hints) {
    // A place entity that the desk also qualifies with an adjective is a country;
    // other places (cities) stay cities.
    for (const h of hints)
      if (h.kind === 'place' && KNOWN_COUNTRIES.has(placeKey(h.key))) countries.add(placeKey(h.key));
  }
  return countries;
}

const PREP_BEFORE = /\b(?:to|in|at|into|visited|visiting|visit|toured|from|of)\s+(?:the\s+)?$/;

function refYearOf(publishedAt: string | null, years: number[], cap: number | null): number | null {
  const y = yearOf(publishedAt);
  if (y !== null) return y;
  // Without a date, the latest year the article names — but not past the desk's latest
  // publication ("the 2025–27 programme" is a plan, not the time of writing).
  const plausible = years.filter((v) => v > 1900 && v < 2100 && (cap === null || v <= cap));
  return plausible.length > 0 ? maxOf(plausible) : null;
}

/**
 * "In 2022 and 2023, trade amounted to $594.6 million and $482.1 million,
 * respectively": the k-th amount belongs to the k-th year.
 */
function respectivelyPeriods(s: SentenceInfo): Map<Feat, { from: number; to: number }> {
  const out = new Map<Feat, { from: number; to: number }>();
  if (!/\brespectively\b/.test(s.folded)) return out;
  const figs = s.claims
    .filter((f) => f.claim.kind === 'figure' || f.claim.kind === 'count')
    .sort((a, b) => a.pos - b.pos);
  const firstFig = figs[0]?.pos ?? Infinity;
  const years = s.years.filter((y) => y.from === y.to && y.start < firstFig);
  if (figs.length >= 2 && years.length === figs.length) {
    figs.forEach((f, i) => out.set(f, { from: years[i].from, to: years[i].from }));
  }
  return out;
}

/** "2.54 billion euros in 2023 and 2.31 billion euros in 2024": the year right after an amount is its period. */
function followingYear(f: Feat): { from: number; to: number } | null {
  if (f.claim.kind !== 'figure' && f.claim.kind !== 'count') return null;
  const after = f.sentence.text.slice(f.pos + f.claim.quote.length, f.pos + f.claim.quote.length + 30);
  const m = /^\s*(?:[\p{L}]+\s+){0,2}?in\s+((?:19|20)\d\d)\b/u.exec(after);
  return m ? { from: Number(m[1]), to: Number(m[1]) } : null;
}

function nearestRole(s: SentenceInfo, clause: Span, pos: number): RoleMention | null {
  let best: RoleMention | null = null;
  let bestD = Infinity;
  for (const r of s.roles) {
    if (r.start < clause.start || r.end > clause.end) continue;
    // Roles after the anchor ("first visit by a ... president") weigh slightly more than before.
    const d = r.start >= pos ? r.start - pos : (pos - r.end) * 1.5;
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return best;
}

/** The nationality qualifying a role: "Vietnamese Party chief", "Vietnam's top leadership", "General Secretary of the CP of Việt Nam". */
function nationalityOf(s: SentenceInfo, role: RoleMention, clause: Span): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const m of s.mentions) {
    if (!m.country || m.start < clause.start || m.end > clause.end) continue;
    if (m.end <= role.start) {
      const gap = s.folded.slice(m.end, role.start);
      if (gap.length <= 30 && !/\b(?:to|in|and|with|at)\b/.test(gap)) {
        const d = role.start - m.end;
        if (d < bestD) [best, bestD] = [m.country, d];
      }
    } else if (m.start >= role.end) {
      const gap = s.folded.slice(role.end, m.start);
      if (gap.length <= 45 && /^\s*(?:of|from)\b/.test(gap) && !/\b(?:to|in)\s/.test(gap)) {
        const d = m.start - role.end + 5;
        if (d < bestD) [best, bestD] = [m.country, d];
      }
    }
  }
  return best;
}

/** Where something happened or went: "to X", "in X", "visited X", "X hosted". */
export function destinationOf(
  desk: Desk,
  s: SentenceInfo,
  clause: Span,
  after: number,
  exclude: string | null,
): string | null {
  const inClause = s.mentions.filter((m) => m.start >= clause.start && m.end <= clause.end);
  for (const m of inClause) {
    const before = s.folded.slice(Math.max(clause.start, m.start - 25), m.start);
    const afterText = s.folded.slice(m.end, Math.min(clause.end, m.end + 30));
    if (!m.country && desk.persons.has(m.key)) continue;
    const place = m.country ?? desk.cityCountry.get(m.key) ?? `city:${m.key}`;
    if (place === exclude) continue;
    if (m.start >= after - 40 && PREP_BEFORE.test(before)) return place;
    if (/^\s*(?:had |has |have )?(?:hosted|welcomed|received)\b/.test(afterText)) return place;
  }
  // A place the extractor did not keep as an entity: the capitalised words after "to"/"visited".
  const tail = s.text.slice(Math.max(clause.start, after), clause.end);
  const m = /\b(?:to|visited|visiting|in)\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u.exec(tail);
  if (
    m &&
    !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|The)$/.test(
      m[1],
    )
  ) {
    const key = foldKey(m[1]);
    const c = placeFromWord(key, desk.countries);
    if (c && c !== exclude) return c;
    if (!c && !desk.persons.has(key)) return `city:${key}`;
  }
  return null;
}

/**
 * Word shingles of a sentence, made the first time a comparison asks for them and shared
 * by the sentence's claims: most claims are matched on their frames and never need them.
 */
const sentenceShingles = new WeakMap<SentenceInfo, Set<string>>();

function shinglesOf(s: SentenceInfo, text: string): Set<string> {
  if (text !== s.text) return shingles(text);
  let set = sentenceShingles.get(s);
  if (!set) sentenceShingles.set(s, (set = shingles(text)));
  return set;
}

export function buildDesk(claims: MatchClaim[], hints?: EntityHint[]): Desk {
  const allKeys = new Set<string>();
  for (const c of claims) for (const k of c.entityKeys) allKeys.add(k);
  if (hints) for (const h of hints) allKeys.add(h.key);
  const countries = learnCountries(claims, allKeys, hints);
  const index = buildKeyIndex(allKeys);
  const persons = new Set<string>((hints ?? []).filter((h) => h.kind === 'person').map((h) => h.key));

  const sentences = new Map<string, SentenceInfo>();
  const articles = new Map<number, ArticleInfo>();
  const articleYears = new Map<number, number[]>();
  const articleCountryCounts = new Map<number, Map<string, number>>();
  const feats: Feat[] = [];

  for (const c of claims) {
    const sKey = `${c.articleId}:${c.sentenceStart}`;
    let s = sentences.get(sKey);
    if (!s) {
      const folded = foldText(c.sentence);
      const claimKeys = new Set(c.entityKeys);
      s = {
        articleId: c.articleId,
        text: c.sentence,
        folded,
        clauses: clauses(c.sentence),
        roles: roleMentions(folded),
        events: eventMentions(folded),
        years: yearMentions(c.sentence),
        mentions: findMentions(folded, index, claimKeys, countries),
        claims: [],
        keysSeen: claimKeys,
      };
      sentences.set(sKey, s);
      const ys = articleYears.get(c.articleId) ?? [];
      for (const y of s.years) ys.push(y.to);
      articleYears.set(c.articleId, ys);
      const counts = articleCountryCounts.get(c.articleId) ?? new Map<string, number>();
      for (const m of s.mentions) if (m.country) counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
      articleCountryCounts.set(c.articleId, counts);
    } else {
      // Aliases known only to later claims of the same sentence: rescan only for new keys.
      const fresh = c.entityKeys.filter((k) => !s!.keysSeen.has(k));
      if (fresh.length > 0) {
        for (const k of fresh) s.keysSeen.add(k);
        for (const m of findMentions(s.folded, index, new Set(fresh), countries)) {
          if (!s.mentions.some((x) => x.start === m.start)) s.mentions.push(m);
        }
      }
    }
    if (!articles.has(c.articleId)) {
      articles.set(c.articleId, {
        id: c.articleId,
        publishedAt: c.publishedAt,
        refYear: null,
        countries: [],
        keys: new Set(),
        deskArticles: 0,
        gmtTimes: false,
        rareKeys: new Set(),
        firstSentence: c.sentenceStart,
      });
    }
    const article = articles.get(c.articleId)!;
    if (c.sentenceStart < article.firstSentence) article.firstSentence = c.sentenceStart;
    if (c.value.type === 'time' && c.value.zone !== null && /^(?:GMT|UTC|Z)$/i.test(c.value.zone))
      article.gmtTimes = true;
    for (const k of c.entityKeys) article.keys.add(k);
    const pos = Math.max(0, Math.min(c.sentence.length, c.start - c.sentenceStart));
    const [sentence, claim] = [s, c];
    const f: Feat = {
      claim: c,
      sentence: s,
      article,
      pos,
      clause: clauseAt(s.clauses, pos),
      get shingles() {
        return shinglesOf(sentence, claim.sentence);
      },
      parties: [],
      metric: null,
      period: null,
      unit: null,
      interval: null,
      ends: null,
      event: null,
      actor: { role: null, nationality: null, person: null },
      place: null,
      date: null,
      predicates: new Set(),
      subjects: [],
      relative: false,
    };
    s.claims.push(f);
    feats.push(f);
  }

  const published = [...articles.values()]
    .map((a) => yearOf(a.publishedAt))
    .filter((y): y is number => y !== null);
  const cap = published.length > 0 ? maxOf(published) : null;
  const df = new Map<string, number>();
  for (const a of articles.values()) for (const k of a.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const rare = Math.max(50, Math.ceil(articles.size * 0.01));
  for (const a of articles.values()) {
    for (const k of a.keys) if ((df.get(k) ?? 0) <= rare) a.rareKeys.add(k);
  }
  for (const a of articles.values()) {
    a.deskArticles = articles.size;
    a.refYear = refYearOf(a.publishedAt, articleYears.get(a.id) ?? [], cap);
    const counts = articleCountryCounts.get(a.id) ?? new Map<string, number>();
    a.countries = [...counts.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .map((e) => e[0]);
  }

  // Cities: only where the desk says so ("Baku, Azerbaijan", "the Kestrian river port
  // of Brelna", "Azerbaijan's capital Baku"). Sharing sentences proves nothing: the
  // visitor's country is named beside the host's city as often as the host is.
  const votes = new Map<string, Map<string, number>>();
  const vote = (city: string, country: string) => {
    const v = votes.get(city) ?? new Map<string, number>();
    v.set(country, (v.get(country) ?? 0) + 1);
    votes.set(city, v);
  };
  for (const s of sentences.values()) {
    const ms = [...s.mentions].sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < ms.length; i++) {
      const [m1, m2] = [ms[i], ms[i + 1]];
      const between = s.folded.slice(m1.end, m2.start);
      if (!m1.country && m2.country && /^,\s*$/.test(between) && !persons.has(m1.key))
        vote(m1.key, m2.country);
      if (
        m1.country &&
        !m2.country &&
        /^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}(?:capital|city|port|town|province|region|resort)(?:\s+of)?,?\s+$/u.test(
          between,
        )
      )
        vote(m2.key, m1.country);
    }
  }
  const cityCountry = new Map<string, string | null>();
  for (const [city, counts] of votes) {
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    cityCountry.set(city, sorted.length === 1 || sorted[0][1] > sorted[1][1] ? sorted[0][0] : null);
  }

  // The country each country is most often named with: the other party of a story.
  const pairCounts = new Map<string, Map<string, number>>();
  for (const s of sentences.values()) {
    const cs = [...new Set(s.mentions.filter((m) => m.country).map((m) => m.country!))];
    if (cs.length < 2 || cs.length > 4) continue;
    for (const a of cs)
      for (const b of cs) {
        if (a === b) continue;
        const m = pairCounts.get(a) ?? new Map<string, number>();
        m.set(b, (m.get(b) ?? 0) + 1);
        pairCounts.set(a, m);
      }
  }
  const partners = new Map<string, string>();
  for (const [a, m] of pairCounts) {
    const best = [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (best) partners.set(a, best[0]);
  }

  const desk: Desk = {
    feats,
    byId: new Map(),
    sentences,
    articles,
    countries,
    cityCountry,
    persons,
    partners,
  };
  for (const s of sentences.values()) {
    const resp = respectivelyPeriods(s);
    for (const f of s.claims) enrich(desk, f, resp.get(f) ?? followingYear(f));
  }
  for (const f of feats) desk.byId.set(f.claim.id, f);
  return desk;
}

const BILATERAL_WORDS =
  /\b(?:two|both) (?:countries|nations|sides|states|economies)|\bbilateral\b|\btwo[\s-]way\b/;
const BETWEEN_COUNTRIES = new Set(['trade', 'export', 'import', 'investment', 'tourism']);

/**
 * Who a figure, count or trend is about: countries named in its clause; for
 * "bilateral"/"two-way" wording or a cross-border metric, completed to the pair from
 * the article (and, failing that, from the country the desk most often pairs with
 * it). Otherwise empty: the claim is then matched on metric, period and wording.
 */
function claimParties(desk: Desk, f: Feat, explicit: string[]): string[] {
  const set = new Set<string>();
  const dollars = /\b(?:us|u\.s\.|american)\s+dollars?\b/.test(f.sentence.folded);
  for (const p of explicit) if (!(dollars && placeKey(p) === 'unitedstates')) set.add(placeKey(p));
  if (set.size === 0) {
    for (const m of f.sentence.mentions) {
      if (m.country && m.start >= f.clause.start && m.end <= f.clause.end) set.add(m.country);
    }
  }
  const pairWanted =
    BILATERAL_WORDS.test(f.sentence.folded) ||
    (f.metric !== null && BETWEEN_COUNTRIES.has(f.metric) && set.size < 2);
  if (set.size < 2 && pairWanted) {
    for (const c of f.article.countries) {
      if (set.size >= 2) break;
      set.add(c);
    }
    if (set.size === 1) {
      const partner = desk.partners.get([...set][0]);
      if (partner) set.add(partner);
    }
  }
  return [...set].sort();
}

function enrich(desk: Desk, f: Feat, respPeriod: { from: number; to: number } | null): void {
  const v = f.claim.value;
  const s = f.sentence;
  switch (v.type) {
    case 'figure': {
      f.metric = metricFamily(v.metric ?? f.claim.subject, desk.countries) ?? metricFromSentence(desk, f);
      f.period = respPeriod ?? parsePeriod(v.period);
      f.unit = v.currency ? `cur:${v.currency}` : v.unit ? `unit:${v.unit.toLowerCase()}` : null;
      f.parties = claimParties(desk, f, v.parties);
      const before = s.text.slice(Math.max(0, f.pos - 30), f.pos + (v.display.startsWith('$') ? 0 : 0));
      const after = s.text.slice(f.pos + f.claim.quote.length, f.pos + f.claim.quote.length + 12);
      const approx = approxFromText(before + ' ' + quotePrefix(f.claim.quote), after, v.approx);
      f.interval = valueInterval(v.amount, /\d/.test(f.claim.quote) ? f.claim.quote : v.display, approx);
      if (typeof v.to === 'number') setEnds(f, v.amount, v.to, approx);
      f.unit = quantityUnit(v.currency, v.unit, null);
      toMetric(f);
      describeQuantity(f);
      break;
    }
    case 'count': {
      f.metric = v.noun ? v.noun.toLowerCase() : null;
      f.period = respPeriod ?? parsePeriod(v.period);
      f.parties = claimParties(desk, f, []);
      const before = s.text.slice(Math.max(0, f.pos - 30), f.pos);
      const after = s.text.slice(f.pos + f.claim.quote.length, f.pos + f.claim.quote.length + 12);
      const approx = approxFromText(before + ' ' + quotePrefix(f.claim.quote), after, v.approx);
      f.interval = valueInterval(v.count, /\d/.test(f.claim.quote) ? f.claim.quote : String(v.count), approx);
      if (typeof v.to === 'number') setEnds(f, v.count, v.to, approx);
      f.unit = quantityUnit(null, null, v.noun);
      toMetric(f);
      describeQuantity(f);
      break;
    }
    case 'trend': {
      // The metric named just before the trend word ("ticket sales fell") beats a guess from elsewhere.
      const near = METRIC_WORDS.exec(
        f.sentence.folded.slice(Math.max(f.clause.start, f.pos - 40), f.pos + f.claim.quote.length),
      );
      const nearMetric = near ? metricFamily(near[0], desk.countries) : null;
      f.metric =
        nearMetric ??
        metricFamily(v.metric ?? f.claim.subject, desk.countries) ??
        metricFromSentence(desk, f);
      f.parties = claimParties(desk, f, []);
      break;
    }
    case 'date':
    case 'event': {
      locateEvent(desk, f);
      break;
    }
    case 'novelty': {
      locateNovelty(desk, f);
      break;
    }
    case 'attribution':
      break;
  }
}

/** The number words inside the quote before the digits ("over 5,000" as a quote). */
function quotePrefix(quote: string): string {
  const i = quote.search(/\d/);
  return i > 0 ? quote.slice(0, i) : '';
}

const METRIC_WORDS =
  /\b(ticket sales|subscribers?|passengers?|visitors?|trade|commerce|exports?|imports?|investments?|fdi|tourism|tourists?|visitors?|population|gdp|output|revenue|sales|production|budget|debt|deficit|surplus|inflation|unemployment|remittances?|aid|loans?|turnover)\b/;

function metricFromSentence(desk: Desk, f: Feat): string | null {
  const clauseText = f.sentence.folded.slice(f.clause.start, f.clause.end);
  const m = METRIC_WORDS.exec(clauseText) ?? METRIC_WORDS.exec(f.sentence.folded);
  return m ? metricFamily(m[1], desk.countries) : null;
}

/** Persons and roles acting in a clause: the nearest role to `pos` and the entity it names. */
export function actorIn(desk: Desk, s: SentenceInfo, clause: Span, pos: number): Actor {
  const role = nearestRole(s, clause, pos);
  let person: string | null = null;
  let bestD = Infinity;
  for (const m of s.mentions) {
    if (m.country || m.start < clause.start || m.end > clause.end) continue;
    const before = s.folded.slice(Math.max(clause.start, m.start - 12), m.start);
    if (/\b(?:to|in|at|into|from|of)\s+(?:the\s+)?$/.test(before) && !desk.persons.has(m.key)) continue;
    if (desk.cityCountry.has(m.key) && !desk.persons.has(m.key)) continue;
    if (
      /^\s*(?:,\s*)?(?:had |has |have )?(?:hosted|welcomed|received)\b/.test(
        s.folded.slice(m.end, m.end + 20),
      )
    )
      continue;
    // A person is named right after its role ("Party General Secretary Le Duan") or is the subject.
    const anchor = role ? role.end : pos;
    const d = Math.abs(m.start - anchor);
    if (d < bestD) {
      bestD = d;
      person = m.key;
    }
  }
  let nationality = role ? nationalityOf(s, role, clause) : null;
  if (role && nationality === null) {
    // "not the first Ariloran leader to make the journey: President X visited Y": the one
    // country adjective before the role still says whose leader.
    const before = s.mentions.filter((m) => m.country && m.start >= clause.start && m.end <= role.start);
    const distinct = new Set(before.map((m) => m.country));
    if (distinct.size === 1) nationality = [...distinct][0];
  }
  return { role: role?.role ?? null, nationality, person };
}

/** Verbs that take a date for themselves: "the floods' toll rose to 42 on Wednesday". */
const DATE_THIEVES =
  /\b(?:rose|risen|fell|reached|stood|stands|climbed|increased|decreased|dropped|said|says|told|announced|reported|confirmed)\b|\b(?:1[5-9]\d\d|20\d\d)\b,?\s+and\s+\p{L}/u;

function nearestEvent(
  s: SentenceInfo,
  clause: Span,
  pos: number,
  preferBefore: boolean,
): EventMention | null {
  let best: EventMention | null = null;
  let bestD = Infinity;
  for (const e of s.events) {
    if (e.start < clause.start || e.end > clause.end) continue;
    if (preferBefore && e.end <= pos && DATE_THIEVES.test(s.folded.slice(e.end, pos))) continue;
    const d = e.end <= pos ? pos - e.end : (e.start - pos) * (preferBefore ? 2 : 1);
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}

function locateEvent(desk: Desk, f: Feat): void {
  const v = f.claim.value;
  const s = f.sentence;
  if (v.type === 'date') {
    f.date = dateSpan(v, f.claim.quote);
    // The event a date belongs to is the nearest event word before it in its clause
    // ("had a meeting ... in Baku on May 8 as part of ... state visit" → meeting).
    const e = nearestEvent(s, f.clause, f.pos, true);
    f.event = e?.family ?? eventFamilyOf(v.event);
    // "49,120 babies were born in 2016", "312 people died in 2022": the year scopes a count
    // of people; it is not the day someone was born or died.
    if (
      e &&
      (e.family === 'birth' || e.family === 'death') &&
      s.claims.some((c) => c.claim.kind === 'count' && c.pos < e.start && c.pos >= f.clause.start)
    )
      f.event = null;
    const at = e ? e.start : f.pos;
    f.actor = actorIn(desk, s, f.clause, at);
    f.place = destinationOf(desk, s, f.clause, at, null);
  } else if (v.type === 'event') {
    f.event = eventFamilyOf(v.event) ?? nearestEvent(s, f.clause, f.pos, false)?.family ?? null;
    const derived = actorIn(desk, s, f.clause, f.pos);
    f.actor = { ...derived, person: v.actor ?? derived.person };
    f.place = v.place
      ? desk.countries.has(placeKey(v.place))
        ? placeKey(v.place)
        : (desk.cityCountry.get(v.place) ?? `city:${v.place}`)
      : destinationOf(desk, s, f.clause, f.pos, null);
    if (v.date) {
      const ds = dateSpan({
        type: 'date',
        date: v.date,
        end: null,
        granularity: v.date.length >= 10 ? 'day' : v.date.length === 7 ? 'month' : 'year',
        weekday: null,
        part: null,
        event: v.event,
        display: v.date,
      });
      f.date = ds;
    }
  }
  f.parties = claimParties(desk, f, []);
}

function locateNovelty(desk: Desk, f: Feat): void {
  const v = f.claim.value;
  if (v.type !== 'novelty') return;
  const s = f.sentence;
  const e = nearestEvent(s, f.clause, f.pos, false);
  f.event = eventFamilyOf(v.event) ?? e?.family ?? null;
  f.actor = actorIn(desk, s, f.clause, f.pos);
  // "It marked the first time that Azerbaijan had hosted a Vietnamese leader": the
  // visitor's country is never the host.
  let place = destinationOf(desk, s, f.clause, f.pos, f.actor.nationality);
  if (!place) place = f.article.countries.find((c) => c !== f.actor.nationality) ?? null;
  f.place = place;
  f.parties = claimParties(desk, f, []);
}

/** The scope of a "first", read from the extractor and checked against the clause. */
export function noveltyScope(f: Feat): NoveltyScope {
  const v = f.claim.value;
  const given: NoveltyScope = v.type === 'novelty' ? v.scope : { kind: 'unqualified' };
  const tail = f.sentence.folded.slice(f.pos, f.clause.end);
  const since = /\bsince\b([^.;]{0,80}?)\b((?:1[6-9]|20)\d\d)\b/.exec(tail);
  if (since) return { kind: 'since', year: Number(since[2]), text: since[0] };
  const sinceOther =
    /\bsince\s+(?:(?:she|he|they|it)\s+)?(?:took office|independence|the [\p{L} ]{3,40}|taking office|coming to power)/u.exec(
      tail,
    );
  if (sinceOther && given.kind !== 'since') return { kind: 'since', year: null, text: sinceOther[0] };
  const inYears =
    /\b(?:in|for|over|within)\s+(?:(?:the\s+)?(?:past|last)\s+)?(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred)\s+(years|decades)\b/.exec(
      tail,
    );
  if (inYears) {
    const n = /^\d+$/.test(inYears[1])
      ? Number(inYears[1])
      : inYears[1] === 'a'
        ? 1
        : (parseNumberWord(inYears[1]) ?? 1);
    return { kind: 'in_years', years: inYears[2] === 'decades' ? n * 10 : n, text: inYears[0] };
  }
  if (/\bin (?:modern|recent|living|contemporary) (?:history|times|memory)\b/.test(tail))
    return { kind: 'modern_history', text: 'modern history' };
  if (
    given.kind === 'since' ||
    given.kind === 'in_years' ||
    given.kind === 'modern_history' ||
    given.kind === 'other'
  )
    return given;
  return { kind: 'unqualified' };
}

/** A claim whose wording denies novelty: "is not the first Marvelan leader to make the journey". */
export function isNegatedNovelty(f: Feat): boolean {
  const before = f.sentence.folded.slice(Math.max(0, f.pos - 20), f.pos);
  return /\b(?:not|n't|never|hardly|no longer)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?$/.test(before);
}

const UNIT_ALIASES: Record<string, string> = {
  // "46 degrees" in a story that writes "46.9C" elsewhere: Celsius, as most of the world writes.
  degree: '°c',
  mm: 'mm',
  millimetre: 'mm',
  millimeter: 'mm',
  cm: 'cm',
  centimetre: 'cm',
  centimeter: 'cm',
  m: 'm',
  metre: 'm',
  meter: 'm',
  km: 'km',
  kilometre: 'km',
  kilometer: 'km',
  mile: 'mile',
  kg: 'kg',
  kilogram: 'kg',
  kilo: 'kg',
  t: 't',
  tonne: 't',
  ton: 't',
  litre: 'l',
  liter: 'l',
  l: 'l',
  '%': '%',
  percent: '%',
  'per cent': '%',
  pct: '%',
  hectare: 'ha',
  ha: 'ha',
  person: 'person',
  people: 'person',
  visitor: 'person',
  attendee: 'person',
  spectator: 'person',
  resident: 'person',
  inhabitant: 'person',
  fan: 'person',
  'festival-goer': 'person',
  individual: 'person',
  // What happened to people is the frame's property (killed, injured): the unit is people.
  death: 'person',
  // Things counted under their most general names: "11 pieces of jewellery", "13 objects".
  piece: 'item',
  object: 'item',
  artefact: 'item',
  artifact: 'item',
  // A body recovered is a person dead: "recovered 16 bodies" counts the toll.
  body: 'person',
  fatality: 'person',
  victim: 'person',
  casualty: 'person',
  civilian: 'person',
  man: 'person',
  woman: 'person',
  child: 'person',
  adult: 'person',
  survivor: 'person',
  protester: 'person',
  protestor: 'person',
  demonstrator: 'person',
  marcher: 'person',
  participant: 'person',
  employee: 'employee',
  worker: 'employee',
  staff: 'employee',
  job: 'job',
  post: 'job',
  position: 'job',
  workplace: 'job',
  // "2,400 job cuts", "7,800 of the cuts": counted cuts are jobs cut.
  cut: 'job',
  // Words outlets use for one counted thing.
  baby: 'birth',
  car: 'vehicle',
  automobile: 'vehicle',
  house: 'home',
  dwelling: 'home',
};

/** Imperial units and their metric counterparts, as factors. */
const TO_METRIC: Record<string, [string, number]> = {
  mile: ['km', 1.609344],
  mph: ['km/h', 1.609344],
  feet: ['m', 0.3048],
  foot: ['m', 0.3048],
  inche: ['cm', 2.54],
  inches: ['cm', 2.54],
  inch: ['cm', 2.54],
  acre: ['ha', 0.4046856],
  'square mile': ['km²', 2.589988],
  pound: ['kg', 0.4535924],
};

/**
 * "Gusts of up to 60 mph" and "130 km/h", "221,750 acres" and "89,740 hectares": one
 * quantity in two systems. Imperial values are compared in metric units, their range
 * widened by one per cent for the rounding outlets do when they convert.
 */
function toMetric(f: Feat): void {
  const conv = f.unit ? TO_METRIC[f.unit] : undefined;
  if (!conv || !f.interval) return;
  const [unit, k] = conv;
  f.unit = unit;
  const widen = (i: Interval): Interval => ({ lo: i.lo * k * 0.99, hi: i.hi * k * 1.01 });
  f.interval = widen(f.interval);
  if (f.ends) f.ends = [widen(f.ends[0]), widen(f.ends[1])];
}

/** One unit name per quantity: "millimetres" and "mm", "per cent" and "%", "visitors" and "people". */
export function quantityUnit(currency: string | null, unit: string | null, noun: string | null): string {
  if (currency) return `cur:${currency.toUpperCase()}`;
  const raw = (unit ?? noun ?? '').toLowerCase().trim();
  if (!raw) return 'n';
  const single = raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
  return UNIT_ALIASES[raw] ?? UNIT_ALIASES[single] ?? single;
}

/**
 * What happened to the people a number counts, for claims without a frame (added by
 * an editor): two numbers of people are one fact only if they count the same outcome.
 * Claims with a frame are compared in compare.ts.
 */
const PREDICATES: Array<[string, RegExp]> = [
  ['dead', /\b(?:killed|kills?|dead|died|dies|deaths?|death toll|toll|fatalit\w*|lost their lives|bodies)\b/],
  ['injured', /\b(?:injur\w*|wounded|hurt|hospitali[sz]ed)\b/],
  ['missing', /\b(?:missing|unaccounted)\b/],
  ['evacuated', /\b(?:evacuat\w*|displaced|relocated|fled)\b/],
  ['homeless', /\b(?:homeless|without (?:a )?(?:home|shelter)|lost their homes)\b/],
  ['rescued', /\b(?:rescued|saved)\b/],
  ['arrested', /\b(?:arrest\w*|detain\w*)\b/],
];

function describeQuantity(f: Feat): void {
  const clause = f.sentence.folded.slice(f.clause.start, f.clause.end);
  for (const [name, re] of PREDICATES) if (re.test(clause)) f.predicates.add(name);
  // Sources ("according to the ministry", "X said") are not what a number is about.
  const folded = f.sentence.folded;
  f.subjects = [
    ...new Set(
      f.sentence.mentions
        .filter((m) => !m.country && m.start >= f.clause.start && m.end <= f.clause.end)
        .filter(
          (m) =>
            !/\baccording to (?:the\s+)?$|\b(?:said|says|told|by)\s+(?:the\s+)?$/.test(
              folded.slice(Math.max(0, m.start - 20), m.start),
            ),
        )
        .filter((m) => !/^\s*(?:said|says|told|reported|announced)\b/.test(folded.slice(m.end, m.end + 12)))
        // Where it happened is not whose number it is.
        .filter(
          (m) =>
            !/\b(?:in|at|to|from|near|of)\s+(?:the\s+)?$/.test(
              folded.slice(Math.max(0, m.start - 10), m.start),
            ),
        )
        .filter(
          (m) =>
            !f.sentence.claims.some(
              (c) =>
                c.claim.kind === 'attribution' && m.start >= c.pos && m.start < c.pos + c.claim.quote.length,
            ),
        )
        .map((m) => m.key),
    ),
  ].sort();
  const after = f.sentence.folded.slice(f.pos + f.claim.quote.length, f.pos + f.claim.quote.length + 25);
  f.relative =
    // ("20 people more than last year"; not "the crowd of 42,176 included more than 15,000":
    // a verb between starts another statement.)
    /^\s*(?:(?!\w+ed\b|\w+ing\b|(?:is|was|were|are|has|have|had|includes?|with|and)\b)\w+\s+)?(?:fewer|more|less|higher|lower|up|down)\s+(?:than|from|on|compared)\b/.test(
      after,
    ) ||
    /^\s*(?:fewer|more|less)\b/.test(after) ||
    // "a 4.5 percent pay rise" is the change that "a pay rise of 4.5 percent" states.
    (f.unit === '%' &&
      /^\s*(?:[\p{L}-]+\s+)?(?:rise|increase|raise|hike|drop|fall|decrease|cut|gain|jump|decline)\b/u.test(
        after,
      ));
  const before = f.sentence.folded.slice(Math.max(0, f.pos - 20), f.pos);
  if (
    /\b(?:by|up|down|rose|fell|increase of|decrease of|drop of|rise of|jumped|gained|lost|dropped|slid|edged up|edged down|climbed|slipped)\s+(?:\w+\s+)?$/.test(
      before,
    ) &&
    f.unit === '%' &&
    // "up from 61.7%", "rose to 4%": the earlier or later level, not a change.
    !/\b(?:from|to|at)\s+(?:\w+\s+)?$/.test(before)
  )
    f.relative = true;
  // Percentage points measure a difference between two rates, never a level.
  if (f.unit === 'percentage points' || f.unit === 'percentage point') f.relative = true;
  // A fall stated as a positive number is a negative change.
  if (
    f.relative &&
    f.interval &&
    /\b(?:down|fell|decrease|drop|dropped|lost|slid|slipped|edged down|declined|shrank)\b[^,;]*$/.test(before)
  ) {
    f.interval = { lo: -f.interval.hi, hi: -f.interval.lo };
    if (f.ends)
      f.ends = [
        { lo: -f.ends[1].hi, hi: -f.ends[1].lo },
        { lo: -f.ends[0].hi, hi: -f.ends[0].lo },
      ];
  }
}

/** Desks up to this many articles are read as one story; larger ones need shared entities. */
export const ONE_STORY_ARTICLES = 30;

/** Whether two articles plausibly cover one story (so their undated events can be one event). */
export function sameStory(a: ArticleInfo, b: ArticleInfo): boolean {
  if (a === b || a.deskArticles <= ONE_STORY_ARTICLES) return true;
  let shared = 0;
  const [small, big] =
    a.rareKeys.size < b.rareKeys.size ? [a.rareKeys, b.rareKeys] : [b.rareKeys, a.rareKeys];
  for (const k of small) if (big.has(k) && ++shared >= 2) return true;
  return false;
}

const GENERIC_STEMS = new Set(
  (
    'first ever never befor time unprecedent histor record describ resident said say told year month week day ' +
    'als still again last next previou early late mid recent today yesterday tomorrow recal note year thank ' +
    'close cooperation relation ties countri nation two both'
  ).split(' '),
);

/** By sentence, then clause span: the claims of one clause (a register's) share one set. */
const clauseStemsMemo = new WeakMap<SentenceInfo, Map<string, Set<string>>>();

/**
 * Content stems of a claim's clause that can tie it to another clause about the same
 * happening. Read after the desk is built; made once per claim (callers do not change it).
 */
export function clauseStems(f: Feat): Set<string> {
  let bySpan = clauseStemsMemo.get(f.sentence);
  if (!bySpan) clauseStemsMemo.set(f.sentence, (bySpan = new Map()));
  const span = `${f.clause.start}:${f.clause.end}`;
  let out = bySpan.get(span);
  if (!out) bySpan.set(span, (out = clauseStemsOf(f)));
  return out;
}

function clauseStemsOf(f: Feat): Set<string> {
  const s = f.sentence;
  // Names are who and where, not what happened: leave them out.
  let text = s.text.slice(f.clause.start, f.clause.end);
  for (const m of s.mentions) {
    if (m.start < f.clause.start || m.end > f.clause.end) continue;
    const a = m.start - f.clause.start;
    text = text.slice(0, a) + ' '.repeat(m.end - m.start) + text.slice(a + m.end - m.start);
  }
  const out = new Set<string>();
  for (const st of contentStems(text)) {
    if (st.length < 3 || /^\d/.test(st) || GENERIC_STEMS.has(st)) continue;
    out.add(st);
  }
  return out;
}

/** Whether a claim stands in its article's headline: the first sentence, with no full stop. */
export function inHeadline(f: Feat): boolean {
  return f.claim.sentenceStart === f.article.firstSentence && !/[.!?]["”’']?\s*$/.test(f.claim.sentence);
}
