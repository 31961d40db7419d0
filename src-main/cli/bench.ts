/**
 * `npm run bench`: Claimdesk at newsroom scale, on synthetic stories with
 * planted conflicts. Measures, on one core and in one run:
 *  - import + extraction + indexing throughput, against two floors measured on
 *    the same texts (segmentation + tokenising alone; raw SQLite inserts of the
 *    same rows), and the ratio of our time to each;
 *  - matching + detection time and its growth exponent between sizes;
 *  - recall and precision of the planted conflicts;
 *  - search, board page and open-conflict latency (p50/p95), peak RSS.
 * Prints one table and writes the figures as JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DeskService } from '../core/service';
import { openDesk } from '../core/db/open';
import * as Q from '../core/desk/queries';
import { generateCorpus } from '../core/synth/generate';
import { deskEvalInput } from './eval';
import { scoreAgainstGold } from '../core/match/eval';
import { maxOf } from '../shared/extremes';
import { benchHostileLines, formatHostile } from './bench-hostile';
import { benchReanchor } from '../core/versions/bench-reanchor';

export interface BenchOptions {
  articles?: number | undefined;
  out?: string | undefined;
  /** Keep the benchmark desks in this folder (to open them in the window afterwards). */
  keep?: string | undefined;
}

interface SizeResult {
  articles: number;
  megabytes: number;
  claims: number;
  facts: number;
  conflicts: number;
  ingestSeconds: number;
  articlesPerSecond: number;
  mbPerSecond: number;
  segmentFloorSeconds: number;
  sqliteFloorSeconds: number;
  ratioToSegmentFloor: number;
  ratioToSqliteFloor: number;
  detectSeconds: number;
  recall: number;
  precision: number;
  violations: number;
  searchP50: number;
  searchP95: number;
  boardP50: number;
  boardP95: number;
  conflictP50: number;
  conflictP95: number;
  peakRssMb: number;
  /** Re-anchoring 1,000 claims of a 10 KB article on its revision (best of five runs). */
  reanchorMs: number;
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function timeMany(n: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** The floor of text work: sentence segmentation and word tokenising, nothing else. */
function segmentFloor(texts: string[]): number {
  const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
  const words = new Intl.Segmenter('en', { granularity: 'word' });
  const t = performance.now();
  let n = 0;
  for (const text of texts) {
    for (const s of sentences.segment(text)) {
      for (const w of words.segment(s.segment)) if (w.isWordLike) n++;
    }
  }
  if (n < 0) console.log(n);
  return (performance.now() - t) / 1000;
}

/** The floor of storage work: the same rows inserted raw into a fresh desk, one transaction per article. */
function sqliteFloor(sourceDb: ReturnType<typeof openDesk>, dir: string): number {
  const floorPath = join(dir, 'floor.claimdesk');
  for (const f of [floorPath, `${floorPath}-wal`, `${floorPath}-shm`]) rmSync(f, { force: true });
  const db = openDesk(floorPath);
  const articles = sourceDb.prepare('SELECT * FROM articles ORDER BY id').all() as Record<string, unknown>[];
  const passages = sourceDb.prepare('SELECT * FROM passages ORDER BY article_id').all() as Record<
    string,
    unknown
  >[];
  const claims = sourceDb.prepare('SELECT * FROM claims ORDER BY article_id').all() as Record<
    string,
    unknown
  >[];
  const byArticle = <T extends Record<string, unknown>>(rows: T[]) => {
    const m = new Map<unknown, T[]>();
    for (const r of rows) (m.get(r.article_id) ?? m.set(r.article_id, []).get(r.article_id)!).push(r);
    return m;
  };
  const pa = byArticle(passages);
  const ca = byArticle(claims);
  const insA = db.prepare(
    'INSERT INTO articles (id, title, source, text, content_hash, imported_at, published_at) VALUES (@id, @title, @source, @text, @content_hash, @imported_at, @published_at)',
  );
  const insP = db.prepare(
    'INSERT INTO passages (id, article_id, kind, start, "end", boilerplate) VALUES (@id, @article_id, @kind, @start, @end, @boilerplate)',
  );
  const insPF = db.prepare('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)');
  const insC = db.prepare(
    `INSERT INTO claims (id, article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, subject, scope, value, boilerplate)
     VALUES (@id, @article_id, @kind, @start, @end, @quote, @prefix, @suffix, @sentence_start, @sentence_end, @subject, @scope, @value, @boilerplate)`,
  );
  const insCF = db.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)');
  const t = performance.now();
  for (const a of articles) {
    db.transaction(() => {
      insA.run(a);
      const text = a.text as string;
      for (const p of pa.get(a.id) ?? []) {
        insP.run(p);
        if (p.kind === 'sentence') insPF.run(p.id, text.slice(p.start as number, p.end as number));
      }
      for (const c of ca.get(a.id) ?? []) {
        insC.run(c);
        insCF.run(c.id, c.quote);
      }
    })();
  }
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

async function benchSize(n: number, dir: string): Promise<SizeResult> {
  const corpus = generateCorpus({ articles: n, seed: 20261124 });
  const files = corpus.files.map((f) => ({ name: f.name, data: f.text, encoding: 'utf8' as const }));
  const bytes = corpus.files.reduce((s, f) => s + Buffer.byteLength(f.text, 'utf8'), 0);
  const deskPath = join(dir, `bench-${n}.claimdesk`);
  rmSync(deskPath, { force: true });
  rmSync(`${deskPath}-wal`, { force: true });
  rmSync(`${deskPath}-shm`, { force: true });
  const service = new DeskService({ defaultActor: 'bench' });
  service.open(deskPath, true);

  let t = performance.now();
  await service.importFiles(files, { detect: false });
  const ingestSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const detected = await service.detect();
  const detectSeconds = (performance.now() - t) / 1000;
  // The app's own peak: the floors below load every row at once and would inflate it.
  const appPeakRssMb = process.resourceUsage().maxRSS / 1024;

  const segmentFloorSeconds = segmentFloor(corpus.files.map((f) => f.text));
  const sqliteFloorSeconds = sqliteFloor(service.database, dir);

  const db = service.database;
  const scored = scoreAgainstGold(deskEvalInput(db), corpus.gold as Parameters<typeof scoreAgainstGold>[1]);

  const words = [
    'trade',
    'visit',
    'million',
    'first',
    'minister',
    'growth',
    'agreement',
    'port',
    'festival',
    'flood',
  ];
  const search = timeMany(200, (i) => Q.search(db, words[i % words.length]!.slice(0, 3 + (i % 3)), 50));
  const info = service.info();
  const factCount = info.factCount;
  const board = timeMany(100, (i) =>
    Q.boardPage(db, {
      offset: Math.floor((((i * 7919) % 100) / 100) * Math.max(0, factCount - 60)),
      limit: 60,
      sort: 'conflict',
    }),
  );
  const conflictIds = (db.prepare('SELECT id FROM conflicts').all() as { id: number }[]).map((r) => r.id);
  const open = conflictIds.length
    ? timeMany(200, (i) => Q.conflictDetail(db, conflictIds[(i * 104729) % conflictIds.length]!))
    : [0];
  service.close();

  return {
    articles: n,
    megabytes: bytes / 1048576,
    claims: info.claimCount,
    facts: factCount,
    conflicts: detected.conflicts,
    ingestSeconds,
    articlesPerSecond: n / ingestSeconds,
    mbPerSecond: bytes / 1048576 / ingestSeconds,
    segmentFloorSeconds,
    sqliteFloorSeconds,
    ratioToSegmentFloor: ingestSeconds / segmentFloorSeconds,
    ratioToSqliteFloor: ingestSeconds / sqliteFloorSeconds,
    detectSeconds,
    recall: scored.recall,
    precision: scored.precision ?? NaN,
    violations: scored.violations,
    searchP50: pct(search, 50),
    searchP95: pct(search, 95),
    boardP50: pct(board, 50),
    boardP95: pct(board, 95),
    conflictP50: pct(open, 50),
    conflictP95: pct(open, 95),
    peakRssMb: appPeakRssMb,
    reanchorMs: benchReanchor().ms,
  };
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

export function formatBench(results: SizeResult[], exponent: number | null): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['articles', (r) => String(r.articles)],
    ['corpus MB', (r) => f(r.megabytes)],
    ['claims', (r) => String(r.claims)],
    ['facts / conflicts', (r) => `${r.facts} / ${r.conflicts}`],
    ['ingest s (import+extract+index)', (r) => f(r.ingestSeconds, 2)],
    ['ingest articles/s (target ≥300)', (r) => f(r.articlesPerSecond, 0)],
    ['ingest MB/s', (r) => f(r.mbPerSecond, 2)],
    ['floor: segment+tokenise s', (r) => f(r.segmentFloorSeconds, 2)],
    ['floor: raw SQLite inserts s', (r) => f(r.sqliteFloorSeconds, 2)],
    ['ingest / segment floor', (r) => `${f(r.ratioToSegmentFloor)}×`],
    ['ingest / SQLite floor (target ≤3×)', (r) => `${f(r.ratioToSqliteFloor)}×`],
    ['match+detect s', (r) => f(r.detectSeconds, 2)],
    ['planted recall (≥0.95)', (r) => f(r.recall, 3)],
    ['planted precision (≥0.8)', (r) => f(r.precision, 3)],
    ['must-not-flag violations (target 0)', (r) => String(r.violations)],
    ['search p50/p95 ms (<50)', (r) => `${f(r.searchP50, 2)} / ${f(r.searchP95, 2)}`],
    ['board page p50/p95 ms (<50)', (r) => `${f(r.boardP50, 2)} / ${f(r.boardP95, 2)}`],
    ['open conflict p50/p95 ms (<100)', (r) => `${f(r.conflictP50, 2)} / ${f(r.conflictP95, 2)}`],
    ['peak RSS MB, import+detect (<1024)', (r) => f(r.peakRssMb, 0)],
    ['re-anchor 1,000 claims on 10 KB revision ms (<200)', (r) => f(r.reanchorMs, 1)],
  ];
  const w = maxOf(rows.map(([k]) => k.length));
  const lines = rows.map(([k, get]) => `${k.padEnd(w)}  ${results.map((r) => get(r).padStart(14)).join('')}`);
  if (exponent !== null)
    lines.push(`${'match+detect growth exponent (≤1.2)'.padEnd(w)}  ${f(exponent, 2).padStart(14)}`);
  return lines.join('\n');
}

export async function runBench(options: BenchOptions): Promise<number> {
  const sizes = options.articles ? [options.articles] : [1000, 10000];
  const dir = options.keep ? resolve(options.keep) : mkdtempSync(join(tmpdir(), 'claimdesk-bench-'));
  mkdirSync(dir, { recursive: true });
  const results: SizeResult[] = [];
  try {
    for (const n of sizes) {
      console.error(`bench: ${n} articles…`);
      results.push(await benchSize(n, dir));
    }
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else console.error(`bench: desks kept in ${dir}`);
  }
  const exponent =
    results.length >= 2
      ? Math.log(results.at(-1)!.detectSeconds / results[0]!.detectSeconds) /
        Math.log(results.at(-1)!.articles / results[0]!.articles)
      : null;
  console.log(formatBench(results, exponent));
  console.error('bench: one-line inputs…');
  const hostile = benchHostileLines();
  console.log('\n' + formatHostile(hostile));
  const out = resolve(options.out ?? 'bench-results/bench.json');
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, results, exponent, hostile },
      null,
      2,
    ),
  );
  console.log(`\nWritten to ${out}`);
  return 0;
}
