/**
 * What the window may ask of the main process over IPC, beyond the contract's own input
 * checks. The window never names files on disk: desks are opened and created, and
 * folders imported, from native dialogs in the main process, so a page that got script
 * into the window cannot open or overwrite an arbitrary path. Files it saves go through
 * the save dialog, with a plain file name offered as the default.
 */
import * as v from 'valibot';
import { DeskError } from '../../shared/errors';
import type { ExportFile } from '../../shared/views';

const REFUSAL =
  'Refused: the window cannot name files on disk. Use File › Open Desk…, New Desk… or Import Files… instead.';

/** Why a contract call from the window is refused, or null when it may go on. */
export function ipcRefusal(method: unknown, input: unknown): string | null {
  if (method === 'desk:open' || method === 'desk:create') return REFUSAL;
  if (method === 'articles:import' && typeof input === 'object' && input !== null && 'paths' in input)
    return REFUSAL;
  return null;
}

/** Large enough for any export (a full desk backup as base64), small enough to stop a runaway. */
const MAX_EXPORT_CHARS = 512 * 1024 * 1024;

const exportFileSchema = v.object({
  filename: v.pipe(v.string(), v.maxLength(1000)),
  mime: v.pipe(v.string(), v.maxLength(200)),
  encoding: v.picklist(['utf8', 'base64']),
  data: v.pipe(v.string(), v.maxLength(MAX_EXPORT_CHARS)),
  warnings: v.optional(v.array(v.string())),
});

/**
 * A name the save dialog may offer in the user's documents folder: the last path part
 * only, without characters that are not allowed in file names, control characters or a
 * leading dot (hidden files, "..").
 */
export function plainFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const clean = last
    // eslint-disable-next-line no-control-regex -- control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '-')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 200);
  return clean || 'Claimdesk export';
}

/** The file the window asks to save, checked, with its name made plain. */
export function parseExportFile(raw: unknown): ExportFile {
  const r = v.safeParse(exportFileSchema, raw);
  if (!r.success) {
    const issue = r.issues[0];
    const at = issue.path?.map((p) => String(p.key)).join('.');
    throw new DeskError('invalid_input', `Refused to save: ${at ? `${at}: ` : ''}${issue.message}`);
  }
  return { ...r.output, filename: plainFileName(r.output.filename) };
}
