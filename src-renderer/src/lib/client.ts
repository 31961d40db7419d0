/**
 * The renderer's one way to reach the core. Both transports carry the same typed
 * contract (src-main/shared/contract.ts): IPC through the Electron preload when
 * `window.claimdesk` exists, HTTP on 127.0.0.1 with the per-run token otherwise.
 * Methods are built with a Proxy so a new contract method needs no change here.
 *
 * State modules obtain the client through `api()`; component tests swap it with
 * `setClient()` so they can render against a fake core.
 */
import type { Client, MethodName, Result } from '../../../src-main/shared/contract';
import { EDITOR_HEADER } from '../../../src-main/shared/editor';
import type { DeskEvents, ExportFile } from '../../../src-main/shared/views';

/** What the preload exposes (Electron); nothing more reaches the page. */
export interface PreloadBridge {
  invoke(method: string, input: unknown, editor?: string): Promise<Result<unknown>>;
  on(event: string, cb: (data: unknown) => void): () => void;
  /** Native save dialog; the saved path, or null when the user cancelled. */
  saveFile?(file: ExportFile): Promise<Result<{ path: string } | null>>;
}

declare global {
  interface Window {
    claimdesk?: PreloadBridge;
  }
}

/** An error the core reported, with its stable code and a message for people. */
export class ClientError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

export type EventName = keyof DeskEvents;
export type Subscribe = <E extends EventName>(event: E, cb: (data: DeskEvents[E]) => void) => () => void;

export interface Transport {
  /** `editor`: the acting editor's name, sent with every call once the person gave it. */
  invoke(method: string, input: unknown, editor?: string): Promise<Result<unknown>>;
  on: Subscribe;
}

const TOKEN_KEY = 'claimdesk.token';

/**
 * Takes the token from `?token=` on first load, keeps it for reloads in
 * sessionStorage, and removes it from the address bar so it is not bookmarked or
 * shared by accident.
 */
export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ClientError(result.error.code, result.error.message);
}

export function httpTransport(token: string, base = '/api'): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const registered = new Set<string>();

  const ensureSource = (event: string) => {
    if (typeof EventSource === 'undefined') return;
    if (!source) source = new EventSource(`${base}/events?token=${encodeURIComponent(token)}`);
    if (!registered.has(event)) {
      registered.add(event);
      source.addEventListener(event, (e) => {
        let data: unknown;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const cb of listeners.get(event) ?? []) cb(data);
      });
    }
  };

  return {
    async invoke(method, input, editor) {
      let res: Response;
      try {
        res = await fetch(`${base}/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${token}`,
            // Headers carry only a few characters safely: the name goes %-encoded.
            ...(editor ? { [EDITOR_HEADER]: encodeURIComponent(editor) } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'offline', message: 'Claimdesk is not reachable. Is it still running?' },
        };
      }
      try {
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `Unexpected answer (HTTP ${res.status}).` } };
      }
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const fn = cb as (data: unknown) => void;
      set.add(fn);
      ensureSource(event);
      return () => set.delete(fn);
    },
  };
}

export function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (method, input, editor) => bridge.invoke(method, input, editor),
    on: (event, cb) => bridge.on(event, cb as (data: unknown) => void),
  };
}

/** The person using this window, as they gave their name (settings state sets it). */
let editorName: string | undefined;
export function setEditorName(name: string | null): void {
  editorName = name ?? undefined;
}

export function createClient(transport: Transport): Client {
  return new Proxy({} as Client, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return async (input?: unknown) =>
        unwrap(await transport.invoke(name as MethodName, input ?? {}, editorName));
    },
  });
}

let transport: Transport | null = null;
let client: Client | null = null;

function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.claimdesk) return preloadTransport(window.claimdesk);
  return httpTransport(takeToken());
}

/** The client every state module uses. */
export function api(): Client {
  if (!client) {
    transport ??= defaultTransport();
    client = createClient(transport);
  }
  return client;
}

interface Subscription {
  event: EventName;
  cb: (data: never) => void;
  off: () => void;
}

/** Live subscriptions, kept so they follow the window onto another transport. */
const subscriptions = new Set<Subscription>();

function attach(t: Transport, sub: Subscription): void {
  sub.off = t.on(sub.event, sub.cb as (data: unknown) => void);
}

/** Subscribes to core events (progress, desk:changed, menu, import:report). */
export const onEvent: Subscribe = (event, cb) => {
  transport ??= defaultTransport();
  const sub: Subscription = { event, cb: cb as (data: never) => void, off: () => {} };
  attach(transport, sub);
  subscriptions.add(sub);
  return () => {
    sub.off();
    subscriptions.delete(sub);
  };
};

/** For component tests and previews: run the window against another core. */
export function setTransport(next: Transport): void {
  for (const sub of subscriptions) sub.off();
  transport = next;
  client = createClient(next);
  for (const sub of subscriptions) attach(next, sub);
}

/** Saves an export: native dialog in Electron, a download in the browser. */
export async function saveExport(file: ExportFile): Promise<string | null> {
  if (typeof window !== 'undefined' && window.claimdesk?.saveFile) {
    const saved = unwrap(await window.claimdesk.saveFile(file));
    return saved?.path ?? null;
  }
  const bytes =
    file.encoding === 'base64' ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data;
  const blob = new Blob([bytes], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.filename;
}
