import '../test/jsdom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import TopBar from './TopBar.svelte';
import { history } from '../state/history.svelte';
import { installFakeCore } from '../test/fake-core';
import type { HistoryEntry } from '../../../src-main/shared/views';

afterEach(() => cleanup());

describe('Undo and Redo buttons', () => {
  it('say in their tooltip what they would take back, and stay enabled', async () => {
    const confirmed: HistoryEntry = {
      id: 4,
      at: '2025-03-11T10:00:00Z',
      actor: 'Ed',
      action: 'conflict:confirmed',
      targetType: 'conflict',
      targetId: 7,
      summary: 'Confirmed conflict 7',
    };
    let log: HistoryEntry[] = [confirmed];
    const core = installFakeCore({
      'history:list': () => [...log].reverse(),
      'history:undo': () => {
        log = [...log, { ...confirmed, id: 5, action: 'undo', summary: 'Undid conflict 7' }];
        return { entry: confirmed };
      },
    });
    const utils = render(TopBar);
    await history.load();
    const undo = utils.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    const redo = utils.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    await waitFor(() => expect(undo.title).toBe('Undo: Confirmed conflict 7 (Ctrl+Z)'));
    expect(redo.title).toBe('Nothing to redo (Ctrl+Shift+Z)');
    expect(redo.disabled).toBe(false);

    await fireEvent.click(undo);
    await waitFor(() => expect(redo.title).toBe('Redo: Confirmed conflict 7 (Ctrl+Shift+Z)'));
    expect(undo.title).toBe('Nothing to undo (Ctrl+Z)');
    expect(core.called('history:undo')).toHaveLength(1);
  });
});
