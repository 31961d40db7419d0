import { describe, expect, it } from 'vitest';
import { board } from './board.svelte';
import { article, installFakeCore } from '../test/fake-core';

describe('board columns', () => {
  it('keeps hidden, pinned and reordered columns per desk across a reload', async () => {
    installFakeCore({
      'board:page': () => ({
        total: 0,
        offset: 0,
        rows: [],
        articles: [article(1, 'One'), article(2, 'Two'), article(3, 'Three')],
      }),
    });
    localStorage.clear();
    board.useDesk('/desks/a.claimdesk');
    await board.reset();
    expect(board.columns.map((a) => a.title)).toEqual(['One', 'Two', 'Three']);

    board.moveColumn(1, 1);
    board.setHidden(2, true);
    board.setPinned(3, true);
    expect(board.columns.map((a) => a.title)).toEqual(['Three', 'One']);

    // Another desk has its own layout; coming back restores this one from storage.
    board.useDesk('/desks/b.claimdesk');
    expect(board.columns.map((a) => a.title)).toEqual(['One', 'Two', 'Three']);
    board.useDesk('/desks/a.claimdesk');
    expect(board.columns.map((a) => a.title)).toEqual(['Three', 'One']);
    expect(board.columnSettings.map((c) => [c.article.title, c.hidden, c.pinned])).toEqual([
      ['Two', true, false],
      ['One', false, false],
      ['Three', false, true],
    ]);
  });
});
