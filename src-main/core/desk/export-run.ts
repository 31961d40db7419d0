/**
 * The desk's side of `export:run` and `claimdesk restore`: scopes the export to
 * what the editor chose and names the file after the desk.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/open';
import type { ParsedInput } from '../../shared/contract';
import type { ExportFile } from '../../shared/views';
import { DeskError } from '../../shared/errors';
import { restoreBackup, runExport } from '../export/index';
import { htmlToPdf } from '../export/pdf';

/**
 * PDF notes are the HTML notes printed by Chromium (`export/pdf.ts`), so they take a
 * while and come back as a promise; every other format is built at once.
 */
export function exportDesk(
  db: Db,
  input: ParsedInput<'export:run'>,
  deskPath: string,
  editor?: string,
): ExportFile | Promise<ExportFile> {
  if (input.format === 'pdf') {
    const html = exportDesk(db, { ...input, format: 'html' }, deskPath, editor) as ExportFile;
    return htmlToPdf(html.data).then((pdf) => ({
      filename: html.filename.replace(/\.html$/, '.pdf'),
      mime: 'application/pdf',
      encoding: 'base64',
      data: pdf.toString('base64'),
    }));
  }
  if (input.scope === 'article' && !input.articleIds?.length)
    throw new DeskError('invalid_input', 'Choose an article to export, or export the whole desk.');
  if (input.scope === 'selection' && !input.conflictIds?.length)
    throw new DeskError('invalid_input', 'Select the conflicts to export, or export the whole desk.');
  return runExport(db, {
    format: input.format as Exclude<typeof input.format, 'pdf'>,
    includeDismissed: input.includeDismissed,
    ...(input.statuses ? { statuses: input.statuses } : {}),
    ...(input.hideDismissed !== undefined ? { hideDismissed: input.hideDismissed } : {}),
    ...(input.appendix !== undefined ? { appendix: input.appendix } : {}),
    ...(input.scope === 'article' && input.articleIds ? { articleIds: input.articleIds } : {}),
    ...(input.scope === 'selection' && input.conflictIds ? { conflictIds: input.conflictIds } : {}),
    deskName: basename(deskPath),
    deskPath,
    ...(editor ? { editor } : {}),
  });
}

export function restoreBackupFile(backupPath: string, newDeskPath: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(backupPath);
  } catch (err) {
    throw new DeskError('not_found', `Cannot read the backup ${backupPath}: ${(err as Error).message}`);
  }
  return restoreBackup(bytes, newDeskPath, basename(backupPath));
}
