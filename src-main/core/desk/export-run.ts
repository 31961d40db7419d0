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

export function exportDesk(db: Db, input: ParsedInput<'export:run'>, deskPath: string): ExportFile {
  if (input.scope === 'article' && !input.articleIds?.length)
    throw new DeskError('invalid_input', 'Choose an article to export, or export the whole desk.');
  if (input.scope === 'selection' && !input.conflictIds?.length)
    throw new DeskError('invalid_input', 'Select the conflicts to export, or export the whole desk.');
  return runExport(db, {
    format: input.format,
    includeDismissed: input.includeDismissed,
    ...(input.scope === 'article' && input.articleIds ? { articleIds: input.articleIds } : {}),
    ...(input.scope === 'selection' && input.conflictIds ? { conflictIds: input.conflictIds } : {}),
    deskName: basename(deskPath),
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
