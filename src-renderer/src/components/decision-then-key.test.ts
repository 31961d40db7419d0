/**
 * The key pressed right after a decision: the dialog that asked for it is gone as
 * soon as the pane shows the new status, even while the rest of the window is
 * still refreshing, so `u` reaches the board instead of the dialog's field; and
 * `u` then goes on from the refreshed board.
 */
import '../test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import Board from './Board.svelte';
import ConflictPanel from './ConflictPanel.svelte';
import DismissDialog from './DismissDialog.svelte';
import { board } from '../state/board.svelte';
import { conflict } from '../state/conflict.svelte';
import { review } from '../state/review.svelte';
import { settings } from '../state/settings.svelte';
import { ui } from '../state/ui.svelte';
import { article, conflictDetail, installFakeCore } from '../test/fake-core';
import type { ConflictStatus } from '../../../src-main/shared/model';
import type { BoardRow } from '../../../src-main/shared/views';

const TEXT = 'Trade reached $594.6 million last year, up from $482.1 million.';

/** Three facts, one conflict each (id 100 + fact); undecided rows first, as the core sorts. */
function desk() {
  const status = new Map<number, ConflictStatus>([1, 2, 3].map((f) => [100 + f, 'suggested']));
  const gate: { hold: Promise<void> | null } = { hold: null };
  const undecided = (r: BoardRow) => Number(['suggested', 'open'].includes(r.conflicts[0]!.status));
  const rows = (): BoardRow[] =>
    [1, 2, 3]
      .map((f) => ({
        fact: { id: f, label: `Fact ${f}` },
        referenceClaimId: null,
        cells: {},
        conflicts: [{ id: 100 + f, kind: 'figure_mismatch' as const, status: status.get(100 + f)! }],
      }))
      .sort((a, b) => undecided(b) - undecided(a) || a.fact.id - b.fact.id);
  const detail = (id: number) =>
    conflictDetail(TEXT, {
      id,
      status: status.get(id)!,
      fact: { id: id - 100, label: `Fact ${id - 100}` },
      explanation: `Conflict on fact ${id - 100}`,
    });
  installFakeCore({
    'board:page': (async (q: { offset: number; limit: number }) => {
      const answer = rows().slice(q.offset, q.offset + q.limit);
      if (gate.hold) await gate.hold;
      return { total: 3, offset: q.offset, rows: answer, articles: [article(1, 'First article')] };
    }) as never,
    'entities:list': () => [],
    'history:list': () => [],
    'settings:get': () => ({ editorName: 'Ana Editor' }),
    'conflicts:get': ((q: { id: number }) => detail(q.id)) as never,
    'conflicts:setStatus': ((q: { id: number; status: ConflictStatus }) => {
      status.set(q.id, q.status);
      return detail(q.id);
    }) as never,
  });
  return gate;
}

beforeEach(() => {
  localStorage.clear();
  // The person using this window gave their name before.
  localStorage.setItem('claimdesk.editorName', 'Ana Editor');
  conflict.close();
  ui.close();
});
afterEach(() => cleanup());

describe('a key right after a decision', () => {
  it('finds the dismiss dialog closed once the pane says dismissed, and u goes on to the next undecided', async () => {
    const gate = desk();
    await settings.load();
    await board.reset();
    const { getAllByTestId } = render(Board);
    const panel = render(ConflictPanel);
    await waitFor(() => expect(getAllByTestId('board-row')).toHaveLength(3));
    await review.nextUndecided(1);
    expect(conflict.openId).toBe(101);

    ui.open('dismiss');
    const dialog = render(DismissDialog, { onclose: () => ui.close() });
    await fireEvent.input(dialog.getByTestId('dismiss-reason'), { target: { value: 'Different years.' } });
    // The board's refresh after the decision is slow (a desk of a thousand articles).
    let release = () => {};
    gate.hold = new Promise<void>((r) => (release = r));
    await fireEvent.submit(document.getElementById('dismiss-form')!);

    await waitFor(() => expect(panel.getByTestId('conflict-status').textContent).toContain('dismissed'));
    // The pane says dismissed: the dialog is already closed, the board not yet refreshed.
    expect(ui.dialog).toBeNull();
    expect(board.row(0)?.conflicts[0]?.status).toBe('suggested');

    // `u` now: it waits for the refreshed board and opens the next undecided conflict.
    const next = review.nextUndecided(1);
    gate.hold = null;
    release();
    await next;
    expect(conflict.openId).toBe(102);
    expect(board.selectedRow?.fact.label).toBe('Fact 2');
    expect(board.row(2)?.conflicts[0]?.status).toBe('dismissed');
  });
});
