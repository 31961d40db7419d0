/**
 * Exports of a desk, one function per format, and `runExport`, which builds any of
 * them as the ExportFile the window saves or downloads (the `export:run` method) and
 * the CLI writes to disk.
 */
import type { Db } from '../db/open';
import type { ExportFile } from '../../shared/views';
import type { ExportOptions } from './model';
import { exportHtml, exportMarkdown, type NotesOptions } from './notes';
import { exportClaimsCsv, exportConflictsCsv } from './csv';
import { exportWebAnnotations } from './web-annotation';
import { claimReviewReport, type ClaimReviewOptions } from './claim-review';
import { exportBackup } from './backup';
import { DeskError } from '../../shared/errors';

export type { ExportOptions } from './model';
export {
  exportHtml,
  exportMarkdown,
  renderHtml,
  renderMarkdown,
  formatDate,
  type NotesOptions,
} from './notes';
export { exportClaimsCsv, exportConflictsCsv, csvCell } from './csv';
export { exportWebAnnotations } from './web-annotation';
export { exportClaimReview, claimReviewReport } from './claim-review';
export { checkClaimReview, claimReviewAdvice, type ReviewGap } from './claimreview-check';
export { exportBackup, restoreBackup, inspectBackup } from './backup';

export type ExportFormat =
  'md' | 'html' | 'csv-claims' | 'csv-conflicts' | 'webanno' | 'claimreview' | 'backup';

export interface RunExportInput extends ExportOptions, ClaimReviewOptions, Omit<NotesOptions, 'story'> {
  format: ExportFormat;
  /** As in `export:run`: 'desk' ignores the ids; 'article' and 'selection' need them. */
  scope?: 'desk' | 'article' | 'selection';
  /** Used to name the file: "<desk>-notes-<date>.md". */
  deskName?: string;
  /** The desk file, named in the commands the ClaimReview warnings suggest. */
  deskPath?: string;
}

function stem(input: RunExportInput): string {
  const desk =
    (input.deskName ?? 'claimdesk').replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'claimdesk';
  return `${desk}-${new Date().toISOString().slice(0, 10)}`;
}

export function runExport(db: Db, input: RunExportInput): ExportFile {
  const scope = input.scope ?? (input.conflictIds ? 'selection' : input.articleIds ? 'article' : 'desk');
  if (scope === 'article' && !input.articleIds?.length) {
    throw new DeskError('invalid_input', 'Choose the article to export.');
  }
  if (scope === 'selection' && !input.conflictIds?.length && !input.articleIds?.length) {
    throw new DeskError('invalid_input', 'Select the conflicts or articles to export.');
  }
  const opts: ExportOptions = {
    includeDismissed: input.includeDismissed,
    ...(input.editor ? { editor: input.editor } : {}),
  };
  if (scope !== 'desk') {
    if (input.articleIds?.length) opts.articleIds = input.articleIds;
    if (scope === 'selection' && input.conflictIds?.length) opts.conflictIds = input.conflictIds;
  }
  const base = stem(input);
  const notes: NotesOptions = {
    ...opts,
    story: (input.deskName ?? 'Claimdesk').replace(/\.[^.]+$/, ''),
    ...(input.statuses ? { statuses: input.statuses } : {}),
    ...(input.hideDismissed !== undefined ? { hideDismissed: input.hideDismissed } : {}),
    ...(input.appendix !== undefined ? { appendix: input.appendix } : {}),
    ...(input.now ? { now: input.now } : {}),
  };
  const text = (filename: string, mime: string, data: string): ExportFile => ({
    filename,
    mime,
    encoding: 'utf8',
    data,
  });
  switch (input.format) {
    case 'md':
      return text(`${base}-notes.md`, 'text/markdown; charset=utf-8', exportMarkdown(db, notes));
    case 'html':
      return text(`${base}-notes.html`, 'text/html; charset=utf-8', exportHtml(db, notes));
    case 'csv-claims':
      return text(`${base}-claims.csv`, 'text/csv; charset=utf-8', exportClaimsCsv(db, opts));
    case 'csv-conflicts':
      return text(`${base}-conflicts.csv`, 'text/csv; charset=utf-8', exportConflictsCsv(db, opts));
    case 'webanno':
      return text(
        `${base}-annotations.jsonld`,
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        exportWebAnnotations(db, opts),
      );
    case 'claimreview': {
      const review: ClaimReviewOptions = {
        ...(input.reviewUrl ? { reviewUrl: input.reviewUrl } : {}),
        ...(input.organisation ? { organisation: input.organisation } : {}),
      };
      const { data, warnings } = claimReviewReport(db, {
        ...opts,
        ...review,
        ...(input.deskPath ? { deskPath: input.deskPath } : {}),
      });
      const file = text(`${base}-claimreview.jsonld`, 'application/ld+json', data);
      return warnings.length ? { ...file, warnings } : file;
    }
    case 'backup':
      // The whole desk whatever the scope: a partial backup could not restore it.
      return {
        filename: `${base}.claimdesk-backup`,
        mime: 'application/vnd.sqlite3',
        encoding: 'base64',
        data: exportBackup(db).toString('base64'),
      };
  }
}
