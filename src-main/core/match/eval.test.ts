import { describe, expect, it } from 'vitest';
import { scoreAgainstGold, type EvalClaim, type GoldFile } from './eval';

const S1 = 'Telvia shares fell 3.2% while Kaskada rose 19.6% on the news.';
const S2 = "Telvia's shares edged up 1.1% on 12 March.";

function claim(side: string, article: string, sentence: string, words: string): EvalClaim {
  const at = sentence.indexOf(words);
  return {
    side,
    articleSource: `${article}-outlet.txt`,
    sentence,
    quoteStart: at,
    quoteEnd: at + words.length,
  };
}

const gold: GoldFile = {
  conflicts: [
    {
      id: 'F2',
      kind: 'figure_mismatch',
      a: { article: '01', sentence_contains: 'Telvia shares fell 3.2%' },
      b: { article: '03', sentence_contains: 'edged up 1.1%' },
    },
  ],
  must_not_flag: [
    {
      id: 'N1',
      a: { article: '01', sentence_contains: 'Kaskada rose 19.6%' },
      b: { article: '03', sentence_contains: 'edged up 1.1%' },
    },
  ],
  neutral: [
    {
      id: 'U1',
      a: { article: '01', sentence_contains: 'Kaskada rose 19.6%' },
      b: { article: '03', sentence_contains: '12 March' },
    },
  ],
};

describe('scoring against gold', () => {
  it('credits a conflict only through the claim whose own words are the gold phrase', () => {
    // The 1.1% rise paired with the other company's 19.6%: same sentence as side a, wrong claim.
    const wrong = {
      kind: 'figure_mismatch',
      claims: [claim('a', '01', S1, '19.6%'), claim('b', '03', S2, '1.1%')],
    };
    const r = scoreAgainstGold({ conflicts: [wrong] }, gold);
    expect(r.recall).toBe(0);
    expect(r.violations).toBe(1);
    const right = {
      kind: 'figure_mismatch',
      claims: [claim('a', '01', S1, '3.2%'), claim('b', '03', S2, '1.1%')],
    };
    expect(scoreAgainstGold({ conflicts: [right] }, gold).recall).toBe(1);
  });

  it('needs the two sides on opposite sides of the conflict', () => {
    const same = {
      kind: 'figure_mismatch',
      claims: [claim('a', '01', S1, '3.2%'), claim('a', '03', S2, '1.1%')],
    };
    expect(scoreAgainstGold({ conflicts: [same] }, gold).recall).toBe(0);
  });

  it('counts a second suggestion for one disagreement as noise, a neutral one as neither', () => {
    const right = {
      kind: 'figure_mismatch',
      claims: [claim('a', '01', S1, '3.2%'), claim('b', '03', S2, '1.1%')],
    };
    const neutral = {
      kind: 'date_mismatch',
      claims: [claim('a', '01', S1, '19.6%'), claim('b', '03', S2, '12 March')],
    };
    const r = scoreAgainstGold({ conflicts: [right, right, neutral] }, gold);
    expect(r.suggestions).toBe(3);
    expect(r.useful).toBe(2);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.rows.filter((x) => x.type === 'noise')).toHaveLength(1);
  });

  it('leaves dismissed and editor-made conflicts out of the suggestions', () => {
    const dismissed = {
      kind: 'figure_mismatch',
      suggestion: false,
      claims: [claim('a', '01', S1, '19.6%'), claim('b', '03', S2, '1.1%')],
    };
    const r = scoreAgainstGold({ conflicts: [dismissed] }, gold);
    expect(r.suggestions).toBe(0);
    expect(r.violations).toBe(0);
  });
});
