import './test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import App from './App.svelte';
import { article, boardRows, deskInfo, installFakeCore } from './test/fake-core';
import { conflict } from './state/conflict.svelte';
import { ui } from './state/ui.svelte';

beforeEach(() => {
  conflict.close();
  ui.close();
});
afterEach(() => cleanup());

function fakeDesks() {
  let current = '/desks/one.claimdesk';
  const titles = () => (current.includes('one') ? ['Harbour talks', 'Port deal'] : ['Budget vote']);
  return installFakeCore({
    'desk:info': () => deskInfo({ path: current, name: current.includes('one') ? 'one' : 'two' }),
    'articles:list': () => titles().map((t, i) => article(i + 1, t)),
    'articles:get': (({ id }: { id: number }) => ({
      ...article(id, titles()[id - 1] ?? 'gone'),
      author: null,
      url: null,
      language: 'en',
      format: 'txt',
      text: 'Some text.',
      passages: [],
      claims: [],
    })) as never,
    'settings:get': () => ({ editorName: 'Ed' }),
    'entities:list': () => [],
    'history:list': () => [],
    'history:undo': () => ({ entry: null }),
    'board:page': ((q: { offset: number; limit: number }) => ({
      total: 2,
      offset: q.offset,
      rows: boardRows(q.offset, q.limit, 2),
      articles: titles().map((t, i) => article(i + 1, t)),
    })) as never,
    'desk:open': (({ path }: { path: string }) => {
      current = path;
      return deskInfo({ path });
    }) as never,
  });
}

describe('desktop menu and desk events', () => {
  it('carries out menu commands: export, paste, shortcuts, find, undo', async () => {
    const core = fakeDesks();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row').length).toBe(2));

    core.emit('menu', { command: 'export' });
    await waitFor(() => expect(utils.getByTestId('export-dialog')).toBeTruthy());
    await fireEvent.keyDown(utils.getByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(utils.queryByRole('dialog')).toBeNull());

    core.emit('menu', { command: 'paste-text' });
    await waitFor(() => expect(utils.getByRole('dialog', { name: 'Paste an article' })).toBeTruthy());
    // Another menu command does not stack a dialog on the open one.
    core.emit('menu', { command: 'shortcuts' });
    expect(utils.getAllByRole('dialog')).toHaveLength(1);
    await fireEvent.keyDown(utils.getByRole('dialog'), { key: 'Escape' });

    core.emit('menu', { command: 'shortcuts' });
    await waitFor(() => expect(utils.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy());
    await fireEvent.keyDown(utils.getByRole('dialog'), { key: 'Escape' });

    core.emit('menu', { command: 'find' });
    expect(document.activeElement).toBe(utils.getByRole('combobox', { name: 'Search claims and passages' }));

    // Ctrl+Z in the search field reaches the menu in Electron: it undoes the typing, not a decision.
    const exec = vi.spyOn(document, 'execCommand');
    core.emit('menu', { command: 'undo' });
    expect(exec).toHaveBeenCalledWith('undo');
    expect(core.called('history:undo')).toHaveLength(0);
    exec.mockRestore();
    (document.activeElement as HTMLElement).blur();
    core.emit('menu', { command: 'undo' });
    await waitFor(() => expect(core.called('history:undo')).toHaveLength(1));
  });

  it('reloads everything when another desk is opened from the menu', async () => {
    const core = fakeDesks();
    const utils = render(App);
    await waitFor(() =>
      expect(utils.getByRole('navigation', { name: 'Articles' }).textContent).toContain('Harbour talks'),
    );
    // The main process opens the other desk, then tells the window.
    await (await import('./lib/client')).api()['desk:open']({ path: '/desks/two.claimdesk' });
    core.emit('desk:changed', deskInfo({ path: '/desks/two.claimdesk', name: 'two', articleCount: 1 }));
    await waitFor(() =>
      expect(utils.getByRole('navigation', { name: 'Articles' }).textContent).toContain('Budget vote'),
    );
    expect(utils.getByRole('navigation', { name: 'Articles' }).textContent).not.toContain('Harbour talks');
    expect(utils.getByRole('heading', { level: 1 }).textContent).toBe('two');
  });
});
