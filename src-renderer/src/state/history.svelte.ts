/**
 * Undo and redo of editor actions. The history lives in the desk, so undo works
 * across restarts; after either, every view refreshes from the core.
 */
import { api } from '../lib/client';
import { changed, onChanged } from '../lib/changes';
import type { HistoryEntry } from '../../../src-main/shared/views';
import { ui } from './ui.svelte';

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

  async load(): Promise<void> {
    try {
      this.#entries = await api()['history:list']({ limit: 50 });
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
    return this.#step('history:undo', 'Undo');
  }
  redo(): Promise<void> {
    return this.#step('history:redo', 'Redo');
  }
}

export const history = new HistoryState();
