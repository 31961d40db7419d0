/**
 * The editor's settings. The editor's name belongs to the person, not the desk: it
 * is kept in this window's storage (the browser profile's localStorage; in Electron
 * the renderer's storage lives in the profile's userData) and sent with every call,
 * so the history records who did what. It is asked once, before the person's first
 * decision, and never on top of another dialog. A name an older desk kept is only
 * suggested in the prompt.
 */
import { api, setEditorName as sendAs } from '../lib/client';
import { ui } from './ui.svelte';

export const EDITOR_NAME_KEY = 'claimdesk.editorName';

/** The name this profile keeps: null when none is given yet, undefined when there is no storage. */
function storedName(): string | null | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ? storage.getItem(EDITOR_NAME_KEY)?.trim() || null : undefined;
  } catch {
    return undefined;
  }
}

function storeName(name: string): void {
  try {
    globalThis.localStorage?.setItem(EDITOR_NAME_KEY, name);
  } catch {
    // Storage refused (private mode, full): the name holds for this window only.
  }
}

export const READ_ONLY_REFUSAL =
  'This desk is open read-only, so decisions, notes and regrouping cannot be saved. Copy it to a folder you can write to and open the copy.';

class SettingsState {
  #editorName = $state<string | null>(null);
  #suggestion = $state<string | null>(null);
  #asking = $state(false);
  #waiting: ((ok: boolean) => void)[] = [];
  /**
   * The open desk cannot be written: no decision will be recorded, so nobody is asked
   * their name; the core's refusal says why.
   */
  readOnly = false;

  constructor() {
    this.#take(storedName() ?? null);
    // Dialogs that end in a decision ask the name before they open.
    ui.setNameGate(() => {
      if (this.refuseReadOnly()) return Promise.resolve(false);
      return this.#editorName ? true : this.ensureEditorName();
    });
  }

  /**
   * On a read-only desk, says why an editor action cannot happen and returns true;
   * nothing opens that could not be saved.
   */
  refuseReadOnly(): boolean {
    if (!this.readOnly) return false;
    ui.notify(READ_ONLY_REFUSAL);
    return true;
  }

  /** The person's own name, as they gave it in this profile. */
  get editorName(): string | null {
    return this.#editorName;
  }
  /** A name the desk kept from older versions: offered in the prompt, never used by itself. */
  get suggestion(): string | null {
    return this.#suggestion;
  }
  /** The name dialog is showing. */
  get asking(): boolean {
    return this.#asking;
  }
  /** Lets the editor change their name (the top bar's button). */
  ask(): void {
    this.#asking = true;
  }

  async load(): Promise<void> {
    // Another window of this profile may have given the name meanwhile; without storage
    // the name given in this window holds.
    const stored = storedName();
    this.#take(stored === undefined ? this.#editorName : stored);
    try {
      const s = await api()['settings:get']({});
      this.#suggestion = s.editorName;
    } catch (err) {
      ui.error(err);
    }
  }

  /**
   * Resolves true once the person's name is known. When it is not, asks for it, after
   * any open dialog has closed (the prompt never sits on top of another dialog).
   */
  async ensureEditorName(): Promise<boolean> {
    if (this.#editorName || this.readOnly) return true;
    const answer = new Promise<boolean>((resolve) => this.#waiting.push(resolve));
    if (!this.#asking) {
      await ui.whenNoDialog();
      if (this.#editorName) this.#settle(true);
      else this.#asking = true;
    }
    return answer;
  }

  async setEditorName(name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('Type your name, as it should appear in the history.');
    if (trimmed.length > 200) throw new Error('The name is too long: 200 characters at most.');
    storeName(trimmed);
    this.#take(trimmed);
    this.#settle(true);
  }

  cancelEditorName(): void {
    this.#settle(false);
  }

  #take(name: string | null): void {
    this.#editorName = name;
    sendAs(name);
  }

  #settle(ok: boolean): void {
    this.#asking = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const w of waiting) w(ok);
  }
}

export const settings = new SettingsState();
