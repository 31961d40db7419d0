/**
 * The synthetic corpus is only useful for benchmarks if it is reproducible, if its gold
 * points at sentences that exist, and if its planted conflicts are really conflicts.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus, MONTHS, WEEKDAYS, type GeneratedCorpus } from './generate';
import { goldFold, sideMatches, type GoldSide } from './gold';

/** Lines, then sentences: a rough stand-in for the extractor's segmenter. */
function sentencesOf(text: string): string[] {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  return text
    .split('\n')
    .flatMap((line) => [...seg.segment(line)].map((s) => s.segment.trim()).filter(Boolean));
}

/** "on Tuesday, March 11, 2025" or "on Tuesday, 11 March 2025" → [named weekday, real weekday]. */
function weekdays(text: string): [string, string] | null {
  const m = /on (\w+day), (?:(\w+) (\d+), (\d{4})|(\d+) (\w+) (\d{4}))/.exec(text) ?? null;
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] ?? m[6])!);
  const day = Number(m[3] ?? m[5]);
  const year = Number(m[4] ?? m[7]);
  return [m[1]!, WEEKDAYS[new Date(Date.UTC(year, month, day)).getUTCDay()]!];
}

function sentenceIndex(corpus: GeneratedCorpus): (side: GoldSide) => string[] {
  const byPrefix = new Map<string, { name: string; sentences: string[] }>();
  for (const f of corpus.files)
    byPrefix.set(f.name.slice(0, 8), { name: f.name, sentences: sentencesOf(f.text) });
  return (side) => {
    const file = byPrefix.get(side.article);
    return file ? file.sentences.filter((s) => sideMatches(side, file.name, s)) : [];
  };
}

describe('generateCorpus', () => {
  it('gives the same corpus for the same seed and another for another seed', () => {
    const a = generateCorpus({ articles: 40, seed: 42 });
    const b = generateCorpus({ articles: 40, seed: 42 });
    const c = generateCorpus({ articles: 40, seed: 43 });
    expect(b).toEqual(a);
    expect(c.files.map((f) => f.text)).not.toEqual(a.files.map((f) => f.text));
  });

  const corpus = generateCorpus({ articles: 300, seed: 7 });
  const find = sentenceIndex(corpus);

  it('writes as many articles as asked, of about the asked length, in stories of 3-8', () => {
    expect(corpus.files).toHaveLength(300);
    expect(new Set(corpus.files.map((f) => f.name)).size).toBe(300);
    const words = corpus.files.map((f) => f.text.split(/\s+/).length).sort((x, y) => x - y);
    expect(words[150]).toBeGreaterThan(500);
    expect(words[150]).toBeLessThan(700);
    expect(words[0]).toBeGreaterThan(350);
    const sizes = corpus.gold.stories!.map((s) => s.articles.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(300);
    // most files carry the seeds' date line, the rest start with their title
    const dated = corpus.files.filter((f) => /^ date \d{4}-\d{2}-\d{2} \S/.test(f.text)).length;
    expect(dated).toBeGreaterThan(150);
    expect(dated).toBeLessThan(300);
    expect(generateCorpus({ articles: 2, seed: 1 }).files).toHaveLength(2);
  });

  it('points every gold side at exactly one sentence of its article', () => {
    const problems: string[] = [];
    for (const pair of [...corpus.gold.conflicts, ...corpus.gold.must_not_flag])
      for (const side of [pair.a, pair.b]) {
        const hits = find(side).length;
        if (hits !== 1) problems.push(`${pair.id}: ${side.article} "${side.sentence_contains}" ×${hits}`);
      }
    for (const side of corpus.gold.boilerplate)
      if (find(side).length !== 1) problems.push(`boilerplate ${side.article} "${side.sentence_contains}"`);
    expect(problems).toEqual([]);
    expect(corpus.gold.must_not_flag.length).toBeGreaterThan(corpus.gold.conflicts.length / 2);
  });

  it('plants every kind of conflict at about the asked rate', () => {
    const stories = corpus.gold.stories!;
    const kinds = [
      'figure_mismatch',
      'count_mismatch',
      'date_mismatch',
      'novelty_vs_precedent',
      'trend_contradiction',
    ];
    for (const kind of kinds) {
      const share = stories.filter((s) => s.planted.includes(kind as never)).length / stories.length;
      expect(share, kind).toBeGreaterThan(0.3);
      expect(share, kind).toBeLessThan(0.7);
    }
    const none = generateCorpus({ articles: 60, seed: 7, conflictRate: 0 });
    expect(none.gold.conflicts).toEqual([]);
    const all = generateCorpus({ articles: 60, seed: 7, conflictRate: 1 });
    for (const s of all.gold.stories!) expect(new Set(s.planted).size).toBe(5);
  });

  it('plants conflicts an editor would agree are conflicts', () => {
    for (const c of corpus.gold.conflicts) {
      const a = find(c.a)[0]!;
      const b = find(c.b)[0]!;
      if (c.kind === 'date_mismatch' && c.why.includes('weekday')) {
        const [named, real] = weekdays(a)!;
        expect(named, a).not.toBe(real);
        const [namedB, realB] = weekdays(b)!;
        expect(namedB, b).toBe(realB);
      }
      if (c.kind === 'novelty_vs_precedent') {
        expect(goldFold(a)).toMatch(/first-ever|never before|first time .* ever/);
        expect(b).toMatch(/\b(19[5-9]\d)\b/);
      }
      if (c.kind === 'figure_mismatch') expect(c.a.sentence_contains).not.toBe(c.b.sentence_contains);
      if (c.kind === 'count_mismatch') {
        const count = (t: string): string => /(\w+) (?:cooperation )?agreements/.exec(t)![1]!;
        expect(count(a)).not.toBe(count(b));
      }
      if (c.kind === 'trend_contradiction') {
        const up = (t: string): boolean => /grown|expanded|rise/.test(t);
        const down = (t: string): boolean => /shrunk|declined|fallen/.test(t);
        expect(up(a) !== up(b) || down(a) !== down(b) || /stood at/.test(b), `${a} / ${b}`).toBe(true);
      }
    }
    // scoped novelty is never planted as a conflict
    for (const c of corpus.gold.conflicts.filter((c) => c.kind === 'novelty_vs_precedent'))
      expect(goldFold(find(c.a)[0]!)).not.toMatch(/ since (19|20)\d\d/);
  });

  it('keeps correct weekdays in the must-not-flag pairs', () => {
    let checked = 0;
    for (const p of corpus.gold.must_not_flag)
      for (const side of [p.a, p.b]) {
        const w = weekdays(find(side)[0]!);
        if (w) {
          expect(w[0]).toBe(w[1]);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives every story its own countries and people', () => {
    const owner = new Map<string, string>();
    for (const s of corpus.gold.stories!)
      for (const e of s.entities!) {
        const key = goldFold(e);
        expect(owner.get(key) ?? s.id, `${e} in ${owner.get(key)} and ${s.id}`).toBe(s.id);
        owner.set(key, s.id);
      }
    // and no article mentions another story's countries
    const byStory = new Map(corpus.gold.stories!.map((s) => [s.id, s]));
    for (const f of corpus.files.slice(0, 40)) {
      const own = f.name.slice(0, 5);
      for (const s of byStory.values())
        if (s.id !== own)
          for (const country of s.entities!.slice(0, 2)) expect(f.text).not.toContain(` ${country} `);
    }
  });

  it('spells names with and without diacritics across outlets', () => {
    const mixed = corpus.gold.aliases.filter(
      (g) => g.some((n) => goldFold(n) === n.toLowerCase()) && g.length > 1,
    );
    expect(mixed.length).toBeGreaterThan(20);
  });

  it('generates 10,000 articles in a few seconds', () => {
    const t0 = performance.now();
    const big = generateCorpus({ articles: 10_000, seed: 1 });
    const ms = performance.now() - t0;
    expect(big.files).toHaveLength(10_000);
    // measured about 1.5-4 s on the shared 2-core machine
    expect(ms).toBeLessThan(10_000);
  });
});
