/**
 * The Export dialog's work: run export:run with the chosen format and scope and
 * hand the file to the window (download, or the native save dialog in Electron).
 */
import { api, saveExport } from '../lib/client';
import type { ExportFormat } from '../../../src-main/shared/views';
import type { ConflictStatus } from '../../../src-main/shared/model';
import { ui } from './ui.svelte';

export type ExportScope = 'desk' | 'article' | 'selection';
/** The core's formats; PDF is the HTML notes printed (by the desktop app, or by the core's Chromium). */
export type ExportChoice = ExportFormat;

export const PDF_FORMAT = {
  value: 'pdf' as const,
  label: 'Source notes (PDF)',
  hint: 'The source notes as a PDF, ready to hand on',
};

/**
 * The desktop app prints the HTML notes to PDF itself (printToPDF); elsewhere the core
 * prints them with Chromium (`export:run` format 'pdf').
 */
export function canPrintPdf(): boolean {
  return typeof window !== 'undefined' && typeof window.claimdesk?.saveFile === 'function';
}

/**
 * The conflicts the notes can list, as an editor groups them: the three decisions, and
 * everything still undecided (suggested by the detector, or opened again).
 */
export const NOTE_STATUSES: { value: string; label: string; statuses: ConflictStatus[] }[] = [
  { value: 'confirmed', label: 'Confirmed', statuses: ['confirmed'] },
  { value: 'resolved', label: 'Resolved', statuses: ['resolved'] },
  { value: 'dismissed', label: 'Dismissed, with their reasons', statuses: ['dismissed'] },
  { value: 'review', label: 'Still to review (suggested or open)', statuses: ['suggested', 'open'] },
];
const ALL_STATUSES = NOTE_STATUSES.flatMap((s) => s.statuses);

export const EXPORT_FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'md', label: 'Markdown notes', hint: 'Source notes for the desk, as Markdown' },
  { value: 'html', label: 'HTML notes', hint: 'Printable source notes' },
  { value: 'csv-claims', label: 'CSV — claims', hint: 'One row per claim, for a spreadsheet' },
  { value: 'csv-conflicts', label: 'CSV — conflicts', hint: 'One row per conflict, for a spreadsheet' },
  { value: 'webanno', label: 'Web Annotation (JSON-LD)', hint: 'W3C annotations of decisions and notes' },
  {
    value: 'claimreview',
    label: 'ClaimReview (JSON-LD)',
    hint: 'schema.org markup for confirmed and resolved conflicts',
  },
  { value: 'backup', label: 'Desk backup', hint: 'The whole desk in one file, for restore' },
];

class ExportState {
  #busy = $state(false);
  #error = $state<string | null>(null);
  #newsroomUrl = $state('');
  #warnings = $state<string[]>([]);
  #saved = $state<string | null>(null);

  /** The newsroom address ClaimReview is published under (a desk setting). */
  get newsroomUrl(): string {
    return this.#newsroomUrl;
  }

  async loadNewsroom(): Promise<void> {
    try {
      this.#newsroomUrl = (await api()['settings:get']({})).newsroomUrl ?? '';
    } catch {
      // The field stays empty; the export says what is missing.
    }
  }

  get busy(): boolean {
    return this.#busy;
  }
  get error(): string | null {
    return this.#error;
  }
  /**
   * What the last exported file lacks, with the fix (ClaimReview: articles with no date or
   * no outlet). The file is saved all the same; the dialog shows these after the export.
   */
  get warnings(): string[] {
    return this.#warnings;
  }
  /** The name the last export was saved under, shown with its warnings. */
  get saved(): string | null {
    return this.#saved;
  }
  clearWarnings(): void {
    this.#warnings = [];
    this.#saved = null;
  }

  async run(input: {
    format: ExportChoice;
    scope: ExportScope;
    articleIds?: number[];
    conflictIds?: number[];
    includeDismissed: boolean;
    /** Notes only: the statuses to list (all when every one is chosen); drop the articles appendix. */
    statuses?: ConflictStatus[];
    appendix?: boolean;
    /** ClaimReview: the newsroom address to keep in the desk settings first. */
    newsroomUrl?: string;
  }): Promise<boolean> {
    this.#busy = true;
    this.#error = null;
    this.clearWarnings();
    try {
      const newsroom = input.newsroomUrl?.trim();
      if (input.format === 'claimreview' && newsroom && newsroom !== this.#newsroomUrl) {
        this.#newsroomUrl = (await api()['settings:set']({ newsroomUrl: newsroom })).newsroomUrl ?? '';
      }
      const pdf = input.format === 'pdf' && canPrintPdf();
      const format: ExportFormat = pdf ? 'html' : input.format;
      const notes = format === 'md' || format === 'html' || format === 'pdf';
      const exported = await api()['export:run']({
        format,
        scope: input.scope,
        includeDismissed: input.includeDismissed,
        ...(notes && input.statuses && input.statuses.length < ALL_STATUSES.length
          ? { statuses: input.statuses }
          : {}),
        ...(notes && input.appendix === false ? { appendix: false } : {}),
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
      if (saved && exported.warnings?.length) {
        this.#warnings = exported.warnings;
        this.#saved = saved;
      }
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
