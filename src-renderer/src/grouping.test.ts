import './test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/svelte';
import App from './App.svelte';
import { article, boardRows, conflictDetail, deskInfo, installFakeCore } from './test/fake-core';
import { board } from './state/board.svelte';
import { conflict } from './state/conflict.svelte';
import { ui } from './state/ui.svelte';
import type { BoardRow, FactView } from '../../src-main/shared/views';

beforeEach(() => {
  // The person using this window gave their name before.
  localStorage.setItem('claimdesk.editorName', 'Ed');
  conflict.close();
  ui.close();
  board.clearChecks();
});
afterEach(() => cleanup());

/** A desk whose board shows `facts`; merges and undo change what it shows. */
function groupingDesk() {
  let facts = [1, 2, 3];
  const history: number[][] = [];
  const rows = (): BoardRow[] => facts.map((id) => ({ ...boardRows(id - 1, 1, 3)[0], conflicts: [] }));
  const factViews = (): FactView[] =>
    [1, 2, 3, 4].map((id) => ({
      id,
      label: id === 4 ? 'Visit date of the delegation' : `Fact number ${id}`,
      claimCount: 2,
      articleCount: 2,
      conflictCount: 0,
    }));
  return installFakeCore({
    'desk:info': () => deskInfo(),
    'articles:list': () => [article(1, 'First article'), article(2, 'Second article')],
    'articles:get': (({ id }: { id: number }) => ({
      ...article(id, 'A'),
      author: null,
      url: null,
      language: 'en',
      format: 'txt',
      text: 'Trade hit $594.6 million, or $482.1 million.',
      passages: [],
      claims: [],
    })) as never,
    'settings:get': () => ({ editorName: 'Ed' }),
    'entities:list': () => [],
    'history:list': () => [],
    'board:page': ((q: { offset: number }) => ({
      total: facts.length,
      offset: q.offset,
      rows: rows(),
      articles: [article(1, 'First article'), article(2, 'Second article')],
    })) as never,
    'facts:list': () => factViews(),
    'facts:merge': (({ ids }: { ids: number[] }) => {
      history.push(facts);
      facts = facts.filter((f) => !ids.slice(1).includes(f));
      return factViews()[ids[0] - 1];
    }) as never,
    'facts:split': (() => factViews()[3]) as never,
    'claims:move': (() => factViews()[3]) as never,
    'history:undo': () => {
      facts = history.pop() ?? facts;
      return {
        entry: {
          id: 1,
          at: '',
          actor: 'Ed',
          action: 'fact:merge',
          targetType: 'fact',
          targetId: 2,
          summary: 'x',
        },
      };
    },
    'conflicts:create': () =>
      conflictDetail('Trade hit $594.6 million, or $482.1 million.', {
        id: 31,
        origin: 'editor',
        kind: 'manual',
      }),
    'conflicts:get': () =>
      conflictDetail('Trade hit $594.6 million, or $482.1 million.', {
        id: 31,
        origin: 'editor',
        kind: 'manual',
      }),
  });
}

type Utils = ReturnType<typeof render<typeof App>>;

async function tick(utils: Utils, ...labels: string[]) {
  for (const label of labels) await fireEvent.click(utils.getByRole('checkbox', { name: `Tick “${label}”` }));
}

describe('editing the grouping', () => {
  it('merges ticked facts keeping the chosen label, refreshes the board, and Undo brings them back', async () => {
    const core = groupingDesk();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));
    expect(utils.queryByRole('button', { name: 'Merge facts' })).toBeNull();

    await tick(utils, 'Fact number 1', 'Fact number 2');
    await fireEvent.click(utils.getByRole('button', { name: 'Merge facts' }));
    const dialog = utils.getByRole('dialog', { name: 'Merge facts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await fireEvent.click(within(dialog).getByRole('radio', { name: /Fact number 2/ }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Merge 2 facts' }));

    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(2));
    expect(core.called('facts:merge')).toEqual([{ ids: [2, 1] }]);
    await waitFor(() => expect(utils.queryByRole('dialog')).toBeNull());
    // The ticks went with the merged rows.
    expect(utils.queryByRole('group', { name: 'Ticked rows' })).toBeNull();

    await fireEvent.click(utils.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));
  });

  it('ticks rows from the keyboard with x', async () => {
    groupingDesk();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));
    for (const key of ['j', 'x', 'j', 'x']) await fireEvent.keyDown(document.body, { key });
    await waitFor(() =>
      expect(utils.getByRole('group', { name: 'Ticked rows' }).textContent).toContain('2 rows ticked'),
    );
    expect((utils.getByRole('checkbox', { name: 'Tick “Fact number 2”' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await fireEvent.keyDown(document.body, { key: 'x' });
    expect((utils.getByRole('checkbox', { name: 'Tick “Fact number 2”' }) as HTMLInputElement).checked).toBe(
      false,
    );
    expect(utils.queryByRole('button', { name: 'Merge facts' })).toBeNull();
  });

  it('splits ticked claims off into a new fact, or moves them to a fact found by its label', async () => {
    const core = groupingDesk();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));
    await tick(utils, 'Fact number 1');
    await fireEvent.click(utils.getByRole('button', { name: 'Split or move claims…' }));
    let dialog = utils.getByRole('dialog', { name: 'Claims of this fact' });
    const claims = within(dialog).getAllByRole('checkbox');
    expect(claims).toHaveLength(2);
    expect(document.activeElement).toBe(claims[0]);
    const split = within(dialog).getByRole('button', { name: 'Split into a new fact' }) as HTMLButtonElement;
    expect(split.disabled).toBe(true);
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: /\$482\.1 million/ }));
    expect(split.disabled).toBe(false);
    await fireEvent.click(split);
    await waitFor(() => expect(core.called('facts:split')).toEqual([{ id: 1, claimIds: [2000] }]));
    await waitFor(() => expect(utils.queryByRole('dialog')).toBeNull());

    await fireEvent.click(utils.getByRole('button', { name: 'Split or move claims…' }));
    dialog = utils.getByRole('dialog', { name: 'Claims of this fact' });
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: /\$594\.6 million/ }));
    await fireEvent.input(within(dialog).getByRole('searchbox', { name: 'Find a fact' }), {
      target: { value: 'delegation visit' },
    });
    const target = await waitFor(() =>
      within(dialog).getByRole('radio', { name: /Visit date of the delegation/ }),
    );
    expect(within(dialog).getAllByRole('radio')).toHaveLength(1);
    await fireEvent.click(target);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Move claim to this fact' }));
    await waitFor(() => expect(core.called('claims:move')).toEqual([{ claimId: 1000, factId: 4 }]));
  });

  it('flags a conflict between claims of the ticked rows and opens it for review', async () => {
    const core = groupingDesk();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));
    await tick(utils, 'Fact number 1');
    await fireEvent.click(utils.getByRole('button', { name: 'Flag conflict…' }));
    const dialog = utils.getByRole('dialog', { name: 'Flag a conflict' });
    const sides = within(dialog).getAllByTestId('flag-side') as HTMLSelectElement[];
    // Two claims: one on each side to start with.
    expect(sides.map((s) => s.value)).toEqual(['a', 'b']);
    await fireEvent.input(within(dialog).getByLabelText('Why they disagree'), {
      target: { value: 'Two totals for one year.' },
    });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Flag conflict' }));
    await waitFor(() =>
      expect(core.called('conflicts:create')).toEqual([
        { sideA: [1000], sideB: [2000], kind: 'manual', explanation: 'Two totals for one year.' },
      ]),
    );
    await waitFor(() =>
      expect(utils.getByTestId('conflict-panel').textContent).toContain('flagged by an editor'),
    );
  });
});
