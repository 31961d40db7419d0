/**
 * A boilerplate mark is undone exactly even when extraction ran in between: re-extraction
 * replaces an article's passage rows, so an undo that wrote the old row back by its id
 * would put a stale passage beside the new one (two rows for one span) and leave the
 * claims marked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskService } from './service';
import type { Handlers } from '../shared/contract';

const ARTICLE = [
  'Harbour council backs the new ferry pier',
  '',
  'The harbour council approved a budget of €4.2 million for the new ferry pier on Monday.',
  '',
  'Councillors said 36 berths would be ready by the spring, according to the port authority.',
  '',
  'Sign up to our morning newsletter: 12 stories you should read, every day at 7 am.',
  '',
].join('\n');

let dir: string;
let service: DeskService;
let h: Handlers;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-undo-boilerplate-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
  h = service.handlers();
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function article(id: number) {
  return h['articles:get']({ id });
}

describe('undo of a boilerplate mark', () => {
  it('after extraction ran again, restores one passage per span and the claims, and redo marks them again', async () => {
    const report = await h['articles:import']({
      files: [
        { name: 'pier.txt', data: ARTICLE, encoding: 'utf8' },
        // A later article, so the rows extraction writes again get new ids.
        {
          name: 'ferry.txt',
          data: 'Ferry times change\n\nThe ferry will run 9 times a day from June, the operator said.\n',
          encoding: 'utf8',
        },
      ],
    });
    const articleId = report.imported.find((a) => a.source === 'pier.txt')!.id;
    const start = await article(articleId);
    const claim = start.claims.find((c) => c.quote.includes('36'));
    expect(claim, JSON.stringify(start.claims.map((c) => c.quote))).toBeDefined();
    const passage = start.passages.find(
      (p) => p.kind === 'sentence' && p.start <= claim!.start && p.end >= claim!.end,
    )!;
    expect(passage.boilerplate).toBe(false);
    const spanRows = (a: Awaited<ReturnType<typeof article>>) =>
      a.passages.filter((p) => p.kind === passage.kind && p.start === passage.start && p.end === passage.end);

    await h['passages:setBoilerplate']({ id: passage.id, boilerplate: true });
    expect((await h['claims:list']({ articleId })).find((c) => c.id === claim!.id)?.boilerplate).toBe(true);
    await h['extract:rerun']({ articleId });
    const reextracted = await article(articleId);
    // Extraction replaced the passage rows and kept the mark by its span.
    expect(spanRows(reextracted).map((p) => p.id)).not.toContain(passage.id);
    expect(spanRows(reextracted)).toMatchObject([{ boilerplate: true }]);

    await h['history:undo']({});
    const undone = await article(articleId);
    expect(undone.passages.length).toBe(reextracted.passages.length);
    expect(spanRows(undone)).toMatchObject([{ boilerplate: false }]);
    expect(undone.claims.find((c) => c.start === claim!.start && c.end === claim!.end)?.boilerplate).toBe(
      false,
    );
    // The mark is gone too: extraction does not bring it back.
    await h['extract:rerun']({ articleId });
    expect(spanRows(await article(articleId))).toMatchObject([{ boilerplate: false }]);

    await h['history:redo']({});
    const redone = await article(articleId);
    expect(redone.passages.length).toBe(reextracted.passages.length);
    expect(spanRows(redone)).toMatchObject([{ boilerplate: true }]);
    expect(redone.claims.find((c) => c.start === claim!.start && c.end === claim!.end)?.boilerplate).toBe(
      true,
    );
  });
});
