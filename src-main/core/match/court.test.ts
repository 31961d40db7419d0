/**
 * Court reporting: what prosecutors sought, worded as "sought", "asked for" or
 * "demanded" by different outlets, is one figure. Articles are invented for these
 * tests and run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));

describe('what prosecutors sought', () => {
  it('sets "prosecutors had sought 14 years" against "prosecutors had asked for 16 years"', () => {
    const { result } = story(
      ' date 2025-03-21 Fraud verdict\n\nProsecutors had sought 14 years for the founder of the wine fund.\n',
      ' date 2025-03-21 Wine fund verdict\n\nProsecutors had asked for 16 years.\n',
    );
    const sought = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(sought).toHaveLength(1);
    expect(sought[0].explanation).toMatch(/14 years/);
    expect(sought[0].explanation).toMatch(/16 years/);
  });

  it('keeps what prosecutors asked for apart from the sentence the court gave', () => {
    const { result } = story(
      ' date 2025-03-21 Fraud verdict\n\nProsecutors had asked for 14 years for the founder of the wine fund.\n',
      ' date 2025-03-21 Wine fund verdict\n\nThe court sentenced the founder to 11 years in prison.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });
});
