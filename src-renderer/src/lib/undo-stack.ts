/**
 * What Undo and Redo would take back, replayed from the newest history entries
 * the way the core replays its log: an action goes on the undo stack (and clears
 * redo), an undo moves the newest action to the redo stack, a redo moves it back.
 * The list is only the newest entries, so an answer may be unknown (null).
 */
import type { HistoryEntry } from '../../../src-main/shared/views';

/** Entries that are not editor actions: never on either stack. */
const NOT_UNDOABLE = new Set(['import', 'detect', 'extract']);

export interface NextSteps {
  /** The action Undo would take back; null when unknown; 'none' when there is nothing. */
  undo: HistoryEntry | null | 'none';
  redo: HistoryEntry | null | 'none';
}

/**
 * @param newestFirst history:list's answer
 * @param complete true when the list holds the whole history (fewer entries than asked for)
 */
export function nextSteps(newestFirst: HistoryEntry[], complete: boolean): NextSteps {
  // null stands for an action older than the list: it exists, but its summary is unknown.
  const done: (HistoryEntry | null)[] = [];
  const undone: (HistoryEntry | null)[] = [];
  let doneFloor = complete ? 0 : Infinity;
  let undoneKnown = complete;
  for (const e of [...newestFirst].reverse()) {
    if (e.action === 'undo') {
      if (done.length > 0) undone.push(done.pop()!);
      else if (doneFloor > 0) {
        doneFloor--;
        undone.push(null);
      }
    } else if (e.action === 'redo') {
      if (undone.length > 0) done.push(undone.pop()!);
      else if (!undoneKnown) done.push(null);
    } else if (!NOT_UNDOABLE.has(e.action)) {
      done.push(e);
      undone.length = 0;
      // A new action empties the redo stack, whatever came before the list.
      undoneKnown = true;
    }
  }
  const top = <T>(stack: (T | null)[], known: boolean): T | null | 'none' =>
    stack.length > 0 ? (stack.at(-1) ?? null) : known ? 'none' : null;
  return { undo: top(done, doneFloor === 0), redo: top(undone, undoneKnown) };
}
