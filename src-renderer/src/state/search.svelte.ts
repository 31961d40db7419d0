/**
 * Search as you type over claims and passages (FTS5 in the core). Keystrokes are
 * debounced and answers that arrive after a newer query are dropped. The same
 * words narrow the board to the facts whose claims match.
 */
import { api } from '../lib/client';
import { board } from './board.svelte';
import type { SearchHit } from '../../../src-main/shared/views';

export const SEARCH_DEBOUNCE_MS = 120;

class SearchState {
  #query = $state('');
  #hits = $state.raw<SearchHit[]>([]);
  #searching = $state(false);
  #error = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #seq = 0;

  get query(): string {
    return this.#query;
  }
  get hits(): SearchHit[] {
    return this.#hits;
  }
  get searching(): boolean {
    return this.#searching;
  }
  get error(): string | null {
    return this.#error;
  }

  set query(q: string) {
    this.#query = q;
    if (this.#timer) clearTimeout(this.#timer);
    if (!q.trim()) {
      this.#seq++;
      this.#hits = [];
      this.#searching = false;
      board.setSearch('');
      return;
    }
    this.#searching = true;
    this.#timer = setTimeout(() => {
      board.setSearch(q);
      void this.#run(q);
    }, SEARCH_DEBOUNCE_MS);
  }

  clear(): void {
    this.query = '';
  }

  async #run(q: string): Promise<void> {
    const seq = ++this.#seq;
    try {
      const hits = await api()['search:query']({ q, limit: 50 });
      if (seq !== this.#seq) return;
      this.#hits = hits;
      this.#error = null;
    } catch (err) {
      if (seq === this.#seq) this.#error = err instanceof Error ? err.message : String(err);
    } finally {
      if (seq === this.#seq) this.#searching = false;
    }
  }
}

export const search = new SearchState();
