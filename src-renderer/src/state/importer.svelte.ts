/**
 * Imports (files, drag and drop, paste, the sample desk, the desktop menu): the
 * call in flight, the progress the core reports, Cancel, and the last report,
 * shown until the user closes it so failures can be read.
 *
 * The core yields between batches, so the import call simply stays pending while
 * progress events arrive and the window keeps answering; Cancel is a second call
 * (import:cancel) that makes the pending one return early with what landed.
 */
import { api, onEvent } from '../lib/client';
import { changed } from '../lib/changes';
import { readFile } from '../lib/files';
import type { ImportReport, ProgressEvent } from '../../../src-main/shared/views';
import { desk } from './desk.svelte';
import { ui } from './ui.svelte';

/** An import the window did not start counts as over after this long without progress. */
const EXTERNAL_QUIET_MS = 60_000;

class ImportState {
  #pending = $state(false);
  /** An import the window did not start (the desktop menu) is running. */
  #external = $state(false);
  #progress = $state<ProgressEvent | null>(null);
  #report = $state<ImportReport | null>(null);
  #cancelling = $state(false);
  #listening = false;
  #externalTimer: ReturnType<typeof setTimeout> | null = null;

  get pending(): boolean {
    return this.#pending;
  }
  /** Any import is running, whoever started it. */
  get running(): boolean {
    return this.#pending || this.#external;
  }
  get progress(): ProgressEvent | null {
    return this.#progress;
  }
  get report(): ImportReport | null {
    return this.#report;
  }
  get cancelling(): boolean {
    return this.#cancelling;
  }

  listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    onEvent('progress', (p) => {
      if (p.job !== 'import') {
        if (this.#pending) this.#progress = p;
        return;
      }
      this.#progress = p;
      // Progress without a call of ours in flight: the menu started an import.
      if (!this.#pending) {
        this.#external = !(p.total > 0 && p.done >= p.total && p.label === 'Done');
        // Should the end never be reported (the import failed), the panel does not stay forever.
        if (this.#externalTimer) clearTimeout(this.#externalTimer);
        if (this.#external)
          this.#externalTimer = setTimeout(() => (this.#external = false), EXTERNAL_QUIET_MS);
      }
    });
    onEvent('import:report', (report) => void this.showReport(report));
  }

  closeReport(): void {
    this.#report = null;
  }

  /** A report of an import the window did not start: shown like its own. */
  async showReport(report: ImportReport): Promise<void> {
    this.#external = false;
    this.#cancelling = false;
    if (!this.#pending) this.#progress = null;
    this.#report = report;
    await changed();
    const first = report.imported[0];
    if (first) await desk.select(first.id, { show: false });
  }

  /** Asks the core to stop after the article in hand; the pending call then returns. */
  async cancel(): Promise<void> {
    if (!this.running || this.#cancelling) return;
    this.#cancelling = true;
    try {
      const { cancelled } = await api()['import:cancel']({});
      if (!cancelled) this.#cancelling = false;
    } catch (err) {
      this.#cancelling = false;
      ui.error(err);
    }
  }

  async #run(label: string, call: () => Promise<ImportReport>): Promise<ImportReport | null> {
    this.listen();
    this.#pending = true;
    this.#cancelling = false;
    this.#progress = { job: 'import', done: 0, total: 0, label };
    try {
      const report = await call();
      this.#report = report;
      await changed();
      const first = report.imported[0];
      if (first) await desk.select(first.id, { show: false });
      return report;
    } catch (err) {
      // The whole call failed (unreachable core, invalid input): say so as a report.
      const reason = err instanceof Error ? err.message : String(err);
      this.#report = { imported: [], duplicates: [], failed: [{ source: label, reason }] };
      return null;
    } finally {
      this.#pending = false;
      this.#external = false;
      this.#cancelling = false;
      this.#progress = null;
    }
  }

  async files(list: Iterable<File>): Promise<ImportReport | null> {
    const files = [...list];
    if (files.length === 0) return null;
    const label = files.length === 1 ? files[0].name : `${files.length} files`;
    return this.#run(label, async () => {
      // Large folders go in chunks (one request stays well under the server's 30 MB),
      // read as they are sent so thousands of files never sit in memory at once.
      const total: ImportReport = { imported: [], duplicates: [], failed: [] };
      for (const chunk of chunks(files)) {
        if (this.#cancelling) break;
        const payload = await Promise.all(chunk.map(readFile));
        const report = await api()['articles:import']({ files: payload });
        total.imported.push(...report.imported);
        total.duplicates.push(...report.duplicates);
        total.failed.push(...report.failed);
        // Each chunk's matching covers the whole desk: the last word on left-out claims stands.
        if (report.leftOut) total.leftOut = report.leftOut;
        if (report.resumedDetection) total.resumedDetection = true;
        if (report.cancelled) break;
      }
      const accounted = total.imported.length + total.duplicates.length + total.failed.length;
      if (accounted < files.length) total.cancelled = { remaining: files.length - accounted };
      return total;
    });
  }

  paste(text: string, title?: string): Promise<ImportReport | null> {
    if (!text.trim()) {
      ui.notify('Nothing to import: the pasted text is empty.', 'error');
      return Promise.resolve(null);
    }
    return this.#run('pasted text', () => api()['articles:paste']({ text, ...(title ? { title } : {}) }));
  }

  sample(): Promise<ImportReport | null> {
    return this.#run('sample desk', () => api()['desk:loadSample']({}));
  }
}

export const importer = new ImportState();

/** Splits files into requests of at most 200 files or about 8 MB. */
function chunks(files: File[]): File[][] {
  const out: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= 200 || bytes + f.size > 8 * 1024 * 1024)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
