/**
 * Re-anchoring on the articles written for this feature: a ferry story whose outlet
 * rewrote the headline, edited a sentence, changed a figure and removed a paragraph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../ingest/formats/index';
import { extractArticle } from '../extract/index';
import { pairClaims, placeClaim, reanchor } from './anchor';

const FIXTURES = join(import.meta.dirname, 'fixtures');

async function article(name: string) {
  const doc = await parseDocument(name, readFileSync(join(FIXTURES, name)));
  const claims = extractArticle({ text: doc.text, publishedAt: doc.meta.publishedAt ?? null }).claims.map(
    (c, i) => ({
      id: i + 1,
      kind: c.kind,
      start: c.start,
      end: c.end,
      quote: c.exact,
      prefix: c.prefix,
      suffix: c.suffix,
    }),
  );
  return { text: doc.text, claims };
}

/** A claim over the first occurrence of `quote` in `text`, with 32 characters of context. */
function claimAt(text: string, quote: string, id = 1, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`${quote} not in text`);
  const end = start + quote.length;
  return {
    id,
    start,
    end,
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  };
}

describe('placing one claim', () => {
  it('follows an unchanged quote to its new offset when text is inserted before it', () => {
    const old = 'The bridge opened on Monday.\n\nIt cost 48 million euros, the city said.';
    const next =
      'Updated on Tuesday.\n\nThe bridge opened on Monday.\n\nIt cost 48 million euros, the city said.';
    const c = claimAt(old, '48 million euros');
    const p = placeClaim(next, c);
    expect(p).toMatchObject({ method: 'exact', start: next.indexOf('48 million euros') });
    expect(next.slice(p!.start, p!.end)).toBe('48 million euros');
  });

  it('picks the occurrence whose context survived when the quote appears twice', () => {
    const old = 'Exports rose 12% in May. Imports fell, and the deficit grew 12% over the year.';
    const next = 'Imports fell sharply, and the deficit grew 12% over the year. Exports rose 12% in May.';
    const c = claimAt(old, '12%', 1, 1); // the deficit's 12%
    const p = placeClaim(next, c)!;
    expect(p.method).toBe('exact');
    expect(next.slice(p.start - 13, p.end)).toBe('deficit grew 12%');
  });

  it('finds an edited figure in its unchanged sentence', () => {
    const old = 'The ferry was carrying 312 passengers when it overturned near the port.';
    const next = 'The ferry was carrying 296 passengers when it overturned near the port.';
    const p = placeClaim(next, claimAt(old, '312 passengers'))!;
    expect(p.method).toBe('fuzzy');
    expect(next.slice(p.start, p.end)).toContain('296 passengers');
  });

  it('keeps a claim of a removed paragraph as an orphan even when its words occur elsewhere', () => {
    const old = 'The hall was built in 1987 for the fair.\n\nThe mayor, elected in 1987, spoke.';
    const next = 'The mayor, elected in 1987, spoke.';
    const hall = claimAt(old, '1987', 1, 0);
    const mayor = claimAt(old, '1987', 2, 1);
    const r = reanchor([hall, mayor], next);
    expect(r.orphans).toEqual([1]);
    expect(r.placed.map((p) => p.id)).toEqual([2]);
  });
});

describe('pairing with the revision', () => {
  it('tells kept, changed and orphaned claims of the ferry story apart', async () => {
    const v1 = await article('courier-v1.md');
    const v2 = await article('courier-v2.md');
    const quoteOf = (id: number) => v1.claims.find((c) => c.id === id)!.quote;
    const { pairs, orphans } = pairClaims(
      v1.claims,
      v2.claims.map((c) => ({ ...c, id: c.id + 100 })),
      v2.text,
    );
    // Nothing is dropped: each old claim is paired or an orphan.
    expect(pairs.length + orphans.length).toBe(v1.claims.length);

    const changed = pairs.filter((p) => p.status === 'changed');
    expect(changed.map((p) => [quoteOf(p.fromId), v2.text.slice(p.start, p.end)])).toEqual([
      ['312 passengers', '296 passengers'],
    ]);
    // The removed paragraph's dates and the old headline's figure have no place in the revision.
    expect(orphans.map(quoteOf).sort()).toEqual(['1987', '312 passengers', 'March 2024']);
    // The edited sentence ("in strong winds" added) keeps its claim.
    const saturday = pairs.find((p) => quoteOf(p.fromId) === 'Saturday morning')!;
    expect(saturday).toMatchObject({ status: 'same', method: 'exact' });
    expect(v2.text.slice(saturday.start, saturday.end)).toBe('Saturday morning');
    // Every placed claim sits on a claim the revision's extraction found (none invented).
    expect(pairs.every((p) => p.toId !== null)).toBe(true);
  });
});
