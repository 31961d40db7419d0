/**
 * What a window asks for first when it opens a desk: the article columns and the
 * board's first page. Read once right after the desk is opened, while the window
 * is still loading its code, so that on a desk of a thousand articles the first
 * answers come from warm caches (SQLite's pages, the article list, compiled
 * statements and code) instead of a cold start.
 */
import type { Db } from '../db/open';
import { articleSummaries, boardPage } from './queries';

/** The board's first page as the window asks for it with no filter kept (see board.svelte.ts). */
export const FIRST_PAGE = { offset: 0, limit: 40, sort: 'conflict', withArticles: 'page' } as const;

/**
 * Runs the first queries in two steps, yielding to the event loop between them
 * so a request that arrives meanwhile is not held up by the second. Never throws:
 * a desk that cannot answer will say so to the window's own request.
 */
export function warmDesk(db: () => Db | null, step: (fn: () => void) => void = setImmediate): void {
  step(() => {
    try {
      const d = db();
      if (d) articleSummaries(d);
    } catch {
      return;
    }
    step(() => {
      try {
        const d = db();
        if (d) boardPage(d, FIRST_PAGE);
      } catch {
        // The window's own request reports it.
      }
    });
  });
}
