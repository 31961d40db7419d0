import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import Reader from './Reader.svelte';
import ConflictPanel from './ConflictPanel.svelte';
import { desk } from '../state/desk.svelte';
import { conflict } from '../state/conflict.svelte';
import { article, claimAt, conflictDetail, installFakeCore } from '../test/fake-core';
import type { ArticleDetail } from '../../../src-main/shared/views';

afterEach(() => cleanup());

const HOSTILE =
  'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> trade hit $594.6 million.';

function detail(): ArticleDetail {
  return {
    ...article(1, 'A <b>bold</b> title'),
    author: null,
    url: null,
    language: 'en',
    format: 'txt',
    text: HOSTILE,
    passages: [
      {
        id: 1,
        kind: 'paragraph',
        start: 0,
        end: HOSTILE.length,
        boilerplate: false,
        boilerplateReason: null,
      },
    ],
    claims: [claimAt(HOSTILE, 5, '$594.6 million')],
    disputes: [],
  };
}

describe('untrusted text stays text', () => {
  it('shows a <script> in an article as visible characters in the reader, never as markup', async () => {
    installFakeCore({ 'articles:get': () => detail() });
    await desk.select(1, { show: false });
    const { getByTestId, container } = render(Reader);
    await waitFor(() => expect(getByTestId('reader-text').textContent).toContain(HOSTILE));
    // The runs carry their offsets and join back into the exact stored text.
    const runs = [...container.querySelectorAll<HTMLElement>('[data-start]')];
    expect(runs.map((r) => r.textContent).join('')).toBe(HOSTILE);
    for (const r of runs) expect(HOSTILE.startsWith(r.textContent!, Number(r.dataset.start))).toBe(true);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(getByTestId('reader-title').textContent).toBe('A <b>bold</b> title');
    // The claim is highlighted over exactly its quote.
    expect(container.querySelector('[data-claim-id="5"]')?.textContent).toBe('$594.6 million');
  });

  it('shows a <script> in a note and in a passage of the conflict view as text', async () => {
    installFakeCore({
      'conflicts:get': () =>
        conflictDetail(`Trade hit $594.6 million <script>x()</script> or $482.1 million.`, {
          notes: [
            {
              id: 1,
              targetType: 'conflict',
              targetId: 7,
              body: '<script>steal()</script>',
              editor: 'Ed',
              createdAt: '2025-05-09T10:00:00Z',
            },
          ],
        }),
    });
    await conflict.open(7);
    const { getByTestId, getAllByTestId, container } = render(ConflictPanel);
    await waitFor(() =>
      expect(getByTestId('conflict-notes').textContent).toContain('<script>steal()</script>'),
    );
    expect(container.querySelector('script')).toBeNull();
    const [sideA, sideB] = getAllByTestId('conflict-context');
    expect(sideA.textContent).toContain('<script>x()</script>');
    expect(sideA.querySelector('mark')?.textContent).toBe('$594.6 million');
    expect(sideB.querySelector('mark')?.textContent).toBe('$482.1 million');
  });
});
