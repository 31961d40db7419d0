import './test/jsdom-shims';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import App from './App.svelte';
import { article, boardRows, deskInfo, installFakeCore } from './test/fake-core';
import { conflict } from './state/conflict.svelte';
import { search } from './state/search.svelte';
import { ui } from './state/ui.svelte';

beforeEach(() => {
  conflict.close();
  ui.close();
  ui.view = 'board';
});
afterEach(() => {
  search.clear();
  cleanup();
});

const TEXT = 'The ministers met on Tuesday. Trade between the two ports reached $41 million last year.';

function searchDesk() {
  return installFakeCore({
    'desk:info': () => deskInfo(),
    'articles:list': () => [article(1, 'Harbour talks'), article(2, 'Port deal')],
    'articles:get': (({ id }: { id: number }) => ({
      ...article(id, id === 1 ? 'Harbour talks' : 'Port deal'),
      author: null,
      url: null,
      language: 'en',
      format: 'txt',
      text: TEXT,
      passages: [],
      claims: [],
    })) as never,
    'settings:get': () => ({ editorName: 'Ed' }),
    'entities:list': () => [],
    'history:list': () => [],
    'board:page': ((q: { offset: number; query?: string }) => {
      // Only fact 2 has a claim about trade.
      const rows = boardRows(0, 3, 3).filter((r) => !q.query || r.fact.id === 2);
      return {
        total: rows.length,
        offset: q.offset,
        rows,
        articles: [article(1, 'Harbour talks'), article(2, 'Port deal')],
      };
    }) as never,
    'search:query': (() => [
      {
        type: 'passage',
        id: 5,
        articleId: 2,
        articleTitle: 'Port deal',
        text: 'Trade between the two ports reached $41 million last year.',
        start: TEXT.indexOf('Trade'),
        end: TEXT.length,
      },
    ]) as never,
  });
}

describe('search', () => {
  it('narrows the board as the editor types, and Enter opens the hit in the reader, highlighted for a moment', async () => {
    const core = searchDesk();
    const utils = render(App);
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));

    const box = utils.getByRole('combobox', { name: 'Search claims and passages' });
    box.focus();
    await fireEvent.input(box, { target: { value: 'trade' } });
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(1));
    expect(utils.getByTestId('board-row').textContent).toContain('Fact number 2');
    expect(core.called('board:page').at(-1)).toMatchObject({ query: 'trade', offset: 0 });
    await waitFor(() => expect(utils.getByTestId('search-results').textContent).toContain('1 match'));

    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    await fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(utils.getByTestId('reader-title').textContent).toContain('Port deal'));
    const hit = await waitFor(() => {
      const el = utils.getByTestId('reader-text').querySelector('.hit');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(hit.textContent).toContain('Trade between');
    await waitFor(() => expect(scrolled.mock.contexts).toContain(hit));
    scrolled.mockRestore();
    // The highlight fades: a moment later the passage reads as plain text again.
    await waitFor(() => expect(utils.getByTestId('reader-text').querySelector('.hit')).toBeNull(), {
      timeout: 4000,
    });

    // Clearing the box gives the whole board back.
    await fireEvent.input(box, { target: { value: '' } });
    ui.view = 'board';
    await waitFor(() => expect(utils.getAllByTestId('board-row')).toHaveLength(3));
  });
});
