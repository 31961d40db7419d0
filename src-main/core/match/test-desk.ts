/**
 * Test support: does in memory what the desk does around the matcher — extract each
 * article, resolve entities across articles, drop boilerplate claims, number the
 * claims — and shapes the result for the gold scorer. Lets the matcher be judged on
 * real extractor output without a database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../extract/index';
import { EntityIndex } from '../extract/entities';
import type { EntityHint } from './features';
import type { MatchClaim, MatchResult } from './types';
import { matchClaims } from './match';
import type { EvalInput } from './eval';

export interface StoryArticle {
  source: string;
  text: string;
}

export interface StoryDesk {
  claims: MatchClaim[];
  sources: Map<number, string>;
  hints: EntityHint[];
  aliasGroups: string[][];
  boilerplateSentences: Array<{ articleSource: string; sentence: string }>;
}

export function readStory(dir: string, prefix = ''): StoryArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && f.startsWith(prefix))
    .sort()
    .map((f) => ({
      source: f,
      text: readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n').normalize('NFC'),
    }));
}

export function buildStoryDesk(articles: StoryArticle[]): StoryDesk {
  const index = new EntityIndex();
  const merged = new Map<string, { name: string; kind: EntityHint['kind']; aliases: Set<string> }>();
  const claims: MatchClaim[] = [];
  const sources = new Map<number, string>();
  const boilerplateSentences: StoryDesk['boilerplateSentences'] = [];
  let nextId = 1;
  articles.forEach((art, i) => {
    const articleId = i + 1;
    sources.set(articleId, art.source);
    const header = /^\s*date\s+(\d{4}-\d{2}-\d{2})/.exec(art.text);
    const publishedAt = header ? header[1] : null;
    const result = extractArticle({ text: art.text, publishedAt });
    const keyMap = new Map<string, string>();
    for (const e of result.entities) {
      const deskKey = index.merge({ key: e.key, name: e.name, kind: e.kind, aliases: e.aliases });
      keyMap.set(e.key, deskKey);
      const m = merged.get(deskKey) ?? { name: e.name, kind: e.kind, aliases: new Set<string>() };
      m.aliases.add(e.name);
      for (const a of e.aliases) m.aliases.add(a);
      for (const mention of e.mentions) m.aliases.add(mention.text);
      merged.set(deskKey, m);
    }
    for (const p of result.passages) {
      if (p.boilerplate)
        boilerplateSentences.push({ articleSource: art.source, sentence: art.text.slice(p.start, p.end) });
    }
    for (const c of result.claims) {
      if (c.boilerplate) continue;
      claims.push({
        id: nextId++,
        articleId,
        publishedAt,
        kind: c.kind,
        start: c.start,
        end: c.end,
        quote: c.exact,
        sentence: art.text.slice(c.sentenceStart, c.sentenceEnd),
        sentenceStart: c.sentenceStart,
        subject: c.subject,
        scope: c.scope,
        value: c.value,
        entityKeys: [...new Set(c.entityKeys.map((k) => keyMap.get(k) ?? k))],
      });
    }
  });
  const hints: EntityHint[] = [...merged.entries()].map(([key, m]) => ({ key, kind: m.kind }));
  const aliasGroups = [...merged.values()].map((m) => [m.name, ...m.aliases]);
  return { claims, sources, hints, aliasGroups, boilerplateSentences };
}

/** The scorer's view of a match result. */
export function evalInputOf(desk: StoryDesk, result: MatchResult): EvalInput {
  const byId = new Map(desk.claims.map((c) => [c.id, c]));
  const side = (ids: number[], s: 'a' | 'b') =>
    ids.map((id) => {
      const c = byId.get(id)!;
      return {
        side: s,
        sentence: c.sentence,
        articleSource: desk.sources.get(c.articleId) ?? '',
        quoteStart: c.start - c.sentenceStart,
        quoteEnd: c.end - c.sentenceStart,
      };
    });
  return {
    conflicts: result.conflicts.map((k) => ({
      kind: k.kind,
      claims: [...side(k.sideA, 'a'), ...side(k.sideB, 'b')],
    })),
    aliasGroups: desk.aliasGroups,
    boilerplateSentences: desk.boilerplateSentences,
  };
}

export function runStory(articles: StoryArticle[]): {
  desk: StoryDesk;
  result: MatchResult;
  input: EvalInput;
} {
  const desk = buildStoryDesk(articles);
  const result = matchClaims(desk.claims, { entities: desk.hints });
  return { desk, result, input: evalInputOf(desk, result) };
}
