/**
 * `claimdesk article` corrects an article's details from a script, and `claimdesk
 * settings` keeps the newsroom address; bad values are refused with what was wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './main';

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-article-cli-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('claimdesk article and settings', () => {
  it('correct an outlet and a date, refuse an impossible one, and keep the newsroom address', async () => {
    const desk = join(dir, 'd.claimdesk');
    const file = join(dir, 'pier.txt');
    writeFileSync(
      file,
      'The pier at dawn. Photo: Ida Kern\n\nPier reopens after storm\n\nWork on the pier ended on Friday, the port said.\n',
    );
    expect(await run(['import', '--desk', desk, file])).toBe(0);
    out = [];
    await run(['articles', '--desk', desk, '--json']);
    const [a] = (
      JSON.parse(out.join('\n')) as { articles: { id: number; title: string; outlet: string | null }[] }
    ).articles;
    expect(a!.title).toBe('Pier reopens after storm');
    expect(a!.outlet).toBeNull();

    await expect(
      run(['article', '--desk', desk, '--article', String(a!.id), '--date', '2024-02-30']),
    ).rejects.toThrow(/"2024-02-30" is not a publication date/);
    out = [];
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
    expect(JSON.parse(out.join('\n'))).toMatchObject({ outlet: 'Coastal Post', publishedAt: '2024-10' });

    await expect(run(['settings', '--desk', desk, '--newsroom-url', 'ftp://files.example/'])).rejects.toThrow(
      /must start with https:\/\/ or http:\/\//,
    );
    out = [];
    expect(
      await run(['settings', '--desk', desk, '--newsroom-url', 'https://checks.example', '--json']),
    ).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ newsroomUrl: 'https://checks.example' });
  });
});
