/**
 * What every part of the desk service shares: its options, the event emitter type, and yielding to
 * the event loop. Part of the desk service (desk-service.ts), which holds the open desk and its
 * state.
 */
import { DeskError } from '../../shared/errors';
import type { DeskEvents } from '../../shared/views';
import { type ReaderOptions } from '../ingest/reader';

export type Emit = <E extends keyof DeskEvents>(event: E, payload: DeskEvents[E]) => void;

export interface ServiceOptions {
  /** Where the list of recent desks is kept; none when absent. */
  recentFile?: string;
  /** Folder of the sample articles. */
  samplesDir?: string;
  /** Who acts when a call names nobody (the operating system's user name). */
  defaultActor?: string;
  /** Who acts in this session when a call names nobody (one command's --editor). */
  actor?: string;
  /** Time and memory budgets for reading each import file. */
  reader?: ReaderOptions;
}

export function reasonOf(err: unknown): string {
  if (err instanceof DeskError) return err.message;
  return `could not be imported: ${err instanceof Error ? err.message : String(err)}`;
}

export function yieldToLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
