import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import ImportStatus from './ImportStatus.svelte';
import Welcome from './Welcome.svelte';
import { importer } from '../state/importer.svelte';
import { installFakeCore } from '../test/fake-core';

afterEach(() => {
  cleanup();
  importer.closeReport();
});

describe('import from the empty desk', () => {
  it('sends chosen files with their names and shows each failure with its file name and reason', async () => {
    const core = installFakeCore({
      'articles:import': () => ({
        imported: [{ id: 1, title: 'Talks in Velgrad', source: 'a.txt', claimCount: 4 }],
        duplicates: [],
        failed: [{ source: 'scan.txt', reason: 'scan.txt is not UTF-8 text.' }],
      }),
      'desk:info': () => {
        throw new Error('not needed');
      },
    });
    const welcome = render(Welcome);
    const status = render(ImportStatus);
    const input = welcome.getByTestId('welcome-import-input') as HTMLInputElement;
    const files = [
      new File(['An article about talks.'], 'a.txt', { type: 'text/plain' }),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff])], 'scan.txt', { type: 'text/plain' }),
    ];
    Object.defineProperty(input, 'files', { value: files });
    await fireEvent.change(input);

    const alert = await waitFor(() => status.getByRole('alert'));
    expect(alert.textContent).toContain('scan.txt');
    expect(alert.textContent).toContain('not UTF-8');
    expect(status.getByTestId('import-report').textContent).toContain('1 imported');
    const sent = core.called('articles:import')[0] as {
      files: { name: string; encoding: string; data: string }[];
    };
    expect(sent.files.map((f) => [f.name, f.encoding])).toEqual([
      ['a.txt', 'utf8'],
      // Bytes that are not UTF-8 travel untouched so the core can name the problem.
      ['scan.txt', 'base64'],
    ]);
    expect(sent.files[0].data).toBe('An article about talks.');
  });
});
