/**
 * The Electron main process: one secure window, the menu, native dialogs, and
 * the contract served over IPC by the same core service as the browser mode.
 * Kept thin on purpose: everything it calls is tested under Node.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { DeskService } from '../core/service';
import { createDispatch } from '../core/dispatch';
import { CSP } from '../server/server';
import { toErrorResult } from '../shared/contract';
import { DeskError } from '../shared/errors';
import { appLocation, isTrustedSender, mayNavigate } from './policy/app-origin';
import { askToOpen, windowOpenDecision } from './policy/links';
import { permissionGranted } from './policy/permissions';
import { menuTemplate } from './policy/menu-template';
import { ipcRefusal, parseExportFile } from './policy/ipc-input';
import { printableHtml } from './policy/printable';

const service = new DeskService({
  // Calls that name no editor (none yet asked) act as the system user.
  defaultActor: userInfo().username || 'editor',
  recentFile: join(app.getPath('userData'), 'recent-desks.json'),
  samplesDir: app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources/samples'),
});
const dispatch = createDispatch(service.handlers(), service.actingAs);
let win: BrowserWindow | null = null;

/** The one page trusted over IPC and allowed as a navigation target (policy/app-origin.ts). */
const APP = appLocation({
  packaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
});

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

function fromOurWindow(event: Electron.IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, APP);
}

/** An http(s) address opens in the browser only after the user said yes. */
async function openExternally(address: string): Promise<void> {
  const options = askToOpen(address);
  const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (answer.response === 0) await shell.openExternal(address);
}

/**
 * Every web contents the app makes (the window, the hidden print window, any frame)
 * opens no windows, navigates and is redirected only within the app, and attaches no
 * webview.
 */
function hardenContents(contents: Electron.WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.external) void openExternally(decision.external);
    return { action: 'deny' };
  });
  const stayInApp = (event: Electron.Event, url: string) => {
    if (!mayNavigate(url, APP)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url, APP)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
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
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win?.show());
  if (APP.kind === 'dev') void win.loadURL(APP.origin);
  else void win.loadFile(APP.indexFile);
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
  const template = menuTemplate({
    packaged: app.isPackaged,
    recent: service.recentDesks(),
    actions: {
      newDesk: () => void newDesk(),
      openDesk: (path) => void openDesk(path),
      importFiles: (folder) => void chooseAndImport(folder),
      command: (command) => send('menu', { command }),
    },
  });
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

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  void app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) =>
      cb(permissionGranted(permission)),
    );
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionGranted(permission));
    openInitialDesk();
    service.onEvent((event, payload) => send(event, payload));
    ipcMain.handle('claimdesk:invoke', (event, method: unknown, input: unknown, editor: unknown) => {
      if (!fromOurWindow(event))
        return toErrorResult(new DeskError('unauthorized', 'Refused: not the Claimdesk window.'));
      const refusal = ipcRefusal(method, input);
      if (refusal) return toErrorResult(new DeskError('unauthorized', refusal));
      return dispatch(method, input, { editor });
    });
    ipcMain.handle('claimdesk:saveFile', async (event, raw: unknown) => {
      try {
        if (!win || !fromOurWindow(event))
          throw new DeskError('unauthorized', 'Refused: not the Claimdesk window.');
        const file = parseExportFile(raw);
        const r = await dialog.showSaveDialog(win, {
          title: 'Export',
          defaultPath: join(app.getPath('documents'), file.filename),
        });
        if (r.canceled || !r.filePath) return { ok: true, value: null };
        if (file.mime === 'application/pdf+html') {
          // Source notes as PDF: print the HTML export in a hidden, script-less window.
          // The page may load nothing and navigate nowhere (policy/printable.ts, hardenContents).
          const pdfWin = new BrowserWindow({
            show: false,
            webPreferences: {
              sandbox: true,
              javascript: false,
              contextIsolation: true,
              nodeIntegration: false,
              webSecurity: true,
              devTools: false,
            },
          });
          await pdfWin.loadURL(
            `data:text/html;charset=utf-8,${encodeURIComponent(printableHtml(file.data))}`,
          );
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
