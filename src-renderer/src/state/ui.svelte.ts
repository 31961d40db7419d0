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
  open(name: DialogName): void {
    this.#dialog = name;
  }
  close(): void {
    this.#dialog = null;
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
