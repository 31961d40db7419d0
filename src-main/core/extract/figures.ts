/**
 * Figures (money, quantities with a unit, percentages) and counts ("nine important
 * visits", "over 5,000 Vietnamese students").
 *
 * A figure carries its amount in base units, approximation, period, metric and
 * parties. "In 2022 and 2023, … $594.6 million and $482.1 million, respectively"
 * yields one figure per year: the years are paired with the figures in order.
 */
import type { Approximation, CountValue, FigureValue } from '../../shared/model';
import {
  approximationBefore,
  countedAs,
  isCountNotYear,
  countriesIn,
  entityKeysIn,
  mayHaveCount,
  metricsIn,
  nearest,
  normaliseMetric,
  NUM_RE,
  NUMBER_WORD_RE,
  parseNum,
  parseNumberWord,
  SCALES,
  singular,
  yearsIn,
  type ClaimDraft,
  type Found,
  type SentenceContext,
} from './context';
import { joinsAsRange, rangeLowBefore, scaledLow } from './ranges';
import type { SpanSet } from './spans';

const CURRENCY_PREFIX: Record<string, string> = {
  us$: 'USD',
  usd: 'USD',
  $: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  c$: 'CAD',
  s$: 'SGD',
  nz$: 'NZD',
  hk$: 'HKD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
  jpy: 'JPY',
  vnd: 'VND',
  '₫': 'VND',
  'rs.': 'INR',
  rs: 'INR',
  inr: 'INR',
  '₹': 'INR',
  cny: 'CNY',
  rmb: 'CNY',
  azn: 'AZN',
  '₽': 'RUB',
  rub: 'RUB',
  '₩': 'KRW',
  krw: 'KRW',
  thb: 'THB',
  '฿': 'THB',
  chf: 'CHF',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  pln: 'PLN',
  czk: 'CZK',
  huf: 'HUF',
};
const CURRENCY_SUFFIX: Record<string, string> = {
  zlotys: 'PLN',
  zloty: 'PLN',
  złoty: 'PLN',
  złotys: 'PLN',
  pln: 'PLN',
  zł: 'PLN',
  forints: 'HUF',
  huf: 'HUF',
  koruna: 'CZK',
  czk: 'CZK',
  lira: 'TRY',
  liras: 'TRY',
  kronor: 'SEK',
  krona: 'SEK',
  'swedish crowns': 'SEK',
  'swedish kronor': 'SEK',
  'danish crowns': 'DKK',
  'danish kroner': 'DKK',
  'norwegian crowns': 'NOK',
  'norwegian kroner': 'NOK',
  'czech crowns': 'CZK',
  // Plain "crowns" in English copy is most often the Swedish krona; a story about another
  // crown names it ("Czech crowns") and is read by the entries above.
  crowns: 'SEK',
  sek: 'SEK',
  kroner: 'NOK',
  nok: 'NOK',
  dkk: 'DKK',
  rand: 'ZAR',
  pesos: 'MXN',
  ringgit: 'MYR',
  rupiah: 'IDR',
  usd: 'USD',
  'us dollars': 'USD',
  dollars: 'USD',
  dollar: 'USD',
  eur: 'EUR',
  euros: 'EUR',
  euro: 'EUR',
  gbp: 'GBP',
  pounds: 'GBP',
  'pounds sterling': 'GBP',
  yen: 'JPY',
  vnd: 'VND',
  dong: 'VND',
  yuan: 'CNY',
  renminbi: 'CNY',
  manat: 'AZN',
  rupees: 'INR',
  roubles: 'RUB',
  rubles: 'RUB',
  won: 'KRW',
  baht: 'THB',
  francs: 'CHF',
};
const UNITS: Record<string, string> = {
  mm: 'mm',
  millimetres: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  cm: 'cm',
  centimetres: 'cm',
  centimeters: 'cm',
  inches: 'inches',
  feet: 'feet',
  ft: 'feet',
  'degrees celsius': '°C',
  'degrees fahrenheit': '°F',
  '°f': '°F',
  '%': '%',
  'per cent': '%',
  percent: '%',
  // Translated copy keeps the source language's word: "18,5 Prozent", "4,2 pour cent".
  prozent: '%',
  'pour cent': '%',
  'por ciento': '%',
  'per cento': '%',
  procent: '%',
  'percentage points': 'percentage points',
  'percentage point': 'percentage points',
  'basis points': 'basis points',
  'basis point': 'basis points',
  bps: 'basis points',
  bp: 'basis points',
  tonnes: 'tonnes',
  tonne: 'tonnes',
  tons: 'tonnes',
  ton: 'tonnes',
  'metric tons': 'tonnes',
  kg: 'kg',
  kilograms: 'kg',
  kilogram: 'kg',
  km: 'km',
  kilometres: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometer: 'km',
  miles: 'miles',
  mile: 'miles',
  hectares: 'hectares',
  hectare: 'hectares',
  ha: 'hectares',
  barrels: 'barrels',
  barrel: 'barrels',
  bpd: 'barrels per day',
  mw: 'MW',
  megawatts: 'MW',
  gw: 'GW',
  gigawatts: 'GW',
  kwh: 'kWh',
  mwh: 'MWh',
  gwh: 'GWh',
  twh: 'TWh',
  litres: 'litres',
  liters: 'litres',
  'cubic metres': 'cubic metres',
  'cubic meters': 'cubic metres',
  m3: 'cubic metres',
  teu: 'TEU',
  teus: 'TEU',
  metres: 'm',
  meters: 'm',
  'square metres': 'square metres',
  sqm: 'square metres',
  'square kilometres': 'km²',
  km2: 'km²',
  mph: 'mph',
  'km/h': 'km/h',
  degrees: 'degrees',
  '°c': '°C',
};

// One formatter each: toLocaleString builds a new one on every call, which shows in ingest profiles.
const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

const esc = (k: string): string => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const keysRe = (o: Record<string, string>): string =>
  Object.keys(o)
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');

const SCALE_RE = 'thousand|million|billion|trillion|mln|bln|mn|bn|trn|tn|crore|lakh|[mbk]';
const FIGURE = new RegExp(
  `(?<sign>(?<![\\p{L}\\d-])(?:minus\\s+|[-−](?=\\d)))?(?<pre>(?<![\\p{L}\\d])(?:${keysRe(CURRENCY_PREFIX)}))?\\s?(?<num>${NUM_RE})(?:[\\s-]?(?<scale>${SCALE_RE})(?![\\p{L}]))?(?:\\s?(?<suf>(?:${keysRe(CURRENCY_SUFFIX)})(?![\\p{L}])|(?:${keysRe(UNITS)})(?![\\p{L}\\d])))?`,
  'giu',
);

const COUNT = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(?<num>${NUM_RE}|${NUMBER_WORD_RE})(?:\\s(?<scale>thousand|million|billion))?(?<rest>(?:\\s(?:of\\s)?[\\p{L}][\\p{L}\\p{M}'’-]*){1,3})`,
  'giu',
);

/** Counted nouns too generic to check ("the two countries", "both sides"). */
const GENERIC_NOUNS = new Set([
  'president',
  'delegation',
  'head',
  'country',
  'side',
  'nation',
  'leader',
  'official',
  'ministry',
  'people',
  'state',
  'party',
  'government',
  'person',
  'minister',
  'foreign ministry',
  'region',
  'time',
  'one',
  'other',
  'peoples',
  'way',
  'hand',
  'thing',
  'area',
  'field',
  'sector',
  'level',
  'term',
]);
const NOT_ADJECTIVE = new Set([
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'that',
  'which',
  'who',
  'this',
  'these',
  'than',
  'more',
  'per',
  'its',
  'their',
  'his',
  'her',
  'our',
  'between',
  'into',
  'over',
  'under',
]);

// A year in another clause ("…, while imports have declined since 2020") is not this figure's period.
const CLAUSE_BREAK = /;|,\s+(?:while|whereas|but|although|though|and\s+(?:since|in|from))\b/g;

const CLASS_LABEL =
  /\b(?:tier|phase|category|level|stage|grade|class|type|round|article|section|chapter|terminal|gate|platform|zone|step|division|league|formula|pillar)\s+$/i;
/** Whether [ys, ye) lies in a ", which …," aside that does not hold [at, atEnd). */
function inAside(s: string, ys: number, ye: number, at: number, atEnd: number): boolean {
  const open = s.slice(Math.max(0, ys - 80), ys).search(/,\s+(?:which|who|whose|where)\b[^,;()]*$/);
  if (open < 0) return false;
  const start = Math.max(0, ys - 80) + open;
  const close = s.slice(ye, ye + 80).search(/[,;)]/);
  if (close < 0) return false;
  const end = ye + close;
  return !(at >= start && atEnd <= end);
}

const SINCE_YEAR =
  /\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)\s+)?$/i;
const RULE_YEAR = /\b(?:under|pursuant to|in line with|set (?:out )?(?:by|in))\s+(?:the|a|its|their)\s+$/i;

/** A year or a clause break this far from a number is not about it (long lists, data dumps). */
const PERIOD_REACH = 600;

interface SentenceMarks {
  breaks: { start: number; end: number }[];
  years: (Found & { year: number })[];
  numbers: { start: number; end: number }[];
  relative: { start: number; end: number; delta: number }[];
}

/**
 * What every figure of a sentence looks up, found once per sentence: clause breaks,
 * years, numbers and "last/this/next year". Looked up by binary search, so a sentence
 * holding thousands of figures is read in linear time rather than once per figure.
 */
const marksCache = new WeakMap<SentenceContext, SentenceMarks>();

function sentenceMarks(ctx: SentenceContext): SentenceMarks {
  let marks = marksCache.get(ctx);
  if (marks) return marks;
  const s = ctx.s;
  const spans = (re: RegExp) =>
    [...s.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const relative = [...s.matchAll(/\b(last|this|next) year\b/gi)].map((m) => {
    const w = m[1].toLowerCase();
    return { start: m.index, end: m.index + m[0].length, delta: w === 'last' ? -1 : w === 'next' ? 1 : 0 };
  });
  marks = { breaks: spans(CLAUSE_BREAK), years: yearsIn(s), numbers: spans(/\d[\d,.]*/g), relative };
  marksCache.set(ctx, marks);
  return marks;
}

/** Index of the first item whose `key` is ≥ x (items sorted by that key). */
function lowerBound<T>(items: T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The clause around [at, atEnd): from the last break ending before it to the first break after it. */
function clauseAround(marks: SentenceMarks, length: number, at: number, atEnd: number): [number, number] {
  const { breaks } = marks;
  const i = lowerBound(breaks, at + 1, (b) => b.end) - 1;
  const j = lowerBound(breaks, atEnd, (b) => b.start);
  return [
    Math.max(i >= 0 ? breaks[i].start : 0, at - PERIOD_REACH),
    Math.min(j < breaks.length ? breaks[j].start : length, atEnd + PERIOD_REACH),
  ];
}

/**
 * The period a number is about: a year in its clause. A year introduced by a preposition
 * ("… 10.4 million at the end of 2023", "$5m in 2022") belongs to the number just before
 * it, so in "11.2 million at the end of 2021 and 10.4 million at the end of 2023" each
 * number gets its own year. A year after "since" bounds something else and is skipped.
 */
const BASE_YEAR =
  /\b(?:(?:higher|lower|more|less|fewer|up|down|above|below)\s+than(?:\s+in)?|compared\s+(?:with|to)(?:\s+in)?|relative\s+to|versus|vs\.?|(?:up|down|rise|fall|increase|decrease|growth|drop)\s+(?:\p{L}+\s+|[\d.,]+\s*(?:%|per\s*cent|percent)\s+)?on)\s+(?:the\s+)?(?:(?:early|late|mid|whole\s+of)\s+)?(?:\p{L}+\s+)?$/iu;

function periodFor(ctx: SentenceContext, at: number, atEnd: number): string | null {
  const s = ctx.s;
  const marks = sentenceMarks(ctx);
  const [cs, ce] = clauseAround(marks, s.length, at, atEnd);
  const found: { start: number; end: number; period: string }[] = [];
  const { years, numbers } = marks;
  for (let k = lowerBound(years, cs, (y) => y.start); k < years.length && years[k].end <= ce; k++) {
    const y = years[k];
    if (!(y.end <= at || y.start >= atEnd)) continue;
    // "since 2020", "since October 2022", "since early 2019": a bound of something else.
    if (SINCE_YEAR.test(s.slice(Math.max(0, y.start - 24), y.start))) continue;
    // "8.6% higher than in 2023", "up 9.6% on 2023", "compared with 2019": the base a change
    // is measured from, not the period of the value itself (a level then is "from 7.88
    // million in 2023", which keeps its year).
    if (
      at < y.start &&
      BASE_YEAR.test(s.slice(Math.max(0, y.start - 30), y.start)) &&
      !/\bfrom\s+(?:about\s+|around\s+|some\s+)?$/i.test(s.slice(Math.max(0, at - 20), at))
    )
      continue;
    // "The mine, which opened in 1974, employs 3,100 people": an aside about the subject.
    if (inAside(s, y.start, y.end, at, atEnd)) continue;
    // "the maximum fine under the 2019 pollution law": the year names the rule, not the
    // period the amount is about.
    if (RULE_YEAR.test(s.slice(Math.max(0, y.start - 40), y.start))) continue;
    const attached =
      /\b(?:in|at the end of|by the end of|end of|by|during|for|as of|in early|in late|in mid)\s+$/i.test(
        s.slice(Math.max(0, y.start - 20), y.start),
      );
    if (attached) {
      // The owner is the nearest number before the year; skip years owned by another number.
      const n = numbers[lowerBound(numbers, y.start + 1, (x) => x.end) - 1];
      const owner = n && n.start >= cs && n.start !== y.start ? n : null;
      if (owner && !(owner.start >= at && owner.end <= atEnd)) continue;
    }
    found.push({ start: y.start, end: y.end, period: String(y.year) });
  }
  const pubYear = ctx.published?.getUTCFullYear();
  if (pubYear) {
    const rel = marks.relative;
    for (let k = lowerBound(rel, at - PERIOD_REACH, (r) => r.start); k < rel.length; k++) {
      if (rel[k].start > atEnd + PERIOD_REACH) break;
      found.push({ start: rel[k].start, end: rel[k].end, period: String(pubYear + rel[k].delta) });
    }
  }
  const own = nearest(found, at, atEnd, 1)?.period ?? null;
  return own ?? periodOfAntecedent(ctx);
}

/**
 * "The last nationwide strike took place in March 1994. It involved some 61,000
 * workers": a sentence that opens with a pronoun and names no year of its own speaks of
 * the happening the sentence before dated, when that sentence names one year only.
 */
/** The sentence before this one in its paragraph (at most `reach` characters of it). */
function previousSentence(ctx: SentenceContext, reach: number): string {
  const before = ctx.text.slice(Math.max(0, ctx.start - reach), ctx.start);
  const cut = Math.max(before.lastIndexOf('\n\n'), before.slice(0, -2).search(/[.!?]\s+[^.!?]*$/));
  return before.slice(cut + 1);
}

function periodOfAntecedent(ctx: SentenceContext): string | null {
  if (!/^\s*(?:It|This|That|They)\s+\p{Ll}/u.test(ctx.s)) return null;
  const previous = previousSentence(ctx, 400);
  const years = new Set([...previous.matchAll(/\b(1[89]\d\d|20\d\d)\b(?![.,]\d)/g)].map((m) => m[1]));
  return years.size === 1 ? [...years][0]! : null;
}

function display(
  amount: number,
  currency: string | null,
  unit: string | null,
  approx: Approximation,
): string {
  const pre = approx === 'exact' ? '' : approx.replace('_', ' ') + ' ';
  const n = AMOUNT_FORMAT.format(amount);
  if (currency) return `${pre}${n} ${currency}`;
  return `${pre}${n}${unit === '%' ? '%' : unit ? ' ' + unit : ''}`;
}

/** "7–9%", "45,000,000–60,000,000 GBP". */
function displayRange(
  lo: number,
  hi: number,
  currency: string | null,
  unit: string | null,
  approx: Approximation,
): string {
  const whole = display(hi, currency, unit, approx);
  const n = AMOUNT_FORMAT.format(hi);
  const at = whole.indexOf(n);
  return `${whole.slice(0, at)}${AMOUNT_FORMAT.format(lo)}–${whole.slice(at)}`;
}

/**
 * Two numbers with one unit that are the ends of one range ("between £45 million and
 * £60 million", "€45-60 million") become one entry, in place.
 */
function joinRanges(s: string, raw: RawFigure[]): void {
  for (let i = raw.length - 1; i >= 1; i--) {
    const prev = raw[i - 1]!;
    const cur = raw[i]!;
    // "€45-60 million": the bare low end read for the range was the figure before it.
    if (cur.to !== undefined && cur.numStart < prev.end) {
      cur.currency ??= prev.currency;
      cur.unit ??= prev.unit;
      cur.start = prev.start;
      cur.numStart = prev.numStart;
      cur.approx = prev.approx;
      raw.splice(i - 1, 1);
      continue;
    }
    if (cur.to !== undefined || prev.to !== undefined) continue;
    if (prev.unit !== cur.unit || (cur.currency !== null && prev.currency !== cur.currency)) continue;
    if (!(prev.amount >= 0 && prev.amount < cur.amount) || scaledLow(prev.amount, 1, cur.amount) === null)
      continue;
    if (!joinsAsRange(s, { start: prev.numStart, end: prev.end }, cur.numStart)) continue;
    cur.to = cur.amount;
    cur.amount = prev.amount;
    cur.currency ??= prev.currency;
    cur.start = prev.start;
    cur.numStart = prev.numStart;
    cur.approx = prev.approx;
    raw.splice(i - 1, 1);
  }
}

const FRACTIONS: Record<string, number> = {
  'a quarter': 0.25,
  'one quarter': 0.25,
  'three quarters': 0.75,
  half: 0.5,
  'a half': 0.5,
  'one half': 0.5,
  'a third': 1 / 3,
  'two thirds': 2 / 3,
};
const FRACTION_POINT =
  /\b(a quarter|one quarter|three quarters|half|a half|one half|a third|two thirds)\s+(?:of\s+)?(?:a|one)\s+(?:percentage\s+)?point\b/gi;

/** Figures in one sentence; returns drafts and the local spans they cover. */
/** A figure read from a sentence, before its frame and claim are made. */
interface RawFigure {
  start: number;
  /** Where the number itself starts (after any hedge). */
  numStart: number;
  end: number;
  amount: number;
  /** A range's upper end ("7-9%"): `amount` is then the lower. */
  to?: number;
  currency: string | null;
  unit: string | null;
  approx: Approximation;
}

export function findFigures(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const s = ctx.s;
  if (!/\d/.test(s)) return [];
  const raw: RawFigure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(s); m; m = FIGURE.exec(s)) {
    if (m[0].length === 0) {
      FIGURE.lastIndex++;
      continue;
    }
    // A number another reading already took ("2h01m09s", a race time) is not a figure too.
    if (occupied.overlaps(m.index, m.index + m[0].length)) continue;
    const g = m.groups ?? {};
    const pre = g.pre?.toLowerCase();
    const suf = g.suf?.toLowerCase().replace(/\s+/g, ' ');
    let scaleWord: string | undefined = g.scale?.toLowerCase();
    const currency = (pre && CURRENCY_PREFIX[pre]) || (suf && CURRENCY_SUFFIX[suf]) || null;
    let unit = !currency && suf ? (UNITS[suf] ?? null) : null;
    // Single-letter scales only after a currency ("$5m"); "5 m" is metres, "5 b" is noise.
    if (scaleWord && /^[mbk]$/.test(scaleWord) && !currency) {
      if (scaleWord === 'm' && !unit) unit = 'm';
      scaleWord = undefined;
    }
    // "46.9C (116.4F)": a temperature written with its scale's letter glued to the number.
    let glued = 0;
    if (!currency && !unit && !scaleWord && !g.suf) {
      const letter = /^([CF])(?![\p{L}\d])/u.exec(s.slice(m.index + m[0].length));
      if (letter && /\d$/.test(m[0])) {
        unit = letter[1] === 'C' ? '°C' : '°F';
        glued = 1;
      }
    }
    if (!currency && !unit && !scaleWord) continue;
    if (!currency && !unit && scaleWord) {
      // "3 million tourists" is a count; a bare "3 billion" is a figure without unit.
      const after = s.slice(m.index + m[0].length);
      if (
        /^\s+(?:of\s+)?(?:\p{Ll}+\s+){0,2}\p{Ll}+s\b/u.test(after) &&
        !/^\s+(?:in|for|to|from|and|as|at|on|by|is|was|were|are)\b/.test(after)
      )
        continue;
      // "11.2 million subscribers … and 10.4 million": the second number counts the same thing.
      if (ELLIPSIS_HEAD.test(s.slice(0, m.index))) continue;
      // "4.6 million of the country's 5.2 million customers": a part of a counted whole.
      if (PART_AHEAD.test(after)) continue;
    }
    let start = m.index;
    while (s[start] === ' ') start++;
    const end = m.index + m[0].length + glued;
    let scale = scaleWord ? (SCALES[scaleWord] ?? 1) : 1;
    // Basis points are hundredths of a percentage point: "25 basis points" = 0.25 points.
    if (unit === 'basis points') {
      unit = 'percentage points';
      scale /= 100;
    }
    // "minus 203 degrees", "-230 °C": below zero (only with a unit or a currency, checked above).
    const sign = g.sign ? -1 : 1;
    const amount = (sign * Math.round(parseNum(g.num, ctx.numberStyle) * scale * 1e6)) / 1e6;
    // "7-9%", "between 8 and 10 percent": a bare low end before the number makes a range.
    const low = sign === 1 ? rangeLowBefore(s, start, ctx.numberStyle) : null;
    const lo = low ? scaledLow(low.value, scale, amount) : null;
    const from = low && lo !== null ? low.start : start;
    const ap = approximationBefore(s, from);
    raw.push({
      start: ap.start,
      numStart: from,
      end,
      amount: lo ?? amount,
      ...(lo !== null ? { to: amount } : {}),
      currency,
      unit,
      approx: ap.approx,
    });
  }
  // "a quarter of a percentage point", "half a point": fractions written in words.
  FRACTION_POINT.lastIndex = 0;
  for (let m = FRACTION_POINT.exec(s); m; m = FRACTION_POINT.exec(s)) {
    const word = m[1].toLowerCase().replace(/\s+/g, ' ');
    const amount = FRACTIONS[word];
    if (amount === undefined || raw.some((r) => r.start < m!.index + m![0].length && m!.index < r.end))
      continue;
    raw.push({
      start: m.index,
      numStart: m.index,
      end: m.index + m[0].length,
      amount,
      currency: null,
      unit: 'percentage points',
      approx: 'exact',
    });
  }
  raw.sort((x, y) => x.start - y.start);
  if (raw.length === 0) return [];
  joinRanges(s, raw);

  // "In 2022 and 2023, … X and Y, respectively": pair years with figures in order.
  let paired: string[] | null = null;
  if (/\brespectively\b/i.test(s) && raw.length >= 2) {
    // The years come before the figures ("In 2022 and 2023, … X and Y") or after them ("X and Y in 2022 and 2023").
    const before = yearsIn(s).filter((y) => y.end <= raw[0].start);
    const after = yearsIn(s).filter((y) => y.start >= raw[raw.length - 1].end);
    if (before.length === raw.length) paired = before.map((y) => String(y.year));
    else if (after.length === raw.length) paired = after.map((y) => String(y.year));
  }
  const metrics = metricsIn(s);
  const out: ClaimDraft[] = [];
  raw.forEach((f, i) => {
    occupied.add(f.start, f.end);
    const period = paired ? paired[i] : periodFor(ctx, f.start, f.end);
    const metricFound = nearest(
      metrics.filter((x) => x.end <= f.start || x.start >= f.end),
      f.start,
      f.end,
    );
    const metric = metricFound ? normaliseMetric(metricFound.text) : null;
    let parties = countriesIn(ctx);
    if (parties.length === 0 && metric && /trade|investment|export|import/.test(metric))
      parties = ctx.topCountries.slice(0, 2).sort();
    const value: FigureValue = {
      type: 'figure',
      amount: f.amount,
      currency: f.currency,
      unit: f.unit,
      approx: f.approx,
      period,
      metric,
      parties,
      ...(f.to !== undefined ? { to: f.to } : {}),
      display:
        (f.to !== undefined
          ? displayRange(f.amount, f.to, f.currency, f.unit, f.approx)
          : display(f.amount, f.currency, f.unit, f.approx)) + (period ? ` (${period})` : ''),
    };
    const partyNames = parties.map((p) => ctx.nameOf(p)).join('–');
    out.push({
      kind: 'figure',
      start: ctx.start + f.start,
      end: ctx.start + f.end,
      subject: metric ? `${partyNames ? partyNames + ' ' : ''}${metric}` : null,
      scope: period,
      value,
      entityKeys: [...new Set([...parties, ...entityKeysIn(ctx)])],
    });
  });
  return out;
}

// "The death toll stands at 37", "the number of people killed … rose to 42": the counted
// noun comes before the number.
const TOLL = new RegExp(
  `\\b(death toll|toll|tally|number of (?:dead|deaths|victims|casualties|fatalities|(\\p{Ll}+))|(?<plural>\\p{Ll}{3,}s)(?=\\s+(?:has\\s+|have\\s+|had\\s+)?(?:rose|rise|risen|climbed|climb|jumped|jump|increased|increase|fell|fall|dropped|drop|stood|stand|reached|reach|totall?ed|total)\\b))\\b[^.;:!?]{0,70}?\\b(?:stands? at|stood at|rose to|rises to|has risen to|risen to|climbed to|climbs to|jumped to|jumps to|increased to|increases to|reached|reaches|hit|hits|fell to|falls to|dropped to|drops to|totall?ed|totals|was|is|of)\\s+(?:(?:at least|more than|over|nearly|almost|about|around|some|roughly)\\s+)?(?<num>${NUM_RE}|${NUMBER_WORD_RE})\\b(?!\\s*(?:%|per cent|percent))`,
  'giu',
);

/**
 * A number that a collective noun names before it: "the official attendance at 41,276",
 * "the crowd of 42,176", "a workforce of 3,100": so many people, counted as a whole.
 */
const COLLECTIVE = new RegExp(
  `\\b(attendance|crowd|turnout|audience|population|workforce|headcount|membership|enrol?ment|congregation)\\s+(?:(?:was|is|stood|stands|reached|totall?ed|figure)\\s+)?(?:at|of|to)?\\s*(?:(?:at least|more than|over|nearly|almost|about|around|some|roughly|just under|just over)\\s+)?(?<num>${NUM_RE})(?![.,]?\\d)(?!\\s*(?:%|per ?cent|percent|(?:thousand|million|billion)\\b)|\\s+(?:\\p{Ll}+\\s+)?\\p{Ll}+s\\b)`,
  'giu',
);

function findCollectives(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  COLLECTIVE.lastIndex = 0;
  for (let m = COLLECTIVE.exec(s); m; m = COLLECTIVE.exec(s)) {
    const numText = m.groups!.num;
    const numStart = m.index + m[0].length - numText.length;
    const end = numStart + numText.length;
    if (occupied.overlaps(numStart, end) || /^\d{4}$/.test(numText)) continue;
    const count = parseNum(numText, ctx.numberStyle, true);
    if (!Number.isFinite(count) || count < 10) continue;
    pushCount(ctx, out, occupied, numStart, end, count, 'person', m[1].toLowerCase());
  }
}

function findTolls(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  TOLL.lastIndex = 0;
  for (let m = TOLL.exec(s); m; m = TOLL.exec(s)) {
    const numText = m.groups?.num ?? '';
    const numStart = m.index + m[0].length - numText.length;
    const end = numStart + numText.length;
    if (occupied.overlaps(numStart, end)) continue;
    // "the number of people killed … rose to 42 people" is left to the plain count.
    if (/^\s+(?:people|persons|dead|deaths)\b/.test(s.slice(end))) continue;
    const count = /^\d/.test(numText) ? parseNum(numText, ctx.numberStyle, true) : parseNumberWord(numText);
    if (count === null || Number.isNaN(count)) continue;
    const noun = m[2] ? singular(m[2]) : m.groups?.plural ? singular(m.groups.plural) : 'person';
    const ap = approximationBefore(s, numStart);
    occupied.add(m.index, end);
    const value: CountValue = {
      type: 'count',
      count,
      noun,
      approx: ap.approx,
      period: periodFor(ctx, m.index, end),
      display: `${ap.approx === 'exact' ? '' : ap.approx.replace('_', ' ') + ' '}${COUNT_FORMAT.format(count)} ${countedAs(count, noun)} (${m[1].toLowerCase()})`,
    };
    out.push({
      kind: 'count',
      start: ctx.start + m.index,
      end: ctx.start + end,
      subject: m[1].toLowerCase(),
      scope: value.period,
      value,
      entityKeys: entityKeysIn(ctx),
    });
  }
}

/**
 * "The number of residents still unaccounted for has risen. It now stands at 9, down from
 * 17 at dawn": a sentence that opens with "It" and states a bare number counts what the
 * sentence before counted ("the number of …", "the toll"). Both numbers of such a
 * sentence are counts of it.
 */
const PRONOUN_TALLY = new RegExp(
  `^\\s*(?:It|This|That|The (?:figure|total|tally|number))\\s+(?:now\\s+|has\\s+|had\\s+|since\\s+)*(?:stands?\\s+at|stood\\s+at|rose\\s+to|rises\\s+to|risen\\s+to|climbed\\s+to|climbs\\s+to|fell\\s+to|falls\\s+to|fallen\\s+to|dropped\\s+to|drops\\s+to|reached|is|was)\\s+(?:(?:at least|more than|over|nearly|almost|about|around|some|roughly)\\s+)?(?<num>${NUM_RE})\\b(?!\\s*(?:%|per ?cent|percent|\\p{L}))`,
  'u',
);
const FROM_NUMBER = new RegExp(
  `\\b(?:up|down)\\s+from\\s+(?:(?:about|around|some)\\s+)?(?<num>${NUM_RE})\\b(?!\\s*(?:%|per ?cent|percent))`,
  'gu',
);

function findAntecedentTallies(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  const m = PRONOUN_TALLY.exec(s);
  if (!m) return;
  const previous = previousSentence(ctx, 300);
  const counted = /\bnumber of\s+(?:people\s+|the\s+)?(\p{Ll}{3,})/u.exec(previous);
  const toll = /\b(?:death\s+)?toll\b/i.test(previous);
  if (!counted && !toll) return;
  const noun = counted ? singular(counted[1]) : 'person';
  const subject = counted ? `number of ${counted[1]}` : 'toll';
  const spans: Array<[number, number]> = [];
  const numText = m.groups!.num;
  const numStart = m.index + m[0].length - numText.length;
  spans.push([numStart, numStart + numText.length]);
  FROM_NUMBER.lastIndex = 0;
  for (let f = FROM_NUMBER.exec(s); f; f = FROM_NUMBER.exec(s)) {
    const t = f.groups!.num;
    const at = f.index + f[0].length - t.length;
    spans.push([at, at + t.length]);
  }
  for (const [a, b] of spans) {
    if (occupied.overlaps(a, b)) continue;
    const text = s.slice(a, b);
    if (/^\d{4}$/.test(text)) continue;
    const count = parseNum(text, ctx.numberStyle, true);
    if (!Number.isFinite(count)) continue;
    pushCount(ctx, out, occupied, a, b, count, noun, subject);
  }
}

/** Counts in one sentence, skipping spans already taken by figures and dates. */
export function findCounts(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  if (!mayHaveCount(s)) return out;
  if (
    /\b(?:toll|tally|number of|rose|rises|risen|climbed|climbs|jumped|jumps|increased|increases|fell|falls|dropped|drops|stood|stands?|reached|reaches|hits|totall?ed|totals)\b/i.test(
      s,
    )
  )
    findTolls(ctx, occupied, out);
  if (
    /\b(?:attendance|crowd|turnout|audience|population|workforce|headcount|membership|enrol?ment|congregation)\b/i.test(
      s,
    )
  )
    findCollectives(ctx, occupied, out);
  if (/\sof\s+(?:the|its|their|all|about|around|some|roughly|nearly|almost|approximately)\s/.test(s))
    findPartsOfTotal(ctx, occupied, out);
  if (/\sof\s+(?:the|its|their|these|those)\s/.test(s)) findPartsOfGroup(ctx, occupied, out);
  if (/\d-\p{Ll}|[a-z]-\p{Ll}/u.test(s)) findFusedCounts(ctx, occupied, out);
  if (/^\s*(?:It|This|That|The)\s/.test(s)) findAntecedentTallies(ctx, occupied, out);
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(s); m; m = COUNT.exec(s)) {
    const g = m.groups ?? {};
    const numText = g.num;
    const numStart = m.index;
    // The match reached three words ahead; a skipped match must not swallow the next number.
    COUNT.lastIndex = numStart + numText.length;
    if (occupied.overlaps(numStart, numStart + numText.length)) continue;
    // "tier 1 bonds", "Phase 3 trials", "a Category 5 storm": a number that names a class.
    if (CLASS_LABEL.test(s.slice(Math.max(0, numStart - 12), numStart))) continue;
    let count: number | null;
    let approx: Approximation = 'exact';
    const lowerNum = numText.toLowerCase();
    if (/^\d/.test(numText)) {
      // A four-digit number without separators is a year, not a count.
      if (
        /^\d{4}$/.test(numText) &&
        Number(numText) >= 1500 &&
        Number(numText) <= 2099 &&
        !isCountNotYear(s, numStart, numStart + 4)
      )
        continue;
      count = parseNum(numText, ctx.numberStyle, !g.scale);
    } else if (lowerNum === 'dozens' || lowerNum === 'hundreds' || lowerNum === 'thousands') {
      count = lowerNum === 'dozens' ? 24 : lowerNum === 'hundreds' ? 200 : 2000;
      approx = 'at_least';
    } else count = parseNumberWord(numText);
    if (approx === 'at_least' && !/^\s+of\s/.test(g.rest)) continue;
    if (count === null || Number.isNaN(count)) continue;
    if (g.scale) count *= SCALES[g.scale.toLowerCase()] ?? 1;
    // The counted noun: the first plural word among the next three, the words before it adjectives.
    const rest = g.rest;
    const words = [...rest.matchAll(/\s(of\s)?([\p{L}][\p{L}\p{M}'’-]*)/gu)];
    let nounIdx = -1;
    for (let k = 0; k < words.length; k++) {
      const w = words[k][2];
      const lw = w.toLowerCase();
      if (words[k][1] && !(k === 0 && approx === 'at_least')) break;
      if (NOT_ADJECTIVE.has(lw)) break;
      if (/^\p{Ll}/u.test(w) && (singular(lw) !== lw || /^(?:people|staff|personnel|police)$/.test(lw))) {
        nounIdx = k;
        break;
      }
      if (count === 1) break;
    }
    if (nounIdx < 0) continue;
    const nounWord = words[nounIdx][2];
    const noun = singular(nounWord);
    if (GENERIC_NOUNS.has(noun) && count <= 2) continue;
    if (lowerNum === 'a' || lowerNum === 'an' || lowerNum === 'one') continue;
    let endLocal = numStart + numText.length + (g.scale ? g.scale.length + 1 : 0);
    for (let k = 0; k <= nounIdx; k++)
      endLocal = numStart + m[0].indexOf(words[k][0], endLocal - numStart) + words[k][0].length;
    // "five groups of solutions": keep the "of …" complement in the quote.
    const ofMatch = /^\s+of\s+[\p{L}][\p{L}\p{M}'’-]*/u.exec(s.slice(endLocal));
    if (ofMatch && !/^\s+of\s+(?:the|a|an|its|their|this|these|both)\b/i.test(ofMatch[0]))
      endLocal += ofMatch[0].length;
    // "in 11 years", "over three days": durations scope other claims; they are not counts.
    if (/^(?:year|month|week|day|hour|decade|minute|second|night|century)$/.test(noun)) continue;
    // "between 300 and 400 people", "20 to 30 homes": one count with two ends.
    const low = approx === 'exact' ? rangeLowBefore(s, numStart, ctx.numberStyle) : null;
    const lo =
      low && !occupied.overlaps(low.start, numStart)
        ? scaledLow(low.value, g.scale ? (SCALES[g.scale.toLowerCase()] ?? 1) : 1, count)
        : null;
    const from = low && lo !== null ? low.start : numStart;
    const ap = approx === 'exact' ? approximationBefore(s, from) : { approx, start: from };
    occupied.add(ap.start, endLocal);
    const shown =
      lo !== null ? `${COUNT_FORMAT.format(lo)}–${COUNT_FORMAT.format(count)}` : COUNT_FORMAT.format(count);
    const value: CountValue = {
      type: 'count',
      count: lo ?? count,
      noun,
      ...(lo !== null ? { to: count } : {}),
      approx: ap.approx,
      period: periodFor(ctx, ap.start, endLocal),
      display: `${ap.approx === 'exact' ? '' : ap.approx.replace('_', ' ') + ' '}${shown} ${countedAs(count, noun)}`,
    };
    out.push({
      kind: 'count',
      start: ctx.start + ap.start,
      end: ctx.start + endLocal,
      subject: s.slice(numStart, endLocal),
      scope: value.period,
      value,
      entityKeys: entityKeysIn(ctx),
    });
    COUNT.lastIndex = Math.max(COUNT.lastIndex, endLocal);
  }
  findElliptical(ctx, occupied, out);
  findBareCounts(ctx, occupied, out);
  if (/\sof\s+(?:them|those|whom)\b/i.test(s)) findPartitives(ctx, occupied, out);
  return out;
}

const PARTITIVE = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(?<num>${NUM_RE}|${NUMBER_WORD_RE})\\s+of\\s+(?:them|those|whom)\\b`,
  'giu',
);
const COUNTED_BEFORE = new RegExp(
  `(?<![\\p{L}\\d.,])(?:${NUM_RE}|${NUMBER_WORD_RE})\\s+(?:\\p{Ll}+\\s+){0,2}?(?<noun>\\p{Ll}+s|people)\\b`,
  'giu',
);

/** Nouns of measures and times, which "of them" never counts. */
const MEASURE_NOUN =
  /^(?:(?:kilo|centi|milli)?met(?:re|er)s|miles|feet|inches|tonnes|tons|litres|liters|hectares|acres|degrees|points|percent|years|months|weeks|days|hours|minutes|seconds|times)$/;

/**
 * "Nine of them were taken to hospital": a part of a group, counted in the noun of a count
 * earlier in its sentence, or as people.
 */
function findPartitives(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  PARTITIVE.lastIndex = 0;
  for (let m = PARTITIVE.exec(s); m; m = PARTITIVE.exec(s)) {
    const numText = m.groups!.num;
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const count = /^\d/.test(numText) ? parseNum(numText, ctx.numberStyle, true) : parseNumberWord(numText);
    if (count === null || Number.isNaN(count) || count < 2) continue;
    // The antecedent is named in the sentence ("of 40 villages, 12 of them …") or it is the
    // people the story is about ("All of the occupants got out. Nine of them …").
    const before = s.slice(Math.max(0, start - 300), start);
    let noun = 'people';
    for (const c of before.matchAll(COUNTED_BEFORE))
      if (!MEASURE_NOUN.test(c.groups!.noun)) noun = c.groups!.noun;
    noun = singular(noun);
    if (/^(?:year|month|week|day|hour|decade|minute|second|night|century)$/.test(noun)) continue;
    occupied.add(start, end);
    const value: CountValue = {
      type: 'count',
      count,
      noun,
      approx: 'exact',
      period: periodFor(ctx, start, end),
      display: `${COUNT_FORMAT.format(count)} ${countedAs(count, noun)}`,
    };
    out.push({
      kind: 'count',
      start: ctx.start + start,
      end: ctx.start + end,
      subject: s.slice(start, end),
      scope: value.period,
      value,
      entityKeys: entityKeysIn(ctx),
    });
  }
}

/** What a part and its whole share: "of the", "of its", "of the country's". */
const PART_OF = `\\s+of\\s+(?:(?:the|its|their|all)\\s+)?(?:[\\p{L}-]+['’]s\\s+)?(?:(?:about|around|some|roughly|nearly|almost|approximately)\\s+)?`;
const SCALE_WORD = `(?:\\s+(?<%>thousand|million|billion))?`;
const PART_OF_TOTAL = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(?<part>${NUM_RE}|${NUMBER_WORD_RE})${SCALE_WORD.replace('%', 'partScale')}${PART_OF}(?<total>${NUM_RE}|${NUMBER_WORD_RE})${SCALE_WORD.replace('%', 'totalScale')}\\s+(?:\\p{Ll}+\\s+){0,3}?(?<noun>\\p{Ll}+s)\\b`,
  'giu',
);
const PART_AHEAD = new RegExp(
  `^${PART_OF}(?:${NUM_RE})${SCALE_WORD.replace('%', 'scale')}\\s+(?:\\p{Ll}+\\s+){0,3}?\\p{Ll}+s\\b`,
  'u',
);

/**
 * "won 52 of the 150 seats": the part is a count of the same noun as the total ("52
 * seats"), which the count pattern alone would miss; the total is left to it.
 */
/** "6,800 of the positions", "nine of the miners": a part of a group named without its size. */
const PART_OF_GROUP = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(?<part>${NUM_RE}|${NUMBER_WORD_RE})\\s+of\\s+(?:the|its|their|these|those)\\s+(?:\\p{Ll}+\\s+){0,2}?(?<noun>\\p{Ll}{3,}s)\\b`,
  'giu',
);

function findPartsOfGroup(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  PART_OF_GROUP.lastIndex = 0;
  for (let m = PART_OF_GROUP.exec(s); m; m = PART_OF_GROUP.exec(s)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    // "one of the biggest", "two of the three": a superlative's pick, or a part of a stated whole.
    if (
      /^(?:one|1)$/i.test(g.part) ||
      /^\s+(?:of\s+the\s+)?(?:biggest|largest|most|best|worst)/i.test(s.slice(start + g.part.length))
    )
      continue;
    if (/^\d{4}$/.test(g.part)) continue;
    const count = /^\d/.test(g.part) ? parseNum(g.part, ctx.numberStyle, true) : parseNumberWord(g.part);
    if (count === null || !Number.isFinite(count) || count < 2) continue;
    pushCount(ctx, out, occupied, start, end, count, singular(g.noun.toLowerCase()), s.slice(start, end));
  }
}

function findPartsOfTotal(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  PART_OF_TOTAL.lastIndex = 0;
  for (let m = PART_OF_TOTAL.exec(s); m; m = PART_OF_TOTAL.exec(s)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + g.part.length + (g.partScale ? 1 + g.partScale.length : 0);
    if (occupied.overlaps(start, end)) continue;
    const scaled = (num: string, scale: string | undefined): number | null => {
      const n = /^\d/.test(num) ? parseNum(num, ctx.numberStyle, !scale) : parseNumberWord(num);
      return n === null ? null : n * (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1);
    };
    const count = scaled(g.part, g.partScale);
    const total = scaled(g.total, g.totalScale);
    if (count === null || total === null || !(count < total)) continue;
    const noun = singular(g.noun.toLowerCase());
    pushCount(ctx, out, occupied, start, end, count, noun, s.slice(start, m.index + m[0].length));
  }
}

const FUSED_COUNT = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(?<num>\\d{1,3}|${NUMBER_WORD_RE})-(?<noun>carriage|car|coach|wagon|storey|story|floor|seat|bed|lane|member|nation|country|team|page|room|vehicle|truck|ship|vessel|aircraft|plane|bus|train|arch|span|pillar)\\b(?!-)`,
  'giu',
);

/**
 * "the six-carriage train", "a 12-storey block", "the 150-seat chamber": a count fused to
 * its noun as an adjective. Units and lengths of time ("13-year", "26-year-old") are read
 * elsewhere and are not in the list.
 */
function findFusedCounts(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  FUSED_COUNT.lastIndex = 0;
  for (let m = FUSED_COUNT.exec(s); m; m = FUSED_COUNT.exec(s)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const count = /^\d/.test(g.num) ? Number(g.num) : parseNumberWord(g.num);
    if (count === null || count < 2) continue;
    pushCount(ctx, out, occupied, start, end, count, singular(g.noun.toLowerCase()), s.slice(start, end));
  }
}

const ELLIPSIS_HEAD = new RegExp(
  `(?:${NUM_RE})\\s+(?:thousand|million|billion)\\s+(?:\\p{Ll}+\\s+){0,2}\\p{Ll}+s\\b`,
  'u',
);
const SCALED = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥])(${NUM_RE})\\s+(thousand|million|billion)\\b(?!\\s+(?:\\p{Ll}+\\s+){0,2}\\p{Ll}+s\\b)`,
  'gu',
);

/** A count whose noun comes from elsewhere in its sentence, with its hedge and period. */
function pushCount(
  ctx: SentenceContext,
  out: ClaimDraft[],
  occupied: SpanSet,
  start: number,
  end: number,
  count: number,
  noun: string,
  subject: string | null,
): void {
  const ap = approximationBefore(ctx.s, start);
  occupied.add(ap.start, end);
  const value: CountValue = {
    type: 'count',
    count,
    noun,
    approx: ap.approx,
    period: periodFor(ctx, ap.start, end),
    display: `${ap.approx === 'exact' ? '' : ap.approx.replace('_', ' ') + ' '}${COUNT_FORMAT.format(count)} ${countedAs(count, noun)}`,
  };
  out.push({
    kind: 'count',
    start: ctx.start + ap.start,
    end: ctx.start + end,
    subject,
    scope: value.period,
    value,
    entityKeys: entityKeysIn(ctx),
  });
}

/** "… had 11.2 million mobile subscribers … and 10.4 million …": the noun is the earlier count's. */
function findElliptical(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  if (out.length === 0) return;
  const s = ctx.s;
  SCALED.lastIndex = 0;
  for (let m = SCALED.exec(s); m; m = SCALED.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const prev = [...out].reverse().find((c) => c.end - ctx.start <= start && c.value.type === 'count');
    if (!prev || prev.value.type !== 'count') continue;
    const count = parseNum(m[1], ctx.numberStyle) * (SCALES[m[2].toLowerCase()] ?? 1);
    pushCount(ctx, out, occupied, start, end, count, prev.value.noun, prev.subject);
  }
}

const BARE_NUMBER = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(${NUM_RE})(?![\\d.,]?\\d)(?!\\s*(?:%|per ?cent))`,
  'gu',
);

/** What happens to people in the reports that count them: the word says what a bare number counts. */
const OUTCOME_WORD =
  /^(?:killed|dead|died|injured|wounded|hurt|missing|evacuated|displaced|rescued|arrested|detained|hospitali[sz]ed|infected|killing|injuring|wounding)$/i;

/**
 * Bare numbers that count people by what happened to them: "14 people killed, 16
 * injured", "killing at least 312 people and injuring 1,140", "put the toll at 21".
 * The noun is the sentence's earlier count's, else people.
 */
function findBareCounts(ctx: SentenceContext, occupied: SpanSet, out: ClaimDraft[]): void {
  const s = ctx.s;
  const re = BARE_NUMBER;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index;
    const end = start + m[1].length;
    if (occupied.overlaps(start, end) || /^\d{4}$/.test(m[1])) continue;
    const before = /(\p{L}+)\s+(?:(?:at least|more than|over|nearly|almost|about|around|some)\s+)?$/u.exec(
      s.slice(Math.max(0, start - 30), start),
    );
    const after = /^\s+(?:(?:were|was|have been|had been|are)\s+)?(\p{L}+)/u.exec(s.slice(end, end + 30));
    const beforeWord = before?.[1] ?? '';
    const afterWord = after?.[1] ?? '';
    // "61 injured" or "61, the governor said"; "61 drones" is a count with its own noun.
    if (
      afterWord &&
      !OUTCOME_WORD.test(afterWord) &&
      !/^(?:on|in|by|as|after|and|or|the|a|according|people)$/i.test(afterWord) &&
      /^\s+\p{L}/u.test(s.slice(end, end + 2))
    )
      continue;
    const tally =
      /\b(?:toll|tally)\b[^.;]{0,40}\b(?:at|to|of)\s+(?:(?:at least|more than|over|nearly|almost|about|around|some)\s+)?$/i.test(
        s.slice(Math.max(0, start - 60), start),
      );
    const prev = [...out].reverse().find((c) => c.value.type === 'count' && c.end - ctx.start <= start);
    // "rose to 86,000 on Friday from 97,500 on Thursday": the earlier value of the same count.
    const compared =
      prev !== undefined &&
      /\b(?:from|against|compared (?:with|to)|versus|vs\.?)\s+(?:(?:about|around|some|nearly|almost|over|more than|at least|just)\s+)?$/i.test(
        s.slice(Math.max(0, start - 30), start),
      );
    // "38 civilian deaths in December and 52 in November": the same count at another moment.
    const dated =
      prev !== undefined &&
      /^\s+(?:in|on|during|by|at the end of)\s+(?:\p{Lu}|\d)/u.test(s.slice(end, end + 20)) &&
      /(?:\band|,|\bwhile|\bversus|\bvs\.?)\s+$/.test(s.slice(Math.max(0, start - 8), start));
    if (!OUTCOME_WORD.test(beforeWord) && !OUTCOME_WORD.test(afterWord) && !tally && !compared && !dated)
      continue;
    const count = parseNum(m[1], ctx.numberStyle, true);
    if (!Number.isFinite(count)) continue;
    const noun = prev && prev.value.type === 'count' ? prev.value.noun : 'person';
    pushCount(ctx, out, occupied, start, end, count, noun, null);
  }
}
