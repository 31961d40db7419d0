/**
 * The Export dialog's work: run export:run with the chosen format and scope and
 * hand the file to the window (download, or the native save dialog in Electron).
 */
import { api, saveExport } from '../lib/client';
import type { ExportFormat } from '../../../src-main/shared/views';
import { ui } from './ui.svelte';

export type ExportScope = 'desk' | 'article' | 'selection';
/** The core's formats, plus PDF, which the desktop app prints from the HTML notes. */
export type ExportChoice = ExportFormat | 'pdf';

export const PDF_FORMAT = {
  value: 'pdf' as const,
  label: 'Source notes (PDF)',
  hint: 'The HTML notes printed to PDF by the desktop app',
};

/** PDF needs the desktop app's printer; the browser mode offers HTML to print instead. */
export function canPrintPdf(): boolean {
  return typeof window !== 'undefined' && typeof window.claimdesk?.saveFile === 'function';
}

export const EXPORT_FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'md', label: 'Markdown notes', hint: 'Source notes for the desk, as Markdown' },
  { value: 'html', label: 'HTML notes', hint: 'Printable source notes' },
  { value: 'csv-claims', label: 'CSV — claims', hint: 'One row per claim, for a spreadsheet' },
  { value: 'csv-conflicts', label: 'CSV — conflicts', hint: 'One row per conflict, for a spreadsheet' },
  { value: 'webanno', label: 'Web Annotation (JSON-LD)', hint: 'W3C annotations of decisions and notes' },
  { value: 'claimreview', label: 'ClaimReview (JSON-LD)', hint: 'schema.org markup for resolved conflicts' },
  { value: 'backup', label: 'Desk backup', hint: 'The whole desk in one file, for restore' },
];

class ExportState {
  #busy = $state(false);
  #error = $state<string | null>(null);

  get busy(): boolean {
    return this.#busy;
  }
  get error(): string | null {
    return this.#error;
  }

  async run(input: {
    format: ExportChoice;
    scope: ExportScope;
    articleIds?: number[];
    conflictIds?: number[];
    includeDismissed: boolean;
  }): Promise<boolean> {
    this.#busy = true;
    this.#error = null;
    try {
      const pdf = input.format === 'pdf';
      const format: ExportFormat = input.format === 'pdf' ? 'html' : input.format;
      const exported = await api()['export:run']({
        format,
        scope: input.scope,
        includeDismissed: input.includeDismissed,
        ...(input.scope === 'article' && input.articleIds ? { articleIds: input.articleIds } : {}),
        ...(input.scope === 'selection' && input.conflictIds ? { conflictIds: input.conflictIds } : {}),
      });
      // The main process sees this type and prints the HTML to a PDF file.
      const file = pdf
        ? {
            ...exported,
            mime: 'application/pdf+html',
            filename: exported.filename.replace(/\.html?$/i, '') + '.pdf',
          }
        : exported;
      const saved = await saveExport(file);
      if (saved) ui.notify(`Exported ${saved}.`);
      return true;
    } catch (err) {
      this.#error = err instanceof Error ? err.message : String(err);
      return false;
    } finally {
      this.#busy = false;
    }
  }
}

export const exporter = new ExportState();
