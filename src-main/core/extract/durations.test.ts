/** Durations that are claims, and the many that only scope another claim. Sentences invented for the test. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

function durations(text: string) {
  return extractArticle({ text, publishedAt: '2025-06-12' } as never)
    .claims.filter(
      (c) => c.value.type === 'figure' && /years|months|minutes|hours|days|weeks/.test(c.value.unit ?? ''),
    )
    .map((c) => (c.value.type === 'figure' ? `${c.value.amount} ${c.value.unit}` : ''));
}

describe('durations', () => {
  it('reads sentences, what prosecutors sought, delays and how long something lasted', () => {
    expect(durations('The court sentenced the founder to 11 years and six months in prison.')).toEqual([
      '11.5 years',
    ]);
    expect(durations("The founder's 13-year sentence was greeted with applause.")).toEqual(['13 years']);
    expect(durations('Prosecutors had sought 14 years for the founder.')).toEqual(['14 years']);
    expect(durations('The painting sold after 14 minutes of bidding.')).toEqual(['14 minutes']);
    expect(durations('The raiders were inside the vault for seven minutes.')).toEqual(['7 minutes']);
    expect(durations('She was trapped under the slab for nearly 31 hours.')).toEqual(['31 hours']);
    expect(durations('The bridge opens almost five years behind schedule.')).toEqual(['5 years']);
    expect(durations('He was sentenced to eleven and a half years.')).toEqual(['11.5 years']);
  });

  it('leaves durations that only scope another claim, and ages', () => {
    expect(durations('Over three years, 1,800 jobs will go.')).toEqual([]);
    expect(durations('It is the highest level in 11 years.')).toEqual([]);
    expect(durations('A 26-year-old man was arrested two days ago.')).toEqual([]);
    expect(durations('Sales rose for the third year running over the past five years.')).toEqual([]);
    expect(durations('For three years the firm grew, and for two years it paid no dividend.')).toEqual([]);
  });
});
