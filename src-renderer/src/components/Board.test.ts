import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import Board from './Board.svelte';
import { board } from '../state/board.svelte';
import { article, boardRows, installFakeCore } from '../test/fake-core';

afterEach(() => cleanup());

function fakeBoard(total: number) {
  return installFakeCore({
    'board:page': ((q: { offset: number; limit: number }) => ({
      total,
      offset: q.offset,
      rows: boardRows(q.offset, q.limit, total),
      articles: [article(1, 'First article'), article(2, 'Second article')],
    })) as never,
    'entities:list': () => [],
  });
}

describe('Board', () => {
  it('shows one row per fact with each article’s wording, the conflict badge and empty cells', async () => {
    fakeBoard(3);
    await board.reset();
    const { getAllByTestId, getByText } = render(Board);
    await waitFor(() => expect(getAllByTestId('board-row')).toHaveLength(3));
    const [first, second] = getAllByTestId('board-row');
    expect(first.textContent).toContain('Fact number 1');
    expect(getAllByTestId('conflict-badge')[0].textContent).toBe('⚑ novelty vs precedent · suggested');
    // The second article's differing figure is marked as a difference, the shared word is not.
    const marks = [...first.querySelectorAll('mark.diff')].map((m) => m.textContent);
    expect(marks.join(' ')).toContain('$482.1');
    expect(marks.join(' ')).not.toContain('million');
    // Fact 2 is not stated by the second article.
    const empty = second.querySelector('[aria-label="not stated"]');
    expect(empty?.textContent).toBe('—');
    expect(getByText('Second article')).toBeTruthy();
  });

  it('puts only the rows in view into the page for a 10,000-fact board and fetches pages as needed', async () => {
    const core = fakeBoard(10_000);
    await board.reset();
    const { getAllByTestId, getByTestId } = render(Board);
    await waitFor(() => expect(getAllByTestId('board-row').length).toBeGreaterThan(0));
    expect(getAllByTestId('board-row').length).toBeLessThan(60);
    expect(getByTestId('board').getAttribute('aria-rowcount')).toBe('10001');
    const offsets = core.called('board:page').map((q) => (q as { offset: number }).offset);
    expect(offsets).toEqual([0]);

    board.ensureRange(5000, 5020);
    await waitFor(() => expect(board.row(5010)?.fact.label).toBe('Fact number 5011'));
    expect(core.called('board:page').map((q) => (q as { offset: number }).offset)).toEqual([0, 5000]);
  });

  it('moves the selection with the keyboard model and marks the row selected', async () => {
    fakeBoard(3);
    await board.reset();
    const { getAllByTestId } = render(Board);
    await waitFor(() => expect(getAllByTestId('board-row')).toHaveLength(3));
    board.move(1);
    board.move(1);
    await waitFor(() => expect(getAllByTestId('board-row')[1].getAttribute('aria-selected')).toBe('true'));
    expect(getAllByTestId('board-row')[0].getAttribute('aria-selected')).toBe('false');
  });

  it('draws only the article columns in view on a desk of 200 articles, and others as the board scrolls sideways', async () => {
    const articles = Array.from({ length: 200 }, (_, i) => article(i + 1, `Article number ${i + 1}`));
    installFakeCore({
      'board:page': ((q: { offset: number; limit: number }) => ({
        total: 3,
        offset: q.offset,
        rows: boardRows(q.offset, q.limit, 3),
        articles,
      })) as never,
      'entities:list': () => [],
    });
    localStorage.clear();
    board.useDesk('/desks/wide.claimdesk');
    board.setAllArticles(true);
    await board.reset();
    const { getByTestId } = render(Board);
    const grid = getByTestId('board');
    await waitFor(() => expect(grid.querySelectorAll('[role="columnheader"]').length).toBeGreaterThan(3));
    const headers = () =>
      [...grid.querySelectorAll('[role="columnheader"][title]')].map((h) => h.getAttribute('title'));
    expect(grid.getAttribute('aria-colcount')).toBe('203');
    expect(headers().length).toBeLessThan(15);
    expect(headers()).toContain('Article number 1');
    // Each drawn cell says which column it is, so assistive technology counts right.
    expect(grid.querySelector('[title="Article number 1"]')?.getAttribute('aria-colindex')).toBe('4');

    Object.defineProperty(grid, 'scrollLeft', { configurable: true, value: 100 * 250 });
    await fireEvent.scroll(grid);
    await waitFor(() => expect(headers()).toContain('Article number 101'));
    expect(headers()).not.toContain('Article number 1');
    expect(grid.querySelector('[title="Article number 101"]')?.getAttribute('aria-colindex')).toBe('104');
    // Rows draw the same columns as the header.
    const row = getByTestId('board').querySelector('[data-testid="board-row"]')!;
    expect(row.querySelectorAll('[role="gridcell"]').length).toBe(headers().length + 3);
  });
});
