/**
 * What counts as the Claimdesk window: the one page the app loads (the packaged renderer
 * file, or the dev server's origin while developing), in its top frame. The IPC handlers
 * answer only that page, and the window may navigate only within it. Any other file://
 * page (a downloaded HTML file dragged onto the window), any subframe and any web page
 * is a stranger.
 *
 * Pure: no Electron here, so the rules are tested under Node; main.ts wires them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export type AppLocation =
  /** The built renderer file the packaged app loads. */
  | { kind: 'file'; indexFile: string }
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), only in an unpackaged app. */
  | { kind: 'dev'; origin: string };

/** The page to trust: the dev server only when the app is not packaged. */
export function appLocation(options: {
  packaged: boolean;
  devServerUrl: string | undefined;
  indexFile: string;
}): AppLocation {
  if (!options.packaged && options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin;
    if (origin !== 'null') return { kind: 'dev', origin };
  }
  return { kind: 'file', indexFile: resolve(options.indexFile) };
}

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether `url` is a page of the app itself (any #route of it). */
export function isAppUrl(url: string | undefined | null, app: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (app.kind === 'dev') return u.origin === app.origin;
  if (u.protocol !== 'file:' || u.host !== '') return false;
  let path: string;
  try {
    path = fileURLToPath(u);
  } catch {
    return false;
  }
  return path === fileURLToPath(pathToFileURL(app.indexFile));
}

export interface SenderFrame {
  url: string | undefined | null;
  /** True when the frame has no parent (Electron: `frame.parent === null`). */
  isTopFrame: boolean;
}

/** Whether an IPC message comes from the app's own page, in its top frame. */
export function isTrustedSender(frame: SenderFrame | null | undefined, app: AppLocation): boolean {
  return !!frame && frame.isTopFrame && isAppUrl(frame.url, app);
}

/** Whether a frame may navigate (or be redirected) to `url`: only within the app. */
export function mayNavigate(url: string, app: AppLocation): boolean {
  return isAppUrl(url, app);
}
