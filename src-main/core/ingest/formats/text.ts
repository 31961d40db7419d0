/**
 * Plain text: decoding, the one normalisation every format ends in, and the
 * metadata a bare article carries in its own words (headline, date line, the
 * agency's dateline or sign-off).
 *
 * Offsets of claims point into the normalised text, so normalisation happens
 * once, here, and changes only what cannot matter to a reader: Unicode
 * composition (NFC), line ends and invisible controls. Everything else stays
 * byte-for-byte.
 */
import { DeskError } from '../../../shared/errors';
import { MAX_ARTICLE_BYTES } from '../../../shared/contract';
import type { ArticleMeta } from '../../../shared/model';
import { paragraphBoilerplate } from '../../extract/boilerplate';

/**
 * Characters a reader cannot see that change what a text says to a program: bidi
 * controls (an RTL override shows "rose 12%" as "rose 21%") and zero-width spaces and
 * joiners (one inside "€386.4 million" splits it into two claims). A byte-order mark
 * inside the text is one of them too.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** How many invisible characters normaliseText will remove from a text. */
export function invisibleCount(s: string): number {
  return s.match(INVISIBLE)?.length ?? 0;
}

/**
 * NFC, \n line ends, and invisible controls removed (the import report counts them);
 * nothing else changes, so offsets computed later stay valid.
 */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/**
 * Some crawled articles start with " date YYYY-MM-DD" before their first line of text
 * (sometimes on the same line as the lead). It is metadata, not article text.
 */
const DATE_PREFIX = /^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*/;

/**
 * The form two copies of one article share whatever format they came in:
 * paragraphs trimmed, inner whitespace collapsed, empty lines and the date prefix
 * dropped. Used only for duplicate detection, never stored as the article text.
 */
export function canonicalForHash(text: string): string {
  const t = normaliseText(text).replace(DATE_PREFIX, '');
  return t
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function checkSize(name: string, size: number, limit = MAX_ARTICLE_BYTES): void {
  if (size > limit) {
    const mb = (n: number) => String(Number((n / 1024 / 1024).toFixed(1)));
    throw new DeskError(
      'too_large',
      `${name} is too large to import (${mb(size)} MB; the limit is ${mb(limit)} MB).`,
    );
  }
}

function notText(name: string, why: string): DeskError {
  return new DeskError('bad_file', `${name} is not UTF-8 text (${why}).`);
}

/**
 * Bytes to a string, strictly: UTF-8 (BOM stripped), or UTF-16 only when a BOM says so.
 * A guessed encoding would silently garble names with diacritics, so anything else is refused.
 */
export function decodeText(name: string, bytes: Uint8Array): string {
  checkSize(name, bytes.length);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeUtf16(name, bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeUtf16(name, bytes, 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw notText(
      name,
      looksLikeUtf16(bytes)
        ? 'it looks like UTF-16 without a byte-order mark; save it as UTF-8'
        : 'it contains binary data',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notText(name, 'it contains bytes that are not valid UTF-8; save it as UTF-8');
  }
  return text;
}

function decodeUtf16(name: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    // TextDecoder strips the BOM itself.
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (text.includes('\0')) throw new Error('NUL');
    return text;
  } catch {
    throw notText(
      name,
      `it starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`,
    );
  }
}

/** Mostly ASCII text in UTF-16 has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > half * 0.3 && even < half * 0.05) || (even > half * 0.3 && odd < half * 0.05);
}

export function requireContent(name: string, text: string): void {
  if (text.replace(DATE_PREFIX, '').trim() === '') throw new DeskError('bad_file', `${name} is empty.`);
}

/** No word of any language runs this long: a longer run is a pasted blob, not article text. */
export const MAX_WORD_CHARS = 1_000_000;

/**
 * Refuses a text holding a run of more than MAX_WORD_CHARS characters without a space or
 * line break (a file of one enormous token): it has no sentences to read claims from.
 * One pass, so a 20 MB file is checked in milliseconds.
 */
export function requireWords(name: string, text: string): void {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Space, tab, line breaks and the Unicode spaces (no-break, ideographic, the en/em family).
    if (
      c <= 0x20 ||
      c === 0xa0 ||
      c === 0x3000 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029
    )
      run = 0;
    else if (++run > MAX_WORD_CHARS)
      throw new DeskError(
        'bad_file',
        `${name} is not article text: it runs for more than ${MAX_WORD_CHARS.toLocaleString('en')} characters without a space or line break.`,
      );
  }
}

/** The date prefix's date, when the text has one. */
export function datePrefix(text: string): string | null {
  return DATE_PREFIX.exec(text)?.[1] ?? null;
}

const MAX_TITLE = 120;

/**
 * The headline: a Markdown heading, else the first line. A first line longer than any
 * headline is the lead paragraph of an article saved without its headline; its first
 * sentence, without the dateline, stands in.
 */
export function guessTitle(text: string, anyHeading = false): string | null {
  const lines = text.replace(DATE_PREFIX, '').split('\n');
  const isHeading = (l: string) => /^#{1,6}\s+\S/.test(l);
  // A photo caption, a credit, a byline or an image file name above the story is never
  // its title: the title comes from the first line of the article's own words.
  const first = lines
    .map((l) => l.trim())
    .find((l) => l !== '' && !(l.length < 600 && paragraphBoilerplate(l)));
  // In Markdown the first heading is the title wherever it is; in plain text only on the first line.
  const heading = anyHeading ? lines.find(isHeading) : first && isHeading(first) ? first : undefined;
  if (heading)
    return heading
      .replace(/^#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .trim();
  if (!first) return null;
  if (first.length <= MAX_TITLE) return first;
  return shorten(first.replace(DATELINE, ''));
}

/** "BAKU —", "BAKU, Azerbaijan, May 8.", "Hanoi (VNA) –" opening a lead: not part of a title. */
const DATELINE =
  /^(?:\p{Lu}{2,}[\p{Lu} .'’-]*(?:,[^.—–(\n]{1,40})?(?:\s*\([\p{L}&]{2,20}\))?\s*(?:[—–-]|\.(?=\s))|\p{Lu}[\p{L} ]{1,30}\s*\([\p{L}&]{2,20}\)\s*[—–-])\s*/u;

function shorten(lead: string): string {
  // A sentence end is ". " followed by a capital or quote; initials ("E. Mammadov") are short.
  const m = /^(.{20,}?[.!?])["”’)]?\s+(?=["“‘(]?\p{Lu})/u.exec(lead);
  const sentence = m ? m[1]! : lead;
  if (sentence.length <= MAX_TITLE) return sentence.trim();
  const cut = sentence.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
}

/** News agencies and wire services whose names appear in datelines and sign-offs. */
const AGENCIES = new Map(
  [
    'AP',
    'AFP',
    'Reuters',
    'Trend',
    'Xinhua',
    'TASS',
    'Interfax',
    'Azertac',
    'APA',
    'Kyodo',
    'Yonhap',
    'Bernama',
    'Anadolu',
    'dpa',
    'ANSA',
    'EFE',
    'PTI',
    'IANS',
    'Antara',
    'Bloomberg',
    'Sputnik',
    'VNA',
    'VNS',
    'VOV',
    'UPI',
    'PA',
    'CNA',
  ].map((n) => [n.toLowerCase(), n]),
);

/** A known agency, or an all-capitals acronym of 2–6 letters (VNS, KUNA). */
function agencyName(token: string): string | null {
  const t = token.trim();
  const known = AGENCIES.get(t.toLowerCase());
  if (known) return known;
  if (/^\p{Lu}{2,6}$/u.test(t)) return t;
  return null;
}

const DASH = '[—–-]';

/**
 * The outlet, when the text names it the way agencies sign their copy. Conservative:
 * null unless the wording is one of the fixed patterns, because a wrong outlet misleads
 * every citation built on it.
 */
export function guessOutlet(text: string): string | null {
  const lines = text
    .replace(DATE_PREFIX, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return null;

  // Sign-off at the end: "… accepted. — VNS", "… Year. VNA/.", "… (Reuters)".
  const last = lines[lines.length - 1]!;
  const sign =
    new RegExp(`(?:^|\\s)${DASH}\\s*([\\p{L}&]{2,20})\\s*$`, 'u').exec(last) ??
    /(?:^|[\s.])([\p{L}&]{2,20})\s*\/\.\s*$/u.exec(last);
  if (sign) {
    const name = agencyName(sign[1]!);
    if (name) return name;
  }
  // "(Reuters)" closing a line is too often an ordinary acronym ("(UNHCR)"): known names only.
  const paren = /\(([\p{L}&]{2,20})\)\s*$/u.exec(last);
  if (paren) {
    const known = AGENCIES.get(paren[1]!.toLowerCase());
    if (known) return known;
  }

  // Dateline: "HANOI (VNA) –", "BAKU (AP) —", "HANOI, May 8 (VNA) –", within the first lines.
  for (const line of lines.slice(0, 8)) {
    const m = new RegExp(
      `^\\p{Lu}[\\p{L} .'’-]{1,40}?(?:,[\\p{L}\\d ,.]{1,30}?)?\\s*\\(([\\p{L}&]{2,20})\\)\\s*${DASH}`,
      'u',
    ).exec(line);
    if (m) {
      const name = agencyName(m[1]!);
      if (name) return name;
    }
  }

  // An interview given to the agency itself: "…, analyst Jane Doe told Trend." in the lead.
  const lead = lines.find((l) => l.length > 80) ?? lines[0]!;
  const told = /\btold ([\p{L}&]{2,20})[.:,]/u.exec(lead);
  if (told) {
    const known = AGENCIES.get(told[1]!.toLowerCase());
    if (known) return known;
  }
  return null;
}

/** Metadata a plain text carries in its own words. */
export function textMeta(text: string): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  const title = guessTitle(text);
  if (title) meta.title = title;
  const date = datePrefix(text);
  if (date) meta.publishedAt = date;
  const outlet = guessOutlet(text);
  if (outlet) meta.outlet = outlet;
  return meta;
}
