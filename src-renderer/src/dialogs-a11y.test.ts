import './test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/svelte';
import App from './App.svelte';
import { article, boardRows, conflictDetail, deskInfo, installFakeCore } from './test/fake-core';
import { board } from './state/board.svelte';
import { conflict } from './state/conflict.svelte';
import { ui } from './state/ui.svelte';
import { settings } from './state/settings.svelte';

beforeEach(() => {
  localStorage.clear();
  conflict.close();
  ui.close();
  ui.view = 'board';
  board.clearChecks();
});
afterEach(() => cleanup());

const TEXT = 'Trade hit $594.6 million, or $482.1 million by another count.';

function fakeDesk() {
  return installFakeCore({
    'desk:info': () => deskInfo(),
    'articles:list': () => [article(1, 'First article'), article(2, 'Second article')],
    'articles:get': (({ id }: { id: number }) => ({
      ...article(id, 'First article'),
      author: null,
      url: null,
      language: 'en',
      format: 'txt',
      text: TEXT,
      passages: [],
      claims: [],
    })) as never,
    'settings:get': () => ({ editorName: null }),
    'entities:list': () => [],
    'history:list': () => [],
    'facts:list': () => [],
    'board:page': ((q: { offset: number; limit: number }) => ({
      total: 2,
      offset: q.offset,
      rows: boardRows(q.offset, q.limit, 2),
      articles: [article(1, 'First article'), article(2, 'Second article')],
    })) as never,
    'conflicts:get': () => conflictDetail(TEXT),
  });
}

type Utils = ReturnType<typeof render<typeof App>>;

/** Opens a dialog from `opener`, checks it is a labelled modal holding focus, closes it with Esc. */
async function checkDialog(utils: Utils, opener: HTMLElement, name: string) {
  opener.focus();
  await fireEvent.click(opener);
  const dialog = await waitFor(() => utils.getByRole('dialog', { name }));
  expect(dialog.getAttribute('aria-modal')).toBe('true');
  expect(utils.getAllByRole('dialog')).toHaveLength(1);
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
  await waitFor(() => expect(utils.queryByRole('dialog')).toBeNull());
  expect(document.activeElement).toBe(opener);
}

describe('dialogs', () => {
  it('are labelled modal dialogs that take focus and give it back to what opened them', async () => {
    fakeDesk();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(2));
    const button = (name: string) => utils.getByRole('button', { name });

    await checkDialog(utils, button('Keyboard shortcuts'), 'Keyboard shortcuts');
    await checkDialog(utils, button('Export…'), 'Export');
    await checkDialog(utils, button('Paste text…'), 'Paste an article');

    await fireEvent.click(utils.getAllByTestId('conflict-badge')[0]);
    await waitFor(() => utils.getByTestId('conflict-explanation'));
    const decision = within(utils.getByRole('toolbar', { name: 'Decision' }));
    // Nobody has given a name in this window yet: a decision asks for it first.
    await checkDialog(utils, decision.getByRole('button', { name: /Confirm/ }), 'Who is reviewing?');
    await checkDialog(utils, decision.getByRole('button', { name: /Dismiss/ }), 'Who is reviewing?');
    await settings.setEditorName('Ed');
    await checkDialog(utils, decision.getByRole('button', { name: /Dismiss/ }), 'Dismiss this conflict');
    await checkDialog(
      utils,
      decision.getByRole('button', { name: /Resolve/ }),
      'Resolve: which value is right?',
    );
    await checkDialog(utils, decision.getByRole('button', { name: /Add note/ }), 'Add a note');
    const grouping = within(utils.getByRole('group', { name: 'Grouping' }));
    await checkDialog(
      utils,
      grouping.getByRole('button', { name: 'Split or move this fact’s claims…' }),
      'Claims of this fact',
    );
    await checkDialog(utils, grouping.getByRole('button', { name: 'Flag conflict…' }), 'Flag a conflict');

    for (const box of utils.getAllByRole('checkbox', { name: /^Tick/ })) await fireEvent.click(box);
    await checkDialog(utils, button('Merge facts'), 'Merge facts');
  });
});
