/**
 * Compare: whether two numbers state one fact, judged from their frames (see
 * extract/frame.ts) with evidence from the desk itself.
 *
 * Qualifiers veto: another rate ("a share" against a total), another place, another
 * holder, another as-of day for a running tally, another kind of human outcome
 * (killed, injured, missing…) never compare. What is left must share meaning: the
 * content words around each value, each weighed by how rare it is among the desk's
 * numbers (a word every number sits beside tells nothing; "depth" does), with the
 * words the value attaches to counting double. Values wildly apart (more than
 * MAX_RATIO) are taken for different quantities unless the wording is close.
 */
import type { ClaimFrame } from '../../shared/model';
import { stem } from './text';
import { KNOWN_COUNTRIES, eventMentions, placeKey } from './lexicon';
import type { Feat } from './features';

/** Weighted overlap two numbers' wording needs to be one fact. */
export const SAME_FACT = 0.4;
/** Overlap two times' wording needs to be one happening. */
const SAME_TIME = 0.15;
/** Overlap at which wording alone is enough, whatever the values. */
const CLOSE_WORDING = 0.6;
/** Above this ratio two values are read as two quantities unless the wording is close. */
const MAX_RATIO = 2;
/** The same, when the words the values attach to agree ("depth … 14 km", "depth … 41 km"). */
const MAX_RATIO_SAME_PROPERTY = 3;
const PART_OR_WHOLE =
  /\b(?:alone|itself|worldwide|globally|group-wide|company-wide|in all|altogether|nationally|nationwide|across the country|countrywide|in total|overall)\b/;
/** "300 of them in Villa Marcona": the value itself is the part ("most of them" later is not). */
function partOfGroup(f: Feat): boolean {
  const end = f.pos + f.claim.quote.length;
  return PART_OF_GROUP.test(f.sentence.folded.slice(Math.max(0, f.pos - 12), end + 12));
}

/**
 * "Only 2.9% in Northgate, while on the Harlow Coast the rate is 5.4%": a value its sentence
 * sets beside the same unit's value for another place is one place's part of a breakdown.
 */
function inBreakdown(f: Feat): boolean {
  const place = quantityFrame(f)?.frame.place ?? null;
  if (!place) return false;
  return f.sentence.claims.some((c) => {
    if (c === f || c.unit !== f.unit) return false;
    const other = quantityFrame(c)?.frame.place ?? null;
    return other !== null && other !== place;
  });
}

const PARTITIVE_QUOTE = /\bof (?:them|whom|those)$/i;
/** "612 dead, 300 of them in Villa Marcona": the placed value is a part of the group. */
const PART_OF_GROUP = /\bof (?:them|whom|which)\b/;

/** Values this close, beside the same property words, are read as one quantity. */
const CLOSE_VALUES = 1.5;
/** Overlap a record and an earlier amount need to measure the same kind of thing. */
const SAME_KIND = 0.2;
/** Overlap two values of the same stated period need. */
const SAME_PERIOD = 0.15;
/** Overlap two counts of the same specific noun need. */
const SAME_NOUN = 0.2;
/** Counted nouns too general to identify a quantity by themselves. */
const GENERIC_COUNTED = new Set(['person', 'people', 'time', 'year', 'thing', 'one', 'item', 'unit', 'case']);
/** Two clock times more than this apart (in UTC) are two happenings, not one misreported. */
const MAX_TIME_GAP = 180;
/** Two race times further apart than this are of two races. */
const MAX_RATIO_RACE_TIME = 1.05;

/**
 * Outcomes for people that reports count separately. Small and general: every
 * disaster, conflict, accident and outbreak story has them, and mixing two of them is
 * the commonest false conflict.
 */
const OUTCOMES: Array<[string, RegExp]> = [
  ['dead', /^(?:kill|dead|die|death|toll|fatalit|perish|bod(?:y|ie)|lives|live|victim)/],
  ['injured', /^(?:injur|wound|hurt|hospitali[sz]|treat)/],
  ['missing', /^(?:missing|unaccount)/],
  ['displaced', /^(?:evacuat|displac|relocat|fled|flee|shelter)/],
  ['homeless', /^homeless/],
  ['rescued', /^(?:rescu|sav|pull)/],
  ['arrested', /^(?:arrest|detain|charg)/],
  ['infected', /^(?:case|infect)/],
];

export interface QuantityFrame {
  frame: ClaimFrame;
  /** Stems of the frame's words with their weight before rarity (property words count double). */
  words: Map<string, number>;
  outcome: string | null;
  /** Stems of the property alone. */
  property: Set<string>;
}

const cache = new WeakMap<Feat, QuantityFrame | null>();

/**
 * Crude stems for wording overlap: the shared stemmer, then at most five letters, so
 * "touchdown" meets "touched" and "investors" meets "investment". Rarity weighting
 * keeps the merges this causes from deciding a match alone.
 */
function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3)
    .map((w) => stem(w).slice(0, 5))
    .map((w) => SAME_MEANING[w] ?? w);
}

/** Words outlets use for one measure ("the damage to the economy", "the cost to the economy"). */
const SAME_MEANING: Record<string, string> = {
  damag: 'cost',
  bill: 'cost',
  expen: 'cost',
  joble: 'unemp',
  salar: 'wage',
  turno: 'reven',
  crowd: 'atten',
  spect: 'atten',
  // "a decline of 4.9%", "a fall of 5.9 percent", "a drop of …": one change, worded three ways.
  decli: 'fall',
  decre: 'fall',
  drop: 'fall',
  dropp: 'fall',
  incre: 'rise',
  // "43 dead", "34 deaths": one outcome.
  death: 'die',
  body: 'die',
  // "employs 3,100 people", "some 3,900 people work there", "a workforce of", "staff of".
  emplo: 'work',
  worke: 'work',
  workf: 'work',
  staff: 'work',
  // "a jump of 0.9 percentage points", "0.7 percentage points higher": one rise; "lower": a fall.
  jump: 'rise',
  highe: 'rise',
  lower: 'fall',
  // What one side asked a court or a negotiation for: "sought 14 years", "asked for 16 years".
  asked: 'seek',
  ask: 'seek',
  sough: 'seek',
  deman: 'seek',
  reque: 'seek',
};

export function quantityFrame(f: Feat): QuantityFrame | null {
  const hit = cache.get(f);
  if (hit !== undefined) return hit;
  const v = f.claim.value;
  const frame = v.type === 'figure' || v.type === 'count' || v.type === 'time' ? (v.frame ?? null) : null;
  if (!frame) {
    cache.set(f, null);
    return null;
  }
  const words = new Map<string, number>();
  for (const t of frame.terms) for (const s of stems(t)) words.set(s, 1);
  // "25 people" with nothing else said of them: the counted noun names no property, as
  // every count of people has it.
  const bare =
    v.type === 'count' && frame.property !== null && GENERIC_COUNTED.has(frame.property.toLowerCase());
  const property = new Set(frame.property && !bare ? stems(frame.property) : []);
  for (const s of property) words.set(s, 2);
  let outcome: string | null = null;
  // The counted noun says it first: "381 survivors … recovered", "74 bodies recovered".
  const noun = v.type === 'count' ? v.noun.toLowerCase() : '';
  if (/^surviv/.test(noun)) outcome = 'rescued';
  else if (/^(?:bod(?:y|ie)|corpse|fatalit|death)/.test(noun)) outcome = 'dead';
  for (const w of outcome ? [] : (frame.property ?? '').toLowerCase().split(/[^\p{L}]+/u)) {
    for (const [name, re] of OUTCOMES)
      if (re.test(w)) {
        outcome = name;
        break;
      }
    if (outcome) break;
  }
  const q = { frame, words, outcome, property };
  cache.set(f, q);
  return q;
}

/** Inverse document frequency of each stem over the desk's numbers: rare words tell facts apart. */
export function termWeights(feats: Feat[]): Map<string, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const f of feats) {
    const q = quantityFrame(f);
    if (!q) continue;
    n++;
    for (const s of q.words.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const out = new Map<string, number>();
  for (const [s, d] of df) out.set(s, Math.log(1 + n / d));
  return out;
}

/**
 * How much of the sparser wording the other shares, each word weighed by rarity: an
 * overlap coefficient, not Jaccard, because one outlet writes a long clause around a
 * number and another a short one, and the short one's words are what matter.
 */
export function wordingOverlap(a: QuantityFrame, b: QuantityFrame, idf: Map<string, number>): number {
  let inter = 0;
  let ta = 0;
  let tb = 0;
  for (const [s, wa] of a.words) {
    const w = idf.get(s) ?? 1;
    ta += wa * w;
    const wb = b.words.get(s);
    if (wb !== undefined) inter += Math.min(wa, wb) * w;
  }
  for (const [s, wb] of b.words) tb += wb * (idf.get(s) ?? 1);
  const small = Math.min(ta, tb);
  return small === 0 ? 0 : inter / small;
}

const SPAN_QUALIFIER = /^[\p{L}\d]+-(?:year|month|week|day|hour|minute)$/u;

function spanQualifiers(frame: ClaimFrame): Set<string> {
  return new Set(frame.terms.filter((t) => SPAN_QUALIFIER.test(t)));
}

/** The middle of a value's interval; a ceiling ("up to 1.2 million") counts as its known end. */
function middle(f: Feat): number {
  const i = f.interval;
  if (!i) return 0;
  // (A floor, "at least 312", stays unbounded: a tally's floor is read against no single value.)
  const lo = Number.isFinite(i.lo) ? i.lo : i.hi;
  return Number.isFinite(lo) && Number.isFinite(i.hi) ? Math.abs((lo + i.hi) / 2) : Infinity;
}

function ratio(a: Feat, b: Feat): number {
  const x = middle(a);
  const y = middle(b);
  if (x === 0 || y === 0) return x === y ? 1 : Infinity;
  return Math.max(x, y) / Math.min(x, y);
}

/**
 * The day a running tally holds at: the day its sentence names, else the day the
 * article was published. Null for a value that is not a tally or has no day.
 */
export function tallyDay(f: Feat): string | null {
  const q = quantityFrame(f);
  if (!q || !q.frame.running) return null;
  return q.frame.asOf ?? f.article.publishedAt ?? null;
}

/**
 * Whether two numbers (same unit, already in one block) state one fact. Returns null
 * when either claim has no frame (an editor-made claim), so the caller can fall back.
 */
export function sameQuantityFrame(a: Feat, b: Feat, idf: Map<string, number>): boolean | null {
  const qa = quantityFrame(a);
  const qb = quantityFrame(b);
  if (!qa || !qb) return null;
  const fa = qa.frame;
  const fb = qb.frame;
  if (fa.per !== fb.per) return false;
  // Shares read at two stages of a count (or one at a stage, one final) are two readings.
  if ((fa.progress ?? null) !== (fb.progress ?? null)) return false;
  // Two different places of one level (two towns, two countries) never compare; a town
  // and a country may be the same figure located more or less precisely.
  if (fa.place && fb.place && fa.place !== fb.place && isCountry(fa.place) === isCountry(fb.place))
    return false;
  // A value for one place beside one for nowhere in particular, where either sentence
  // marks a part or a whole ("in Villa Marcona alone", "nationally"): a subtotal and a total.
  if (
    (fa.place === null) !== (fb.place === null) &&
    (PART_OR_WHOLE.test(a.sentence.folded) ||
      PART_OR_WHOLE.test(b.sentence.folded) ||
      partOfGroup(fa.place ? a : b) ||
      inBreakdown(fa.place ? a : b))
  )
    return false;
  // Two holders of one kind (two parties, two companies, two countries) hold two values; a
  // country beside a company may be the state acting for it ("the Dutch state is taking on
  // a guarantee" for the bank).
  if (
    fa.holder &&
    fb.holder &&
    fa.holder !== fb.holder &&
    !sharesWord(fa.holder, fb.holder) &&
    (isCountry(fa.holder) === isCountry(fb.holder) || a.claim.kind === 'time' || b.claim.kind === 'time')
  )
    return false;
  if (qa.outcome && qb.outcome && qa.outcome !== qb.outcome) return false;
  // "11 of them were in critical condition", "eight of whom had not been named": parts of a
  // group compare only by what they say of the part, and two parts in one article are two.
  const partA = PARTITIVE_QUOTE.test(a.claim.quote);
  const partB = PARTITIVE_QUOTE.test(b.claim.quote);
  if (partA || partB) {
    if (partA && partB && a.claim.articleId === b.claim.articleId) return false;
    if (![...qa.property].some((w) => qb.property.has(w))) return false;
  }
  if (!sameReference(a, b)) return false;
  // "the ten-year yield" and "the two-year yield", "30-day" and "90-day": a term qualified
  // by another span of time is another quantity.
  const spanA = spanQualifiers(fa);
  const spanB = spanQualifiers(fb);
  if (spanA.size > 0 && spanB.size > 0 && ![...spanA].some((q) => spanB.has(q))) return false;
  const overlap = wordingOverlap(qa, qb, idf);
  // Times of one story compare in UTC: few happenings get a clock time, so less wording is needed.
  if (a.claim.kind === 'time' || b.claim.kind === 'time')
    return (
      ((overlap >= SAME_TIME || sameAct(a, b)) && timeGap(a, b) <= MAX_TIME_GAP) || sameClockReading(a, b)
    );
  // Values far apart are two quantities, however alike the wording: a transposed digit
  // (14 and 41) stays within reach only when the words the values attach to agree.
  const sameProperty = [...qa.property].some((w) => qb.property.has(w));
  // (Two digits swapped, "61 injured" and "16 injured", stay within reach when the words the
  // values attach to agree, however far apart the values.)
  if (ratio(a, b) > (sameProperty ? MAX_RATIO_SAME_PROPERTY : MAX_RATIO) && !(sameProperty && swapped(a, b)))
    return false;
  // Race times a tenth apart are two races (the men's and the women's), not one misreported.
  if (a.unit === b.unit && /^(?:unit:)?seconds?$/.test(a.unit ?? '') && ratio(a, b) > MAX_RATIO_RACE_TIME)
    return false;
  if (overlap >= CLOSE_WORDING) return true;
  // Two ranges of one unit ("an estimate of £45 million to £60 million", "estimated at £35
  // million to £50 million"): estimates and forecasts, rare enough that some shared wording will do.
  if (a.ends && b.ends && overlap >= SAME_NOUN) return true;
  if (qa.outcome && qa.outcome === qb.outcome) return true;
  // The same words attached to both values ("… of rain"): half the wording evidence will do.
  if (sameProperty && overlap >= SAME_FACT / 2) return true;
  // The same words the values attach to, and values close: one quantity, however much else
  // each outlet wrote around it ("sentenced to 11 years and six months in prison", "Arrufat's
  // 13-year sentence was greeted with applause").
  if (sameProperty && ratio(a, b) <= CLOSE_VALUES) return true;
  // One holder's value given bare in a list ("the agrarian Rural League 9.7%") beside the same
  // holder's close value elsewhere ("the Rural League took 11.4%"): its share, misreported.
  if (
    fa.holder &&
    fa.holder === fb.holder &&
    (fa.property === null || fb.property === null) &&
    ratio(a, b) <= CLOSE_VALUES
  )
    return true;
  // One body's measure of the story in one unit ("the Geological Survey estimated 1.4
  // million cubic metres", "according to an estimate published by the Geological Survey,
  // 2.4 million cubic metres"): one quantity, however each outlet words the rest.
  if (
    a.claim.kind === 'figure' &&
    b.claim.kind === 'figure' &&
    physicalUnit(a.unit) &&
    sameSource(fa.source, fb.source) &&
    ratio(a, b) <= MAX_RATIO
  )
    return true;
  // The same precise number twice ("€386.4 million", "1,140") is the same quantity.
  if (sameDigits(a, b)) return true;
  // Both tied to the same stated period, close in value and sharing some wording.
  if (fa.period && fa.period === fb.period && ratio(a, b) <= 1.3 && overlap >= SAME_PERIOD) return true;
  // Two neighbouring digits swapped in an amount of one unit ("6.4%" and "4.6%", "184.6
  // billion" and "186.4 billion"), with some wording shared: one figure, copied wrongly.
  if (a.claim.kind === 'figure' && b.claim.kind === 'figure' && swapped(a, b) && overlap >= SAME_NOUN)
    return true;
  // Counts of one specific thing ("investors", "carriages") need less wording than "people".
  const noun = countedNoun(a);
  // A slipped digit in a precise count of one thing, however general the thing ("7,480
  // cases", "7,840 cases").
  // (One thing under two names counts too: "6,800 of the positions", "7,800 of the cuts".)
  const sameThing =
    noun !== null && (noun === countedNoun(b) || (countedNoun(b) !== null && a.unit === b.unit));
  if (sameThing && misprint(a, b)) return true;
  if (sameThing && !GENERIC_COUNTED.has(noun) && !GENERIC_COUNTED.has(a.unit ?? ''))
    return overlap >= SAME_NOUN;
  return overlap >= SAME_FACT;
}

/**
 * The same odd clock reading in the same zone ("21:47 local time") in two articles: one
 * moment retold, however differently each outlet words it or converts it to GMT.
 */
function sameClockReading(a: Feat, b: Feat): boolean {
  const va = a.claim.value;
  const vb = b.claim.value;
  return (
    va.type === 'time' &&
    vb.type === 'time' &&
    a.claim.articleId !== b.claim.articleId &&
    va.zone !== null &&
    ((va.zone === vb.zone && va.minutes === vb.minutes && va.minutes % 15 !== 0) ||
      // "04:52 local time (03:52 GMT)" and "4:52 a.m. (0352 GMT)": the same odd moment in UTC.
      (va.utc !== null && va.utc === vb.utc && va.utc % 15 !== 0))
  );
}

/**
 * What made the moment: a time's clause names a public act (a statement issued, results
 * announced, a notice released) or a kind of happening (an attack, a launch). Outlets word
 * these differently ("a joint statement issued at 0700 GMT", "both companies announced at
 * 7.00"), so two times of one story whose clauses name the same act are one moment unless
 * the clock puts them far apart.
 */
function sameAct(a: Feat, b: Feat): boolean {
  const acts = (f: Feat): Set<string> => {
    const text = f.sentence.folded.slice(Math.max(f.clause.start, f.pos - 90), f.pos);
    const out = new Set<string>();
    if (PUBLIC_ACT.test(text)) out.add('public');
    // An accident and an attack are both the story's happening: "the first explosions came
    // shortly after 01:15", "the attack began at 00:15 GMT".
    if (MISHAP.test(text)) out.add('attack');
    if (START.test(text)) out.add('start');
    for (const e of eventMentions(text)) out.add(e.family);
    return out;
  };
  if (a.claim.articleId === b.claim.articleId) return false;
  // The same named thing the clock reading is about ("struck Drosia Reef at 00:40 GMT",
  // "hit Drosia Reef at 03:40 local time"): one moment of the story, however it is worded.
  const ha = a.claim.value.type === 'time' ? a.claim.value.frame?.holder : null;
  const hb = b.claim.value.type === 'time' ? b.claim.value.frame?.holder : null;
  if (ha && ha === hb) return true;
  const sa = acts(a);
  return [...acts(b)].some((x) => sa.has(x));
}

/** What went wrong, in the words any accident report uses: a ship grounded, a train derailed. */
const MISHAP =
  /\b(?:hit|struck|ran aground|grounded|collided|collision|derailed|capsized|sank|sunk|collapsed|exploded|explosions?|blasts?|detonations?|impacts?|erupted|crashed|caught fire)\b/;

/** A beginning, however worded: "set off at 08:30", "the 07:30 GMT start", "kicked off at 20:00". */
const START =
  /\b(?:start(?:s|ed|ing)?|began|begins|set off|sets off|kick(?:ed|s)? off|kick-off|got under way|under way|opened|opens|first (?:trade|trading|deal)|debut(?:ed|s)?)\b/;

const PUBLIC_ACT =
  /\b(?:announc\w*|statements?|disclos\w*|releas\w*|publish\w*|issued|notices?|filings?|press conference)\b/;

/**
 * What a percentage is measured against, named right after it: "a premium of 41% to
 * Brenner's closing price", "about 52% over the volume-weighted average share price".
 * Two percentages against references that share no word are two quantities.
 */
function sameReference(a: Feat, b: Feat): boolean {
  if (a.unit !== '%' || b.unit !== '%') return true;
  const ra = referenceOf(a);
  const rb = referenceOf(b);
  if (!ra || !rb) return true;
  return [...ra].some((w) => rb.has(w));
}

const REFERENCE =
  /^\s+(?:(?:premium|discount|increase|rise|drop|fall|gain|mark-up|markup)\s+)?(?:(?:to|over|above|below|against|compared with|compared to)\s+(?:the\s+|its\s+|their\s+|[\p{Lu}][\p{L}-]*['’]s\s+)?|on\s+(?:the\s+|[\p{Lu}][\p{L}-]*['’]s\s+))((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)/u;

/** Words any reference may use ("the share price", "its level last year"): they tell none apart. */
const REFERENCE_GENERIC = new Set(
  stems('the its their last this same share level year price rate value month months'),
);

function referenceOf(f: Feat): Set<string> | null {
  const m = REFERENCE.exec(
    f.sentence.text.slice(f.pos + f.claim.quote.length, f.pos + f.claim.quote.length + 80),
  );
  if (!m) return null;
  const words = stems(m[1]).filter((w) => !REFERENCE_GENERIC.has(w));
  return words.length > 0 ? new Set(words) : null;
}

/** Minutes between two times in UTC (or on the clock, when either zone is unknown), across midnight. */
function timeGap(a: Feat, b: Feat): number {
  const va = a.claim.value;
  const vb = b.claim.value;
  if (va.type !== 'time' || vb.type !== 'time') return Infinity;
  // A time with no zone is a clock reading somewhere in the story: set against the other's
  // clock reading, not waved through ("6 p.m." is not within reach of "11 a.m. (0900 GMT)").
  const both = va.utc !== null && vb.utc !== null;
  const x = both ? va.utc! : va.minutes;
  const y = both ? vb.utc! : vb.minutes;
  const d = Math.abs(x - y);
  return Math.min(d, 1440 - d);
}

/**
 * Two precise whole numbers (three significant digits or more) one slip apart: one digit changed or two neighbours swapped
 * ("181" and "171", "7,480" and "7,840"). Two outlets counting the same thing this
 * nearly alike are copying one figure, one of them wrongly.
 */
function misprint(a: Feat, b: Feat): boolean {
  const x = amount(a);
  const y = amount(b);
  if (x === null || y === null || x === y || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  const sx = String(x);
  const sy = String(y);
  // Precise numbers only: "32,000" and "38,000" are two round estimates, not one slip.
  if (sx.length !== sy.length || sx.replace(/0+$/, '').length < 3 || sy.replace(/0+$/, '').length < 3)
    return false;
  const diff = [...sx].flatMap((c, i) => (c === sy[i] ? [] : [i]));
  if (diff.length === 1) return true;
  return (
    diff.length === 2 && diff[1] === diff[0] + 1 && sx[diff[0]] === sy[diff[1]] && sx[diff[1]] === sy[diff[0]]
  );
}

/** The significant digits of two amounts, two neighbours swapped ("46" and "64"): not round numbers. */
function swapped(a: Feat, b: Feat): boolean {
  const x = amount(a);
  const y = amount(b);
  if (x === null || y === null || x === y) return false;
  const digits = (n: number) => String(Math.abs(n)).replace('.', '').replace(/^0+/, '');
  const sx = digits(x);
  const sy = digits(y);
  // Same magnitude: 4.6 and 64 are not one figure.
  if (
    sx.length !== sy.length ||
    sx.length < 2 ||
    Math.floor(Math.log10(Math.abs(x))) !== Math.floor(Math.log10(Math.abs(y)))
  )
    return false;
  const diff = [...sx].flatMap((c, i) => (c === sy[i] ? [] : [i]));
  return (
    diff.length === 2 && diff[1] === diff[0] + 1 && sx[diff[0]] === sy[diff[1]] && sx[diff[1]] === sy[diff[0]]
  );
}

/** A unit of physical measure (cubic metres, km, tonnes, mm), not money, a share or a count. */
function physicalUnit(unit: string | null): boolean {
  return unit !== null && unit !== 'n' && !/^cur:|^%$|^percentage|^split$|^seconds?$/.test(unit);
}

function sameSource(a: string | null, b: string | null): boolean {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/^the\s+/, '')
      .trim();
  return a !== null && b !== null && norm(a) === norm(b) && norm(a).length > 0;
}

/** Equal amounts written with at least three significant digits. */
function sameDigits(a: Feat, b: Feat): boolean {
  const x = amount(a);
  const y = amount(b);
  if (x === null || x !== y || x === 0) return false;
  const digits = String(Math.abs(x))
    .replace(/^0\.0*|\.|e.*$/g, '')
    .replace(/0+$/, '');
  return digits.length >= 3;
}

function amount(f: Feat): number | null {
  const v = f.claim.value;
  return v.type === 'figure' ? v.amount : v.type === 'count' ? v.count : null;
}

function isCountry(key: string): boolean {
  return KNOWN_COUNTRIES.has(placeKey(key));
}

function countedNoun(f: Feat): string | null {
  const v = f.claim.value;
  return v.type === 'count' ? v.noun : null;
}

function sharesWord(a: string, b: string): boolean {
  const wa = new Set(a.split(' ').filter((w) => w.length >= 4));
  return b.split(' ').some((w) => wa.has(w));
}

/**
 * Whether two amounts measure the same kind of thing, loosely (a record against a
 * precedent): their outcomes and rates agree. Used where a precedent from another year
 * is the point, so period, place and wording are not asked for.
 */
export function sameKindOfAmount(
  a: Feat,
  b: Feat,
  idf: Map<string, number>,
  needed: number = SAME_KIND,
): boolean {
  const qa = quantityFrame(a);
  const qb = quantityFrame(b);
  if (!qa || !qb) return true;
  if (qa.frame.per !== qb.frame.per) return false;
  if (qa.outcome && qb.outcome) return qa.outcome === qb.outcome;
  // A rate is a rate of something: two percentages must name it alike. Amounts of money or
  // things in one story are taken to be of one kind unless their outcome differs.
  if (a.unit !== '%' && a.unit !== 'percentage points') return true;
  return needed === 0 || wordingOverlap(qa, qb, idf) >= needed;
}

/** A count of people killed (a toll), by its frame's outcome. */
export function isToll(f: Feat): boolean {
  return quantityFrame(f)?.outcome === 'dead';
}

/**
 * How strongly a stray number reads as another outlet's version of a figure the story
 * repeats: 0 when nothing ties them, else the evidence. `kept` is the fact's members,
 * `consensus` the value most of its articles give. The wording evidence is the best
 * member's (shared words weighed by rarity, plus one for the same attached words); the
 * value must agree with the consensus (plus one), be one copying slip from it (plus
 * one), or be close to it (half again at most).
 */
export function variantEvidence(
  stray: Feat,
  kept: Feat[],
  consensus: Feat,
  idf: Map<string, number>,
): number {
  if (stray.unit !== consensus.unit || stray.relative !== consensus.relative) return 0;
  const slip = misprint(stray, consensus) || swapped(stray, consensus);
  const r = ratio(stray, consensus);
  if (!slip && r > CLOSE_VALUES) return 0;
  const qa = quantityFrame(stray);
  if (!qa) return 0;
  let wording = 0;
  for (const k of kept) {
    const qb = quantityFrame(k);
    if (!qb) continue;
    const fa = qa.frame;
    const fb = qb.frame;
    if (fa.per !== fb.per || (fa.progress ?? null) !== (fb.progress ?? null)) continue;
    if (qa.outcome && qb.outcome && qa.outcome !== qb.outcome) continue;
    // A number for one place is a part of the story's figure for another or for none.
    if ((fa.place ?? null) !== (fb.place ?? null)) continue;
    if (fa.holder && fb.holder && fa.holder !== fb.holder && !sharesWord(fa.holder, fb.holder)) continue;
    if (!sameReference(stray, k)) continue;
    const overlap = wordingOverlap(qa, qb, idf);
    const sameProperty = [...qa.property].some((w) => qb.property.has(w));
    if (overlap < SAME_NOUN && !sameProperty && !slip) continue;
    wording = Math.max(wording, overlap + (sameProperty ? 1 : 0));
  }
  if (wording === 0 && !slip) return 0;
  return wording + (slip ? 1 : 0) + (r <= 1.02 ? 1 : 0);
}
