/**
 * An editor's corrections to an article's details: title, outlet, author, publication
 * date and web address. Every citation in the notes and every ClaimReview is built on
 * them, so a wrong outlet or a caption taken for a title must be fixable, and like every
 * editor action the change goes into the history and can be undone.
 *
 * Only the detail columns are recorded, before and after: the article's text (which may
 * be megabytes) never enters the history, and undo writes back just these columns.
 */
import type { Db } from '../db/open';
import { DeskError } from '../../shared/errors';
import { evidenceUrlProblem } from '../../shared/evidence';
import { publishedAtProblem } from '../../shared/human-date';
import { recordAction, type RowChange } from './history';

export interface ArticleMetaPatch {
  id: number;
  title?: string | undefined;
  outlet?: string | null | undefined;
  author?: string | null | undefined;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when the article states none. */
  publishedAt?: string | null | undefined;
  url?: string | null | undefined;
}

const COLUMNS = ['title', 'outlet', 'author', 'published_at', 'url'] as const;
type MetaRow = Record<(typeof COLUMNS)[number], string | null> & { id: number };

/** A publication date an editor typed, checked: a real day, month or year. */
export function checkPublishedAt(d: string): string {
  const problem = publishedAtProblem(d);
  if (problem) throw new DeskError('invalid_input', problem);
  return d;
}

function readMeta(db: Db, id: number): MetaRow {
  const row = db.prepare(`SELECT id, ${COLUMNS.join(', ')} FROM articles WHERE id = ?`).get(id) as
    MetaRow | undefined;
  if (!row) throw new DeskError('not_found', `No article ${id} on this desk.`);
  return row;
}

/** Checks the patch and returns the columns it changes; throws naming the first bad field. */
function changes(patch: ArticleMetaPatch): Partial<MetaRow> {
  const out: Partial<MetaRow> = {};
  const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  if (patch.title !== undefined) {
    const title = patch.title.trim();
    if (!title) throw new DeskError('invalid_input', 'An article needs a title.');
    out.title = title;
  }
  const outlet = text(patch.outlet);
  if (outlet !== undefined) out.outlet = outlet;
  const author = text(patch.author);
  if (author !== undefined) out.author = author;
  const date = text(patch.publishedAt);
  if (date !== undefined) out.published_at = date === null ? null : checkPublishedAt(date);
  const url = text(patch.url);
  if (url !== undefined) {
    const problem = url === null ? null : evidenceUrlProblem(url);
    if (problem) throw new DeskError('invalid_input', `Article address: ${problem}`);
    out.url = url === null ? null : new URL(url).href;
  }
  return out;
}

/**
 * What else a new publication date changes (the claims read against it), done inside the
 * edit's transaction; the rows it returns are recorded with the edit.
 */
export type OnDateChange = (
  articleId: number,
  from: string | null,
  to: string | null,
) => { before: RowChange[]; after: RowChange[] };

/** Applies the patch in one transaction and records it; returns whether anything changed. */
export function updateArticleMeta(
  db: Db,
  actor: string,
  patch: ArticleMetaPatch,
  onDateChange?: OnDateChange,
): boolean {
  const set = changes(patch);
  return db
    .transaction(() => {
      const before = readMeta(db, patch.id);
      const cols = COLUMNS.filter((c) => c in set && set[c] !== before[c]);
      if (cols.length === 0) return false;
      db.prepare(`UPDATE articles SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...cols.map((c) => set[c] ?? null),
        patch.id,
      );
      const after = readMeta(db, patch.id);
      const dated =
        cols.includes('published_at') && onDateChange
          ? onDateChange(patch.id, before.published_at, after.published_at)
          : { before: [], after: [] };
      const row = (r: MetaRow): RowChange => ({ table: 'articles', key: { id: r.id }, row: { ...r } });
      recordAction(db, {
        actor,
        action: 'article:update',
        targetType: 'article',
        targetId: patch.id,
        before: [row(before), ...dated.before],
        after: [row(after), ...dated.after],
      });
      return true;
    })
    .immediate();
}
