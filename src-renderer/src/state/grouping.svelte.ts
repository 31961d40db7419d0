/**
 * Editing the grouping of claims into facts, where the matcher got it wrong:
 * merge facts, split claims off into a new fact, move a claim to another fact,
 * and flag a conflict the detector missed. Each is one editor action in the
 * desk's history, so the ordinary Undo takes it back.
 */
import { api } from '../lib/client';
import { changed } from '../lib/changes';
import type { ConflictKind } from '../../../src-main/shared/model';
import type { ConflictDetail, FactView } from '../../../src-main/shared/views';
import { board } from './board.svelte';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';

class GroupingState {
  #facts = $state.raw<FactView[]>([]);
  #loadingFacts = $state(false);
  #busy = $state(false);
  /** The fact whose claims the grouping dialog shows. */
  #factId = $state<number | null>(null);
  /** The fact the Flag dialog draws claims from; null: the ticked rows. */
  #flagFactId = $state<number | null>(null);

  get facts(): FactView[] {
    return this.#facts;
  }
  get loadingFacts(): boolean {
    return this.#loadingFacts;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get factId(): number | null {
    return this.#factId;
  }
  get flagFactId(): number | null {
    return this.#flagFactId;
  }

  /** Opens the Flag dialog on one fact's claims, or (null) on the rows ticked on the board. */
  openFlag(factId: number | null): void {
    this.#flagFactId = factId;
    ui.open('flag');
  }

  /** Opens the claims of one fact for splitting and moving. */
  editFact(factId: number): void {
    this.#factId = factId;
    ui.open('regroup');
  }

  async loadFacts(): Promise<void> {
    this.#loadingFacts = true;
    try {
      this.#facts = await api()['facts:list']({});
    } catch (err) {
      ui.error(err);
    } finally {
      this.#loadingFacts = false;
    }
  }

  async #edit<T>(run: () => Promise<T>, done: (result: T) => string): Promise<T | null> {
    if (this.#busy) return null;
    if (!(await settings.ensureEditorName())) return null;
    this.#busy = true;
    try {
      const result = await run();
      await changed();
      ui.notify(`${done(result)} Ctrl+Z undoes it.`);
      return result;
    } catch (err) {
      ui.error(err);
      return null;
    } finally {
      this.#busy = false;
    }
  }

  /** Merges the facts into the first one, whose label stays. */
  async merge(ids: number[]): Promise<FactView | null> {
    if (ids.length < 2) return null;
    const merged = await this.#edit(
      () => api()['facts:merge']({ ids }),
      (f) => `Merged ${ids.length} facts into “${f.label}”.`,
    );
    if (merged) board.clearChecks();
    return merged;
  }

  /** Moves some claims of a fact into a new fact. */
  split(factId: number, claimIds: number[]): Promise<FactView | null> {
    if (claimIds.length === 0) return Promise.resolve(null);
    return this.#edit(
      () => api()['facts:split']({ id: factId, claimIds }),
      (f) =>
        `Split ${claimIds.length === 1 ? 'a claim' : `${claimIds.length} claims`} off into “${f.label}”.`,
    );
  }

  /** Moves claims to another fact, one history entry per claim. */
  move(claimIds: number[], factId: number): Promise<FactView | null> {
    if (claimIds.length === 0) return Promise.resolve(null);
    return this.#edit(
      async () => {
        let last: FactView | null = null;
        for (const claimId of claimIds) last = await api()['claims:move']({ claimId, factId });
        return last!;
      },
      (f) =>
        `Moved ${claimIds.length === 1 ? 'a claim' : `${claimIds.length} claims`} to “${f.label}”.` +
        (claimIds.length > 1 ? ` Undo takes back one claim at a time.` : ''),
    );
  }

  /** A conflict the detector missed, between claims an editor picked. */
  flag(input: {
    sideA: number[];
    sideB: number[];
    kind?: ConflictKind;
    explanation?: string;
  }): Promise<ConflictDetail | null> {
    if (input.sideA.length === 0 || input.sideB.length === 0) return Promise.resolve(null);
    return this.#edit(
      () =>
        api()['conflicts:create']({
          sideA: input.sideA,
          sideB: input.sideB,
          ...(input.kind ? { kind: input.kind } : {}),
          ...(input.explanation?.trim() ? { explanation: input.explanation.trim() } : {}),
        }),
      () => 'Conflict flagged.',
    );
  }
}

export const grouping = new GroupingState();
