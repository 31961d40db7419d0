/**
 * The editor's settings. The editor's name goes into the history of every
 * decision, so it is asked once, before the first decision, and kept in the desk.
 */
import { api } from '../lib/client';
import { ui } from './ui.svelte';

class SettingsState {
  #editorName = $state<string | null>(null);
  #asking = $state(false);
  #loaded = false;
  #waiting: ((ok: boolean) => void)[] = [];

  get editorName(): string | null {
    return this.#editorName;
  }
  /** The name dialog is showing (it sits above any other dialog). */
  get asking(): boolean {
    return this.#asking;
  }
  ask(): void {
    this.#asking = true;
  }

  async load(): Promise<void> {
    try {
      const s = await api()['settings:get']({});
      this.#editorName = s.editorName;
      this.#loaded = true;
    } catch (err) {
      ui.error(err);
    }
  }

  /** Resolves true once a name is known; asks for it in a dialog when needed. */
  async ensureEditorName(): Promise<boolean> {
    if (!this.#loaded) await this.load();
    if (this.#editorName) return true;
    this.#asking = true;
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async setEditorName(name: string): Promise<void> {
    const s = await api()['settings:set']({ editorName: name });
    this.#editorName = s.editorName;
    this.#settle(Boolean(s.editorName));
  }

  cancelEditorName(): void {
    this.#settle(false);
  }

  #settle(ok: boolean): void {
    this.#asking = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const w of waiting) w(ok);
  }
}

export const settings = new SettingsState();
