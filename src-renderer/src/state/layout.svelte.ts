/**
 * The window's layout: whether the article sidebar shows. On a wide window the
 * editor's choice is kept; below 1100 px it starts collapsed and opens over the
 * board when asked, so the board keeps the width.
 */
const KEY = 'claimdesk.layout.sidebarCollapsed';
export const NARROW_QUERY = '(max-width: 1099px)';

class LayoutState {
  #collapsed = $state(false);
  #narrow = $state(false);
  #shownNarrow = $state(false);

  constructor() {
    try {
      this.#collapsed = localStorage.getItem(KEY) === '1';
    } catch {
      // Blocked storage: the sidebar shows.
    }
    if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
      const mq = window.matchMedia(NARROW_QUERY);
      this.#narrow = mq.matches;
      mq.addEventListener?.('change', (e) => {
        this.#narrow = e.matches;
        this.#shownNarrow = false;
      });
    }
  }

  get narrow(): boolean {
    return this.#narrow;
  }

  get sidebarVisible(): boolean {
    return this.#narrow ? this.#shownNarrow : !this.#collapsed;
  }

  toggleSidebar(): void {
    if (this.#narrow) {
      this.#shownNarrow = !this.#shownNarrow;
      return;
    }
    this.#collapsed = !this.#collapsed;
    try {
      localStorage.setItem(KEY, this.#collapsed ? '1' : '0');
    } catch {
      // The choice holds for this window.
    }
  }
}

export const layout = new LayoutState();
