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

const notes: ExportFile = {
  filename: 'harbour-desk-notes.html',
  mime: 'text/html',
  encoding: 'utf8',
  data: '<!doctype html><title>Notes</title><h1>Notes</h1>',
};

describe('Export as PDF', () => {
  it('in the desktop app, prints the HTML notes to PDF through the native save dialog', async () => {
    const core = installFakeCore({ 'export:run': () => notes });
    const saveFile = vi.fn(async () => ({ ok: true as const, value: { path: '/home/ed/notes.pdf' } }));
    window.claimdesk = { invoke: async () => ({ ok: true, value: null }), on: () => () => {}, saveFile };
    const onclose = vi.fn();
    const utils = render(ExportDialog, { onclose });
    const format = utils.getByRole('combobox', { name: /Format/ }) as HTMLSelectElement;
    await fireEvent.change(format, { target: { value: 'pdf' } });
    expect(format.selectedOptions[0].textContent).toBe('Source notes (PDF)');
    await fireEvent.click(utils.getByRole('button', { name: 'Export' }));

    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(core.called('export:run')).toEqual([{ format: 'html', scope: 'desk', includeDismissed: false }]);
    expect(saveFile).toHaveBeenCalledWith({
      ...notes,
      mime: 'application/pdf+html',
      filename: 'harbour-desk-notes.pdf',
    });
  });

  it('in the browser, asks the core to print the notes with Chromium and downloads the PDF', async () => {
    const pdf: ExportFile = {
      filename: 'harbour-desk-notes.pdf',
      mime: 'application/pdf',
      encoding: 'base64',
      data: btoa('%PDF-1.7 notes'),
    };
    const core = installFakeCore({ 'export:run': () => pdf, 'settings:get': () => ({ editorName: null }) });
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    URL.createObjectURL ??= () => 'blob:notes';
    URL.revokeObjectURL ??= () => undefined;
    const onclose = vi.fn();
    const utils = render(ExportDialog, { onclose });
    const format = utils.getByRole('combobox', { name: /Format/ }) as HTMLSelectElement;
    await fireEvent.change(format, { target: { value: 'pdf' } });
    await fireEvent.click(utils.getByRole('checkbox', { name: /Leave out dismissed conflicts/ }));
    await fireEvent.click(utils.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(core.called('export:run')).toEqual([
      { format: 'pdf', scope: 'desk', includeDismissed: false, hideDismissed: true },
    ]);
    expect(downloads).toEqual(['harbour-desk-notes.pdf']);
    click.mockRestore();
  });
});
