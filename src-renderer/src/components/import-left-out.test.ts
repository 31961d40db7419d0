import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import ImportStatus from './ImportStatus.svelte';
import Welcome from './Welcome.svelte';
import { importer } from '../state/importer.svelte';
import { installFakeCore } from '../test/fake-core';

afterEach(() => {
  cleanup();
  importer.closeReport();
});

describe('an import whose matching left a claim out', () => {
  it('names the claim’s article and says what to do, beside what was imported', async () => {
    installFakeCore({
      'articles:import': () => ({
        imported: [{ id: 6, title: 'Flood wall', source: 'council.txt', claimCount: 3 }],
        duplicates: [],
        failed: [],
        leftOut: [
          {
            claimId: 10,
            articleId: 1,
            article: 'Talks in Velgrad',
            reason:
              'its stored value is damaged (amount: missing); it was left out of matching. Open the article to correct or delete the claim.',
          },
        ],
      }),
      'desk:info': () => {
        throw new Error('not needed');
      },
    });
    const welcome = render(Welcome);
    const status = render(ImportStatus);
    const input = welcome.getByTestId('welcome-import-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['The wall cost €18 million.'], 'council.txt', { type: 'text/plain' })],
    });
    await fireEvent.change(input);
    const leftOut = await waitFor(() => status.getByTestId('import-left-out'));
    expect(leftOut.getAttribute('role')).toBe('alert');
    expect(leftOut.textContent).toContain('Talks in Velgrad');
    expect(leftOut.textContent).toContain('correct or delete the claim');
    expect(status.getByTestId('import-report').textContent).toContain('1 imported');
  });
});
