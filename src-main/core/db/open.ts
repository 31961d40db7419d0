/**
 * Opening a desk: a SQLite file that Claimdesk created (application_id marks it).
 * A file that is not a desk is refused before anything writes to it; a desk from a
 * newer Claimdesk is refused rather than misread. Migrations run in one transaction.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { DeskError } from '../../shared/errors';
import { canCreateIn, canWriteDesk, openReadOnlyFile } from './read-only';

export type Db = Database.Database;

/** "CLDK" as a 32-bit integer, stored in the SQLite header's application_id. */
export const APPLICATION_ID = 0x434c444b;

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Electron and Node need different builds of better-sqlite3. The desktop app
 * points at its own build (made by scripts/start.js) so the Node build that the
 * tests and the CLI use is never replaced.
 */
function nativeOptions(): { nativeBinding?: string } {
  const binding = process.env.CLAIMDESK_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Checks, without writing, that `path` is a desk, an empty file or absent. */
function inspect(path: string): 'absent' | 'empty' | 'desk' {
  if (path === ':memory:' || !existsSync(path)) return 'absent';
  const st = statSync(path);
  if (st.isDirectory()) throw new DeskError('not_a_desk', `${path} is a folder, not a desk file.`);
  if (st.size === 0) return 'empty';
  if (readHeader(path) !== SQLITE_MAGIC) {
    throw new DeskError('not_a_desk', `${path} is not a Claimdesk desk (it is not a SQLite database).`);
  }
  // A file in WAL mode gets -wal and -shm files from any reader, this probe included: the
  // ones it made are removed again when the file is refused, so nothing is left beside it.
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  let refused = false;
  let probe: Db | null = null;
  try {
    try {
      probe = openReadOnlyFile(path, nativeOptions());
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? '');
      if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB')
        throw new DeskError('not_a_desk', `${path} cannot be read as a desk: ${(err as Error).message}`);
      throw err;
    }
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
        n: number;
      };
      if (tables.n > 0 || version !== 0) {
        throw new DeskError(
          'not_a_desk',
          `${path} is a SQLite database but not a Claimdesk desk; it was left untouched.`,
        );
      }
      return 'empty';
    }
    if (version > SCHEMA_VERSION) {
      throw new DeskError(
        'desk_too_new',
        `${path} was written by a newer version of Claimdesk (desk format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Claimdesk to open it.`,
      );
    }
    const check = probe.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new DeskError('desk_corrupt', `${path} is damaged (${check}). Restore it from a backup.`);
    }
    return 'desk';
  } catch (err) {
    refused = true;
    if (err instanceof DeskError) throw err;
    throw new DeskError(
      'desk_corrupt',
      `${path} is damaged and cannot be opened (SQLite says: ${(err as Error).message}); it was left untouched. Restore it from a backup.`,
    );
  } finally {
    probe?.close();
    if (refused) for (const f of sidecars) rmSync(f, { force: true });
  }
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new DeskError(
      'desk_too_new',
      `This desk was written by a newer version of Claimdesk (desk format ${current}; this version reads up to ${SCHEMA_VERSION}).`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export interface OpenOptions {
  /** Refuse to create a new desk when the file is absent. */
  mustExist?: boolean;
  /** Open for reading only (a desk that cannot be written is opened so whatever this says). */
  readOnly?: boolean;
}

export function openDesk(path: string, options: OpenOptions = {}): Db {
  const state = inspect(path);
  if (state === 'absent' && options.mustExist) {
    throw new DeskError('not_found', `No desk at ${path}.`);
  }
  // Opening is not creating: an empty file (a desk lost in a crash of the disk, a copy that
  // failed) is left as it is for the user to restore, not turned into a new desk.
  if (state === 'empty' && options.mustExist && statSync(path).size === 0) {
    throw new DeskError(
      'not_a_desk',
      `${path} is an empty file (0 bytes), not a desk; it was left untouched. Restore the desk from a backup, or choose another file.`,
    );
  }
  if (state === 'absent' && path !== ':memory:' && !existsSync(dirname(resolve(path)))) {
    throw new DeskError(
      'not_found',
      `Cannot create ${path}: the folder ${dirname(resolve(path))} does not exist. Create it first or choose another folder.`,
    );
  }
  if (state === 'desk' && (options.readOnly || !canWriteDesk(path))) return openForReading(path);
  if (state !== 'desk' && path !== ':memory:' && (options.readOnly || !canCreateIn(path))) {
    throw new DeskError(
      'read_only',
      `Cannot create a desk at ${path}: ${options.readOnly ? 'it was asked to be opened read-only' : `the folder ${dirname(resolve(path))} cannot be written`}. Choose another folder.`,
    );
  }
  const db = new Database(path, nativeOptions());
  try {
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * A desk that cannot be written, opened for reading: nothing here writes (no WAL switch,
 * no migration). A desk in an older format would need its migration written first, so it
 * is refused with what to do.
 */
function openForReading(path: string): Db {
  const db = openReadOnlyFile(path, nativeOptions());
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      throw new DeskError(
        'read_only',
        `${path} is read-only and was written by an older version of Claimdesk (desk format ${version}); it must be updated to format ${SCHEMA_VERSION} before it can be read, which writes to it. Copy it to a folder you can write to and open the copy.`,
      );
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
