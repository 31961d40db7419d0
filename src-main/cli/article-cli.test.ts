/**
 * `claimdesk article` corrects an article's details from a script, and `claimdesk
 * settings` keeps the newsroom address; bad values are refused with what was wrong.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './cli-harness';
import { run } from './main';

const cli = cliHarness('claimdesk-article-cli-');

describe('claimdesk article and settings', () => {
  it('correct an outlet and a date, refuse an impossible one, and keep the newsroom address', async () => {
    const desk = join(cli.dir, 'd.claimdesk');
    const file = join(cli.dir, 'pier.txt');
    writeFileSync(
      file,
      'The pier at dawn. Photo: Ida Kern\n\nPier reopens after storm\n\nWork on the pier ended on Friday, the port said.\n',
    );
    expect(await run(['import', '--desk', desk, file])).toBe(0);
    cli.clear();
    await run(['articles', '--desk', desk, '--json']);
    const [a] = (
      JSON.parse(cli.printed()) as { articles: { id: number; title: string; outlet: string | null }[] }
    ).articles;
    expect(a!.title).toBe('Pier reopens after storm');
    expect(a!.outlet).toBeNull();

    await expect(
      run(['article', '--desk', desk, '--article', String(a!.id), '--date', '2024-02-30']),
    ).rejects.toThrow(/"2024-02-30" is not a publication date/);
    cli.clear();
    expect(
      await run([
        'article',
        '--desk',
        desk,
        '--article',
        String(a!.id),
        '--outlet',
        'Coastal Post',
        '--date',
        '2024-10',
        '--json',
      ]),
    ).toBe(0);
    expect(JSON.parse(cli.printed())).toMatchObject({ outlet: 'Coastal Post', publishedAt: '2024-10' });

    await expect(run(['settings', '--desk', desk, '--newsroom-url', 'ftp://files.example/'])).rejects.toThrow(
      /must start with https:\/\/ or http:\/\//,
    );
    cli.clear();
    expect(
      await run(['settings', '--desk', desk, '--newsroom-url', 'https://checks.example', '--json']),
    ).toBe(0);
    expect(JSON.parse(cli.printed())).toMatchObject({ newsroomUrl: 'https://checks.example' });
  });
});
