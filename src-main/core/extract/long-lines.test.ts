/**
 * A line with thousands of values (a flattened table, a data dump) is read value by
 * value as prose would be: every value is a claim, and each keeps the frame it would
 * have in a sentence of its own.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';
import type { FigureValue, CountValue } from '../../shared/model';

function quantities(text: string) {
  return extractArticle({ text, publishedAt: '2025-03-01' }).claims.filter(
    (c) => c.kind === 'figure' || c.kind === 'count',
  );
}

describe('long lines', () => {
  it('reads every value of a 6,000-value line, each with the frame it has alone', () => {
    const unit = 'in Arvel, 42 people were killed in 2021; ';
    const alone = quantities(unit.trim());
    const many = quantities(unit.repeat(6000));
    expect(alone).toHaveLength(1);
    expect(many).toHaveLength(6000);
    const frame = (alone[0].value as CountValue).frame;
    const last = many.at(-1)!.value as CountValue;
    expect(last.count).toBe(42);
    expect(frame?.property).toBe('killed');
    expect(frame?.place).toBe('arvel');
    expect(last.frame).toEqual(frame);
  }, 60_000);

  it('keeps each figure with its own year in a long list of yearly values', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `exports of ${i + 10}% in ${1900 + (i % 120)}`).join(
      ', and ',
    );
    const figures = quantities(text).filter((c) => c.kind === 'figure');
    expect(figures).toHaveLength(3000);
    const at = 2500;
    const f = figures.find((c) => (c.value as FigureValue).amount === at + 10)!;
    expect((f.value as FigureValue).period).toBe(String(1900 + (at % 120)));
  }, 60_000);
});
