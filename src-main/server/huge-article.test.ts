/**
 * An article that is one enormous sentence (a register of years, a word list pasted as
 * text) used to break the desk: matching overflowed the call stack, so the import
 * answered 500 while its article landed, every later import and detection failed the
 * same way, and a retry made a duplicate. Later, reading its lead for the revision check
 * overflowed the stack, and indexing its whole sentence with each of its claims for
 * search exhausted memory.
 *
 * Over a real socket, on a real desk: the import answers with its report, the article
 * and its claims are stored and matched, a retry is reported as a duplicate, and the next
 * import and a detection run work.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './server';
import { DeskService } from '../core/service';
import { serveDesk } from './serve-desk';
import type { DeskInfo, ImportReport } from '../shared/views';

let dir: string;
let desk: string;
let service: DeskService;
let server: RunningServer;

async function call<T>(
  method: string,
  input: unknown,
): Promise<{ status: number; ok: boolean; value: T; error?: unknown }> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  return { status: res.status, ...body };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-huge-article-'));
  service = new DeskService({ defaultActor: 'tester' });
  desk = join(dir, 'desk.claimdesk');
  service.open(desk);
  server = await serveDesk(service, {
    staticDir: dir,
  });
});
afterEach(async () => {
  await server.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('articles that are one enormous sentence', () => {
  it('are imported and matched over HTTP, a retry is a duplicate, and the desk stays small and working', async () => {
    // A paragraph of 150,000 words (a word list pasted as text) and a register of 24,000
    // years in one sentence: the first overflowed the call stack, the second indexed its
    // whole sentence with each of its thousands of claims.
    const words = Array.from({ length: 150_000 }, (_, i) => ['pa', 'lo', 'mi', 'ru'][i % 4]).join(' ');
    const years = Array.from({ length: 24_000 }, (_, i) => String(1000 + (i % 1020))).join(', ');
    const drop = [
      { name: 'wordlist.txt', encoding: 'utf8', data: `Word list\n\nThe glossary reads ${words}.\n` },
      {
        name: 'register.txt',
        encoding: 'utf8',
        data: `Register of years\n\nThe archive register lists the years ${years}.\n`,
      },
    ];
    const first = await call<ImportReport>('articles:import', { files: drop });
    expect(first.status, JSON.stringify(first.error)).toBe(200);
    expect(first.value.failed).toEqual([]);
    expect(first.value.imported.map((a) => a.source)).toEqual(['wordlist.txt', 'register.txt']);
    const register = first.value.imported.find((a) => a.source === 'register.txt')!;
    expect(register.claimCount).toBeGreaterThan(5_000);
    expect(first.value.resumedDetection).toBeUndefined();
    const info = (await call<DeskInfo>('desk:info', {})).value;
    expect(info).toMatchObject({ articleCount: 2, needsDetection: false });
    expect(info.factCount).toBeGreaterThan(0);
    // The desk stays in proportion to what was imported (under half a megabyte of text).
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    expect(size(desk) + size(`${desk}-wal`)).toBeLessThan(80 * 1024 * 1024);
    // A year deep in the register is found, with the claim that gives it.
    const hits = (await call<{ type: string; articleId: number }[]>('search:query', { q: '1987', limit: 5 }))
      .value;
    expect(hits.some((h) => h.type === 'claim' && h.articleId === register.id)).toBe(true);

    const retry = await call<ImportReport>('articles:import', { files: drop });
    expect(retry.status).toBe(200);
    expect(retry.value).toMatchObject({ imported: [], failed: [] });
    expect(retry.value.duplicates).toHaveLength(2);
    expect((await call<DeskInfo>('desk:info', {})).value.articleCount).toBe(2);

    const next = await call<ImportReport>('articles:import', {
      files: [
        {
          name: 'archive.txt',
          encoding: 'utf8',
          data: 'Archive reopens\n\nThe city archive reopened on Monday after 14 months of repairs.\n',
        },
      ],
    });
    expect(next.status, JSON.stringify(next.error)).toBe(200);
    expect(next.value.imported).toMatchObject([{ source: 'archive.txt' }]);
    const detect = await call<{ facts: number }>('conflicts:detect', {});
    expect(detect.status, JSON.stringify(detect.error)).toBe(200);
    expect((await call<DeskInfo>('desk:info', {})).value).toMatchObject({
      articleCount: 3,
      needsDetection: false,
    });
  }, 240_000);
});
