/**
 * `claimdesk versions` on a desk where an outlet's revision was imported after review.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run, UsageError } from './main';

const FIXTURES = resolve(import.meta.dirname, '../core/versions/fixtures');
let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-versions-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
const desk = () => join(dir, 'd.claimdesk');

describe('claimdesk versions', () => {
  it('lists the versions, what changed and the orphans, for people and as JSON', async () => {
    await run(['import', '--desk', desk(), join(FIXTURES, 'courier-v1.md'), join(FIXTURES, 'wire.md')]);
    out = [];
    expect(await run(['import', '--desk', desk(), join(FIXTURES, 'courier-v2.md')])).toBe(0);
    expect(out.join('\n')).toContain(
      'revision   courier-v2.md  version 2 of article 1: 4 claims carried, 1 changed, 3 orphans',
    );

    out = [];
    expect(await run(['versions', '--desk', desk(), '--article', '3'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('v2  article 3 (latest)');
    expect(text).toContain('1 figure changed, 1 paragraph edited, 1 paragraph removed, headline changed');
    expect(text).toContain('changed: “312 passengers” → “296 passengers”');
    expect(text).toContain('claim 6 (v1, date) “1987”');

    out = [];
    // Any version's id names the article.
    expect(await run(['versions', '--desk', desk(), '--article', '1', '--json'])).toBe(0);
    const j = JSON.parse(out.join('\n')) as {
      latestId: number;
      versions: unknown[];
      orphans: { quote: string }[];
      changes: { summary: string; claims: { status: string }[] }[];
    };
    expect(j.latestId).toBe(3);
    expect(j.versions).toHaveLength(2);
    expect(j.orphans.map((o) => o.quote)).toEqual(['312 passengers', '1987', 'March 2024']);
    expect(j.changes[0]!.summary).toBe(
      '1 figure changed, 1 paragraph edited, 1 paragraph removed, headline changed',
    );
    expect(j.changes[0]!.claims.some((c) => c.status === 'same')).toBe(false);
  });

  it('asks for the article', async () => {
    await run(['import', '--desk', desk(), join(FIXTURES, 'wire.md')]);
    await expect(run(['versions', '--desk', desk()])).rejects.toThrow(UsageError);
  });
});
