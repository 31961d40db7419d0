/**
 * Window-level state that belongs to no document: which main view shows, which
 * dialog is open, and the short messages (toasts) shown where the user is looking.
 */
export type View = 'board' | 'reader' | 'draft';
export type DialogName =
  | 'shortcuts'
  | 'export'
  | 'paste'
  | 'dismiss'
  | 'resolve'
  | 'note'
  | 'merge'
  | 'regroup'
  | 'flag'
  | 'replace';

/** Dialogs that end in an editor action: the editor's name is asked before they open. */
const ACTING: ReadonlySet<DialogName> = new Set([
  'dismiss',
  'resolve',
  'note',
  'merge',
  'regroup',
  'flag',
  'replace',
]);

/** Asks the editor's name when it is not known yet; resolves false when they cancel. */
export type NameGate = () => Promise<boolean> | true;

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

class UiState {
  #view = $state<View>('board');
  #dialog = $state<DialogName | null>(null);
  #toasts = $state<Toast[]>([]);
  #nextId = 1;

  get view(): View {
    return this.#view;
  }
  set view(v: View) {
    this.#view = v;
  }

  get dialog(): DialogName | null {
    return this.#dialog;
  }
  /** Opens a dialog; one that ends in a decision first asks the editor's name if unknown. */
  open(name: DialogName): void {
    const asked = ACTING.has(name) && this.#gate ? this.#gate() : true;
    if (asked === true) this.#show(name);
    else
      void asked.then((ok) => {
        if (ok) this.#show(name);
      });
  }
  close(): void {
    this.#show(null);
    this.#flush();
  }

  // A plain copy of the open dialog: read from a closing dialog's teardown, where the
  // reactive field still gives the value it had before.
  #shown: DialogName | null = null;
  #show(name: DialogName | null): void {
    this.#dialog = name;
    this.#shown = name;
  }

  #gate: NameGate | null = null;
  /** The settings state registers how the name is asked (it sits above this module). */
  setNameGate(gate: NameGate): void {
    this.#gate = gate;
  }

  #modals = 0;
  #idle: (() => void)[] = [];
  /** A dialog component is showing; the returned function says it is gone. */
  holdModal(): () => void {
    this.#modals++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#modals--;
      this.#flush();
    };
  }
  /** Resolves once no dialog is showing, so another one never opens on top of it. */
  whenNoDialog(): Promise<void> {
    if (this.#shown === null && this.#modals === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
  #flush(): void {
    if (this.#shown !== null || this.#modals > 0) return;
    const idle = this.#idle;
    this.#idle = [];
    for (const done of idle) done();
  }

  get toasts(): Toast[] {
    return this.#toasts;
  }

  /** Info toasts fade; errors stay until dismissed, so they can be read. */
  notify(text: string, tone: Toast['tone'] = 'info'): void {
    const id = this.#nextId++;
    this.#toasts = [...this.#toasts.slice(-3), { id, tone, text }];
    if (tone === 'info') setTimeout(() => this.dismissToast(id), 4000);
  }
  error(err: unknown): void {
    this.notify(err instanceof Error ? err.message : String(err), 'error');
  }
  dismissToast(id: number): void {
    this.#toasts = this.#toasts.filter((t) => t.id !== id);
  }
}

export const ui = new UiState();
