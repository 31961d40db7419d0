import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import DraftView from './DraftView.svelte';
import { drafts } from '../state/drafts.svelte';
import { installFakeCore } from '../test/fake-core';
import type { DraftCheck, DraftClaimVerdict, VerdictStatus } from '../../../src-main/shared/draft-views';

afterEach(() => cleanup());

const TEXT = 'Trade reached €412.6 million. The line carries 1,700 containers. It adds 25 scholarships.';

function claim(id: number, quote: string, status: VerdictStatus): DraftClaimVerdict {
  const start = TEXT.indexOf(quote);
  return {
    id,
    kind: 'figure',
    start,
    end: start + quote.length,
    quote,
    sentence: quote,
    sentenceStart: start,
    sentenceEnd: start + quote.length,
    status,
    computed: status,
    why: `why ${id}`,
    agreeingOutlets: status === 'supported' ? 1 : 0,
    disagreeingOutlets: status === 'contradicted' ? 1 : 0,
    sources: [],
    editor: null,
  };
}

function check(): DraftCheck {
  const claims = [
    claim(1, '€412.6 million', 'contradicted'),
    claim(2, '1,700 containers', 'supported'),
    claim(3, '25 scholarships', 'unverified'),
  ];
  return {
    draft: { id: 9, title: 'Our draft', source: 'pasted text', outlet: null, markedAt: '', markedBy: 'Ana' },
    text: TEXT,
    counts: { supported: 1, contradicted: 1, unverified: 1 },
    claims,
    attention: [1, 3],
  };
}

describe('DraftView', () => {
  it('marks each claim with its verdict in words, lists what needs attention and moves with j/k', async () => {
    const core = installFakeCore({
      'drafts:list': () => [check().draft],
      'drafts:check': () => check(),
      'drafts:setVerdict': () => check(),
    });
    await drafts.refresh();
    const { getByTestId, getAllByTestId } = render(DraftView);
    const text = getByTestId('draft-text');
    const labels = [...text.querySelectorAll('button.claim')].map((b) => b.textContent);
    expect(labels).toEqual([
      '€412.6 million✗ Contradicted',
      '1,700 containers✓ Supported',
      '25 scholarships? Unverified',
    ]);
    expect(getAllByTestId('attention-item').map((li) => li.textContent)).toEqual([
      '✗ Contradicted “€412.6 million”',
      '? Unverified “25 scholarships”',
    ]);
    const list = getByTestId('attention-list');
    expect(list.querySelector('[aria-selected="true"]')?.textContent).toContain('€412.6 million');
    await fireEvent.keyDown(list, { key: 'j' });
    await waitFor(() =>
      expect(list.querySelector('[aria-selected="true"]')?.textContent).toContain('25 scholarships'),
    );
    await fireEvent.keyDown(list, { key: 'ArrowUp' });
    await waitFor(() =>
      expect(list.querySelector('[aria-selected="true"]')?.textContent).toContain('€412.6 million'),
    );

    const form = getByTestId('verdict-form');
    await fireEvent.click(form.querySelector('input[value="supported"]')!);
    await fireEvent.input(getByTestId('verdict-note'), { target: { value: 'Checked with the ministry.' } });
    await fireEvent.submit(form);
    await waitFor(() =>
      expect(core.called('drafts:setVerdict')).toEqual([
        { claimId: 1, status: 'supported', note: 'Checked with the ministry.' },
      ]),
    );
  });
});
