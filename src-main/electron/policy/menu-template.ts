/**
 * The application menu as data. The packaged app has no Reload and no Developer Tools:
 * a reload throws away the window's unsaved state (an open dialog, a half-typed note) and
 * the tools give anyone at the keyboard a console into the window. While developing, both
 * are there.
 *
 * Pure (the items' shape matches Electron's MenuItemConstructorOptions); main.ts builds it.
 */

export type MenuRole =
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'togglefullscreen';

export interface MenuItem {
  label?: string;
  accelerator?: string;
  role?: MenuRole;
  type?: 'separator';
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

export interface MenuActions {
  newDesk: () => void;
  openDesk: (path?: string) => void;
  importFiles: (folder: boolean) => void;
  /** A command the window carries out (paste-text, export, undo, redo, find, shortcuts). */
  command: (name: string) => void;
}

export function menuTemplate(options: {
  packaged: boolean;
  recent: string[];
  actions: MenuActions;
}): MenuItem[] {
  const { actions } = options;
  const command = (name: string) => () => actions.command(name);
  const separator: MenuItem = { type: 'separator' };
  const developer: MenuItem[] = options.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  return [
    {
      label: 'File',
      submenu: [
        { label: 'New Desk…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newDesk() },
        { label: 'Open Desk…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDesk() },
        {
          label: 'Recent Desks',
          submenu: options.recent.length
            ? options.recent.map((p) => ({ label: p, click: () => actions.openDesk(p) }))
            : [{ label: 'None', enabled: false }],
        },
        separator,
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles(false) },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.importFiles(true) },
        { label: 'Paste Article Text…', click: command('paste-text') },
        separator,
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: command('export') },
        separator,
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: command('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: command('redo') },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: command('find') },
      ],
    },
    { label: 'View', submenu: [...developer, { role: 'togglefullscreen' }] },
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts', click: command('shortcuts') }] },
  ];
}
