/**
 * Desks that cannot be written: a desk file without write permission, or one in a folder
 * that cannot be written (a shared archive, a mounted backup, a colleague's folder).
 *
 * Such a desk opens read-only: everything can be read, and every change answers with one
 * clear message instead of an SQLite error. A desk in WAL mode needs its `-shm` file
 * beside it even to be read; when the folder cannot hold one, the desk is read from a
 * copy in memory (its last checkpointed state: Claimdesk checkpoints when it closes).
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DeskError } from '../../shared/errors';

/** Offsets of the file format's write and read versions in the SQLite header: 2 means WAL. */
const WRITE_VERSION = 18;
const READ_VERSION = 19;

export function readOnlyMessage(path?: string): string {
  return `${path ? `This desk (${path})` : 'This desk'} is read-only; nothing on it can be changed (decisions, notes, imports, corrections). Copy it to a folder you can write to and open the copy, or ask for write access.`;
}

export function readOnlyError(path?: string): DeskError {
  return new DeskError('read_only', readOnlyMessage(path));
}

/** Whether an error is SQLite refusing a write on a connection that cannot write. */
export function isReadOnlyFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/** The error as people should see it: SQLite's read-only refusal becomes the clear message. */
export function explainReadOnly(err: unknown, path?: string): unknown {
  return isReadOnlyFailure(err) ? readOnlyError(path) : err;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether a change can be saved to the desk at `path`: the file and its folder (WAL, backups) must be writable. */
export function canWriteDesk(path: string): boolean {
  return writable(path) && writable(dirname(resolve(path)));
}

/** Whether a new desk file can be made at `path`. */
export function canCreateIn(path: string): boolean {
  return writable(dirname(resolve(path)));
}

/**
 * A read-only connection to an existing SQLite file. When the folder cannot hold the
 * `-shm` file a WAL database needs, the file is read into memory instead (marked as a
 * rollback-journal database there, since an in-memory database has no WAL).
 */
export function openReadOnlyFile(path: string, native: { nativeBinding?: string }): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...native });
    // SQLite opens lazily: the first read is what finds out that no -shm file can be made.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (err) {
    db?.close();
    const code = String((err as { code?: unknown }).code ?? '');
    if (!code.startsWith('SQLITE_READONLY') && code !== 'SQLITE_CANTOPEN') throw err;
    if (writable(dirname(resolve(path)))) throw err;
    const bytes = readFileSync(path);
    if (bytes.length > READ_VERSION && bytes[WRITE_VERSION] === 2) {
      bytes[WRITE_VERSION] = 1;
      bytes[READ_VERSION] = 1;
    }
    return new Database(bytes, { readonly: true, ...native });
  }
}
