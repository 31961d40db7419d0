/**
 * What every claim finder sees: one sentence with its offsets, the entity mentions
 * inside it and the article's publication date, plus the small lexicons (metrics,
 * events, approximations, numbers) several finders share.
 */
import type { Approximation } from '../../shared/model';
import type { ExtractedClaim } from './types';
import type { ResolvedMention } from './entities';
import { lookupPlace } from './gazetteer';

export interface SentenceContext {
  /** The whole article text. */
  text: string;
  start: number;
  end: number;
  /** text.slice(start, end). */
  s: string;
  boilerplate: boolean;
  mentions: ResolvedMention[];
  /** Publication date as UTC midnight, or null. */
  published: Date | null;
  /** The article's most-mentioned countries, most first: parties of bilateral figures. */
  topCountries: string[];
  /** Text of the sentence before this one (same paragraph or not), for context. */
  previous: string;
  /** The person "he"/"she" most likely refers to at an offset: the latest subject or speaker. */
  personBefore: (at: number) => ResolvedMention | null;
  nameOf: (key: string) => string;
  /** The article's number convention ("1,250.5" or "1.250,5"). */
  numberStyle: NumberStyle;
}

/** A claim before anchoring: absolute offsets; quote, prefix, suffix and sentence are filled in by index.ts. */
export type ClaimDraft = Pick<
  ExtractedClaim,
  'kind' | 'start' | 'end' | 'subject' | 'scope' | 'value' | 'entityKeys'
>;

export function entityKeysIn(ctx: SentenceContext, start = ctx.start, end = ctx.end): string[] {
  const out: string[] = [];
  for (const m of ctx.mentions) if (m.start >= start && m.end <= end && !out.includes(m.key)) out.push(m.key);
  return out;
}

export function countriesIn(ctx: SentenceContext): string[] {
  const out: string[] = [];
  for (const m of ctx.mentions) {
    if (m.kind !== 'place' || out.includes(m.key)) continue;
    if (lookupPlace(m.key)?.country) out.push(m.key);
  }
  return out.sort();
}

/** Verbs of movement before "up to": "edged up to 5.2%" ends at the value, it is no ceiling. */
export const MOVED_UP =
  '(?:edged|ticked|crept|inched|moved|went|gone|shot|jumped|climbed|rose|risen|pushed|revised|jumps|rises|edges|ticks|goes|moves)';

const APPROX: [RegExp, Approximation][] = [
  [/(?:just|well|slightly)\s+(?:over|above|more than)\s*$/i, 'over'],
  [/(?:more than|over|above|exceeding|in excess of|upwards of)\s*$/i, 'over'],
  [/(?:at least|no less than|not less than)\s*$/i, 'at_least'],
  // "edged up to 5.2%", "went up to 41": a movement that ended at the value, not a ceiling.
  [new RegExp(`(?<!\\b${MOVED_UP}\\s)(?:up to|at most|no more than|a maximum of)\\s*$`, 'i'), 'at_most'],
  [
    /(?:nearly|almost|close to|just under|just below|less than|under|below|fewer than|short of)\s*$/i,
    'under',
  ],
  [
    /(?:roughly|about|around|approximately|some|an estimated|estimated|approx\.?|circa|c\.|nearly about|just)\s*$/i,
    'about',
  ],
];

/** The approximation word right before `at` in `s`, with where it starts. */
export function approximationBefore(s: string, at: number): { approx: Approximation; start: number } {
  const before = s.slice(Math.max(0, at - 24), at);
  for (const [re, approx] of APPROX) {
    const m = re.exec(before);
    if (m && (m.index === 0 || /[\s(,;:—–-]/.test(before[m.index - 1]) || at - 24 + m.index <= 0)) {
      // "just" alone means "only/exactly" as often as "about": treat bare "just" as about only before numbers.
      return { approx, start: at - before.length + m.index };
    }
  }
  return { approx: 'exact', start: at };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  a: 1,
  an: 1,
  dozen: 12,
  single: 1,
  both: 2,
};

export const NUMBER_WORD_RE =
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens|hundreds|thousands|a hundred|a thousand';

const MAYBE_COUNT = new RegExp(`\\d|\\b(?:${NUMBER_WORD_RE})\\b`, 'i');

/** Cheap test before the count pattern: is there any numeral or number word at all? */
export function mayHaveCount(s: string): boolean {
  return MAYBE_COUNT.test(s);
}

/** A small number written as a word ("ten" for 10), or null past the words news uses singly. */
export function numberWordFor(n: number): string | null {
  for (const [word, value] of Object.entries(NUMBER_WORDS))
    if (value === n && !word.includes(' ')) return word;
  return null;
}

export function parseNumberWord(w: string): number | null {
  const k = w.toLowerCase();
  if (k in NUMBER_WORDS) return NUMBER_WORDS[k];
  const m = /^(\w+)-(\w+)$/.exec(k);
  if (m && m[1] in NUMBER_WORDS && m[2] in NUMBER_WORDS) return NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]];
  if (k === 'a dozen') return 12;
  if (k === 'a hundred') return 100;
  if (k === 'a thousand') return 1000;
  return null;
}

/**
 * A written number in either convention: "1,250.5" (English), "1.250,5" (most of
 * Europe), "1 250" with a (narrow) no-break space, "3,8" (decimal comma). Which one a
 * string means is decided by parseNum, with the article's own habit as the tie-breaker.
 */
export const NUM_RE =
  '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?![.,]?\\d)|\\d{1,3}(?:[\\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d{1,2}(?!\\d)|\\.\\d+)?';

const CLOCK_AFTER = /^\s*(?:uur|uhr|h\b|heures?|hours|hrs|GMT|UTC|CES?T|local|[ap]\.?m\b)/i;

/** How an article writes numbers: "1,250.5" (`us`) or "1.250,5" (`eu`). */
export type NumberStyle = 'us' | 'eu';

/**
 * The article's number convention, from the numbers that can only be read one way:
 * a decimal comma ("3,8 %", "1.250,5") or dotted thousands ("1.250.000") say `eu`;
 * comma thousands with a decimal point ("1,250.5") or a two-digit decimal point say `us`.
 */
export function numberStyleOf(text: string): NumberStyle {
  let eu = 0;
  let us = 0;
  for (const m of text.matchAll(/\d[\d.,]*\d/g)) {
    const t = m[0];
    // A clock time ("8.30 uur", "15.00 Uhr") says nothing of how numbers are written.
    if (CLOCK_AFTER.test(text.slice(m.index + t.length, m.index + t.length + 12))) continue;
    if (
      /^\d+,\d{1,2}$/.test(t) ||
      /^\d{1,3}(?:\.\d{3})+,\d+$/.test(t) ||
      /^\d{1,3}(?:\.\d{3}){2,}$/.test(t) ||
      // "150.000 euro", "31.420 starters": three decimals after a number of ten or more are
      // thousands; few outlets write a tally or a price to the thousandth.
      /^\d{2,3}\.\d{3}$/.test(t)
    )
      eu++;
    else if (
      /^\d{1,3}(?:,\d{3})+\.\d+$/.test(t) ||
      /^\d+\.\d{1,2}$/.test(t) ||
      /^\d{1,3}(?:,\d{3}){2,}$/.test(t)
    )
      us++;
  }
  return eu > us ? 'eu' : 'us';
}

/**
 * The value of a string matched by NUM_RE. Unambiguous forms are read as written;
 * "1.250" and "1,250" (one group of three digits) follow the article's convention,
 * and `integer` (a count of things, which cannot be 1.25) reads them as thousands.
 */
export function parseNum(s: string, style: NumberStyle = 'us', integer = false): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  const dotGroups = /^\d{1,3}(?:\.\d{3})+$/.test(t);
  const commaGroups = /^\d{1,3}(?:,\d{3})+$/.test(t);
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(t) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(t))
    return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  if (dotGroups && (style === 'eu' || integer)) return Number(t.replace(/\./g, ''));
  if (commaGroups && style === 'eu' && !integer && /^\d{1,3},\d{3}$/.test(t))
    return Number(t.replace(',', '.'));
  return Number(t.replace(/,/g, ''));
}

export const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
  crore: 1e7,
  lakh: 1e5,
};

/** Canonical metric names: different wordings of one quantity compare equal. */
const METRIC_FAMILIES: [RegExp, string][] = [
  [
    /^(?:bilateral trade|two-way trade|trade turnover|trade volume|trade value|total trade|trade exchanges?|trade relations|trade ties|bilateral trade turnover|trade)$/,
    'trade turnover',
  ],
  [
    /^(?:foreign direct investment|fdi|direct investment|investment capital|registered capital|investment|investments)$/,
    'investment',
  ],
  [/^(?:exports?|export turnover|export value|export revenue|shipments)$/, 'exports'],
  [/^(?:imports?|import turnover|import value)$/, 'imports'],
  [/^(?:gdp|gross domestic product|economic growth|economy)$/, 'gdp'],
  [
    /^(?:tourist arrivals|international arrivals|visitors|tourists|visitor arrivals|arrivals)$/,
    'tourist arrivals',
  ],
  [/^(?:revenues?|sales|turnover)$/, 'revenue'],
  [/^(?:profits?|earnings|net profit)$/, 'profit'],
  [
    /^(?:(?:mobile |broadband |paying )?(?:subscribers?|subscriptions|customers|users)|(?:subscriber|customer|user) base)$/,
    'subscribers',
  ],
  [/^(?:prices?|price index|consumer prices|inflation)$/, 'prices'],
];

export function normaliseMetric(phrase: string): string {
  const k = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, name] of METRIC_FAMILIES) if (re.test(k)) return name;
  return k;
}

const METRIC_WORDS = [
  'bilateral trade turnover',
  'bilateral trade',
  'two-way trade',
  'trade turnover',
  'trade volume',
  'trade value',
  'total trade',
  'trade exchanges',
  'trade exchange',
  'trade relations',
  'trade ties',
  'foreign direct investment',
  'direct investment',
  'investment capital',
  'registered capital',
  'export turnover',
  'export value',
  'export revenue',
  'import turnover',
  'gross domestic product',
  'economic growth',
  'tourist arrivals',
  'visitor arrivals',
  'international arrivals',
  'net profit',
  'consumer prices',
  'market share',
  'fdi',
  'gdp',
  'exports',
  'imports',
  'investment',
  'investments',
  'revenue',
  'revenues',
  'profit',
  'profits',
  'sales',
  'budget',
  'population',
  'inflation',
  'unemployment',
  'debt',
  'deficit',
  'surplus',
  'output',
  'production',
  'aid',
  'loans',
  'loan',
  'funding',
  'spending',
  'capacity',
  'prices',
  'price',
  'emissions',
  'turnover',
  'visitors',
  'tourists',
  'arrivals',
  'cargo volumes',
  'freight volumes',
  'volumes',
  'costs',
  'cost',
  'wages',
  'salaries',
  'jobs',
  'employment',
  'reserves',
  'tourism',
  'commerce',
  'traffic',
  'demand',
  'trade',
];
const METRIC_RE = new RegExp(
  `\\b(?:${METRIC_WORDS.map((w) => w.replace(/[-]/g, '[- ]')).join('|')})\\b`,
  'gi',
);

export interface Found {
  start: number;
  end: number;
  text: string;
}

export function metricsIn(s: string): Found[] {
  const out: Found[] = [];
  METRIC_RE.lastIndex = 0;
  for (let m = METRIC_RE.exec(s); m; m = METRIC_RE.exec(s))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The found item nearest to [at, atEnd), preferring ones before it at equal distance. */
export function nearest<T extends { start: number; end: number }>(
  items: T[],
  at: number,
  atEnd: number,
  afterWeight = 1.5,
): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const it of items) {
    const d = it.end <= at ? at - it.end : it.start >= atEnd ? (it.start - atEnd) * afterWeight + 1 : 0;
    if (d < bestD) {
      bestD = d;
      best = it;
    }
  }
  return best;
}

const EVENT_WORDS: [RegExp, string][] = [
  [
    /\b(?:establish(?:ed|ing|ment of)?|set up|forg(?:ed|ing))\s+(?:of\s+)?(?:formal\s+)?diplomatic (?:relations|ties)\b/gi,
    'diplomatic relations',
  ],
  [/\bdiplomatic (?:relations|ties)\b/gi, 'diplomatic relations'],
  [/\b(?:state |official |working |historic |first |maiden |landmark )?(?:visit(?:s|ed|ing)?)\b/gi, 'visit'],
  [/\b(?:trips?|tours?|toured|travell?ed to)\b/gi, 'trip'],
  [/\bhost(?:s|ed|ing)\b/gi, 'visit'],
  [/\b(?:talks|negotiations)\b/gi, 'talks'],
  [/\b(?:meetings?|met|meet)\b/gi, 'meeting'],
  [/\b(?:consultations?)\b/gi, 'consultation'],
  [/\b(?:summits?)\b/gi, 'summit'],
  [/\b(?:conferences?|forums?)\b/gi, 'conference'],
  [/\b(?:signing|signed|sign)\b/gi, 'signing'],
  [/\b(?:ceremony|ceremonies)\b/gi, 'ceremony'],
  [
    /\b(?:to close|closing of the (?:deal|transaction|acquisition|takeover)|completion|to complete|be completed)\b/gi,
    'completion',
  ],
  [/\b(?:elections?|elected|vote)\b/gi, 'election'],
  [/\b(?:founded|established|establishment|launched|launch|opened|inaugurated)\b/gi, 'founding'],
  [/\b(?:stay|interview|celebrations?|festival|exhibitions?|anniversary)\b/gi, ''],
];

export interface EventWord extends Found {
  event: string;
}

// Several finders ask for the events of the same sentence in a row.
let lastEventsInput = '';
let lastEvents: EventWord[] = [];

const wordEvents = new Map<string, EventWord[]>();

export function eventsIn(s: string): EventWord[] {
  if (s === lastEventsInput) return lastEvents;
  // Single words (novelty asks "is the word after 'first' an event?") get their own cache,
  // so they do not evict the sentence's events.
  if (s.length < 24 && !s.includes(' ')) {
    let hit = wordEvents.get(s);
    if (!hit) {
      hit = scanEvents(s);
      if (wordEvents.size > 10_000) wordEvents.clear();
      wordEvents.set(s, hit);
    }
    return hit;
  }
  lastEventsInput = s;
  lastEvents = scanEvents(s);
  return lastEvents;
}

function scanEvents(s: string): EventWord[] {
  const out: EventWord[] = [];
  for (const [re, event] of EVENT_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      const name = event || m[0].toLowerCase().replace(/s$/, '');
      out.push({ start, end, text: m[0], event: name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Singular, lower-case form of a counted noun. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const irregular: Record<string, string> = {
    people: 'person',
    children: 'child',
    men: 'man',
    women: 'woman',
    staff: 'staff',
    police: 'police',
    personnel: 'personnel',
    feet: 'foot',
    mice: 'mouse',
    teeth: 'tooth',
    geese: 'goose',
    data: 'data',
    series: 'series',
    species: 'species',
    news: 'news',
    analyses: 'analysis',
    crises: 'crisis',
  };
  if (w in irregular) return irregular[w];
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
  return w;
}

const PLURAL_IRREGULAR: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  foot: 'feet',
  mouse: 'mice',
  tooth: 'teeth',
  goose: 'geese',
  analysis: 'analyses',
  crisis: 'crises',
};
const UNCOUNTED = /^(?:staff|police|personnel|data|series|species|news|sheep|fish|aircraft)$/;

/** A count as an editor reads it: "1 agreement", "7 agreements", "42 people". */
export function countedAs(count: number, noun: string): string {
  if (count === 1 || UNCOUNTED.test(noun)) return noun;
  if (noun in PLURAL_IRREGULAR) return PLURAL_IRREGULAR[noun]!;
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** Years mentioned as four digits between 1500 and 2099, with offsets in `s`. */
export function yearsIn(s: string): (Found & { year: number })[] {
  const out: (Found & { year: number })[] = [];
  const re = /(?<![\d.,$€£¥])\b(1[5-9]\d\d|20\d\d)\b(?![.,]\d|\s?%)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (isCountNotYear(s, m.index, m.index + 4) || inName(s, m.index)) continue;
    out.push({ start: m.index, end: m.index + 4, text: m[0], year: Number(m[1]) });
  }
  return out;
}

const NOT_NAME_WORDS =
  /^(?:In|Since|By|From|Until|Till|Before|After|During|Of|The|Early|Late|Mid|Spring|Summer|Autumn|Fall|Winter|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Between|And|Through|Throughout|For|At|On|To|Around|About|Circa|Year|Fiscal|FY|Q[1-4]|H[12])$/;

/** A number that ends a name ("InterRegio 1742", "Boeing 737"), not a year. */
function inName(s: string, start: number): boolean {
  const m = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(s.slice(Math.max(0, start - 30), start));
  return m !== null && !NOT_NAME_WORDS.test(m[1]);
}

/** Verbs that introduce an amount, not a moment: "rose to 1987", "stood at 2011", "reached 1500". */
const AMOUNT_BEFORE =
  /\b(?:(?:rose|risen|climbed|jumped|soared|fell|dropped|increased|decreased|grew|grown)\s+to|(?:stands?|stood)\s+at|reached|hit|totall?ed|numbered)\s+(?:(?:at least|more than|over|nearly|almost|about|around|some|roughly|just)\s+)?$/i;
/** Words that make a year of a four-digit number even before a plural noun: "in 2015 floods…". */
const YEAR_BEFORE =
  /\b(?:in|since|from|until|till|by|during|before|after|of|between|early|late|mid|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+$/i;

/**
 * A four-digit number that counts something ("rose to 1987 cases", "2015 people were
 * evacuated") rather than naming a year: an amount verb comes right before it, or a
 * plural noun follows it with no date word before. "The 1999 floods" stays a year.
 */
export function isCountNotYear(s: string, start: number, end: number): boolean {
  const before = s.slice(Math.max(0, start - 30), start);
  if (AMOUNT_BEFORE.test(before)) return true;
  if (/\b(?:the|a|its|their|his|her|this|that|\p{L}+'s)\s+$/iu.test(before)) return false;
  const after = s.slice(end, end + 30);
  return (
    /^\s+(?:new\s+|more\s+|confirmed\s+|suspected\s+)?(?!years|months|weeks|days|hours)(?:\p{Ll}{3,}s|people|children|men|women|staff)\b/u.test(
      after,
    ) && !YEAR_BEFORE.test(before)
  );
}
