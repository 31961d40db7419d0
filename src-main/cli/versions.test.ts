/**
 * `claimdesk versions` on a desk where an outlet's revision was imported after review.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { cliHarness } from './cli-harness';
import { run, UsageError } from './main';

const FIXTURES = resolve(import.meta.dirname, '../core/versions/fixtures');
const cli = cliHarness('claimdesk-cli-versions-');
const desk = cli.desk;

describe('claimdesk versions', () => {
  it('lists the versions, what changed and the orphans, for people and as JSON', async () => {
    await run(['import', '--desk', desk(), join(FIXTURES, 'courier-v1.md'), join(FIXTURES, 'wire.md')]);
    cli.clear();
    expect(await run(['import', '--desk', desk(), join(FIXTURES, 'courier-v2.md')])).toBe(0);
    expect(cli.printed()).toContain(
      'revision   courier-v2.md  version 2 of article 1: 4 claims carried, 1 changed, 3 orphans',
    );

    cli.clear();
    expect(await run(['versions', '--desk', desk(), '--article', '3'])).toBe(0);
    const text = cli.printed();
    expect(text).toContain('v2  article 3 (latest)');
    expect(text).toContain('1 figure changed, 1 paragraph edited, 1 paragraph removed, headline changed');
    expect(text).toContain('changed: “312 passengers” → “296 passengers”');
    expect(text).toContain('claim 6 (v1, date) “1987”');

    cli.clear();
    // Any version's id names the article.
    expect(await run(['versions', '--desk', desk(), '--article', '1', '--json'])).toBe(0);
    const j = JSON.parse(cli.printed()) as {
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
