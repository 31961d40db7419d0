/**
 * Small text tools for the matcher: folded tokens, crude stems, clause spans and
 * years. The matcher reads sentences itself (rather than trusting only the
 * extractor's fields) because structure — who went where, when, in which clause —
 * is what tells two facts apart; surface similarity alone does not (see
 * notes/nlp-measurements.md: word overlap scores true paraphrases at 0.15).
 *
 * Everything here works on `foldSameLength` text so offsets found in the folded copy
 * are offsets into the sentence.
 */
import { foldKey, foldSameLength } from '../../shared/fold';

/** Lower-cased, diacritic-free copy with the same length as the input. */
export function foldText(text: string): string {
  // Most prose is plain ASCII: skip the per-character folding then.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) {
      out += ch;
      continue;
    }
    let f = FOLDED_CHARS.get(ch);
    if (f === undefined) FOLDED_CHARS.set(ch, (f = foldSameLength(ch)));
    out += f;
  }
  return out.toLowerCase();
}

/** Non-ASCII characters folded once per process: names repeat across a desk. */
const FOLDED_CHARS = new Map<string, string>();

const STOPWORDS = new Set(
  (
    'a an the of to in on at by for from with and or but as is are was were be been being has have had do does did ' +
    'this that these those it its their his her they them he she we our you your i not no nor so than then there ' +
    'which who whom whose what when where while also both each other such into over under between about after before ' +
    'during since until up down out off more most very can could will would should may might must shall said says ' +
    'according two one all any some many much new well just only'
  ).split(' '),
);

/** Crude English stemmer: enough to make "signed"/"signing"/"signs" and "agreements"/"agreement" meet. */
const IRREGULAR: Record<string, string> = {
  sold: 'sell',
  paid: 'pay',
  bought: 'buy',
  met: 'meet',
  held: 'hold',
  grew: 'grow',
  grown: 'grow',
  fell: 'fall',
  fallen: 'fall',
  rose: 'rise',
  risen: 'rise',
  won: 'win',
  lost: 'lose',
  began: 'begin',
  begun: 'begin',
  took: 'take',
  taken: 'take',
  came: 'come',
  went: 'go',
  gone: 'go',
  made: 'make',
  died: 'die',
  dead: 'die',
  death: 'die',
  killed: 'kill',
  flooding: 'flood',
  floods: 'flood',
  flooded: 'flood',
  founded: 'found',
  founding: 'found',
  burst: 'flood',
  overflowed: 'flood',
  shrank: 'shrink',
  shrunk: 'shrink',
  spent: 'spend',
  built: 'build',
};

export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && (w.endsWith('ing') || w.endsWith('ed'))) w = w.replace(/(ing|ed)$/, '');
  else if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Folded content-word stems of a text (numbers kept: "2023" is content). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldKey(text).split(' ')) {
    // A possessive is its noun: "the firm's history" is about the firm.
    const tok = raw.replace(/'s?$/, '');
    if (tok.length < 2 || STOPWORDS.has(tok)) continue;
    out.push(stem(tok));
  }
  return out;
}

/** Word shingles (1- and 2-grams of content stems) for Jaccard similarity. */
export function shingles(text: string): Set<string> {
  const stems = contentStems(text);
  const set = new Set<string>(stems);
  for (let i = 0; i + 1 < stems.length; i++) set.add(stems[i] + '_' + stems[i + 1]);
  return set;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Clauses of a sentence: split at ";", at ", and"/", but"/", while" and at
 * sentence-internal " - " dashes. Two visits in one sentence ("X visited A in 1980,
 * and Y visited B in 1983") must not lend each other their dates.
 */
export function clauses(sentence: string): Span[] {
  const folded = foldText(sentence);
  const cuts: number[] = [0];
  const re = /;|,\s+(?:and|but|while|whereas|when|where|after which)\s|\s[–—-]\s|,\s+which\s/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) cuts.push(m.index + 1);
  cuts.push(sentence.length);
  const out: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++)
    if (cuts[i + 1] > cuts[i]) out.push({ start: cuts[i], end: cuts[i + 1] });
  return out;
}

export function clauseAt(spans: Span[], pos: number): Span {
  for (const s of spans) if (pos >= s.start && pos < s.end) return s;
  return spans[spans.length - 1] ?? { start: 0, end: 0 };
}

export interface YearMention {
  start: number;
  end: number;
  /** First and last year covered ("early 1980s" → 1980..1983). */
  from: number;
  to: number;
}

/** Years and decades written in a text ("1959", "the early 1980s", "1950s", "2022–2024"). */
export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  const re = /\b(?:(early|mid|late)[\s-]+)?((?:1[6-9]|20)\d)0s\b|\b((?:1[6-9]|20)\d\d)\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[2]) {
      const base = Number(m[2]) * 10;
      const part = m[1]?.toLowerCase();
      const [from, to] =
        part === 'early'
          ? [base, base + 3]
          : part === 'mid'
            ? [base + 3, base + 6]
            : part === 'late'
              ? [base + 6, base + 9]
              : [base, base + 9];
      out.push({ start: m.index, end: m.index + m[0].length, from, to });
    } else {
      const y = Number(m[3]);
      // "1,982" or "UNCLOS 1982"-like labels still count as years; amounts like 2023.5 do not occur in prose.
      out.push({ start: m.index, end: m.index + m[0].length, from: y, to: y });
    }
  }
  return out;
}

/** Title-cases a folded key for labels when no written form is at hand. */
export function titleCase(key: string): string {
  return key.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/**
 * The written form of an entity key inside a text ("to lam" → "Tô Lâm"), so labels
 * keep diacritics; falls back to title case.
 */
export function writtenForm(key: string, texts: string[]): string {
  const words = key.split(' ').length;
  for (const text of texts) {
    const folded = foldText(text);
    const i = folded.indexOf(key);
    if (i >= 0 && words > 0) return text.slice(i, i + key.length);
  }
  return titleCase(key);
}
