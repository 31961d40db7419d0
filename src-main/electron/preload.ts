/**
 * The preload: the window's only door to the core. It exposes `invoke` (one
 * contract method), `on` (core events) and `saveFile` (native save dialog), never
 * ipcRenderer itself. Emitted as CommonJS so the window runs sandboxed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../shared/contract';
import type { DeskEvents, ExportFile } from '../shared/views';

const bridge = {
  /** `editor`: the acting editor's name, kept by the window in this profile's storage. */
  invoke: (method: string, input: unknown, editor?: string): Promise<Result<unknown>> =>
    ipcRenderer.invoke('claimdesk:invoke', method, input, editor) as Promise<Result<unknown>>,
  on: <E extends keyof DeskEvents>(event: E, listener: (payload: DeskEvents[E]) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: DeskEvents[E]) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('claimdesk:event', wrapped);
    return () => ipcRenderer.off('claimdesk:event', wrapped);
  },
  saveFile: (file: ExportFile): Promise<Result<{ path: string } | null>> =>
    ipcRenderer.invoke('claimdesk:saveFile', file) as Promise<Result<{ path: string } | null>>,
} satisfies Record<string, (...args: never[]) => unknown>;

export type ClaimdeskBridge = typeof bridge;

contextBridge.exposeInMainWorld('claimdesk', bridge);
