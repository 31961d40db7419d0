/**
 * The project's older test stories (test-stories/* except the blind ones, which are
 * scored as a whole by the evaluator in cli.test.ts and match-stories.test.ts): stories
 * the extractor was not built on. Every sentence a gold conflict or
 * must-not-flag pair rests on yields a claim of a kind that conflict needs, the gold
 * boilerplate is marked, and each alias group is one entity on the desk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../shared/fold';
import type { ClaimKind } from '../../shared/model';
import { extractArticle } from './index';
import { EntityIndex } from './entity-index';
import { folded, type Gold } from './seed-helpers';
import type { ExtractionResult } from './types';

const ROOT = resolve(import.meta.dirname, '../../../test-stories');
const stories = existsSync(ROOT)
  ? readdirSync(ROOT).filter((d) => !d.startsWith('blind-') && existsSync(resolve(ROOT, d, 'gold.json')))
  : [];

/** Claim kinds that can carry each conflict kind, per side. */
const NEEDS: Record<string, ClaimKind[]> = {
  figure_mismatch: ['figure', 'count'],
  count_mismatch: ['count', 'figure'],
  date_mismatch: ['date', 'time'],
  trend_contradiction: ['trend', 'figure', 'count'],
  novelty_vs_precedent: ['novelty', 'date', 'event'],
};

interface Article {
  text: string;
  r: ExtractionResult;
}

function load(story: string): {
  gold: Gold & { conflicts: { kind: string }[] };
  articles: Map<string, Article>;
} {
  const gold = JSON.parse(readFileSync(resolve(ROOT, story, 'gold.json'), 'utf8'));
  const articles = new Map<string, Article>();
  for (const f of readdirSync(resolve(ROOT, story))
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(resolve(ROOT, story, f), 'utf8')
      .replace(/\r\n?/g, '\n')
      .normalize('NFC');
    // Publication dates come from the " date" header, as on import.
    articles.set(f.slice(0, 2), { text, r: extractArticle({ text, publishedAt: null }) });
  }
  return { gold, articles };
}

function sentenceClaims(a: Article, needle: string) {
  const n = folded(needle);
  return a.r.claims.filter((c) => folded(a.text.slice(c.sentenceStart, c.sentenceEnd)).includes(n));
}

describe.each(stories)('test story %s', (story) => {
  const { gold, articles } = load(story);

  it('finds, in every conflict sentence, a claim of the kind the conflict needs', () => {
    for (const c of gold.conflicts as unknown as {
      id: string;
      kind: string;
      a: { article: string; sentence_contains: string };
      b: { article: string; sentence_contains: string };
    }[]) {
      for (const side of [c.a, c.b]) {
        const kinds = sentenceClaims(articles.get(side.article)!, side.sentence_contains)
          .filter((x) => !x.boilerplate)
          .map((x) => x.kind);
        expect(
          kinds.some((k) => (NEEDS[c.kind] ?? []).includes(k)),
          `${c.id}: ${side.sentence_contains} → ${kinds}`,
        ).toBe(true);
      }
    }
  });

  it('marks the gold boilerplate', () => {
    for (const side of gold.boilerplate) {
      const a = articles.get(side.article)!;
      const n = folded(side.sentence_contains);
      const ps = a.r.passages.filter(
        (p) => p.kind === 'sentence' && folded(a.text.slice(p.start, p.end)).includes(n),
      );
      expect(ps.length, side.sentence_contains).toBeGreaterThan(0);
      expect(
        ps.every((p) => p.boilerplate),
        side.sentence_contains,
      ).toBe(true);
    }
  });

  it('resolves each alias group to one desk entity', () => {
    const index = new EntityIndex();
    const desk = new Map<string, Map<string, string>>();
    for (const [id, a] of articles) {
      const keys = new Map<string, string>();
      for (const e of a.r.entities)
        keys.set(e.key, index.merge({ key: e.key, name: e.name, kind: e.kind, aliases: e.aliases }));
      desk.set(id, keys);
    }
    for (const group of gold.aliases) {
      const found = new Set<string>();
      for (const [id, a] of articles)
        for (const e of a.r.entities)
          if (group.some((s) => e.aliases.some((x) => foldKey(x) === foldKey(s))))
            found.add(desk.get(id)!.get(e.key)!);
      expect(found.size, group.join(' / ')).toBe(1);
    }
  });
});
