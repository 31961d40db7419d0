import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import Reader from './Reader.svelte';
import { desk } from '../state/desk.svelte';
import { conflict } from '../state/conflict.svelte';
import { ui } from '../state/ui.svelte';
import { article, claimAt, conflictDetail, installFakeCore } from '../test/fake-core';
import type { ArticleDetail } from '../../../src-main/shared/views';

afterEach(() => cleanup());

const TEXT = 'Trade reached $594.6 million in 2024.\n\nThe two sides signed seven agreements.';

function detail(): ArticleDetail {
  return {
    ...article(1, 'Trade talks'),
    author: null,
    url: null,
    language: 'en',
    format: 'txt',
    text: TEXT,
    passages: [
      { id: 1, kind: 'paragraph', start: 0, end: 37, boilerplate: false, boilerplateReason: null },
      { id: 2, kind: 'paragraph', start: 39, end: TEXT.length, boilerplate: false, boilerplateReason: null },
    ],
    claims: [claimAt(TEXT, 5, '$594.6 million'), claimAt(TEXT, 6, 'seven agreements', 'count')],
    disputes: [{ claimId: 5, conflictId: 7, kind: 'figure_mismatch', status: 'confirmed' }],
  };
}

describe('the Reader shows conflicts', () => {
  it('marks a disputed claim, puts its conflict in the margin, and opens it from there or the popover', async () => {
    installFakeCore({
      'articles:get': () => detail(),
      'conflicts:get': () => conflictDetail(`${TEXT} Others said $482.1 million.`),
    });
    await desk.select(1, { show: false });
    const { getByTestId, getAllByTestId, container } = render(Reader);
    await waitFor(() => expect(getByTestId('reader-text').textContent).toContain('seven agreements'));
    expect(container.querySelector('[data-claim-id="5"]')!.classList.contains('disputed')).toBe(true);
    expect(container.querySelector('[data-claim-id="6"]')!.classList.contains('disputed')).toBe(false);
    // One marker, beside the paragraph holding the disputed figure, saying what and how far it got.
    const markers = getAllByTestId('passage-conflict');
    expect(markers.map((m) => m.textContent)).toEqual(['⚑ figure mismatch · confirmed']);
    expect(markers[0]!.closest('[data-testid="passage"]')!.textContent).toContain('$594.6 million');

    await fireEvent.click(container.querySelector('[data-claim-id="5"]')!);
    const listed = await waitFor(() => getByTestId('claim-conflicts'));
    expect(listed.textContent).toContain('On 1 conflict:');
    await fireEvent.click(listed.querySelector('button')!);
    await waitFor(() => expect(conflict.openId).toBe(7));
    expect(ui.view).toBe('board');
  });
});
