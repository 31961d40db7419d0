/**
 * The review loop's keys: next / previous undecided conflict, reopen, the
 * compare layout, and the guard that keeps a keystroke from replacing a
 * decision without a word (a decided conflict asks first).
 */
import { board, queueOrder } from './board.svelte';
import { conflict } from './conflict.svelte';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';
import type { ConflictStatus } from '../../../src-main/shared/model';

export type DecisionAction = 'confirm' | 'dismiss' | 'resolve';

const DECIDED: readonly ConflictStatus[] = ['confirmed', 'dismissed', 'resolved'];

/** True when `action` on a conflict in `status` would replace a decision already taken. */
export function replacesDecision(status: ConflictStatus, action: DecisionAction): boolean {
  if (!DECIDED.includes(status)) return false;
  // Resolving a resolved conflict edits its resolution in a dialog that shows it: nothing silent.
  if (action === 'resolve') return status !== 'resolved';
  return status !== (action === 'confirm' ? 'confirmed' : 'dismissed');
}

const LAYOUT_KEY = 'claimdesk.review.layout';
const PANE_KEY = 'claimdesk.review.paneWidth';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked storage: the layout holds for this window only.
  }
}

class ReviewState {
  /** The decision waiting for the editor's yes after "replace the decision?". */
  #pending = $state<DecisionAction | null>(null);
  /** Compare layout: the conflict in a side pane beside the board rows. */
  #compare = $state(stored(LAYOUT_KEY) === 'compare');
  #paneWidth = $state(Number(stored(PANE_KEY)) || 640);

  get pending(): DecisionAction | null {
    return this.#pending;
  }
  get compare(): boolean {
    return this.#compare;
  }
  get paneWidth(): number {
    return this.#paneWidth;
  }

  setCompare(on: boolean): void {
    this.#compare = on;
    store(LAYOUT_KEY, on ? 'compare' : 'below');
  }

  setPaneWidth(px: number): void {
    this.#paneWidth = Math.round(Math.max(320, Math.min(1400, px)));
    store(PANE_KEY, String(this.#paneWidth));
  }

  /** Opens the conflict (and selects its row) at a board index. */
  async #go(index: number, conflictId: number): Promise<void> {
    board.select(index);
    await conflict.open(conflictId);
  }

  /** Moves to the next (1) or previous (-1) undecided conflict; says so when none is left. */
  async nextUndecided(delta: 1 | -1): Promise<void> {
    const hit = await board.nextUndecided(delta, conflict.openId);
    if (!hit) {
      ui.notify('No undecided conflict left on this board.');
      return;
    }
    await this.#go(hit.index, hit.conflictId);
  }

  /** Opens the selected row's first conflict in review order. */
  openSelected(): void {
    const first = queueOrder(board.selectedRow?.conflicts ?? [])[0];
    if (first) void conflict.open(first.id);
  }

  /**
   * A decision key: goes ahead on an undecided conflict, asks first when it
   * would replace another decision.
   */
  decide(action: DecisionAction): void {
    const d = conflict.detail;
    if (!d || conflict.busy || settings.refuseReadOnly()) return;
    if (replacesDecision(d.status, action)) {
      this.#pending = action;
      ui.open('replace');
      return;
    }
    this.#run(action);
  }

  #run(action: DecisionAction): void {
    if (action === 'confirm') void conflict.confirm();
    else ui.open(action);
  }

  /** The editor said yes: the decision goes ahead (a dialog opens for dismiss and resolve). */
  acceptReplace(): void {
    const action = this.#pending;
    this.#pending = null;
    ui.close();
    if (action) this.#run(action);
  }

  cancelReplace(): void {
    this.#pending = null;
    ui.close();
  }

  reopen(): void {
    const d = conflict.detail;
    if (d && DECIDED.includes(d.status) && !settings.refuseReadOnly()) void conflict.reopen();
  }
}

export const review = new ReviewState();
