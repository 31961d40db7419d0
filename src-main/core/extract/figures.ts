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
  type SentenceContext,
} from './context';

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
};
const CURRENCY_SUFFIX: Record<string, string> = {
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
  '%': '%',
  'per cent': '%',
  percent: '%',
  'percentage points': 'percentage points',
  'percentage point': 'percentage points',
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

const esc = (k: string): string => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const keysRe = (o: Record<string, string>): string =>
  Object.keys(o)
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');

const SCALE_RE = 'thousand|million|billion|trillion|mln|bln|mn|bn|trn|tn|crore|lakh|[mbk]';
const FIGURE = new RegExp(
  `(?<pre>(?<![\\p{L}\\d])(?:${keysRe(CURRENCY_PREFIX)}))?\\s?(?<num>${NUM_RE})(?:[\\s-]?(?<scale>${SCALE_RE})(?![\\p{L}]))?(?:\\s?(?<suf>(?:${keysRe(CURRENCY_SUFFIX)})(?![\\p{L}])|(?:${keysRe(UNITS)})(?![\\p{L}\\d])))?`,
  'giu',
);

const COUNT = new RegExp(
  `(?<![\\p{L}\\d.,$€£¥-])(?<num>${NUM_RE}|${NUMBER_WORD_RE})(?:\\s(?<scale>thousand|million|billion))?(?<rest>(?:\\s(?:of\\s)?[\\p{L}][\\p{L}\\p{M}'’-]*){1,3})`,
  'giu',
);

/** Counted nouns too generic to check ("the two countries", "both sides"). */
const GENERIC_NOUNS = new Set([
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

function periodFor(ctx: SentenceContext, at: number, atEnd: number): string | null {
  const years = yearsIn(ctx.s).filter((y) => y.end <= at || y.start >= atEnd);
  const rel = /\b(last|this|next) year\b/gi;
  const pubYear = ctx.published?.getUTCFullYear();
  const found: { start: number; end: number; period: string }[] = years.map((y) => ({
    ...y,
    period: String(y.year),
  }));
  if (pubYear) {
    for (let m = rel.exec(ctx.s); m; m = rel.exec(ctx.s)) {
      const d = m[1].toLowerCase() === 'last' ? -1 : m[1].toLowerCase() === 'next' ? 1 : 0;
      found.push({ start: m.index, end: m.index + m[0].length, period: String(pubYear + d) });
    }
  }
  return nearest(found, at, atEnd)?.period ?? null;
}

function display(
  amount: number,
  currency: string | null,
  unit: string | null,
  approx: Approximation,
): string {
  const pre = approx === 'exact' ? '' : approx.replace('_', ' ') + ' ';
  const n = amount.toLocaleString('en-US', { maximumFractionDigits: 4 });
  if (currency) return `${pre}${n} ${currency}`;
  return `${pre}${n}${unit === '%' ? '%' : unit ? ' ' + unit : ''}`;
}

export interface Occupied {
  start: number;
  end: number;
}

function overlaps(spans: Occupied[], start: number, end: number): boolean {
  for (const o of spans) if (o.start < end && start < o.end) return true;
  return false;
}

/** Figures in one sentence; returns drafts and the local spans they cover. */
export function findFigures(ctx: SentenceContext, occupied: Occupied[]): ClaimDraft[] {
  const s = ctx.s;
  if (!/\d/.test(s)) return [];
  const raw: {
    start: number;
    end: number;
    amount: number;
    currency: string | null;
    unit: string | null;
    approx: Approximation;
  }[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(s); m; m = FIGURE.exec(s)) {
    if (m[0].length === 0) {
      FIGURE.lastIndex++;
      continue;
    }
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
    if (!currency && !unit && !scaleWord) continue;
    if (!currency && !unit && scaleWord) {
      // "3 million tourists" is a count; a bare "3 billion" is a figure without unit.
      const after = s.slice(m.index + m[0].length);
      if (/^\s+(?:of\s+)?\p{Ll}+s\b/u.test(after) && !/^\s+(?:in|for|to|from|and|as)\b/.test(after)) continue;
    }
    let start = m.index;
    while (s[start] === ' ') start++;
    const end = m.index + m[0].length;
    const scale = scaleWord ? (SCALES[scaleWord] ?? 1) : 1;
    const amount = Math.round(parseNum(g.num) * scale * 1e6) / 1e6;
    const ap = approximationBefore(s, start);
    raw.push({ start: ap.start, end, amount, currency, unit, approx: ap.approx });
  }
  if (raw.length === 0) return [];

  // "In 2022 and 2023, … X and Y, respectively": pair years with figures in order.
  let paired: string[] | null = null;
  if (/\brespectively\b/i.test(s) && raw.length >= 2) {
    const years = yearsIn(s).filter((y) => y.end <= raw[0].start);
    if (years.length === raw.length) paired = years.map((y) => String(y.year));
  }
  const metrics = metricsIn(s);
  const out: ClaimDraft[] = [];
  raw.forEach((f, i) => {
    occupied.push({ start: f.start, end: f.end });
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
      display: display(f.amount, f.currency, f.unit, f.approx) + (period ? ` (${period})` : ''),
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

/** Counts in one sentence, skipping spans already taken by figures and dates. */
export function findCounts(ctx: SentenceContext, occupied: Occupied[]): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  if (!mayHaveCount(s)) return out;
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(s); m; m = COUNT.exec(s)) {
    const g = m.groups ?? {};
    const numText = g.num;
    const numStart = m.index;
    // The match reached three words ahead; a skipped match must not swallow the next number.
    COUNT.lastIndex = numStart + numText.length;
    if (overlaps(occupied, numStart, numStart + numText.length)) continue;
    let count: number | null;
    let approx: Approximation = 'exact';
    const lowerNum = numText.toLowerCase();
    if (/^\d/.test(numText)) {
      // A four-digit number without separators is a year, not a count.
      if (/^\d{4}$/.test(numText) && Number(numText) >= 1500 && Number(numText) <= 2099) continue;
      count = parseNum(numText);
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
    // "in 11 years", "within a decade": a duration that scopes something else, not a count.
    if (
      /^(?:year|month|week|day|hour|decade|minute)$/.test(noun) &&
      /\b(?:in|within|after|over the (?:past|last)|for the (?:past|last))\s+$/i.test(s.slice(0, numStart))
    )
      continue;
    const ap = approx === 'exact' ? approximationBefore(s, numStart) : { approx, start: numStart };
    occupied.push({ start: ap.start, end: endLocal });
    const value: CountValue = {
      type: 'count',
      count,
      noun,
      approx: ap.approx,
      period: periodFor(ctx, ap.start, endLocal),
      display: `${ap.approx === 'exact' ? '' : ap.approx.replace('_', ' ') + ' '}${count.toLocaleString('en-US')} ${noun}`,
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
  return out;
}
