/**
 * The window's security rules, tested under Node (main.ts only wires them to Electron):
 * who may call over IPC, where the window may go, which links leave the app and how,
 * which permissions are given, what the production menu holds, what the window may ask
 * to open or save, and what the hidden print window may load (checked in Chromium).
 */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { appLocation, isAppUrl, isTrustedSender, mayNavigate } from './app-origin';
import { askToOpen, externalAddress, windowOpenDecision } from './links';
import { permissionGranted } from './permissions';
import { menuTemplate, type MenuItem } from './menu-template';
import { ipcRefusal, parseExportFile, plainFileName } from './ipc-input';
import { printableHtml } from './printable';

const INDEX = '/opt/Claimdesk/resources/app.asar/out/renderer/index.html';
const packaged = appLocation({ packaged: true, devServerUrl: undefined, indexFile: INDEX });
const indexUrl = pathToFileURL(INDEX).href;

describe('the IPC sender check', () => {
  it('trusts the packaged renderer file in the top frame, with any route, and nothing else', () => {
    expect(isTrustedSender({ url: indexUrl, isTopFrame: true }, packaged)).toBe(true);
    expect(isTrustedSender({ url: `${indexUrl}#/conflicts/3`, isTopFrame: true }, packaged)).toBe(true);
    // The same page in a subframe (an iframe an article's HTML managed to create).
    expect(isTrustedSender({ url: indexUrl, isTopFrame: false }, packaged)).toBe(false);
    for (const url of [
      'file:///home/editor/Downloads/evil.html',
      'file:///opt/Claimdesk/resources/app.asar/out/renderer/other.html',
      'file:///opt/Claimdesk/resources/app.asar/out/renderer/index.html.evil.html',
      'file://attacker.example/opt/Claimdesk/resources/app.asar/out/renderer/index.html',
      'https://attacker.example/index.html',
      'about:blank',
      'data:text/html,hi',
      '',
      null,
    ])
      expect(isTrustedSender({ url, isTopFrame: true }, packaged), String(url)).toBe(false);
    expect(isTrustedSender(null, packaged)).toBe(false);
  });

  it('trusts the dev server by its exact origin only while the app is not packaged', () => {
    const dev = appLocation({ packaged: false, devServerUrl: 'http://localhost:5173/', indexFile: INDEX });
    expect(isTrustedSender({ url: 'http://localhost:5173/#/board', isTopFrame: true }, dev)).toBe(true);
    for (const url of [
      'http://localhost:5174/',
      'http://localhost.attacker.example:5173/',
      'https://localhost:5173/',
    ])
      expect(isTrustedSender({ url, isTopFrame: true }, dev), url).toBe(false);
    expect(isTrustedSender({ url: indexUrl, isTopFrame: true }, dev)).toBe(false);
    // A packaged app ignores the variable: someone setting it cannot make a web page trusted.
    const shipped = appLocation({ packaged: true, devServerUrl: 'http://localhost:5173/', indexFile: INDEX });
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true }, shipped)).toBe(false);
    expect(isAppUrl(indexUrl, shipped)).toBe(true);
  });
});

describe('navigation', () => {
  it('stays within the app: no other file, no web page, no redirect out', () => {
    expect(mayNavigate(`${indexUrl}#/facts`, packaged)).toBe(true);
    for (const url of [
      'https://news.example/article',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'chrome://gpu',
    ])
      expect(mayNavigate(url, packaged), url).toBe(false);
  });
});

describe('links that leave the app', () => {
  it('offers only plain http(s) addresses to the browser, never other schemes or disguised hosts', () => {
    expect(externalAddress('https://news.example/a?b=1#c')).toBe('https://news.example/a?b=1#c');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'https://bank.example@attacker.example/',
      'not a url',
    ])
      expect(externalAddress(url), url).toBeNull();
  });

  it('never opens a new app window, and asks before the browser opens, Cancel by default', () => {
    expect(windowOpenDecision('https://news.example/a')).toEqual({
      action: 'deny',
      external: 'https://news.example/a',
    });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', external: null });
    const q = askToOpen('https://news.example/a/long/path');
    expect(q.message).toBe('Open news.example in your web browser?');
    expect(q.detail).toBe('https://news.example/a/long/path');
    expect(q.buttons[q.defaultId]).toBe('Cancel');
    expect(q.cancelId).toBe(q.defaultId);
  });
});

describe('permissions', () => {
  it('grants none of the permissions a page can ask for', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'midiSysex',
      'hid',
      'serial',
      'openExternal',
      'fullscreen',
    ])
      expect(permissionGranted(p), p).toBe(false);
  });
});

describe('the application menu', () => {
  const actions = { newDesk: () => {}, openDesk: () => {}, importFiles: () => {}, command: () => {} };
  const flat = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

  it('has no Reload and no Developer Tools in the packaged app, and has them while developing', () => {
    const shipped = flat(menuTemplate({ packaged: true, recent: [], actions }));
    const roles = shipped.map((i) => i.role).filter(Boolean);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
    expect(shipped.map((i) => i.accelerator)).not.toContain('CmdOrCtrl+R');
    expect(roles).toContain('quit');
    const dev = flat(menuTemplate({ packaged: false, recent: [], actions }));
    expect(dev.map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('opens a recent desk from the menu by its path', () => {
    const opened: (string | undefined)[] = [];
    const items = flat(
      menuTemplate({
        packaged: true,
        recent: ['/desks/a.claimdesk'],
        actions: { ...actions, openDesk: (p) => opened.push(p) },
      }),
    );
    items.find((i) => i.label === '/desks/a.claimdesk')!.click!();
    expect(opened).toEqual(['/desks/a.claimdesk']);
  });
});

describe('what the window may ask over IPC', () => {
  it('may not name a desk or a file on disk; dialogs in the main process do that', () => {
    expect(ipcRefusal('desk:open', { path: '/home/editor/.ssh/id_rsa' })).toMatch(
      /cannot name files on disk/,
    );
    expect(ipcRefusal('desk:create', { path: '/home/editor/.bashrc' })).toMatch(/New Desk…/);
    expect(ipcRefusal('articles:import', { paths: ['/etc'] })).toMatch(/cannot name files on disk/);
    expect(
      ipcRefusal('articles:import', { files: [{ name: 'a.txt', data: 'x', encoding: 'utf8' }] }),
    ).toBeNull();
    expect(ipcRefusal('conflicts:setStatus', { id: 1, status: 'confirmed' })).toBeNull();
  });

  it('saves with a plain file name offered in the documents folder, and refuses a malformed request', () => {
    expect(plainFileName('../../.bashrc')).toBe('bashrc');
    expect(plainFileName('..\\..\\Startup\\run.bat')).toBe('run.bat');
    expect(plainFileName('notes\u202Efdp.exe')).toBe('notes-fdp.exe');
    expect(plainFileName('line\nbreak.md')).toBe('line-break.md');
    expect(plainFileName('...')).toBe('Claimdesk export');
    expect(plainFileName('Source notes — Velgrad talks.md')).toBe('Source notes — Velgrad talks.md');
    expect(
      parseExportFile({ filename: '/etc/cron.d/x', mime: 'text/plain', encoding: 'utf8', data: 'hi' }),
    ).toEqual({
      filename: 'x',
      mime: 'text/plain',
      encoding: 'utf8',
      data: 'hi',
    });
    expect(() =>
      parseExportFile({ filename: 'a.md', mime: 'text/plain', encoding: 'hex', data: '' }),
    ).toThrow(/Refused to save: encoding:/);
    expect(() => parseExportFile('a.md')).toThrow(/Refused to save/);
  });
});

describe('the hidden window that prints source notes to PDF', () => {
  it('loads nothing from outside and runs no script, whatever the notes contain', async () => {
    const hits: string[] = [];
    let page = '';
    const outside = createServer((req, res) => {
      if (req.url === '/notes') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      }
      if (req.url !== '/favicon.ico') hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => outside.listen(0, '127.0.0.1', r));
    const at = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
    const notes = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Notes</title>
      <style>h1 { color: rgb(200, 0, 0); }</style><link rel="stylesheet" href="${at}/css"></head>
      <body><h1>Source notes</h1><img src="${at}/pixel"><iframe src="${at}/frame"></iframe>
      <script>document.title = 'ran'</script><script src="${at}/js"></script>
      <object data="${at}/object"></object><p style="background:url(${at}/bg)">Quote</p></body></html>`;
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const tab = await browser.newPage();
      page = printableHtml(notes);
      await tab.goto(`${at}/notes`, { waitUntil: 'load' });
      expect(await tab.evaluate('document.compatMode')).toBe('CSS1Compat');
      expect(await tab.title()).toBe('Notes');
      expect(await tab.evaluate('getComputedStyle(document.querySelector("h1")).color')).toBe(
        'rgb(200, 0, 0)',
      );
      expect(await tab.evaluate('document.documentElement.lang')).toBe('en');
      expect(hits).toEqual([]);
      // Without the policy the same notes do reach out and run: the checks above can fail.
      page = notes;
      await tab.goto(`${at}/notes`, { waitUntil: 'load' });
      expect(hits.length).toBeGreaterThan(0);
      expect(await tab.title()).toBe('ran');
    } finally {
      await browser.close();
      outside.close();
    }
  });
});
