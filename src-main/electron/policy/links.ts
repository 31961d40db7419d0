/**
 * Links that leave the app. The window never opens another Electron window; an http(s)
 * address may open in the user's browser, and only after they said yes: an article's link
 * can point anywhere, and a click should not hand an address to the system unasked.
 * Other schemes (file:, javascript:, custom protocol handlers) are never passed on.
 */

/** The address to offer for the browser, or null when it must not leave the app at all. */
export function externalAddress(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // user:password@host can disguise where the link really goes.
  if (u.username || u.password) return null;
  return u.href;
}

export interface AskToOpen {
  type: 'question';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  title: string;
  message: string;
  detail: string;
}

/** The question asked before an address opens in the browser; Cancel is the default. */
export function askToOpen(address: string): AskToOpen {
  const host = new URL(address).host;
  return {
    type: 'question',
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open a link',
    message: `Open ${host} in your web browser?`,
    detail: address,
  };
}

/** The answer to a window.open or target=_blank: never a new app window; maybe the browser. */
export function windowOpenDecision(url: string): { action: 'deny'; external: string | null } {
  return { action: 'deny', external: externalAddress(url) };
}
