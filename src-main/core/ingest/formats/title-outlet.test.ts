import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessOutlet, guessTitle } from './text';
import { parseDocument } from './index';

const SEEDS = resolve(import.meta.dirname, '../../../../../shared/corpus/seeds');

describe('titles', () => {
  it('are never a photo caption, a credit or an image file above the story', () => {
    expect(
      guessTitle(
        'Ferry passengers queue at the harbour gate on Monday. Photo: Coastal Post/Ida Kern\n\nFerry fares to rise in January\n\nThe operator said fares rise by 5%.',
      ),
    ).toBe('Ferry fares to rise in January');
    expect(
      guessTitle(
        'harbour-gate.jpg\nThe harbour gate at dawn (Photo: Lakeside Daily)\nPier reopens after storm\n\nWork ended.',
      ),
    ).toBe('Pier reopens after storm');
    expect(guessTitle('By Ida Kern\n\nPier reopens after storm\n\nWork ended.')).toBe(
      'Pier reopens after storm',
    );
    // A headline that merely mentions photos stays a headline.
    expect(guessTitle('Photographers return to the pier\n\nThe ban ended.')).toBe(
      'Photographers return to the pier',
    );
  });

  it('of the seed that opens with a photo caption come from its lead', async () => {
    const name = readdirSync(SEEDS).find((f) => f.startsWith('004'))!;
    const doc = await parseDocument(name, new Uint8Array(readFileSync(join(SEEDS, name))));
    expect(doc.meta.title).toMatch(/^The traditional friendship between Vietnam and Azerbaijan/);
    expect(doc.meta.title).not.toMatch(/Photo|second, right/);
    // "Photo: VNA" credits the picture, not the story: the outlet stays unknown.
    expect(doc.meta.outlet ?? null).toBeNull();
  });
});

describe('outlets', () => {
  it('are read where the text states them, and never taken from a photo credit', () => {
    expect(guessOutlet('Pier reopens\n\nWork on the pier ended on Friday, the port said. — AFP')).toBe('AFP');
    expect(guessOutlet('Pier reopens\n\nKESTREL BAY (Reuters) - Work on the pier ended on Friday.')).toBe(
      'Reuters',
    );
    expect(guessOutlet('Pier reopens\n\nWork on the pier ended on Friday (Reuters)')).toBe('Reuters');
    expect(
      guessOutlet('The pier at dawn. Photo: AFP\n\nPier reopens\n\nWork on the pier ended on Friday.'),
    ).toBeNull();
  });
});
