/**
 * A growth conflict's sides read as an editor would say them: the direction the wording
 * gives, with the change its figures show, never one of the figures standing in for it.
 */
import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import CompareView from './CompareView.svelte';
import { article, claimAt, conflictDetail } from '../test/fake-core';
import { sideSummaries } from '../lib/side-summary';
import type { ClaimValue } from '../../../src-main/shared/model';
import type { ConflictSideView } from '../../../src-main/shared/views';

afterEach(() => cleanup());

const TEXT =
  'Port traffic grew strongly, the minister said. Traffic was up again, the authority said. ' +
  'Cargo volumes rose, traders said. The port handled 594,600 containers in 2022 and 570,200 in 2023. ' +
  'Traffic has fallen lately, a union said. Port fees brought $594.6 million, or $482.1 million by another count.';

const up = (display: string): ClaimValue => ({
  type: 'trend',
  direction: 'up',
  metric: 'port traffic',
  window: null,
  display,
});

const containers = (count: number, period: string): ClaimValue =>
  ({
    type: 'count',
    count,
    noun: 'containers',
    approx: 'exact',
    period,
    display: `${count.toLocaleString('en')} containers (${period})`,
  }) as unknown as ClaimValue;

let nextId = 1;
function side(s: 'a' | 'b', quote: string, value: ClaimValue, articleId: number): ConflictSideView {
  const claim = claimAt(TEXT, nextId++, quote, value.type === 'trend' ? 'trend' : 'count');
  return {
    side: s,
    claim: { ...claim, articleId, value },
    article: article(articleId, `Article ${articleId}`, { outlet: `Outlet ${articleId}` }),
    context: { start: 0, end: TEXT.length, text: TEXT },
  };
}

/** Growth wording from three articles against one article's figures, its figures listed first. */
function growthAgainstFigures(extraWording = false) {
  return conflictDetail(TEXT, {
    kind: 'trend_contradiction',
    sides: [
      side('a', 'grew strongly', up('port traffic ↑'), 1),
      side('a', 'was up again', up('port traffic ↑ again'), 2),
      side('a', 'rose', up('cargo volumes ↑'), 3),
      side('b', '594,600 containers', containers(594_600, '2022'), 4),
      side('b', '570,200', containers(570_200, '2023'), 4),
      ...(extraWording
        ? [side('b', 'has fallen', { ...up('port traffic ↓'), direction: 'down' } as ClaimValue, 5)]
        : []),
    ],
  });
}

describe('a growth conflict’s side labels', () => {
  it('read “rose (3 articles)” against “fell 4.1% … (1 article)”, not a figure', () => {
    expect(sideSummaries(growthAgainstFigures())).toEqual({
      a: 'rose (3 articles)',
      b: 'fell 4.1% from 2022 to 2023 (1 article)',
    });
  });

  it('give the wording’s direction with the figures’ change when a side has both', () => {
    expect(sideSummaries(growthAgainstFigures(true)).b).toBe('fell 4.1% from 2022 to 2023 (2 articles)');
  });

  it('show in the compare view with the number of articles, not of claims', () => {
    const { getAllByTestId } = render(CompareView, { detail: growthAgainstFigures() });
    const values = getAllByTestId('compare-value').map((v) => v.textContent?.replace(/\s+/g, ' ').trim());
    expect(values).toEqual(['rose 3 articles', 'fell 4.1% from 2022 to 2023 1 article']);
  });

  it('leave other conflicts’ sides as their values', () => {
    expect(sideSummaries(conflictDetail(TEXT))).toEqual({
      a: null,
      b: null,
    });
  });
});
