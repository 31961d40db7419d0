/**
 * One bad claim must not break matching for good. A claim whose stored value is damaged
 * (a figure without its fields, a kind this version does not know: a desk written by
 * another version or edited outside Claimdesk) used to make matching throw; every later
 * import then answered 500 while its article landed, and a retry did it again.
 *
 * Over a real socket: the import answers with its report, the damaged claim named with
 * its article and left out of matching, the conflicts stored; a retry is a duplicate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './server';
import { DeskService } from '../core/service';
import { serveDesk } from './serve-desk';
import type { ImportReport } from '../shared/views';

const SAMPLES = resolve(import.meta.dirname, '../../resources/samples');

const NEW_ARTICLE = {
  name: 'council.txt',
  encoding: 'utf8',
  data: [
    'Council meets on the flood defences',
    '',
    'The city council said on Tuesday that 1,200 homes were protected by the new flood wall.',
    '',
    'The wall cost €18 million, a council spokesperson said.',
    '',
  ].join('\n'),
};

let dir: string;
let desk: string;
let service: DeskService;
let server: RunningServer;

async function call(method: string, input: unknown) {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: unknown; error?: unknown },
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-matching-failure-'));
  desk = join(dir, 'desk.claimdesk');
  service = new DeskService({ defaultActor: 'tester' });
  service.open(desk);
  await service.importPaths([SAMPLES]);
  server = await serveDesk(service, {
    staticDir: dir,
  });
});
afterEach(async () => {
  await server.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an import on a desk holding a claim with a damaged value', () => {
  for (const damaged of ['{"type":"figure"}', '{"type":"zzz"}']) {
    it(`answers with its report, names the claim left out of matching, and a retry is a duplicate (${damaged})`, async () => {
      // Another program writes a value Claimdesk cannot match.
      const other = new Database(desk);
      const target = other
        .prepare(
          "SELECT c.id, c.article_id, a.title FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.kind = 'figure' ORDER BY c.id LIMIT 1",
        )
        .get() as { id: number; article_id: number; title: string };
      other.prepare('UPDATE claims SET value = ? WHERE id = ?').run(damaged, target.id);
      other.close();
      const before = (await call('desk:info', {})).body.value as {
        articleCount: number;
        conflictCount: number;
      };

      const first = await call('articles:import', { files: [NEW_ARTICLE] });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const report = first.body.value as ImportReport;
      expect(report.imported).toHaveLength(1);
      expect(report.leftOut).toEqual([
        {
          claimId: target.id,
          articleId: target.article_id,
          article: target.title,
          reason: expect.stringMatching(/stored value is damaged .*correct or delete the claim/) as string,
        },
      ]);
      const info = (await call('desk:info', {})).body.value as {
        articleCount: number;
        conflictCount: number;
        needsDetection: boolean;
      };
      expect(info).toMatchObject({ articleCount: before.articleCount + 1, needsDetection: false });
      expect(info.conflictCount).toBeGreaterThan(0);
      // The new article's claims were matched into facts.
      const claims = (await call('claims:list', { articleId: report.imported[0]!.id })).body.value as {
        factId: number | null;
      }[];
      expect(claims.length).toBeGreaterThan(0);
      expect(claims.every((c) => c.factId !== null)).toBe(true);

      const retry = await call('articles:import', { files: [NEW_ARTICLE] });
      expect(retry.status).toBe(200);
      expect(retry.body.value).toMatchObject({ imported: [], duplicates: [{ source: 'council.txt' }] });
      expect(((await call('desk:info', {})).body.value as { articleCount: number }).articleCount).toBe(
        before.articleCount + 1,
      );

      const detect = await call('conflicts:detect', {});
      expect(detect.status).toBe(200);
      expect(detect.body.value).toMatchObject({ leftOut: [{ claimId: target.id }] });
    });
  }
});
