import { describe, expect, it } from 'vitest';
import { nextSteps } from './undo-stack';
import type { HistoryEntry } from '../../../src-main/shared/views';

let nextId = 1;
function entry(action: string, summary = action): HistoryEntry {
  return { id: nextId++, at: '', actor: 'Ed', action, targetType: 'conflict', targetId: 1, summary };
}
/** history:list answers newest first. */
const newestFirst = (...oldestFirst: HistoryEntry[]) => [...oldestFirst].reverse();

describe('nextSteps', () => {
  it('names the newest action for Undo and the newest undone one for Redo', () => {
    const confirm = entry('conflict:confirmed', 'Confirmed conflict 7');
    const dismiss = entry('conflict:dismissed', 'Dismissed conflict 9');
    const list = newestFirst(entry('import'), confirm, dismiss, entry('undo'));
    const steps = nextSteps(list, true);
    expect(steps.undo).toBe(confirm);
    expect(steps.redo).toBe(dismiss);
  });

  it('knows there is nothing to undo on a full history of imports, and that a new action clears Redo', () => {
    expect(nextSteps(newestFirst(entry('import'), entry('detect')), true)).toEqual({
      undo: 'none',
      redo: 'none',
    });
    const a = entry('note:add', 'Added a note to conflict 3');
    const b = entry('claim:move', 'Moved claim 4');
    const steps = nextSteps(newestFirst(a, entry('undo'), b), true);
    expect(steps.undo).toBe(b);
    expect(steps.redo).toBe('none');
  });

  it('says "unknown" when the step reaches past the newest entries it was given', () => {
    const older = nextSteps(newestFirst(entry('undo'), entry('undo')), false);
    expect(older).toEqual({ undo: null, redo: null });
    const redone = entry('fact:merge', 'Merged facts into fact 2');
    const steps = nextSteps(newestFirst(redone, entry('undo'), entry('redo')), false);
    expect(steps.undo).toBe(redone);
    // The action in the list emptied Redo, whatever came before it.
    expect(steps.redo).toBe('none');
  });
});
