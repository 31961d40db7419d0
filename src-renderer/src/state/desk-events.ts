/**
 * What the core and the desktop app push to the window: a desk changed (or
 * another desk was opened from the menu) and menu commands. Kept apart from the
 * state modules because it reaches all of them, which none of them may do.
 */
import { onEvent } from '../lib/client';
import { changed } from '../lib/changes';
import { isTyping } from '../lib/shortcuts';
import type { DeskInfo, MenuEvent } from '../../../src-main/shared/views';
import { board } from './board.svelte';
import { conflict } from './conflict.svelte';
import { desk } from './desk.svelte';
import { history } from './history.svelte';
import { importer } from './importer.svelte';
import { search } from './search.svelte';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';

let connected = false;

export function connectDeskEvents(): void {
  if (connected) return;
  connected = true;
  importer.listen();
  onEvent('desk:changed', (info) => void deskChanged(info));
  onEvent('menu', ({ command }) => runMenuCommand(command));
}

export async function deskChanged(info: DeskInfo): Promise<void> {
  const before = desk.info;
  if (before && before.path === info.path) {
    // The window's own import refreshes everything once it returns.
    if (!importer.pending) await changed();
    return;
  }
  // Another desk: nothing open, ticked or searched on the last one applies here.
  conflict.close();
  board.clearChecks();
  search.clear();
  board.setSearch('');
  importer.closeReport();
  ui.close();
  ui.view = 'board';
  desk.forget(info);
  await Promise.all([desk.refresh(), settings.load(), board.reset(), board.loadEntities(), history.load()]);
}

export function focusSearch(): void {
  const input = document.getElementById('search-input') as HTMLInputElement | null;
  input?.focus();
  input?.select();
}

/**
 * Carries out a menu command. Menu accelerators (Ctrl+Z, "?") reach the menu
 * instead of the page, so inside a text field they do what the field would have.
 */
export function runMenuCommand(command: MenuEvent['command']): void {
  const typing = isTyping(document.activeElement);
  if (typing && (command === 'undo' || command === 'redo' || command === 'shortcuts')) {
    if (command === 'shortcuts') document.execCommand('insertText', false, '?');
    else document.execCommand(command);
    return;
  }
  if (command === 'find') {
    if (!ui.dialog && !settings.asking) focusSearch();
    return;
  }
  // A dialog is modal: menu commands wait until it is closed.
  if (ui.dialog || settings.asking) return;
  switch (command) {
    case 'undo':
      void history.undo();
      return;
    case 'redo':
      void history.redo();
      return;
    case 'export':
      if (desk.info?.articleCount) ui.open('export');
      else ui.notify('Nothing to export yet: import articles first.');
      return;
    case 'paste-text':
      if (!importer.running) ui.open('paste');
      return;
    case 'shortcuts':
      ui.open('shortcuts');
      return;
  }
}
