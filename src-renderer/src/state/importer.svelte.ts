/**
 * Imports (files, drag and drop, paste, the sample desk): the call in flight, the
 * progress the core reports, and the last report, shown until the user closes it
 * so failures can be read.
 */
import { api, onEvent } from '../lib/client';
import { changed } from '../lib/changes';
import { readFile } from '../lib/files';
import type { ImportReport, ProgressEvent } from '../../../src-main/shared/views';
import { desk } from './desk.svelte';
import { ui } from './ui.svelte';

class ImportState {
  #pending = $state(false);
  #progress = $state<ProgressEvent | null>(null);
  #report = $state<ImportReport | null>(null);
  #listening = false;

  get pending(): boolean {
    return this.#pending;
  }
  get progress(): ProgressEvent | null {
    return this.#progress;
  }
  get report(): ImportReport | null {
    return this.#report;
  }

  listen(): void {
    if (!this.#listening) {
      this.#listening = true;
      onEvent('progress', (p) => {
        if (p.job === 'import' || this.#pending) this.#progress = p;
      });
    }
  }

  closeReport(): void {
    this.#report = null;
  }

  async #run(label: string, call: () => Promise<ImportReport>): Promise<ImportReport | null> {
    this.listen();
    this.#pending = true;
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
      this.#progress = null;
    }
  }

  async files(list: Iterable<File>): Promise<ImportReport | null> {
    const files = [...list];
    if (files.length === 0) return null;
    const label = files.length === 1 ? files[0].name : `${files.length} files`;
    return this.#run(label, async () => {
      const payload = await Promise.all(files.map(readFile));
      return api()['articles:import']({ files: payload });
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
