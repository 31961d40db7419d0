import { describe, expect, it } from 'vitest';
import { diffSegments, emphasise } from './word-diff';

const changedText = (ref: string | null, text: string) =>
  diffSegments(ref, text)
    .filter((s) => s.changed)
    .map((s) => s.text.trim());

describe('diffSegments', () => {
  it('keeps the whole wording of the cell, in order', () => {
    const text = 'trade reached $482.1 million in 2023';
    expect(
      diffSegments('trade reached $594.6 million in 2022', text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('marks the figure that differs from the reference and not the shared words', () => {
    const changed = changedText('trade reached $594.6 million', 'trade reached $482.1 million');
    expect(changed.join(' ')).toContain('482.1');
    expect(changed.join(' ')).not.toContain('trade');
  });

  it('marks nothing when the wording equals the reference or there is none', () => {
    expect(changedText('the first-ever visit', 'the first-ever visit')).toEqual([]);
    expect(changedText(null, 'the first-ever visit')).toEqual([]);
  });

  it('marks a reworded novelty phrase', () => {
    expect(changedText('the first-ever visit', 'the first visit since 1992').join(' ')).toMatch(/since/);
  });

  it('does not flag a change in spacing alone', () => {
    expect(changedText('a  visit', 'a visit')).toEqual([]);
  });
});

describe('emphasise', () => {
  it('emphasises amounts, percentages, dates and weekdays', () => {
    const em = emphasise('On Wednesday, May 7, exports rose 12.5 % to $3 billion.')
      .filter((s) => s.emphasis)
      .map((s) => s.text);
    expect(em).toEqual(['Wednesday', 'May', '7', '12.5 %', '$3 billion']);
  });

  it('leaves words without numbers plain', () => {
    expect(emphasise('a historic visit').every((s) => !s.emphasis)).toBe(true);
  });
});

describe('wordings written independently', () => {
  it('are shown plain instead of marking almost every word', () => {
    const segs = diffSegments(
      'In the early 1980s, the party leader visited the capital on a state trip.',
      'Officials hailed the first-ever trip as proof of deep political trust between the two nations.',
    );
    expect(segs.some((s) => s.changed)).toBe(false);
    expect(segs.map((s) => s.text).join('')).toBe(
      'Officials hailed the first-ever trip as proof of deep political trust between the two nations.',
    );
  });
});
