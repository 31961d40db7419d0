import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

function key(k: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEventInit> = {}) {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...mods };
}

describe('shortcutFor', () => {
  it('maps the review keys', () => {
    expect(['j', 'k', 'Enter', 'c', 'd', 'r', 'n', '/', '?'].map((k) => shortcutFor(key(k)))).toEqual([
      'next',
      'previous',
      'open',
      'confirm',
      'dismiss',
      'resolve',
      'note',
      'search',
      'help',
    ]);
  });

  it('maps the queue keys: next and previous undecided, reopen, compare view', () => {
    expect(['u', 'U', 'o', 'v'].map((k) => shortcutFor(key(k)))).toEqual([
      'nextUndecided',
      'previousUndecided',
      'reopen',
      'compare',
    ]);
    expect(shortcutFor(key('u', document.createElement('input')))).toBeNull();
  });

  it('ignores letters typed into a text field, a textarea or an editable element', () => {
    const input = document.createElement('input');
    const area = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inner = document.createElement('span');
    editable.append(inner);
    for (const target of [input, area, inner]) {
      expect(shortcutFor(key('c', target))).toBeNull();
      expect(shortcutFor(key('d', target))).toBeNull();
      expect(shortcutFor(key('/', target))).toBeNull();
      expect(shortcutFor(key('z', target, { ctrlKey: true }))).toBeNull();
    }
  });

  it('still closes dialogs with Escape from a field', () => {
    expect(shortcutFor(key('Escape', document.createElement('input')))).toBe('close');
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z or Ctrl+Y', () => {
    expect(shortcutFor(key('z', document.body, { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', document.body, { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', document.body, { metaKey: true }))).toBe('redo');
  });

  it('leaves other modified keys to the browser', () => {
    expect(shortcutFor(key('c', document.body, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('r', document.body, { altKey: true }))).toBeNull();
  });
});

describe('Enter', () => {
  it('opens from the board but activates a focused button', () => {
    expect(shortcutFor(key('Enter', document.createElement('div')))).toBe('open');
    expect(shortcutFor(key('Enter', document.createElement('button')))).toBeNull();
  });
});
