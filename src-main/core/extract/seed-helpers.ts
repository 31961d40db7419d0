/**
 * Test support: reads the shared seed corpus and its gold file by path (the seed
 * text is never copied into the repository) and finds sentences the way the gold
 * file specifies: case-, diacritics- and whitespace-insensitive containment.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { foldKey } from '../../shared/fold';
import { extractArticle } from './index';
import type { ExtractedClaim, ExtractionResult } from './types';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');
export const GOLD_PATH = resolve(import.meta.dirname, '../../../../shared/corpus/seeds-gold.json');

/** Publication dates: from the " date" header where there is one, otherwise from the story. */
export const SEED_DATES: Record<string, string> = {
  '000': '2025-05-09',
  '001': '2025-05-17',
  '002': '2025-05-08',
  '003': '2025-05-08',
  '004': '2026-01-27',
};

export interface Seed {
  id: string;
  text: string;
  result: ExtractionResult;
}

let cache: Map<string, Seed> | null = null;

export function seeds(): Map<string, Seed> {
  if (cache) return cache;
  cache = new Map();
  for (const f of readdirSync(SEEDS_DIR).sort()) {
    if (!f.endsWith('.txt')) continue;
    const id = f.slice(0, 3);
    const text = readFileSync(resolve(SEEDS_DIR, f), 'utf8');
    cache.set(id, { id, text, result: extractArticle({ text, publishedAt: SEED_DATES[id] ?? null }) });
  }
  return cache;
}

export function folded(s: string): string {
  return foldKey(s).replace(/\s+/g, '');
}

/** Claims whose sentence contains `needle`. */
export function claimsInSentence(
  seed: Seed,
  needle: string,
  kind?: ExtractedClaim['kind'],
): ExtractedClaim[] {
  const n = folded(needle);
  return seed.result.claims.filter(
    (c) => (!kind || c.kind === kind) && folded(seed.text.slice(c.sentenceStart, c.sentenceEnd)).includes(n),
  );
}

export interface Gold {
  conflicts: { id: string; a: Side; b: Side }[];
  must_not_flag: { id: string; a: Side; b: Side }[];
  aliases: string[][];
  boilerplate: Side[];
}
export interface Side {
  article: string;
  sentence_contains: string;
}

export function gold(): Gold {
  return JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as Gold;
}
