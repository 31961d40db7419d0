/**
 * Bench rows for inputs no newsroom writes but any desk can receive: one line with no
 * sentence break, holding a flattened table, a list of thousands of values, or no spaces
 * at all. Extraction must stay linear in the line's length, so the time per megabyte is
 * measured at two sizes and the growth exponent between them is printed (1 = linear,
 * 2 = quadratic).
 */
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../core/extract';

const LINES: [string, string][] = [
  ['no spaces', 'a'],
  ['values and counts', 'rose 12% to 3 people '],
  ['years', 'in 1990 and '],
  ['names', 'Abc Def '],
  ['dotted numbers', '1.2.'],
];

function secondsToExtract(unit: string, bytes: number): number {
  const text = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const t0 = performance.now();
  extractArticle({ text, publishedAt: '2025-01-01' });
  return (performance.now() - t0) / 1000;
}

export interface HostileRow {
  line: string;
  smallSeconds: number;
  largeSeconds: number;
  exponent: number;
}

export function benchHostileLines(small = 250_000, large = 1_000_000): HostileRow[] {
  return LINES.map(([line, unit]) => {
    const smallSeconds = secondsToExtract(unit, small);
    const largeSeconds = secondsToExtract(unit, large);
    return {
      line,
      smallSeconds,
      largeSeconds,
      exponent: Math.log(largeSeconds / smallSeconds) / Math.log(large / small),
    };
  });
}

export function formatHostile(rows: HostileRow[]): string {
  const head = 'one-line input (extraction s at 0.25 MB / 1 MB, growth ≤1.2)';
  return [
    head,
    ...rows.map(
      (r) =>
        `  ${r.line.padEnd(20)} ${r.smallSeconds.toFixed(2).padStart(7)} / ${r.largeSeconds.toFixed(2).padStart(7)}   growth ${r.exponent.toFixed(2)}`,
    ),
  ].join('\n');
}
