/**
 * The gold format: what an editor must see on a set of articles (seeds-gold.json,
 * resources/samples/gold.json, test-stories/<story>/gold.json, synthetic corpora).
 * A side names an article by the prefix of its file name and a sentence by a piece
 * of its text; the conflict evaluator matches claims to sides with `sideMatches`.
 */
import { readFileSync } from 'node:fs';
import type { ConflictKind } from '../../shared/model';

export interface GoldSide {
  /** Prefix of the article's file name ("01", "00042-03"). */
  article: string;
  /** Text inside one sentence of that article, compared with `goldFold`. */
  sentence_contains: string;
}

export interface GoldPair {
  id: string;
  why: string;
  a: GoldSide;
  b: GoldSide;
  /** Synthetic corpora: the story the pair belongs to. */
  story?: string;
}

export interface GoldConflict extends GoldPair {
  kind: ConflictKind;
}

export interface GoldStory {
  id: string;
  /** Article prefixes of the story. */
  articles: string[];
  /** Kinds of conflict planted in the story. */
  planted: ConflictKind[];
  /** Countries, capitals and people of the story, as written with diacritics; no other story uses them. */
  entities?: string[];
}

export interface Gold {
  about: string;
  conflicts: GoldConflict[];
  must_not_flag: GoldPair[];
  /** Each group: names that must resolve to one entity. */
  aliases: string[][];
  boilerplate: GoldSide[];
  /** Synthetic corpora only. */
  stories?: GoldStory[];
}

const KINDS = new Set<string>([
  'figure_mismatch',
  'trend_contradiction',
  'novelty_vs_precedent',
  'date_mismatch',
  'count_mismatch',
  'manual',
]);

/**
 * Case-, diacritics- and whitespace-insensitive form for comparing gold text with
 * sentences. Unlike foldKey it keeps punctuation ("€386.4" stays distinct from "386 4")
 * and folds the letters NFKD leaves alone (ł, ı, ø, đ, ß).
 */
export function goldFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ĐÐđð]/g, 'd')
    .replace(/[Łł]/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[Øø]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a claim from `fileName` whose sentence is `sentence` matches the side. */
export function sideMatches(side: GoldSide, fileName: string, sentence: string): boolean {
  return fileName.startsWith(side.article) && goldFold(sentence).includes(goldFold(side.sentence_contains));
}

function fail(path: string, where: string, what: string): never {
  throw new Error(`${path}: ${where}: ${what}`);
}

function checkSide(path: string, where: string, v: unknown): GoldSide {
  const s = v as Partial<GoldSide> | null;
  if (!s || typeof s.article !== 'string' || !s.article) fail(path, where, 'missing "article"');
  if (typeof s.sentence_contains !== 'string' || !s.sentence_contains.trim())
    fail(path, where, 'missing "sentence_contains"');
  return { article: s.article, sentence_contains: s.sentence_contains };
}

function checkPair(path: string, where: string, v: unknown): GoldPair {
  const p = v as Partial<GoldPair> | null;
  if (!p || typeof p.id !== 'string') fail(path, where, 'missing "id"');
  const pair: GoldPair = {
    id: p.id,
    why: typeof p.why === 'string' ? p.why : '',
    a: checkSide(path, `${where} ${p.id}.a`, p.a),
    b: checkSide(path, `${where} ${p.id}.b`, p.b),
  };
  if (typeof p.story === 'string') pair.story = p.story;
  return pair;
}

/** Reads and checks a gold file; throws with the file and the faulty entry on bad input. */
export function parseGold(json: string, path = 'gold'): Gold {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    fail(path, 'JSON', (e as Error).message);
  }
  const g = raw as Record<string, unknown>;
  if (!g || typeof g !== 'object') fail(path, 'root', 'not an object');
  const list = (key: string): unknown[] => {
    const v = g[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) fail(path, key, 'not an array');
    return v;
  };
  const conflicts = list('conflicts').map((c, i): GoldConflict => {
    const kind = (c as { kind?: unknown }).kind;
    if (typeof kind !== 'string' || !KINDS.has(kind))
      fail(path, `conflicts[${i}]`, `bad kind ${String(kind)}`);
    return { ...checkPair(path, `conflicts[${i}]`, c), kind: kind as ConflictKind };
  });
  const gold: Gold = {
    about: typeof g.about === 'string' ? g.about : '',
    conflicts,
    must_not_flag: list('must_not_flag').map((p, i) => checkPair(path, `must_not_flag[${i}]`, p)),
    aliases: list('aliases').map((a, i) => {
      if (!Array.isArray(a) || a.some((n) => typeof n !== 'string'))
        fail(path, `aliases[${i}]`, 'not a list of names');
      return a as string[];
    }),
    boilerplate: list('boilerplate').map((b, i) => checkSide(path, `boilerplate[${i}]`, b)),
  };
  if (g.stories !== undefined) gold.stories = list('stories') as GoldStory[];
  return gold;
}

export function loadGold(path: string): Gold {
  return parseGold(readFileSync(path, 'utf8'), path);
}
