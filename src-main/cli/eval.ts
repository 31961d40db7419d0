/**
 * `claimdesk eval`: reads what the desk found (conflicts, entity aliases,
 * boilerplate sentences) and scores it against a gold file.
 */
import type { Db } from '../core/db/open';
import * as Q from '../core/desk/queries';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DeskError } from '../shared/errors';
import { formatEvalTable, scoreAgainstGold, type EvalResult, type GoldFile } from '../core/match/eval';

export function deskEvalInput(db: Db) {
  const texts = new Q.TextCache(db);
  const sources = new Map(Q.articleSummaries(db).map((a) => [a.id, a.source]));
  const conflicts = Q.listConflicts(db, {}).map((k) => ({
    kind: k.kind,
    suggestion: k.origin !== 'editor' && k.kind !== 'manual' && k.status !== 'dismissed' && !k.stale,
    claims: k.claims.map((ref) => {
      const c = Q.claimView(db, ref.id, texts);
      return {
        side: ref.side,
        sentence: c.sentence,
        articleSource: sources.get(c.articleId) ?? '',
        quoteStart: c.start - c.sentenceStart,
        quoteEnd: c.end - c.sentenceStart,
      };
    }),
  }));
  const aliasGroups = Q.entityViews(db).map((e) => [e.name, ...e.aliases]);
  const boilerplateSentences = (
    db
      .prepare(
        `SELECT a.source, substr(a.text, p.start + 1, p."end" - p.start) AS sentence FROM passages p
         JOIN articles a ON a.id = p.article_id WHERE p.boilerplate = 1`,
      )
      .all() as { source: string; sentence: string }[]
  ).map((r) => ({ articleSource: r.source, sentence: r.sentence }));
  return { conflicts, aliasGroups, boilerplateSentences };
}

export function evaluateDesk(db: Db, gold: unknown): { text: string; failed: boolean } {
  const result = scoreAgainstGold(deskEvalInput(db), gold as GoldFile);
  return { text: formatEvalTable(result), failed: result.recall < 1 || result.violations > 0 };
}

/** A folder of articles with its gold file: `DIR/gold.json`, or `DIR-gold.json` beside it (the seeds). */
export interface StoryFolder {
  name: string;
  dir: string;
  gold: string;
}

/**
 * The stories under the given paths: a folder with a gold file is one story; any
 * other folder is searched one level down for stories.
 */
export function findStories(paths: string[]): StoryFolder[] {
  const out: StoryFolder[] = [];
  const goldOf = (dir: string): string | null => {
    if (existsSync(join(dir, 'gold.json'))) return join(dir, 'gold.json');
    const beside = `${dir.replace(/[\\/]+$/, '')}-gold.json`;
    return existsSync(beside) ? beside : null;
  };
  for (const p of paths) {
    const dir = resolve(p);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new DeskError('not_found', `No folder at ${p}.`);
    const own = goldOf(dir);
    if (own) {
      out.push({ name: basename(dir), dir, gold: own });
      continue;
    }
    for (const sub of readdirSync(dir).sort()) {
      const d = join(dir, sub);
      if (!statSync(d).isDirectory()) continue;
      const g = goldOf(d);
      if (g) out.push({ name: sub, dir: d, gold: g });
    }
  }
  if (out.length === 0)
    throw new DeskError('not_found', `No story folder with a gold file under ${paths.join(', ')}.`);
  return out;
}

export interface StoryScore {
  story: StoryFolder;
  articles: number;
  result: EvalResult;
}

/**
 * Scores each story on its own fresh desk, through the same import, extraction,
 * matching and detection as the app, and adds them up. Totals are sums of counts,
 * not means of ratios, so a story with more conflicts weighs more.
 */
export async function evaluateStories(
  stories: StoryFolder[],
  openDesk: (file: string) => { importPaths(p: string[]): Promise<unknown>; database: Db; close(): void },
): Promise<{
  scores: StoryScore[];
  total: Pick<EvalResult, 'recall' | 'precision' | 'violations'> & {
    expected: number;
    found: number;
    suggestions: number;
    useful: number;
  };
}> {
  const scores: StoryScore[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'claimdesk-eval-'));
  try {
    for (const story of stories) {
      const files = readdirSync(story.dir)
        .filter((f) => /\.(txt|md|html?|docx|pdf)$/i.test(f))
        .sort()
        .map((f) => join(story.dir, f));
      const service = openDesk(join(tmp, `${story.name}.claimdesk`));
      try {
        await service.importPaths(files);
        const gold = JSON.parse(readFileSync(story.gold, 'utf8')) as GoldFile;
        scores.push({
          story,
          articles: files.length,
          result: scoreAgainstGold(deskEvalInput(service.database), gold),
        });
      } finally {
        service.close();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const sum = (f: (r: EvalResult) => number) => scores.reduce((n, s) => n + f(s.result), 0);
  const expected = sum((r) => r.conflictsExpected);
  const found = sum((r) => r.conflictsFound);
  const suggestions = sum((r) => r.suggestions);
  const useful = sum((r) => r.useful);
  return {
    scores,
    total: {
      expected,
      found,
      suggestions,
      useful,
      violations: sum((r) => r.violations),
      recall: expected === 0 ? 1 : found / expected,
      precision: suggestions === 0 ? 1 : useful / suggestions,
    },
  };
}

/** One line per story, then the total; the last line is `total recall=… violations=… precision=…`. */
export function formatStoriesTable(
  scores: StoryScore[],
  total: Awaited<ReturnType<typeof evaluateStories>>['total'],
): string {
  const w = Math.max(5, ...scores.map((s) => s.story.name.length));
  const head = `${'story'.padEnd(w)}  articles  found/gold  recall  violations  useful/suggested  precision`;
  const rows = scores.map((s) => {
    const r = s.result;
    return `${s.story.name.padEnd(w)}  ${String(s.articles).padStart(8)}  ${`${r.conflictsFound}/${r.conflictsExpected}`.padStart(10)}  ${r.recall.toFixed(2).padStart(6)}  ${String(r.violations).padStart(10)}  ${`${r.useful}/${r.suggestions}`.padStart(16)}  ${r.precision.toFixed(2).padStart(9)}`;
  });
  return [
    head,
    ...rows,
    '',
    `total: ${total.found}/${total.expected} conflicts found, ${total.useful}/${total.suggestions} suggestions useful`,
    `total recall=${total.recall.toFixed(2)} violations=${total.violations} precision=${total.precision.toFixed(2)}`,
  ].join('\n');
}
