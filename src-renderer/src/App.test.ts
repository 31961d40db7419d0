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
    const core = fakeDesk('Ed');
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
  });

  it('asks the editor’s name once before the first decision, then dismisses with the reason given', async () => {
    const core = fakeDesk(null);
    const utils = render(App);
    await openFirstConflict(utils, core);

    await fireEvent.keyDown(document.body, { key: 'd' });
    const reason = await waitFor(() => utils.getByTestId('dismiss-reason'));
    await fireEvent.input(reason, { target: { value: 'different periods' } });
    await fireEvent.click(utils.getByRole('button', { name: 'Save dismissal' }));

    const name = await waitFor(() => utils.getByLabelText('Editor name'));
    await fireEvent.input(name, { target: { value: 'Ed Itor' } });
    await fireEvent.click(utils.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(utils.getByTestId('conflict-status').textContent).toContain('dismissed'));
    expect(core.called('settings:set')).toEqual([{ editorName: 'Ed Itor' }]);
    expect(core.called('conflicts:setStatus')).toEqual([
      { id: 7, status: 'dismissed', reason: 'different periods' },
    ]);
    expect(utils.getByTestId('dismiss-reason-text').textContent).toBe('different periods');
  });
});
