import { describe, expect, it } from 'vitest';
import { buildBlocks } from './text-segments';
import type { ClaimView, PassageView } from '../../../src-main/shared/views';

const TEXT = 'Title line\n\nTrade rose to $12 million in 2024, officials said.\n\n(Photo: agency)';

function passage(id: number, start: number, end: number, boilerplate = false): PassageView {
  return {
    id,
    kind: 'paragraph',
    start,
    end,
    boilerplate,
    boilerplateReason: boilerplate ? 'caption' : null,
  };
}

function claim(id: number, quote: string, kind: ClaimView['kind'] = 'figure'): ClaimView {
  const start = TEXT.indexOf(quote);
  return {
    id,
    articleId: 1,
    kind,
    start,
    end: start + quote.length,
    quote,
    prefix: '',
    suffix: '',
    sentenceStart: 0,
    sentenceEnd: 0,
    sentence: '',
    subject: null,
    scope: null,
    value: { type: 'event', event: 'x', actor: null, place: null, date: null, display: quote },
    boilerplate: false,
    origin: 'extractor',
    factId: null,
    entities: [],
  };
}

describe('buildBlocks', () => {
  const p1 = passage(1, 0, 10);
  const p2 = passage(2, 12, TEXT.indexOf('\n\n(Photo'));
  const p3 = passage(3, TEXT.indexOf('(Photo'), TEXT.length, true);

  it('keeps exact offsets: each run is the text between its offsets', () => {
    const blocks = buildBlocks(TEXT, [p1, p2, p3], [claim(1, '$12 million'), claim(2, 'in 2024', 'date')]);
    for (const b of blocks) {
      expect(b.runs.map((r) => r.text).join('')).toBe(TEXT.slice(b.start, b.end));
      for (const r of b.runs) expect(TEXT.slice(r.start, r.end)).toBe(r.text);
    }
  });

  it('gives nested text to the shortest claim and counts the depth', () => {
    const blocks = buildBlocks(
      TEXT,
      [p1, p2, p3],
      [claim(1, 'Trade rose to $12 million', 'trend'), claim(2, '$12 million')],
    );
    const run = blocks[1].runs.find((r) => r.text === '$12 million');
    expect(run?.claim?.id).toBe(2);
    expect(run?.depth).toBe(2);
    expect(blocks[1].runs.find((r) => r.text === 'Trade rose to ')?.claim?.id).toBe(1);
  });

  it('marks boilerplate paragraphs and shows text outside any paragraph', () => {
    const blocks = buildBlocks(TEXT, [p2, p3], []);
    expect(blocks.map((b) => b.boilerplate)).toEqual([false, false, true]);
    expect(blocks[0].runs[0].text).toBe('Title line');
  });

  it('flags the runs of a search hit', () => {
    const start = TEXT.indexOf('officials');
    const blocks = buildBlocks(TEXT, [p1, p2, p3], [], { start, end: start + 9 });
    expect(blocks[1].runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['officials']);
  });
});
