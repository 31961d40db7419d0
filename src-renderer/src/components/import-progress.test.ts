import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import ImportStatus from './ImportStatus.svelte';
import { importer } from '../state/importer.svelte';
import { installFakeCore } from '../test/fake-core';
import type { ImportReport } from '../../../src-main/shared/views';

afterEach(() => {
  cleanup();
  importer.closeReport();
});

describe('import progress', () => {
  it('shows n of N files and the file in hand, and Cancel stops the import with a count of what was skipped', async () => {
    let finish: (r: ImportReport) => void = () => {};
    const core = installFakeCore({
      'articles:import': () => new Promise<ImportReport>((resolve) => (finish = resolve)),
      'import:cancel': () => ({ cancelled: true }),
    });
    importer.listen();
    const utils = render(ImportStatus);
    const files = Array.from({ length: 10 }, (_, i) => new File([`Article ${i}.`], `story-${i}.txt`));
    const pending = importer.files(files);

    await waitFor(() => expect(utils.getByTestId('import-progress')).toBeTruthy());
    core.emit('progress', { job: 'import', done: 3, total: 10, label: 'story-3.txt' });
    await waitFor(() => expect(utils.getByRole('status').textContent).toMatch(/3 of 10 files/));
    expect(utils.getByTestId('import-current').textContent).toContain('story-3.txt');
    expect((utils.getByRole('progressbar') as HTMLProgressElement).value).toBe(3);

    await fireEvent.click(utils.getByRole('button', { name: 'Cancel import' }));
    await waitFor(() => expect(core.called('import:cancel')).toHaveLength(1));
    await waitFor(() => expect(utils.getByRole('status').textContent).toMatch(/Cancelling/));
    expect((utils.getByRole('button', { name: 'Cancel import' }) as HTMLButtonElement).disabled).toBe(true);

    // The core stops after the batch in hand and answers the still pending call.
    finish({
      imported: [0, 1, 2, 3].map((i) => ({
        id: i + 1,
        title: `T${i}`,
        source: `story-${i}.txt`,
        claimCount: 1,
      })),
      duplicates: [],
      failed: [],
      cancelled: { remaining: 6 },
    });
    await pending;
    await waitFor(() => expect(utils.queryByTestId('import-progress')).toBeNull());
    const report = utils.getByTestId('import-report');
    expect(report.textContent).toContain('4 imported');
    expect(utils.getByTestId('import-cancelled').textContent).toMatch(/Cancelled: 6 files not imported/);
  });

  it('shows an import started from the desktop menu: its progress, then its report', async () => {
    const core = installFakeCore({});
    importer.listen();
    const utils = render(ImportStatus);
    core.emit('progress', { job: 'import', done: 16, total: 40, label: 'folder/b.docx' });
    await waitFor(() => expect(utils.getByRole('status').textContent).toMatch(/16 of 40 files/));
    core.emit('import:report', {
      imported: [],
      duplicates: [],
      failed: [{ source: 'folder/c.pdf', reason: 'The PDF has no text layer.' }],
    });
    await waitFor(() => expect(utils.getByRole('alert').textContent).toContain('folder/c.pdf'));
    expect(utils.queryByTestId('import-progress')).toBeNull();
  });
});
