/**
 * Who is acting. The window sends its person's name with every call (an HTTP header
 * in the browser mode, a third IPC argument in Electron) so the history records who
 * decided, not a name kept in the desk.
 */
import { DeskError } from './errors';

export const EDITOR_HEADER = 'x-claimdesk-editor';
export const MAX_EDITOR_NAME = 200;

/** The acting editor's name from a transport, or undefined when none was sent. */
export function parseEditorName(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const name = typeof raw === 'string' ? raw.trim() : '';
  const control = [...name].some((c) => c.charCodeAt(0) < 32 || c === '\u007f');
  if (!name || name.length > MAX_EDITOR_NAME || control)
    throw new DeskError(
      'invalid_input',
      `The editor name must be 1 to ${MAX_EDITOR_NAME} characters of text, without line breaks.`,
    );
  return name;
}
