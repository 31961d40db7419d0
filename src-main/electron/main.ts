/**
 * The Electron main process: one secure window, the menu, native dialogs, and
 * the contract served over IPC by the same core service as the browser mode.
 * Kept thin on purpose: everything it calls is tested under Node.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DeskService } from '../core/service';
import { createDispatch } from '../core/dispatch';
import { CSP } from '../server/server';
import { toErrorResult } from '../shared/contract';
import type { ExportFile } from '../shared/views';

const service = new DeskService({
  recentFile: join(app.getPath('userData'), 'recent-desks.json'),
  samplesDir: app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources/samples'),
});
const dispatch = createDispatch(service.handlers());
let win: BrowserWindow | null = null;

function defaultDesk(): string {
  return join(app.getPath('documents'), 'Claimdesk', 'My desk.claimdesk');
}

function openInitialDesk(): void {
  for (const path of [...service.recentDesks(), defaultDesk()]) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      service.open(path, path === defaultDesk());
      return;
    } catch {
      // Try the next one: a moved or damaged desk must not stop the app.
    }
  }
}

function send(event: string, payload: unknown): void {
  win?.webContents.send('claimdesk:event', event, payload);
}

function isOurFrame(url: string | undefined): boolean {
  if (!url) return false;
  if (process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL)) return true;
  return url.startsWith('file://');
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Claimdesk',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

async function chooseAndImport(folder: boolean): Promise<void> {
  if (!win) return;
  const r = await dialog.showOpenDialog(win, {
    title: folder ? 'Import a folder of articles' : 'Import articles',
    properties: folder ? ['openDirectory'] : ['openFile', 'multiSelections'],
    filters: folder ? [] : [{ name: 'Articles', extensions: ['txt', 'md', 'html', 'htm', 'docx', 'pdf'] }],
  });
  if (r.canceled || r.filePaths.length === 0) return;
  const report = await dispatch('articles:import', { paths: r.filePaths });
  send('import:report', report);
}

async function newDesk(): Promise<void> {
  if (!win) return;
  const r = await dialog.showSaveDialog(win, {
    title: 'New desk',
    defaultPath: join(app.getPath('documents'), 'Claimdesk', 'Untitled.claimdesk'),
    filters: [{ name: 'Claimdesk desk', extensions: ['claimdesk'] }],
  });
  if (r.canceled || !r.filePath) return;
  const result = await dispatch('desk:create', { path: r.filePath });
  if (!result.ok) dialog.showErrorBox('Could not create the desk', result.error.message);
  else send('desk:changed', result.value);
  buildMenu();
}

async function openDesk(path?: string): Promise<void> {
  if (!win) return;
  let target = path;
  if (!target) {
    const r = await dialog.showOpenDialog(win, {
      title: 'Open desk',
      properties: ['openFile'],
      filters: [{ name: 'Claimdesk desk', extensions: ['claimdesk', 'sqlite', 'db'] }],
    });
    if (r.canceled || !r.filePaths[0]) return;
    target = r.filePaths[0];
  }
  const result = await dispatch('desk:open', { path: target });
  if (!result.ok) dialog.showErrorBox('Could not open the desk', result.error.message);
  else send('desk:changed', result.value);
  buildMenu();
}

function buildMenu(): void {
  const menuCommand = (command: string) => () => send('menu', { command });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Desk…', accelerator: 'CmdOrCtrl+Shift+N', click: () => void newDesk() },
        { label: 'Open Desk…', accelerator: 'CmdOrCtrl+O', click: () => void openDesk() },
        {
          label: 'Recent Desks',
          submenu: service.recentDesks().length
            ? service.recentDesks().map((p) => ({ label: p, click: () => void openDesk(p) }))
            : [{ label: 'None', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => void chooseAndImport(false) },
        {
          label: 'Import Folder…',
          accelerator: 'CmdOrCtrl+Shift+I',
          click: () => void chooseAndImport(true),
        },
        { label: 'Paste Article Text…', click: menuCommand('paste-text') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: menuCommand('export') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: menuCommand('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: menuCommand('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: menuCommand('find') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Keyboard Shortcuts', click: menuCommand('shortcuts') }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    openInitialDesk();
    service.onEvent((event, payload) => send(event, payload));
    ipcMain.handle('claimdesk:invoke', (event, method: unknown, input: unknown) => {
      if (!isOurFrame(event.senderFrame?.url))
        return toErrorResult(new Error('Refused: not the Claimdesk window.'));
      return dispatch(method, input);
    });
    ipcMain.handle('claimdesk:saveFile', async (event, file: ExportFile) => {
      try {
        if (!win || !isOurFrame(event.senderFrame?.url))
          throw new Error('Refused: not the Claimdesk window.');
        const r = await dialog.showSaveDialog(win, {
          title: 'Export',
          defaultPath: join(app.getPath('documents'), file.filename),
        });
        if (r.canceled || !r.filePath) return { ok: true, value: null };
        if (file.mime === 'application/pdf+html') {
          // Source notes as PDF: print the HTML export in a hidden, script-less window.
          const pdfWin = new BrowserWindow({
            show: false,
            webPreferences: { sandbox: true, javascript: false },
          });
          await pdfWin.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(file.data)}`);
          writeFileSync(r.filePath, await pdfWin.webContents.printToPDF({ printBackground: true }));
          pdfWin.destroy();
        } else {
          writeFileSync(
            r.filePath,
            file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : file.data,
          );
        }
        return { ok: true, value: { path: r.filePath } };
      } catch (err) {
        return toErrorResult(err);
      }
    });
    buildMenu();
    createWindow();
    // While the window loads its code, the desk reads what the window asks first.
    service.warm();
  });

  app.on('window-all-closed', () => {
    service.close();
    app.quit();
  });
}
