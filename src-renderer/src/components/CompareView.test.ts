import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import CompareView from './CompareView.svelte';
import { article, claimAt, conflictDetail } from '../test/fake-core';
import type { ConflictSideView } from '../../../src-main/shared/views';

afterEach(() => cleanup());

const TEXT =
  'Exports rose to $594.6 million in 2024. Later, officials said trade was $482.1 million in 2024.';

function side(s: 'a' | 'b', id: number, quote: string, artId: number, outlet: string): ConflictSideView {
  const claim = { ...claimAt(TEXT, id, quote), articleId: artId };
  const sentence = quote.startsWith('$594')
    ? 'Exports rose to $594.6 million in 2024.'
    : 'Trade was $482.1 million in 2024.';
  return {
    side: s,
    claim: { ...claim, sentence, value: { ...claim.value, display: `${quote} (value)` } },
    article: article(artId, `Article ${artId}`, { outlet }),
    context: { start: 0, end: TEXT.length, text: TEXT },
  };
}

describe('CompareView', () => {
  it('groups each side into value clusters with their outlets, marks the claim, and diffs the wordings', () => {
    const detail = conflictDetail(TEXT, {
      sides: [
        side('a', 1, '$594.6 million', 1, 'Daily Ledger'),
        side('a', 2, '$594.6 million', 2, 'Evening Post'),
        side('b', 3, '$482.1 million', 3, 'Harbour Times'),
      ],
    });
    const { getAllByTestId, getByRole } = render(CompareView, { detail });
    // Two clusters, one per value; side A's holds two articles from two outlets.
    const values = getAllByTestId('compare-value').map((v) => v.textContent?.replace(/\s+/g, ' ').trim());
    expect(values).toEqual(['$594.6 million (value) 2 articles', '$482.1 million (value) 1 article']);
    expect(getAllByTestId('compare-outlets').map((o) => o.textContent)).toEqual([
      'Daily Ledger, Evening Post',
      'Harbour Times',
    ]);
    expect(getByRole('region', { name: /Side A/ })).toBeTruthy();
    // Each passage marks its own claim.
    const marked = getAllByTestId('compare-context').map((c) => c.querySelector('mark')?.textContent);
    expect(marked).toEqual(['$594.6 million', '$594.6 million', '$482.1 million']);
    // The wording diff marks the words the other side's wording does not have, not the shared ones.
    const diffA = [...getAllByTestId('compare-wording')[0].querySelectorAll('mark.diff')].map(
      (m) => m.textContent,
    );
    expect(diffA.join(' ')).toContain('Exports');
    expect(diffA.join(' ')).toContain('$594.6');
    expect(diffA.join(' ')).not.toContain('2024');
  });
});

describe('PaneSplitter', () => {
  it('widens and narrows the compare pane with the arrow keys, within bounds, and keeps the width', async () => {
    const { default: PaneSplitter } = await import('./PaneSplitter.svelte');
    const { review } = await import('../state/review.svelte');
    review.setPaneWidth(640);
    const { getByRole } = render(PaneSplitter);
    const handle = getByRole('separator', { name: 'Compare pane width' });
    await fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(handle.getAttribute('aria-valuenow')).toBe('664');
    await fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    expect(handle.getAttribute('aria-valuenow')).toBe('584');
    await fireEvent.keyDown(handle, { key: 'End' });
    expect(handle.getAttribute('aria-valuenow')).toBe('320');
    await fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(handle.getAttribute('aria-valuenow')).toBe('320');
    expect(localStorage.getItem('claimdesk.review.paneWidth')).toBe('320');
  });
});
