/**
 * Ranges: "7-9%", "between 8 and 10 percent", "20 to 30 homes", "between £45m and
 * £60m", "€45-60 million". A range is one claim with two ends, so "7-9%" is neither
 * "9%" nor "7%", and "between 8 and 10 percent" can be set against it end by end.
 *
 * "from 4% to 6%" is a change, not a range, and "rose £5 million to £60 million" a
 * rise and its level; neither is read as a range.
 */
import { NUMBER_WORD_RE, NUM_RE, parseNum, parseNumberWord, type NumberStyle } from './context';

/** A range's ends are of one magnitude: "1-800 km" is not a range of distances. */
const MAX_SPREAD = 10;

const LOW = `(?<lo>${NUM_RE}|${NUMBER_WORD_RE})`;
/** "7-9%", "7–9 %": a bare low end joined by a dash (digits only: "twenty-five" is one number). */
const DASHED = new RegExp(`(?<![\\p{L}\\d.,\\-–—])(?<lo>${NUM_RE})\\s?[-–—]\\s?$`, 'u');
/** "between 8 and 10 percent". */
const BETWEEN = new RegExp(`\\bbetween\\s+${LOW}\\s+and\\s+$`, 'iu');
/** "20 to 30 homes", "7 bis 9 %". */
const TO = new RegExp(`(?<![\\p{L}\\d.,\\-–—])${LOW}\\s+(?:to|bis)\\s+$`, 'iu');
/** Words before a low end that make "A to B" a change ("from 4 to 6%", "cut 25 to 50 jobs"). */
const CHANGE_BEFORE =
  /\b(?:from|von|de|by|rose|risen|rising|fell|fallen|falling|climbed|jumped|grew|increased|decreased|dropped|cut|raised|lowered|lifted|reduced|slashed|trimmed)\s+$/i;

export interface RangeLow {
  /** Offset in the sentence where the range starts ("between", or the low end). */
  start: number;
  /** The low end as written, without scale. */
  value: number;
  /** The low end's text, for its written precision. */
  text: string;
}

function lowValue(text: string, style: NumberStyle): number | null {
  if (/^\d/.test(text)) {
    const n = parseNum(text, style);
    return Number.isFinite(n) ? n : null;
  }
  return parseNumberWord(text);
}

/**
 * The bare low end of a range that ends with the number starting at `at`, if the
 * words before it make one ("7-" of "7-9%", "between 8 and " of "between 8 and 10 percent").
 */
export function rangeLowBefore(s: string, at: number, style: NumberStyle): RangeLow | null {
  const before = s.slice(Math.max(0, at - 48), at);
  const offset = at - before.length;
  for (const re of [BETWEEN, DASHED, TO]) {
    const m = re.exec(before);
    if (!m?.groups) continue;
    const lo = m.groups['lo']!;
    const loAt = offset + m.index + m[0].indexOf(lo);
    if (re === TO && CHANGE_BEFORE.test(s.slice(Math.max(0, loAt - 16), loAt))) return null;
    // "the 2019-20 season", "pages 12-14": a dash joins many things; a year never starts a range here.
    if (re === DASHED && /^\d{4}$/.test(lo)) return null;
    const value = lowValue(lo, style);
    if (value === null) return null;
    return { start: offset + m.index, value, text: lo };
  }
  return null;
}

/**
 * Whether two numbers that each carry a unit or currency ("£45 million", "£60 million")
 * are the ends of one range, from the words between and before them.
 */
export function joinsAsRange(s: string, first: { start: number; end: number }, secondStart: number): boolean {
  const between = s.slice(first.end, secondStart);
  const before = s.slice(Math.max(0, first.start - 16), first.start);
  if (/^\s?[-–—]\s?$/.test(between)) return true;
  if (/^\s+and\s+$/i.test(between)) return /\bbetween\s+$/i.test(before);
  if (/^\s+(?:to|bis)\s+$/i.test(between))
    return !CHANGE_BEFORE.test(before) && !/\b(?:up|down)\s+$/i.test(before);
  return false;
}

/** The low end in base units: scaled like the high end when that keeps it below ("8 and 10 billion"). */
export function scaledLow(lo: number, scale: number, hi: number): number | null {
  const scaled = lo * scale;
  const value = scaled < hi ? scaled : lo < hi ? lo : null;
  if (value === null || value < 0) return null;
  if (value > 0 && hi / value > MAX_SPREAD) return null;
  return value;
}
