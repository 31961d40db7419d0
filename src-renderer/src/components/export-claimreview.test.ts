import '../test/jsdom-shims';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import ExportDialog from './ExportDialog.svelte';
import { installFakeCore } from '../test/fake-core';
import type { ExportFile } from '../../../src-main/shared/views';

afterEach(() => {
  cleanup();
  delete window.claimdesk;
});

const GAP =
  "Article 2 (Kestria Today, “Harbour reopens”) has no date, so 3 reviews lack the claim's date " +
  "(itemReviewed.datePublished): set it in the article's details or with " +
  '`claimdesk article --desk FILE --article 2 --date YYYY-MM-DD`.';

describe('Export as ClaimReview', () => {
  it('saves the file, then shows what the reviews lack with the fix, and closes on request', async () => {
    const file: ExportFile = {
      filename: 'harbour-claimreview.jsonld',
      mime: 'application/ld+json',
      encoding: 'utf8',
      data: '[]\n',
      warnings: [GAP],
    };
    const core = installFakeCore({
      'export:run': () => file,
      'settings:get': () => ({ editorName: null, newsroomUrl: 'https://checks.example/harbour' }),
    });
    const saveFile = vi.fn(async () => ({ ok: true as const, value: { path: '/home/ed/harbour.jsonld' } }));
    window.claimdesk = { invoke: async () => ({ ok: true, value: null }), on: () => () => {}, saveFile };
    const onclose = vi.fn();
    const utils = render(ExportDialog, { onclose });
    await fireEvent.change(utils.getByRole('combobox', { name: /Format/ }), {
      target: { value: 'claimreview' },
    });
    await fireEvent.click(utils.getByRole('button', { name: 'Export' }));

    const gaps = await utils.findByTestId('export-gaps');
    expect(saveFile).toHaveBeenCalledWith(file);
    expect(core.called('export:run')).toEqual([
      { format: 'claimreview', scope: 'desk', includeDismissed: false },
    ]);
    expect(gaps.textContent).toContain('Exported /home/ed/harbour.jsonld');
    expect(gaps.querySelector('li')!.textContent!.trim()).toBe(GAP.replace(/`/g, ''));
    expect(gaps.querySelector('li code')!.textContent).toBe(
      'claimdesk article --desk FILE --article 2 --date YYYY-MM-DD',
    );
    expect(onclose).not.toHaveBeenCalled();
    const close = utils
      .getAllByRole('button', { name: 'Close' })
      .find((b) => b.textContent?.trim() === 'Close');
    await fireEvent.click(close!);
    expect(onclose).toHaveBeenCalled();
  });

  it('closes at once when the reviews lack nothing', async () => {
    installFakeCore({
      'export:run': () => ({
        filename: 'h.jsonld',
        mime: 'application/ld+json',
        encoding: 'utf8',
        data: '[]',
      }),
      'settings:get': () => ({ editorName: null, newsroomUrl: 'https://checks.example/harbour' }),
    });
    const saveFile = vi.fn(async () => ({ ok: true as const, value: { path: '/home/ed/h.jsonld' } }));
    window.claimdesk = { invoke: async () => ({ ok: true, value: null }), on: () => () => {}, saveFile };
    const onclose = vi.fn();
    const utils = render(ExportDialog, { onclose });
    await fireEvent.change(utils.getByRole('combobox', { name: /Format/ }), {
      target: { value: 'claimreview' },
    });
    await fireEvent.click(utils.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(utils.queryByTestId('export-gaps')).toBeNull();
  });
});
