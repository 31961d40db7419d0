/**
 * The draft commands as scripts use them: mark, check (the promised JSON shape, no more,
 * no less), export DOCX, unmark; on a real desk file.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliHarness } from './cli-harness';
import { run } from './main';

const SAMPLES = resolve(import.meta.dirname, '../../resources/samples');
const DRAFT = resolve(import.meta.dirname, '../core/draft/fixtures/sample-draft.txt');

const cli = cliHarness('claimdesk-draft-cli-');

const desk = cli.desk;

describe('claimdesk draft, check and export --format docx', () => {
  it('marks a draft, prints its verdicts as the promised JSON, exports DOCX and unmarks it', async () => {
    expect(await run(['import', '--desk', desk(), SAMPLES, DRAFT])).toBe(0);
    cli.clear();
    await run(['articles', '--desk', desk(), '--json']);
    const { articles } = JSON.parse(cli.printed()) as { articles: { id: number; source: string }[] };
    const id = articles.find((a) => a.source === 'sample-draft.txt')!.id;

    cli.clear();
    expect(await run(['draft', '--desk', desk(), '--article', String(id)])).toBe(0);
    expect(cli.printed()).toMatch(new RegExp(`Article ${id} is now marked as a draft`));

    cli.clear();
    expect(await run(['check', '--desk', desk(), '--draft', String(id), '--json'])).toBe(0);
    const check = JSON.parse(cli.printed()) as {
      draft: Record<string, unknown>;
      claims: { status: string; quote: string; sources: Record<string, unknown>[] }[];
    };
    expect(Object.keys(check).sort()).toEqual(['claims', 'draft']);
    expect(Object.keys(check.draft).sort()).toEqual(['id', 'title']);
    expect(check.draft.id).toBe(id);
    for (const c of check.claims) {
      expect(Object.keys(c).sort()).toEqual(['id', 'quote', 'sentence', 'sources', 'status']);
      expect(['supported', 'contradicted', 'unverified']).toContain(c.status);
      for (const s of c.sources) {
        expect(Object.keys(s).sort()).toEqual(['agrees', 'article', 'quote', 'sentence']);
        expect(Object.keys(s.article as object).sort()).toEqual(['id', 'outlet', 'source']);
      }
    }
    const wrongYear = check.claims.find((c) => c.quote === '€412.6 million')!;
    expect(wrongYear.status).toBe('contradicted');
    expect(wrongYear.sources.map((s) => s.agrees)).toEqual([false, false, false]);

    cli.clear();
    expect(await run(['check', '--desk', desk(), '--draft', String(id)])).toBe(0);
    expect(cli.printed()).toMatch(/3 contradicted, 1 unverified, 6 supported/);

    const docx = join(cli.dir, 'back-to-writer.docx');
    expect(
      await run(['export', '--desk', desk(), '--format', 'docx', '--article', String(id), '--out', docx]),
    ).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const memo = join(cli.dir, 'memo.md');
    await run(['export', '--desk', desk(), '--format', 'memo-md', '--article', String(id), '--out', memo]);
    expect(existsSync(memo)).toBe(true);

    cli.clear();
    expect(await run(['draft', '--desk', desk(), '--article', String(id), '--unmark'])).toBe(0);
    expect(cli.printed()).toMatch(/no longer a draft; the desk holds 0 drafts/);
    await expect(run(['check', '--desk', desk(), '--draft', String(id)])).rejects.toThrow(
      /not marked as a draft/,
    );
  });

  it('says what is missing when check has no --draft', async () => {
    await run(['import', '--desk', desk(), DRAFT]);
    await expect(run(['check', '--desk', desk()])).rejects.toThrow(/check needs --draft ID/);
  });
});
