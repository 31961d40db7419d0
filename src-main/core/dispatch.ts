/**
 * One entry point for both transports: raw method name and raw input in, a
 * `Result` out. Unknown methods and invalid input are refused here, before any
 * handler runs, with the same messages over IPC and HTTP.
 */
import {
  isMethod,
  parseInput,
  toErrorResult,
  type Handlers,
  type MethodName,
  type Result,
} from '../shared/contract';
import { DeskError } from '../shared/errors';
import { parseEditorName } from '../shared/editor';
import { explainReadOnly } from './db/read-only';

/** What a transport knows of the caller: the acting editor's name, as sent. */
export interface Caller {
  editor?: unknown;
}

export type Dispatch = (method: unknown, raw: unknown, caller?: Caller) => Promise<Result<unknown>>;

/** Runs one call as the named editor (the service's `actingAs`). */
export type ActingAs = <T>(editor: string | undefined, run: () => T) => T;

export function createDispatch(handlers: Handlers, actingAs?: ActingAs): Dispatch {
  return async (method, raw, caller) => {
    try {
      if (!isMethod(method)) {
        throw new DeskError(
          'unknown_method',
          `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}.`,
        );
      }
      const input = parseInput(method, raw);
      const editor = parseEditorName(caller?.editor);
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await (actingAs ? actingAs(editor, () => handler(input)) : handler(input));
      return { ok: true, value: value ?? null };
    } catch (err) {
      // A write on a desk opened read-only is the user's situation, not a fault: it gets
      // the clear message rather than SQLite's text and a 500.
      return toErrorResult(explainReadOnly(err));
    }
  };
}

export type { MethodName };
