/** A count is shown as an editor would write it, not as the matcher keys it. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

const displays = (text: string) =>
  extractArticle({ text, publishedAt: '2025-03-01' })
    .claims.filter((c) => c.kind === 'count')
    .map((c) => c.value.display);

describe('count display', () => {
  it('keeps the plural of the counted noun', () => {
    expect(displays('The two countries signed seven agreements on Tuesday.')).toEqual(['7 agreements']);
    expect(displays('At least 42 people were killed and 12 children were hurt.')).toEqual([
      'at least 42 people',
      '12 children',
    ]);
    expect(displays('Officials counted 3 buses and 4 ferries at the pier.')).toEqual([
      '3 buses',
      '4 ferries',
    ]);
  });
});
