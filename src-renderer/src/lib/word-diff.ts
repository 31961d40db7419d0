/**
 * Turns a board cell's wording into display segments: the words that differ from
 * the row's reference claim (word-level diff with `diff`) and the numbers and
 * dates an editor's eye should land on. Words are tokenised here rather than by
 * `diffWords`, which splits "$594.6" at the point and would mark "594" and "6"
 * as changed but leave the point plain. Segments are plain text; the component
 * renders them as text nodes, never as HTML.
 */
import { diffArrays } from 'diff';

export interface DiffSegment {
  text: string;
  /** Differs from the reference wording. */
  changed: boolean;
  /** A number, amount, percentage, month or weekday. */
  emphasis: boolean;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const SCALE = 'million|billion|trillion|thousand|percent|per cent|bn';

/** Numbers with their currency, scale or percent sign; month and weekday names. */
const EMPHASIS = new RegExp(
  `(?:[$€£¥₫]\\s?)?\\d(?:[\\d.,:/–-]*\\d)?(?:\\s?%|\\s(?:${SCALE})\\b)?|\\b(?:${MONTHS}|${WEEKDAYS})\\b`,
  'g',
);

function push(out: DiffSegment[], seg: DiffSegment): void {
  if (!seg.text) return;
  const last = out.at(-1);
  if (last && last.changed === seg.changed && last.emphasis === seg.emphasis) last.text += seg.text;
  else out.push({ ...seg });
}

/** Splits text into emphasised (numbers, dates) and plain runs, keeping `changed`. */
export function emphasise(text: string, changed = false, out: DiffSegment[] = []): DiffSegment[] {
  let at = 0;
  for (const m of text.matchAll(EMPHASIS)) {
    push(out, { text: text.slice(at, m.index), changed, emphasis: false });
    push(out, { text: m[0], changed, emphasis: true });
    at = m.index + m[0].length;
  }
  push(out, { text: text.slice(at), changed, emphasis: false });
  return out;
}

/** Words keep inner points, commas and hyphens ("$594.6", "first-ever"); spacing is compared apart. */
const WORD = /[\p{L}\p{N}$€£¥₫][\p{L}\p{N}.,:/%'’–-]*[\p{L}\p{N}%]|[\p{L}\p{N}$€£¥₫%]|\s+|[^\s]/gu;

function words(text: string): string[] {
  // Spacing tokens are normalised so "a  visit" and "a visit" align.
  return (text.match(WORD) ?? []).map((w) => (/^\s+$/.test(w) ? ' ' : w));
}

/**
 * The cell's text as segments, marking what the reference wording does not
 * have. Removed words are not shown: the cell shows this article's wording only.
 */
export function diffSegments(reference: string | null, text: string): DiffSegment[] {
  if (reference === null || reference === text) return emphasise(text);
  const parts = diffArrays(words(reference), words(text));
  // Two sentences written independently share only small words: marking every other word
  // as changed hides the one that matters, so a wording that shares under a third of
  // its words with the reference is shown plain (its numbers and dates still stand out).
  const wordCount = (ws: string[]) => ws.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const shared = wordCount(parts.filter((p) => !p.added && !p.removed).flatMap((p) => p.value));
  if (shared < Math.max(wordCount(words(reference)), wordCount(words(text))) / 3) return emphasise(text);
  const out: DiffSegment[] = [];
  for (const part of parts) {
    if (part.removed) continue;
    const value = part.value.join('');
    // A change in spacing alone is not a different wording.
    const changed = Boolean(part.added) && value.trim() !== '';
    emphasise(value, changed, out);
  }
  return out;
}
