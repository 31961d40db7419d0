/**
 * Growth and decline wording against the numbers: "rose to 86,000 from 97,500",
 * "infections slowed on Thursday" beside "389 new cases on Thursday, against 352 on
 * Wednesday", "deaths rose in December" beside "38 in December, down from 52 in
 * November".
 *
 * A series is one sentence that states two values of one unit at two moments: a
 * "from" value and a "to" value, or two values each with its own day, month or year.
 * A trend word is checked against the series in its own sentence, and against any
 * series of the same story whose wording it shares (weighed by rarity, as numbers are
 * compared) and whose later moment is the trend's own moment, when it names one.
 */
import type { Feat } from './features';
import { sameStory } from './features';
import { stem } from './text';

export interface Series {
  early: Feat;
  late: Feat;
  /** The later value's moment as written ("Thursday", "December", "2024"), or null. */
  moment: string | null;
  words: Set<string>;
}

type Add = (sideA: number[], sideB: number[], explanation: string) => void;

const FROM_BEFORE =
  /\b(?:from|against|compared (?:with|to)|versus|vs\.?|up from|down from|after)\s+(?:(?:about|around|some|nearly|almost|over|more than|at least|just)\s+)?$/i;
/** Small words that carry no meaning in a trend's clause. */
const STOP = new Set(
  (
    'the a an of to in on at by for from with and or but as is are was were be been has have had its their this that than it they there up down still again also rose fell grew ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december year month week day'
  ).split(' '),
);

function amountOf(f: Feat): number {
  const v = f.claim.value;
  return v.type === 'figure' ? v.amount : v.type === 'count' ? v.count : NaN;
}

/** Content words of a clause, names left out: who and where do not say what is measured. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  text.split(/[^\p{L}]+/u).forEach((raw, i) => {
    if (i > 0 && /^\p{Lu}/u.test(raw)) return;
    const w = raw.toLowerCase();
    if (w.length < 3 || STOP.has(w)) return;
    out.add(stem(w).slice(0, 5));
  });
  return out;
}

/** The date words nearest after (else before) a value in its sentence: its moment. */
function momentOf(f: Feat, others: Feat[]): string | null {
  const dates = f.sentence.claims.filter((c) => c.claim.kind === 'date');
  const end = f.pos + f.claim.quote.length;
  let best: Feat | null = null;
  let bestD = Infinity;
  for (const d of dates) {
    // A date closer to another value of the sentence is that value's.
    const dist = d.pos >= end ? d.pos - end : (f.pos - (d.pos + d.claim.quote.length)) * 2;
    if (dist < 0 || dist > 60) continue;
    const closer = others.some((o) => {
      if (o === f) return false;
      const oe = o.pos + o.claim.quote.length;
      const od = d.pos >= oe ? d.pos - oe : (o.pos - (d.pos + d.claim.quote.length)) * 2;
      return od >= 0 && od < dist;
    });
    if (!closer && dist < bestD) [best, bestD] = [d, dist];
  }
  return best ? best.claim.quote.toLowerCase().replace(/^(?:on|in)\s+/, '') : null;
}

/** The moment of a value as an ISO date or year ("2021", "2026-12", "2025-01-16"), for ordering. */
function isoMoment(f: Feat, others: Feat[]): string | null {
  if (f.period && f.period.from === f.period.to) {
    const own = momentDate(f, others);
    return own ?? String(f.period.from);
  }
  return momentDate(f, others);
}

function momentDate(f: Feat, others: Feat[]): string | null {
  const words = momentOf(f, others);
  if (!words) return null;
  const d = f.sentence.claims.find(
    (c) => c.claim.kind === 'date' && c.claim.quote.toLowerCase().replace(/^(?:on|in)\s+/, '') === words,
  );
  const v = d?.claim.value;
  return v && v.type === 'date' && /^\d{4}/.test(v.date) ? v.date : null;
}

/**
 * The clock time a value was read at, named right after it ("212 micrograms per cubic
 * metre at midnight", "64 by 8 a.m."), in minutes of the day; null when none is named
 * before the next number.
 */
function clockOf(f: Feat): number | null {
  const after = f.sentence.text.slice(f.pos + f.claim.quote.length, f.pos + f.claim.quote.length + 48);
  const upTo = after.search(/\d/);
  const m = CLOCK_AFTER.exec(after);
  if (!m || (upTo >= 0 && upTo < m.index + m[0].indexOf(m[1]))) return null;
  const w = m[1].toLowerCase();
  if (w === 'midnight') return 0;
  if (w === 'noon' || w === 'midday') return 720;
  let h = Number(m[2] ?? m[5]);
  const min = Number(m[3] ?? m[6] ?? 0);
  if (m[4]) {
    if (/p/i.test(m[4]) && h < 12) h += 12;
    if (/a/i.test(m[4]) && h === 12) h = 0;
  }
  return h * 60 + min;
}

const CLOCK_AFTER =
  /^[^.;\d]{0,36}?\b(?:at|by|until|before|after)\s+(midnight|noon|midday|(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)|(\d{1,2})[:.](\d{2}))/i;

/** Series stated in one sentence each. */
export function seriesOf(feats: Feat[]): Series[] {
  const bySentence = new Map<object, Feat[]>();
  for (const f of feats) {
    if ((f.claim.kind !== 'figure' && f.claim.kind !== 'count') || f.relative || !f.interval) continue;
    const list = bySentence.get(f.sentence) ?? [];
    list.push(f);
    bySentence.set(f.sentence, list);
  }
  const out: Series[] = [];
  for (const values of bySentence.values()) {
    if (values.length < 2 || values.length > 6) continue;
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        const [x, y] = [values[i], values[j]];
        if (i === j || x.unit !== y.unit) continue;
        // y is the earlier value when "from"/"against" introduces it, or when each value
        // has its own moment and y's comes first ("€14.2 million in 2020 and … €9.8 million in 2021").
        const beforeY = y.sentence.text.slice(Math.max(0, y.pos - 24), y.pos);
        const [mx, my] = [isoMoment(x, values), isoMoment(y, values)];
        const [cx, cy] = [clockOf(x), clockOf(y)];
        const dated =
          (mx !== null && my !== null && my < mx && mx.length === my.length) ||
          // "212 micrograms at midnight and 64 by 8 a.m.": two readings of one day by the clock.
          (mx === my && cx !== null && cy !== null && cy < cx);
        if (!FROM_BEFORE.test(beforeY) && !dated) continue;
        if (FROM_BEFORE.test(beforeY) && mx !== null && my !== null && my > mx) continue;
        out.push({
          early: y,
          late: x,
          moment: momentOf(x, values),
          words: wordsOf(x.sentence.text.slice(x.clause.start, x.clause.end)),
        });
      }
    }
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>, idf: Map<string, number>): number {
  let inter = 0;
  let ta = 0;
  let tb = 0;
  for (const w of a) {
    const weight = idf.get(w) ?? 1;
    ta += weight;
    if (b.has(w)) inter += weight;
  }
  for (const w of b) tb += idf.get(w) ?? 1;
  const small = Math.min(ta, tb);
  return small === 0 ? 0 : inter / small;
}

/** Series indexed under one word at most: a word that common says nothing of what is measured. */
const WORD_CAP = 200;

/** Wording a trend must share with a series in another sentence to be about it. */
const SAME_SERIES = 0.34;
/** The same, for a series a few sentences away in the trend's own article. */
const SAME_SERIES_NEARBY = 0.15;

export function trendVersusSeries(
  feats: Feat[],
  trends: Array<{ f: Feat; dir: 'up' | 'down' }>,
  idf: Map<string, number>,
  add: Add,
): void {
  const series = seriesOf(feats);
  if (series.length === 0) return;
  // Candidates by article and by word, so a trend meets only series it could be about:
  // the cost grows with the desk, not with trends × series.
  const byArticle = new Map<number, Series[]>();
  const byWord = new Map<string, Series[]>();
  for (const s of series) {
    const list = byArticle.get(s.late.claim.articleId) ?? [];
    list.push(s);
    byArticle.set(s.late.claim.articleId, list);
    for (const w of s.words) {
      const l = byWord.get(w) ?? [];
      if (l.length < WORD_CAP) l.push(s);
      byWord.set(w, l);
    }
  }
  for (const { f, dir } of trends) {
    const trendWords = wordsOf(f.sentence.text.slice(f.clause.start, f.clause.end));
    const trendMoment = momentOf(f, []);
    const candidates = new Set<Series>(byArticle.get(f.claim.articleId) ?? []);
    for (const w of trendWords) for (const s of byWord.get(w) ?? []) candidates.add(s);
    // Every series the trend is about and contradicts: its own sentence's, and others whose
    // wording it shares (a neighbouring sentence of its article needs less).
    const against: Series[] = [];
    // "Corporate tax falls from 22% to 20%": a trend that its own sentence's figures bear
    // out is about them, not about another series of the story ("VAT goes from 21% to 23%").
    const ownValues = f.sentence.claims.some((c) => c.claim.kind === 'figure' || c.claim.kind === 'count');
    const borneOut = [...candidates].some((s) => {
      if (s.late.sentence !== f.sentence) return false;
      const a = amountOf(s.early);
      return a > 0 && (amountOf(s.late) - a) / a > 0 === (dir === 'up');
    });
    for (const s of candidates) {
      if (borneOut && s.late.sentence !== f.sentence) continue;
      if (s.late.sentence === f.sentence) {
        if (s.late.pos + s.late.claim.quote.length < f.pos) continue;
      } else {
        if (!sameStory(f.article, s.late.article)) continue;
        if (trendMoment && s.moment && trendMoment !== s.moment) continue;
        const near =
          s.late.claim.articleId === f.claim.articleId &&
          Math.abs(s.late.claim.sentenceStart - f.claim.sentenceStart) < 400;
        // The figures a trend is told with come in the sentence right after it ("Consumption
        // climbed on Thursday. At noon the grid carried 8,300 MW, against 8,750 …"), when
        // its own sentence gives none.
        const next = near && !ownValues && nextSentence(f, s.late);
        if (!next && overlap(trendWords, s.words, idf) < (near ? SAME_SERIES_NEARBY : SAME_SERIES)) continue;
      }
      const a = amountOf(s.early);
      const b = amountOf(s.late);
      if (!(a > 0)) continue;
      const change = (b - a) / a;
      if ((dir === 'up' && change < -0.02) || (dir === 'down' && change > 0.02)) against.push(s);
    }
    if (against.length === 0) continue;
    const first = against[0];
    const change = (amountOf(first.late) - amountOf(first.early)) / amountOf(first.early);
    add(
      [f.claim.id],
      against.slice(0, 4).flatMap((s) => [s.early.claim.id, s.late.claim.id]),
      `“${f.claim.quote}” says ${dir === 'up' ? 'it rose' : 'it fell'}, but the figures go from ${first.early.claim.quote} to ${first.late.claim.quote}${first.moment ? ' (' + first.moment + ')' : ''}, ${change < 0 ? 'a fall' : 'a rise'} of ${Math.round(Math.abs(change) * 100)}%.`,
    );
  }
}

/** Whether `g`'s sentence is the one right after `f`'s in the same paragraph. */
function nextSentence(f: Feat, g: Feat): boolean {
  if (g.claim.articleId !== f.claim.articleId) return false;
  const end = f.claim.sentenceStart + f.sentence.text.length;
  return g.claim.sentenceStart >= end && g.claim.sentenceStart - end <= 2;
}
