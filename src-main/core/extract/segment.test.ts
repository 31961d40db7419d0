/**
 * Sentence boundaries an editor would notice when a claim's sentence is shown:
 * no break after initials, abbreviations, inside domain or file names.
 */
import { describe, expect, it } from 'vitest';
import { paragraphs, sentences } from './segment';

function split(text: string): string[] {
  return paragraphs(text).flatMap((p) =>
    sentences(text, p.start, p.end).map((s) => text.slice(s.start, s.end)),
  );
}

describe('segment', () => {
  it('does not break after single initials or known abbreviations', () => {
    expect(split('Minister J. Bayramov met Mr. Smith of the U.S. delegation. They talked.')).toEqual([
      'Minister J. Bayramov met Mr. Smith of the U.S. delegation.',
      'They talked.',
    ]);
  });

  it('keeps domain and file names inside their sentence', () => {
    expect(split('A caption. (Photo: baoquocte.vn) See azerbaijian.jpg now. Next one.')).toEqual([
      'A caption.',
      '(Photo: baoquocte.vn) See azerbaijian.jpg now.',
      'Next one.',
    ]);
  });

  it('treats each line as a paragraph and trims offsets', () => {
    const text = '  First line.  \nSecond line\n\n\nThird.';
    expect(paragraphs(text).map((p) => text.slice(p.start, p.end))).toEqual([
      'First line.',
      'Second line',
      'Third.',
    ]);
  });
});
