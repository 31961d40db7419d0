import './test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import App from './App.svelte';
import { article, boardRows, conflictDetail, deskInfo, installFakeCore } from './test/fake-core';
import type { FakeCore } from './test/fake-core';
import { board } from './state/board.svelte';

import { conflict } from './state/conflict.svelte';
import { ui } from './state/ui.svelte';

// State modules are one instance per window; each test starts a fresh review.
beforeEach(() => {
  localStorage.clear();
  conflict.close();
  ui.close();
});
afterEach(() => cleanup());

const TEXT = 'Trade hit $594.6 million, or $482.1 million by another count.';

function fakeDesk(editorName: string | null) {
  let status: 'suggested' | 'confirmed' | 'dismissed' = 'suggested';
  let reason: string | null = null;
  return installFakeCore({
    'desk:info': () => deskInfo(),
    'articles:list': () => [article(1, 'First article'), article(2, 'Second article')],
    'articles:get': (({ id }: { id: number }) => ({
      ...article(id, id === 1 ? 'First article' : 'Second article'),
      author: null,
      url: null,
      language: 'en',
      format: 'txt',
      text: TEXT,
      passages: [],
      claims: [],
    })) as never,
    'settings:get': () => ({ editorName }),
    'settings:set': (({ editorName: name }: { editorName: string }) => ({ editorName: name })) as never,
    'entities:list': () => [],
    'history:list': () => [],
    'board:page': ((q: { offset: number; limit: number }) => ({
      total: 2,
      offset: q.offset,
      rows: boardRows(q.offset, q.limit, 2).map((r) =>
        r.conflicts.length ? { ...r, conflicts: [{ ...r.conflicts[0], status }] } : r,
      ),
      articles: [article(1, 'First article'), article(2, 'Second article')],
    })) as never,
    'conflicts:get': () => conflictDetail(TEXT, { status, reason }),
    'conflicts:setStatus': ((i: { status: typeof status; reason?: string }) => {
      status = i.status;
      reason = i.reason ?? null;
      return conflictDetail(TEXT, { status, reason });
    }) as never,
  });
}

type Utils = ReturnType<typeof render<typeof App>>;

async function openFirstConflict(utils: Utils, core: FakeCore) {
  // Wait for this desk's board, not rows left over from the last test.
  await waitFor(() => expect(core.called('board:page').length > 0 && !board.loading).toBe(true));
  await waitFor(() => expect(utils.getAllByTestId('board-row').length).toBe(2));
  await fireEvent.keyDown(document.body, { key: 'j' });
  await fireEvent.keyDown(document.body, { key: 'Enter' });
  await waitFor(() => expect(utils.getByTestId('conflict-status').textContent).toContain('suggested'));
}

describe('keyboard review', () => {
  it('confirms with c on the board but not while the editor types a c into the search box', async () => {
    localStorage.setItem('claimdesk.editorName', 'Ed');
    const core = fakeDesk(null);
    const utils = render(App);
    await openFirstConflict(utils, core);

    const search = utils.getByRole('combobox', { name: 'Search claims and passages' });
    search.focus();
    await fireEvent.keyDown(search, { key: 'c' });
    await fireEvent.keyDown(search, { key: 'd' });
    expect(core.called('conflicts:setStatus')).toEqual([]);
    expect(utils.queryByRole('dialog')).toBeNull();

    search.blur();
    await fireEvent.keyDown(document.body, { key: 'c' });
    await waitFor(() => expect(utils.getByTestId('conflict-status').textContent).toContain('confirmed'));
    expect(core.called('conflicts:setStatus')).toEqual([{ id: 7, status: 'confirmed' }]);
    expect(core.editors('conflicts:setStatus')).toEqual(['Ed']);
  });

  it('asks a new person’s name before their first decision, not on top of its dialog, and signs it with that name', async () => {
    // The desk was signed by someone else before: their name is only offered.
    const core = fakeDesk('Desk chief');
    const utils = render(App);
    await openFirstConflict(utils, core);

    await fireEvent.keyDown(document.body, { key: 'd' });
    const prompt = await waitFor(() => utils.getByRole('dialog', { name: 'Who is reviewing?' }));
    expect(utils.getAllByRole('dialog')).toHaveLength(1);
    expect(utils.getByTestId('editor-name-offered').textContent).toContain('Desk chief');
    const name = utils.getByLabelText('Editor name') as HTMLInputElement;
    // The key that asked for the dismissal did not land in the name, and the desk's name is
    // not filled in: Enter alone cannot make this person someone else.
    expect(name.value).toBe('');
    expect(prompt.contains(document.activeElement)).toBe(true);
    expect((utils.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(utils.getByRole('button', { name: 'That is me' }));
    expect(name.value).toBe('Desk chief');
    await fireEvent.input(name, { target: { value: 'Ed Itor' } });
    await fireEvent.click(utils.getByRole('button', { name: 'Save' }));

    // Then the dismissal's own dialog, alone.
    const reason = await waitFor(() => utils.getByTestId('dismiss-reason'));
    expect(utils.getAllByRole('dialog')).toHaveLength(1);
    await fireEvent.input(reason, { target: { value: 'different periods' } });
    await fireEvent.click(utils.getByRole('button', { name: 'Save dismissal' }));

    await waitFor(() => expect(utils.getByTestId('conflict-status').textContent).toContain('dismissed'));
    expect(utils.queryByRole('dialog')).toBeNull();
    expect(core.called('settings:set')).toEqual([]);
    expect(core.called('conflicts:setStatus')).toEqual([
      { id: 7, status: 'dismissed', reason: 'different periods' },
    ]);
    expect(core.editors('conflicts:setStatus')).toEqual(['Ed Itor']);
    expect(localStorage.getItem('claimdesk.editorName')).toBe('Ed Itor');
    expect(utils.getByTestId('dismiss-reason-text').textContent).toBe('different periods');

    // Asked once: the next decision key goes on to its own question (replacing the dismissal).
    await fireEvent.keyDown(document.body, { key: 'c' });
    await waitFor(() => expect(utils.getAllByRole('dialog')).toHaveLength(1));
    expect(utils.queryByRole('dialog', { name: 'Who is reviewing?' })).toBeNull();
  });

  it('asks after an open dialog closes, never on top of it', async () => {
    const core = fakeDesk(null);
    const utils = render(App);
    await openFirstConflict(utils, core);
    await fireEvent.keyDown(document.body, { key: '?' });
    await waitFor(() => utils.getByRole('dialog', { name: 'Keyboard shortcuts' }));
    // A decision asked for while another dialog shows (a menu command, a script).
    const { settings } = await import('./state/settings.svelte');
    const asked = settings.ensureEditorName();
    await new Promise((r) => setTimeout(r, 50));
    expect(utils.queryByRole('dialog', { name: 'Who is reviewing?' })).toBeNull();
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => utils.getByRole('dialog', { name: 'Who is reviewing?' }));
    expect(utils.getAllByRole('dialog')).toHaveLength(1);
    await fireEvent.input(utils.getByLabelText('Editor name'), { target: { value: 'Ed' } });
    await fireEvent.click(utils.getByRole('button', { name: 'Save' }));
    await expect(asked).resolves.toBe(true);
  });
});
