/**
 * For arbitrary text (unicode, emoji, Vietnamese letters, odd punctuation, fragments
 * of real claims) the extractor never throws, every claim's offsets slice exactly its
 * quote, and every passage and claim stays inside the text and its sentence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

const PIECES = [
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '.',
  ', ',
  '. ',
  '!',
  '?',
  '"',
  '“',
  '”',
  '’s',
  '(',
  ')',
  '—',
  '–',
  '-',
  '/.',
  '$',
  '€',
  '%',
  'US$',
  ' per cent',
  ' million',
  'bn',
  '5,000',
  '594.6',
  '1992',
  '1980s',
  '2025–27',
  '20-22',
  'May 8',
  'Wednesday',
  'Thu',
  'first-ever',
  'for the first time',
  'since',
  'in 11 years',
  'never before',
  'historic',
  'growth',
  'decreased',
  'in recent years',
  'said',
  'according to',
  'visited',
  'visit to',
  'Tô Lâm',
  'Sơn',
  'Đà Nẵng',
  'Việt Nam',
  'J.',
  'E. Mammadov',
  'Mr.',
  'U.S.',
  'baoquocte.vn',
  'x.jpg',
  '(Photo: VNA)',
  'See more',
  ' date 2025-05-09',
  'nine',
  'visits',
  'over',
  'nearly',
  'President',
  '😀',
  '👩‍👩‍👧',
  '\u0301',
  '\u00a0',
  '\t',
  'ﬁ',
  'İ',
  'ß',
  '…',
  'Azerbaijan',
  'the',
  'of',
  'and',
  'twenty-one',
  'dozens of',
];

const articleText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 6 })), {
      maxLength: 60,
    })
    .map((a) => a.join(' ')),
);
const published = fc.oneof(
  fc.constant(null),
  fc.constantFrom('2025-05-09', '2024-02-29', '1999-12-31', 'garbage'),
);

describe('extractArticle on arbitrary text', () => {
  it('never throws and keeps every offset exact', () => {
    fc.assert(
      fc.property(articleText, published, (text, publishedAt) => {
        const r = extractArticle({ text, publishedAt });
        for (const p of r.passages) {
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(text.length);
          expect(p.end).toBeGreaterThan(p.start);
        }
        for (const c of r.claims) {
          expect(text.slice(c.start, c.end)).toBe(c.exact);
          expect(c.exact.length).toBeGreaterThan(0);
          expect(c.start).toBeGreaterThanOrEqual(c.sentenceStart);
          expect(c.end).toBeLessThanOrEqual(c.sentenceEnd);
          expect(text.slice(Math.max(0, c.start - c.prefix.length), c.start)).toBe(c.prefix);
          expect(text.slice(c.end, c.end + c.suffix.length)).toBe(c.suffix);
          expect(c.value.type).toBe(c.kind);
        }
        for (const e of r.entities)
          for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      }),
      { numRuns: 600 },
    );
  });
});
