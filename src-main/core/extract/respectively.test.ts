/**
 * Values listed with "respectively": each later value measures what the first one does,
 * in its own period. (Sentences written for this test.)
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';
import type { FigureValue } from '../../shared/model';

function figures(text: string): FigureValue[] {
  return extractArticle({ text, publishedAt: '2025-04-02' })
    .claims.map((c) => c.value)
    .filter((v): v is FigureValue => v.type === 'figure');
}

describe('a list of values closed by "respectively"', () => {
  it('gives every value the first one’s property, each with its own period', () => {
    const [a, b, c] = figures(
      'Port revenue came to $41.2 million, $38.9 million and $36.5 million in 2022, 2023 and 2024, respectively.',
    );
    expect(a!.frame?.property).toBe(b!.frame?.property);
    expect(c!.frame?.property).toBe(a!.frame?.property);
    expect(c!.frame?.property).not.toBe('respectively');
    expect(b!.frame?.terms).toEqual(a!.frame?.terms);
    expect([a!.frame?.period, b!.frame?.period, c!.frame?.period]).toEqual(['2022', '2023', '2024']);
  });

  it('leaves two values that are not such a list to their own clauses', () => {
    const [a, b] = figures('Exports reached $12 million in March, while imports fell to $9 million.');
    expect(a!.frame?.property).not.toBe(b!.frame?.property);
  });
});
