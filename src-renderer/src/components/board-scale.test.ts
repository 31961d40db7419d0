import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import Board from './Board.svelte';
import { board } from '../state/board.svelte';
import { desk } from '../state/desk.svelte';
import { article, boardRows, deskInfo, installFakeCore } from '../test/fake-core';

afterEach(() => cleanup());

const articles = Array.from({ length: 300 }, (_, i) =>
  article(i + 1, `Article number ${i + 1}`, { outlet: `Outlet ${i + 1}` }),
);

function wideDesk(path: string) {
  return installFakeCore({
    // As the core answers: every article, none, or ('page') those stating something on the rows.
    'board:page': ((q: { offset: number; limit: number; withArticles?: boolean | 'page' }) => {
      const rows = boardRows(q.offset, q.limit, 3);
      const stating = new Set(rows.flatMap((r) => Object.keys(r.cells).map(Number)));
      const mode = q.withArticles ?? true;
      return {
        total: 3,
        offset: q.offset,
        rows,
        articles: mode === 'page' ? articles.filter((a) => stating.has(a.id)) : mode ? articles : [],
      };
    }) as never,
    'entities:list': () => [{ id: 9, name: 'Ministry of Trade', kind: 'org', claimCount: 3 }] as never,
    'desk:info': () => deskInfo({ path, articleCount: 300 }),
    'articles:list': () => articles,
    'articles:get': (() => ({ ...articles[0], text: '', passages: [], claims: [] })) as never,
  });
}

describe('a board of many articles', () => {
  it('draws columns only for the articles that state something on the rows in view, every article on request', async () => {
    localStorage.clear();
    wideDesk('/desks/many.claimdesk');
    board.useDesk('/desks/many.claimdesk');
    await board.reset();
    const { getByTestId } = render(Board);
    const grid = getByTestId('board');
    const headers = () =>
      [...grid.querySelectorAll('[role="columnheader"][title]')].map((h) => h.getAttribute('title'));
    // The three rows are stated by articles 1 and 2 only: two columns, not 300.
    await waitFor(() => expect(headers()).toEqual(['Article number 1', 'Article number 2']));
    expect(grid.getAttribute('aria-colcount')).toBe('5');

    board.setAllArticles(true);
    await waitFor(() => expect(grid.getAttribute('aria-colcount')).toBe('303'));
    board.setAllArticles(false);
    await waitFor(() => expect(grid.getAttribute('aria-colcount')).toBe('5'));
  });

  it('draws the selected row’s articles first when there are more columns than a window shows', async () => {
    localStorage.clear();
    const row = (fact: number, ids: number[]) => ({
      fact: { id: fact, label: `Fact ${fact}` },
      referenceClaimId: null,
      cells: Object.fromEntries(
        ids.map((id) => [
          id,
          [{ id: fact * 1000 + id, kind: 'figure', quote: 'q', sentence: 's', display: 'd' }],
        ]),
      ),
      conflicts: [],
    });
    installFakeCore({
      'board:page': (() => ({
        total: 2,
        offset: 0,
        rows: [row(1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), row(2, [3, 250, 260])],
        articles,
      })) as never,
      'entities:list': () => [],
    });
    board.useDesk('/desks/ordered.claimdesk');
    await board.reset();
    const { getByTestId } = render(Board);
    const grid = getByTestId('board');
    await waitFor(() => expect(grid.getAttribute('aria-colcount')).toBe('15'));
    expect(board.columns.slice(0, 3).map((a) => a.id)).toEqual([1, 2, 3]);
    // Fact 2 disagrees in articles 3, 250 and 260: selected, those come first, still in desk order.
    board.select(1);
    await waitFor(() => expect(board.columns.slice(0, 3).map((a) => a.id)).toEqual([3, 250, 260]));
    const titles = [...grid.querySelectorAll('[role="columnheader"][title]')].map((h) =>
      h.getAttribute('title'),
    );
    expect(titles.slice(0, 3)).toEqual(['Article number 3', 'Article number 250', 'Article number 260']);
  });

  it('filters by an article typed into the combobox, and keeps the filters per desk across a reload', async () => {
    localStorage.clear();
    const core = wideDesk('/desks/many.claimdesk');
    await desk.refresh();
    await board.reset();
    const { getByTestId } = render(Board);
    const input = getByTestId('filter-article') as HTMLInputElement;
    expect(input.getAttribute('role')).toBe('combobox');

    // Typing narrows the suggestions to a few, with a count of the rest.
    await fireEvent.input(input, { target: { value: 'article number 2' } });
    const options = () => [...document.querySelectorAll('[data-testid="filter-article-option"]')];
    await waitFor(() => expect(options()).toHaveLength(10));
    // "Article number 2", "…20"–"…29", "…200"–"…299": 111 match, 10 shown.
    expect(getByTestId('filter-article-rest').textContent).toContain('101 more');
    await fireEvent.input(input, { target: { value: 'number 250 outlet' } });
    await waitFor(() =>
      expect(options().map((o) => o.querySelector('.label')!.textContent)).toEqual(['Article number 250']),
    );
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(core.called('board:page').some((q) => (q as { articleId?: number }).articleId === 250)).toBe(
        true,
      ),
    );
    expect(board.filters.articleId).toBe(250);
    expect(input.value).toBe('Article number 250');

    // Text that names no article offers nothing, and leaving the box keeps the filter as it was.
    await fireEvent.input(input, { target: { value: 'No such article' } });
    expect(document.body.textContent).toContain('No match for “No such article”');
    await fireEvent.blur(input);
    expect(board.filters.articleId).toBe(250);
    expect(input.value).toBe('Article number 250');

    // "Stated by 2+ articles" asks the core for shared facts only, on top of the article filter.
    await fireEvent.click(getByTestId('filter-shared'));
    await waitFor(() =>
      expect(
        core
          .called('board:page')
          .some((q) => (q as { minArticles?: number; articleId?: number }).minArticles === 2),
      ).toBe(true),
    );
    expect(board.filters).toMatchObject({ articleId: 250, minArticles: 2 });

    // Another desk starts unfiltered; back on this one, the filter is there again.
    board.useDesk('/desks/other.claimdesk');
    expect(board.filters.articleId).toBeUndefined();
    board.useDesk('/desks/many.claimdesk');
    expect(board.filters).toEqual({ articleId: 250, minArticles: 2 });
    board.setFilters({});
  });
});
