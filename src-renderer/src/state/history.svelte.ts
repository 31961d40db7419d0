/**
 * Undo and redo of editor actions. The history lives in the desk, so undo works
 * across restarts; after either, every view refreshes from the core.
 */
import { api } from '../lib/client';
import { changed, onChanged } from '../lib/changes';
import { nextSteps } from '../lib/undo-stack';
import type { HistoryEntry } from '../../../src-main/shared/views';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';

const LIST_LIMIT = 50;

class HistoryState {
  #entries = $state.raw<HistoryEntry[]>([]);
  #busy = $state(false);

  constructor() {
    onChanged(() => this.load());
  }

  get entries(): HistoryEntry[] {
    return this.#entries;
  }
  get busy(): boolean {
    return this.#busy;
  }

  /** What Undo and Redo would take back, as far as the newest entries tell. */
  next = $derived(nextSteps(this.#entries, this.#entries.length < LIST_LIMIT));

  /** A tooltip for the Undo or Redo button. */
  hint(which: 'undo' | 'redo'): string {
    const step = this.next[which];
    const verb = which === 'undo' ? 'Undo' : 'Redo';
    const keys = which === 'undo' ? 'Ctrl+Z' : 'Ctrl+Shift+Z';
    if (step === 'none') return `Nothing to ${which} (${keys})`;
    if (step === null) return `${verb} (${keys})`;
    return `${verb}: ${step.summary} (${keys})`;
  }

  async load(): Promise<void> {
    try {
      this.#entries = await api()['history:list']({ limit: LIST_LIMIT });
    } catch {
      // The list is a convenience; undo and redo still work without it.
    }
  }

  async #step(which: 'history:undo' | 'history:redo', verb: string): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      const { entry } = await api()[which]({});
      if (!entry) {
        ui.notify(`Nothing to ${verb.toLowerCase()}.`);
        return;
      }
      await changed();
      ui.notify(`${verb === 'Undo' ? 'Undone' : 'Redone'}: ${entry.summary}`);
    } catch (err) {
      ui.error(err);
    } finally {
      this.#busy = false;
    }
  }

  undo(): Promise<void> {
    if (settings.refuseReadOnly()) return Promise.resolve();
    return this.#step('history:undo', 'Undo');
  }
  redo(): Promise<void> {
    if (settings.refuseReadOnly()) return Promise.resolve();
    return this.#step('history:redo', 'Redo');
  }
}

export const history = new HistoryState();
