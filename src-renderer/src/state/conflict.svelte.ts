/**
 * The conflict under review and the editor's decisions on it. Every decision is
 * recorded by the core in the history under the editor's name, which is asked
 * for once before the first one.
 */
import { tick } from 'svelte';
import { ClientError, api } from '../lib/client';
import { keepFocusOffBody } from '../lib/focus-home';
import { changed, onChanged } from '../lib/changes';
import type { ConflictDetail } from '../../../src-main/shared/views';
import type { EvidenceInput } from '../../../src-main/shared/evidence';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';

class ConflictState {
  #detail = $state.raw<ConflictDetail | null>(null);
  #openId = $state<number | null>(null);
  #loading = $state(false);
  #busy = $state(false);

  constructor() {
    onChanged(() => this.reload());
  }

  get detail(): ConflictDetail | null {
    return this.#detail;
  }
  get openId(): number | null {
    return this.#openId;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** A decision is on its way to the core. */
  get busy(): boolean {
    return this.#busy;
  }

  async open(id: number): Promise<void> {
    this.#openId = id;
    if (this.#detail?.id !== id) this.#detail = null;
    await this.reload();
  }

  close(): void {
    this.#openId = null;
    this.#detail = null;
    void tick().then(keepFocusOffBody);
  }

  async reload(): Promise<void> {
    const id = this.#openId;
    if (id === null) return;
    this.#loading = true;
    try {
      const detail = await api()['conflicts:get']({ id });
      if (this.#openId === id) this.#detail = detail;
    } catch (err) {
      // The conflict may be gone after an undo or a re-run: the panel just closes.
      if (this.#openId === id) this.close();
      if (!(err instanceof ClientError && err.code === 'not_found')) ui.error(err);
    } finally {
      this.#loading = false;
    }
  }

  /**
   * Runs a decision. `onStored` is called as soon as the core has stored it (the
   * dialog that asked for it closes then), before the rest of the window is
   * refreshed: the pane shows the new status only with its dialog gone, so the
   * next key (`u`, `j`, another decision) reaches the board, not the closing dialog.
   */
  async #decide(
    run: (id: number) => Promise<ConflictDetail | unknown>,
    done: string,
    onStored?: () => void,
  ): Promise<boolean> {
    const id = this.#openId;
    if (id === null || this.#busy) return false;
    if (!(await settings.ensureEditorName())) return false;
    this.#busy = true;
    try {
      const result = await run(id);
      onStored?.();
      if (result && typeof result === 'object' && 'sides' in result) this.#detail = result as ConflictDetail;
      this.#busy = false;
      await changed();
      ui.notify(done);
      // The button pressed may be gone now (Reopen shows only on decided conflicts).
      await tick();
      keepFocusOffBody();
      return true;
    } catch (err) {
      ui.error(err);
      return false;
    } finally {
      this.#busy = false;
    }
  }

  confirm(note?: string): Promise<boolean> {
    return this.#decide(
      (id) => api()['conflicts:setStatus']({ id, status: 'confirmed', ...(note ? { note } : {}) }),
      'Conflict confirmed.',
    );
  }

  dismiss(reason: string, onStored?: () => void): Promise<boolean> {
    return this.#decide(
      (id) => api()['conflicts:setStatus']({ id, status: 'dismissed', ...(reason ? { reason } : {}) }),
      'Conflict dismissed.',
      onStored,
    );
  }

  reopen(): Promise<boolean> {
    return this.#decide((id) => api()['conflicts:setStatus']({ id, status: 'open' }), 'Conflict reopened.');
  }

  resolve(
    input: {
      correctClaimId: number | null;
      evidence?: string;
      evidenceItems?: EvidenceInput[];
      note?: string;
    },
    onStored?: () => void,
  ): Promise<boolean> {
    return this.#decide(
      (id) =>
        api()['conflicts:resolve']({
          id,
          correctClaimId: input.correctClaimId,
          ...(input.evidence ? { evidence: input.evidence } : {}),
          ...(input.evidenceItems ? { evidenceItems: input.evidenceItems } : {}),
          ...(input.note ? { note: input.note } : {}),
        }),
      'Conflict resolved.',
      onStored,
    );
  }

  addNote(body: string, onStored?: () => void): Promise<boolean> {
    return this.#decide(
      (id) => api()['notes:add']({ targetType: 'conflict', targetId: id, body }),
      'Note added.',
      onStored,
    );
  }
}

export const conflict = new ConflictState();
