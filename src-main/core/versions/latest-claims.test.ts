/**
 * After a revision, the article's claims are the latest version's: `claims:list`
 * answers with them, asked for the desk or for any version of the article. The older
 * version's claims stay reachable where an editor looks for them: the version diff,
 * the older version read on its own, the orphans list. On a real desk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk } from '../test-support/fresh-desk';
import type { DeskService } from '../service';
import { parseInput, type Handlers } from '../../shared/contract';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let service: DeskService;
let h: Handlers;

useFreshDesk('claimdesk-latest-', (d) => ({ service, h } = d));
const fixture = (name: string) => ({
  name,
  data: readFileSync(join(FIXTURES, name), 'utf8'),
  encoding: 'utf8' as const,
});

describe('claims of a revised article', () => {
  it('are the latest version’s, asked for the desk or by either version; the old ones stay in the version view', async () => {
    const first = await service.importFiles([fixture('courier-v1.md'), fixture('wire.md')]);
    const [v1, wire] = first.imported.map((a) => a.id) as [number, number];
    const before = (await h['claims:list']({})).filter((c) => c.articleId === v1).length;
    expect(before).toBeGreaterThan(0);
    const v2 = (await service.importFiles([fixture('courier-v2.md')])).imported[0]!.id;

    const desk = await h['claims:list']({});
    expect(new Set(desk.map((c) => c.articleId))).toEqual(new Set([wire, v2]));
    expect(desk.map((c) => c.quote)).toContain('296 passengers');
    expect(desk.map((c) => c.quote)).not.toContain('1987');
    expect((await h['desk:info']({})).claimCount).toBe(desk.length);

    const byOld = await h['claims:list']({ articleId: v1 });
    const byNew = await h['claims:list']({ articleId: v2 });
    expect(byOld).toEqual(byNew);
    expect(byNew.every((c) => c.articleId === v2)).toBe(true);
    const figures = await h['claims:list']({ articleId: v1, kind: 'count' });
    expect(figures.map((c) => c.quote)).toContain('296 passengers');
    expect(figures.map((c) => c.quote)).not.toContain('312 passengers');

    // The older version's claims: in the diff, in the older version itself, as orphans.
    const diff = await h['versions:diff']({ fromId: v1, toId: v2 });
    expect(diff.claims.map((c) => c.fromQuote)).toContain('312 passengers');
    expect((await h['articles:get']({ id: v1 })).claims.map((c) => c.quote)).toContain('1987');
    expect((await h['versions:list']({ articleId: v2 })).orphans.map((o) => o.quote)).toContain('1987');

    // The board's columns and the notes are the latest version's too.
    const board = await h['board:page'](parseInput('board:page', {}));
    expect(board.articles!.map((a) => a.id).sort()).toEqual([wire, v2].sort());
    const md = (await h['export:run']({ format: 'md', scope: 'desk', includeDismissed: false })).data;
    expect(md).not.toContain('Ferry capsizes on Lake Orvel with 312 passengers aboard\n');
  });
});
