import '../test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import Board from './Board.svelte';
import ConflictPanel from './ConflictPanel.svelte';
import ReplaceDecisionDialog from './ReplaceDecisionDialog.svelte';
import { board } from '../state/board.svelte';
import { conflict } from '../state/conflict.svelte';
import { review } from '../state/review.svelte';
import { settings } from '../state/settings.svelte';
import { ui } from '../state/ui.svelte';
import { article, conflictDetail, installFakeCore } from '../test/fake-core';
import type { ConflictStatus } from '../../../src-main/shared/model';
import type { BoardRow } from '../../../src-main/shared/views';

const TEXT = 'Trade reached $594.6 million last year, up from $482.1 million.';

/**
 * A desk of five facts, one conflict each (conflict id = 100 + fact id). Like
 * the core's "conflicts first" sort, undecided rows come first, so a decision
 * moves its row down the board.
 */
function queueDesk() {
  const status = new Map<number, ConflictStatus>([1, 2, 3, 4, 5].map((f) => [100 + f, 'suggested']));
  const extra: { resolvedClaim: number | null } = { resolvedClaim: null };
  const rows = (): BoardRow[] =>
    [1, 2, 3, 4, 5]
      .map((f) => ({
        fact: { id: f, label: `Fact ${f}` },
        referenceClaimId: null,
        cells: {},
        conflicts: [{ id: 100 + f, kind: 'figure_mismatch' as const, status: status.get(100 + f)! }],
      }))
      .sort(
        (a, b) =>
          Number(['suggested', 'open'].includes(b.conflicts[0].status)) -
            Number(['suggested', 'open'].includes(a.conflicts[0].status)) || a.fact.id - b.fact.id,
      );
  const detail = (id: number) =>
    conflictDetail(TEXT, {
      id,
      status: status.get(id)!,
      fact: { id: id - 100, label: `Fact ${id - 100}` },
      correctClaimId: status.get(id) === 'resolved' ? extra.resolvedClaim : null,
      explanation: `Conflict on fact ${id - 100}`,
    });
  const core = installFakeCore({
    'board:page': ((q: { offset: number; limit: number }) => ({
      total: 5,
      offset: q.offset,
      rows: rows().slice(q.offset, q.offset + q.limit),
      articles: [article(1, 'First article'), article(2, 'Second article')],
    })) as never,
    'entities:list': () => [],
    'settings:get': () => ({ editorName: 'Ana Editor' }),
    'conflicts:get': ((q: { id: number }) => detail(q.id)) as never,
    'conflicts:setStatus': ((q: { id: number; status: ConflictStatus }) => {
      status.set(q.id, q.status);
      return detail(q.id);
    }) as never,
    'conflicts:resolve': ((q: { id: number; correctClaimId: number | null }) => {
      status.set(q.id, 'resolved');
      extra.resolvedClaim = q.correctClaimId;
      return detail(q.id);
    }) as never,
  });
  return { core, status };
}

function selectedLabel(): string | undefined {
  return board.selectedRow?.fact.label;
}

beforeEach(async () => {
  localStorage.clear();
  // The person using this window gave their name before.
  localStorage.setItem('claimdesk.editorName', 'Ana Editor');
  conflict.close();
  ui.close();
});
afterEach(() => cleanup());

describe('review queue', () => {
  it('keeps the selection on the decided conflict when the board re-sorts, and u never skips an undecided one', async () => {
    queueDesk();
    await settings.load();
    await board.reset();
    const { getAllByTestId } = render(Board);
    render(ConflictPanel);
    await waitFor(() => expect(getAllByTestId('board-row')).toHaveLength(5));

    // Walk to Fact 2 with "next undecided" and confirm it: its row sinks below the pending ones.
    await review.nextUndecided(1);
    await review.nextUndecided(1);
    expect(selectedLabel()).toBe('Fact 2');
    expect(conflict.openId).toBe(102);
    await conflict.confirm();
    await waitFor(() => expect(board.row(4)?.fact.label).toBe('Fact 2'));
    expect(board.selected).toBe(4);
    expect(selectedLabel()).toBe('Fact 2');
    const selectedRow = getAllByTestId('board-row').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selectedRow?.textContent).toContain('Fact 2');
    expect(conflict.detail?.fact?.label).toBe('Fact 2');

    // Next undecided goes on from where Fact 2 was: Fact 3 (now above the selection), not a decided row.
    await review.nextUndecided(1);
    expect(selectedLabel()).toBe('Fact 3');
    expect(conflict.openId).toBe(103);
    await conflict.dismiss('Different years.');
    await waitFor(() => expect(board.row(4)?.fact.label).toBe('Fact 3'));
    expect(selectedLabel()).toBe('Fact 3');

    // Previous undecided goes back up the queue from there (Fact 1), then wraps past the decided rows.
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await review.nextUndecided(-1);
      seen.push(selectedLabel()!);
    }
    expect(seen).toEqual(['Fact 1', 'Fact 5', 'Fact 4']);

    // Reopen puts Fact 2 back among the pending ones and the selection goes with it.
    board.select([0, 1, 2, 3, 4].find((i) => board.row(i)?.fact.id === 2)!);
    await conflict.open(102);
    await conflict.reopen();
    await waitFor(() => expect(board.row(1)?.fact.label).toBe('Fact 2'));
    expect(selectedLabel()).toBe('Fact 2');
  });

  it('moves j and k on from where a decided row was, so the row that followed it is next', async () => {
    queueDesk();
    await settings.load();
    await board.reset();
    board.select(1);
    expect(selectedLabel()).toBe('Fact 2');
    await conflict.open(102);
    await conflict.confirm();
    await waitFor(() => expect(selectedLabel()).toBe('Fact 2'));
    expect(board.selected).toBe(4);
    board.move(1);
    expect(selectedLabel()).toBe('Fact 3');

    // The same for k: the row before Fact 4 was Fact 3.
    board.select(2);
    await conflict.open(104);
    await conflict.dismiss('Rounded differently.');
    await waitFor(() => expect(selectedLabel()).toBe('Fact 4'));
    board.move(-1);
    expect(selectedLabel()).toBe('Fact 3');
    // An ordinary move after that is one row.
    board.move(1);
    expect(selectedLabel()).toBe('Fact 5');
  });

  it('keeps ticks on the same conflicts after a re-sort, so the export takes the ticked ones', async () => {
    queueDesk();
    await settings.load();
    await board.reset();
    const { getAllByTestId } = render(Board);
    await waitFor(() => expect(getAllByTestId('board-row')).toHaveLength(5));
    // Tick Fact 3 and Fact 4 by their checkboxes.
    for (const label of ['Fact 3', 'Fact 4']) {
      const row = getAllByTestId('board-row').find((r) => r.textContent?.includes(label))!;
      await fireEvent.click(row.querySelector('input[type=checkbox]')!);
    }
    // Decide Fact 1: every row moves up one place.
    board.select(0);
    await conflict.open(101);
    await conflict.confirm();
    await waitFor(() => expect(board.row(0)?.fact.label).toBe('Fact 2'));
    const ticked = getAllByTestId('board-row')
      .filter((r) => (r.querySelector('input[type=checkbox]') as HTMLInputElement).checked)
      .map((r) => r.querySelector('.fact-label')?.textContent);
    expect(ticked.sort()).toEqual(['Fact 3', 'Fact 4']);
    expect([...board.checked].sort()).toEqual([103, 104]);
    board.clearChecks();
  });

  it('asks before c replaces a resolution, and changes nothing when the editor keeps it', async () => {
    const { core, status } = queueDesk();
    await settings.load();
    await board.reset();
    board.select(0);
    await conflict.open(101);
    await conflict.resolve({ correctClaimId: 1000 });
    expect(status.get(101)).toBe('resolved');
    const before = core.called('conflicts:setStatus').length;

    review.decide('confirm');
    expect(ui.dialog).toBe('replace');
    const dialog = render(ReplaceDecisionDialog);
    expect(dialog.getByTestId('replace-current').textContent).toContain('“value of $594.6 million” is right');
    await fireEvent.click(dialog.getByRole('button', { name: 'Keep it' }));
    expect(ui.dialog).toBeNull();
    expect(status.get(101)).toBe('resolved');
    expect(core.called('conflicts:setStatus').length).toBe(before);
    dialog.unmount();

    // Said yes with Ctrl+Enter: now it is confirmed.
    review.decide('confirm');
    const again = render(ReplaceDecisionDialog);
    await fireEvent.keyDown(again.getByRole('dialog'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(status.get(101)).toBe('confirmed'));
  });
});
