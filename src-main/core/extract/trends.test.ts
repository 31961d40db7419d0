import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

function trends(text: string) {
  return extractArticle({ text, publishedAt: '2024-05-01' })
    .claims.filter((c) => c.kind === 'trend')
    .map((c) => c.value);
}

describe('trend wording', () => {
  it('reads a rise named as a noun after "point to" as a claim, not an intention', () => {
    const [t] = trends(
      'Both ministers point to a rise in tourism in recent years as proof that the deal works.',
    );
    expect(t).toMatchObject({ type: 'trend', direction: 'up' });
  });

  it('still skips intentions written with "to"', () => {
    expect(trends('The two sides agreed to boost tourism over the coming years.')).toEqual([]);
  });
});
