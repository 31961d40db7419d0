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
import { explainReadOnly } from './db/read-only';

export type Dispatch = (method: unknown, raw: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, raw) => {
    try {
      if (!isMethod(method)) {
        throw new DeskError(
          'unknown_method',
          `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}.`,
        );
      }
      const input = parseInput(method, raw);
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(input);
      return { ok: true, value: value ?? null };
    } catch (err) {
      // A write on a desk opened read-only is the user's situation, not a fault: it gets
      // the clear message rather than SQLite's text and a 500.
      return toErrorResult(explainReadOnly(err));
    }
  };
}

export type { MethodName };
