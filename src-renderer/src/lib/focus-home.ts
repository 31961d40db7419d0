/**
 * Where keyboard focus goes when the element that had it disappears (a dialog
 * closed, a button that only shows for decided conflicts went away): the board,
 * else the view's main area, so the next shortcut still reaches the window.
 */
export function focusHome(): void {
  if (typeof document === 'undefined') return;
  const home =
    document.querySelector<HTMLElement>('[data-testid="board"]') ??
    document.querySelector<HTMLElement>('[role="tabpanel"]') ??
    document.querySelector<HTMLElement>('main');
  home?.focus({ preventScroll: true });
}

/** Calls focusHome when focus has fallen to the page body. */
export function keepFocusOffBody(): void {
  if (typeof document === 'undefined') return;
  const active = document.activeElement;
  if (!active || active === document.body) focusHome();
}
