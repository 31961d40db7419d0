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
    // Every kind of conflict is listed to begin with; the dismissed ones are left out here.
    const kinds = utils.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).name === 'statuses');
    expect(
      kinds.map((c) => [c.closest('label')!.textContent!.trim(), (c as HTMLInputElement).checked]),
    ).toEqual([
      ['Confirmed', true],
      ['Resolved', true],
      ['Dismissed, with their reasons', true],
      ['Still to review (suggested or open)', true],
    ]);
    await fireEvent.click(utils.getByRole('checkbox', { name: /Dismissed/ }));
    await fireEvent.click(utils.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(core.called('export:run')).toEqual([
      {
        format: 'pdf',
        scope: 'desk',
        includeDismissed: false,
        statuses: ['confirmed', 'resolved', 'suggested', 'open'],
      },
    ]);
    expect(downloads).toEqual(['harbour-desk-notes.pdf']);
    click.mockRestore();
  });

  it('refuses to export notes that list no conflict at all, and says why', async () => {
    const core = installFakeCore({ 'export:run': () => notes, 'settings:get': () => ({ editorName: null }) });
    const utils = render(ExportDialog, { onclose: vi.fn() });
    for (const name of [/^Confirmed/, /^Resolved/, /^Dismissed/, /^Still to review/])
      await fireEvent.click(utils.getByRole('checkbox', { name }));
    expect(utils.getByRole('alert').textContent).toBe('Choose at least one kind of conflict to list.');
    const button = utils.getByRole('button', { name: 'Export' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await fireEvent.submit(utils.container.ownerDocument.getElementById('export-form')!);
    expect(core.called('export:run')).toEqual([]);
    // Another format has no such choice, and exports.
    await fireEvent.change(utils.getByRole('combobox', { name: /Format/ }), {
      target: { value: 'csv-claims' },
    });
    expect(utils.queryByRole('alert')).toBeNull();
    expect(button.disabled).toBe(false);
  });
});
