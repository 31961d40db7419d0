/**
 * The hand-written gold files (seeds, sample desk, test stories) must point at sentences
 * that exist: a side that matches nothing would make the evaluator report a miss that
 * no extractor could avoid.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphs, sentences } from '../extract/segment';
import { goldFold, loadGold, parseGold, sideMatches, type Gold, type GoldSide } from './gold';

const repo = resolve(import.meta.dirname, '../../..');
const seeds = resolve(repo, '../shared/corpus');

/** The sentences the extractor reads (its own segmenter, abbreviations such as "p.m." and "Sept." repaired). */
function sentencesOf(text: string): string[] {
  return paragraphs(text).flatMap((p) =>
    sentences(text, p.start, p.end).map((s) => text.slice(s.start, s.end)),
  );
}

function checkDir(dir: string, gold: Gold): string[] {
  const blind = basename(dir).startsWith('blind-');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const problems: string[] = [];
  // A boilerplate side may stand for a caption printed several times; a claim side must be one sentence.
  const check = (side: GoldSide, label: string, many = false): void => {
    const owners = files.filter((f) => f.startsWith(side.article));
    if (owners.length !== 1) {
      problems.push(`${label}: ${owners.length} files start with "${side.article}"`);
      return;
    }
    const name = owners[0]!;
    const hits = sentencesOf(texts.get(name)!).filter((s) => sideMatches(side, name, s)).length;
    if (many ? hits < 1 : hits !== 1)
      problems.push(`${label}: "${side.sentence_contains}" found in ${hits} sentences of ${name}`);
  };
  for (const p of [...gold.conflicts, ...gold.must_not_flag]) {
    check(p.a, `${p.id}.a`);
    check(p.b, `${p.id}.b`);
  }
  for (const b of gold.boilerplate) check(b, 'boilerplate', true);
  const all = [...texts.values()].join('\n');
  // A group may list spellings no article uses, but at least two must occur or it tests
  // nothing. A blind story's author lists the names as written, without seeing the desk: a
  // group with one spelling there is kept as written and simply tests nothing.
  if (!blind)
    for (const group of gold.aliases)
      if (group.filter((name) => all.includes(name)).length < 2)
        problems.push(`alias group ${group[0]} barely occurs`);
  return problems;
}

const storyDirs = existsSync(resolve(repo, 'test-stories'))
  ? readdirSync(resolve(repo, 'test-stories')).map((d) => resolve(repo, 'test-stories', d))
  : [];

describe('gold files point at real sentences', () => {
  it('sample desk', () => {
    const dir = resolve(repo, 'resources/samples');
    const gold = loadGold(join(dir, 'gold.json'));
    expect(checkDir(dir, gold)).toEqual([]);
    // The sample is there to show every kind of disagreement an editor meets.
    expect(new Set(gold.conflicts.map((c) => c.kind))).toEqual(
      new Set([
        'novelty_vs_precedent',
        'figure_mismatch',
        'count_mismatch',
        'date_mismatch',
        'trend_contradiction',
      ]),
    );
  });

  it.each(storyDirs)('test story %s', (dir) => {
    const gold = loadGold(join(dir, 'gold.json'));
    expect(checkDir(dir, gold)).toEqual([]);
    expect(gold.conflicts.length).toBeGreaterThan(0);
    expect(gold.must_not_flag.length).toBeGreaterThan(0);
  });

  it.runIf(existsSync(join(seeds, 'seeds-gold.json')))('seed articles', () => {
    const gold = loadGold(join(seeds, 'seeds-gold.json'));
    expect(checkDir(join(seeds, 'seeds'), gold)).toEqual([]);
  });

  it('no story shares a conflict sentence with its must-not-flag twin by accident', () => {
    for (const dir of [resolve(repo, 'resources/samples'), ...storyDirs]) {
      const gold = loadGold(join(dir, 'gold.json'));
      const key = (a: GoldSide, b: GoldSide): string =>
        [a, b]
          .map((s) => `${s.article}|${goldFold(s.sentence_contains)}`)
          .sort()
          .join('||');
      const bad = new Set(gold.conflicts.map((c) => key(c.a, c.b)));
      expect(gold.must_not_flag.filter((p) => bad.has(key(p.a, p.b))).map((p) => p.id)).toEqual([]);
    }
  });
});

describe('parseGold and sideMatches', () => {
  it('names the faulty entry', () => {
    const bad = JSON.stringify({
      conflicts: [{ id: 'X1', kind: 'figure_mismatch', a: { article: '01' }, b: {} }],
    });
    expect(() => parseGold(bad, 'g.json')).toThrow(
      /g\.json: conflicts\[0\] X1\.a: missing "sentence_contains"/,
    );
    expect(() =>
      parseGold(JSON.stringify({ conflicts: [{ id: 'X2', kind: 'wrong', a: {}, b: {} }] }), 'g.json'),
    ).toThrow(/bad kind wrong/);
    expect(() => parseGold('{', 'g.json')).toThrow(/g\.json: JSON/);
  });

  it('ignores case, diacritics (including ł, ı, đ) and spacing, but not the article', () => {
    const side = { article: '02', sentence_contains: 'Paweł  Łukasik met Ayşe Yıldırım' };
    expect(sideMatches(side, '02-ledger.txt', 'Yesterday PAWEL LUKASIK met Ayse\nYildirim in Warsaw.')).toBe(
      true,
    );
    expect(sideMatches(side, '03-ledger.txt', 'Yesterday Pawel Lukasik met Ayse Yildirim in Warsaw.')).toBe(
      false,
    );
    expect(sideMatches({ article: '01', sentence_contains: 'Đặng' }, '01.txt', 'Dang Van')).toBe(true);
    // punctuation is kept, so figures do not blur into each other
    expect(sideMatches({ article: '01', sentence_contains: '€2.1bn' }, '01.txt', 'for €21bn')).toBe(false);
  });
});
