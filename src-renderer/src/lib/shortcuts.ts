/**
 * Keyboard shortcuts as data: one pure function maps a key event to an action so
 * the rules (ignore keys while typing, modifiers) are tested without a window.
 */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'nextUndecided'
  | 'previousUndecided'
  | 'reopen'
  | 'compare'
  | 'open'
  | 'confirm'
  | 'dismiss'
  | 'resolve'
  | 'note'
  | 'tick'
  | 'search'
  | 'help'
  | 'undo'
  | 'redo'
  | 'close';

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'j / ↓', action: 'Next row' },
  { keys: 'k / ↑', action: 'Previous row' },
  { keys: 'u / Shift+U', action: 'Next / previous undecided conflict' },
  { keys: 'Enter', action: 'Open the selected row’s conflict' },
  { keys: 'v', action: 'Compare view: the conflict’s values side by side' },
  { keys: 'c', action: 'Confirm the conflict' },
  { keys: 'd', action: 'Dismiss the conflict (asks a reason)' },
  { keys: 'r', action: 'Resolve: which value is right' },
  { keys: 'o', action: 'Reopen a decided conflict' },
  { keys: 'n', action: 'Add a note' },
  { keys: 'x', action: 'Tick the selected row (to merge, flag or export)' },
  { keys: '/', action: 'Search' },
  { keys: 'Ctrl+Z', action: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'Redo' },
  { keys: '?', action: 'This list' },
  { keys: 'Esc', action: 'Close a dialog or panel' },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
}

/** True when the key goes to a field the user is typing in. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  // Checkboxes and radios take no text, so shortcuts still apply there.
  return (
    el.closest(
      'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select, [contenteditable]:not([contenteditable="false"])',
    ) !== null
  );
}

function isControl(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('button, a[href], summary, [role="button"], [role="option"]') !== null;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape') return 'close';
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    // Inside a text field Ctrl+Z belongs to the field's own undo.
    if (isTyping(e.target)) return null;
    if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (k === 'y') return 'redo';
    return null;
  }
  if (mod || e.altKey || isTyping(e.target)) return null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case 'Enter':
      // Enter on a button or link activates it.
      return isControl(e.target) ? null : 'open';
    case 'u':
      return 'nextUndecided';
    case 'U':
      return 'previousUndecided';
    case 'o':
      return 'reopen';
    case 'v':
      return 'compare';
    case 'c':
      return 'confirm';
    case 'd':
      return 'dismiss';
    case 'r':
      return 'resolve';
    case 'n':
      return 'note';
    case 'x':
      return 'tick';
    case '/':
      return 'search';
    case '?':
      return 'help';
    default:
      return null;
  }
}
