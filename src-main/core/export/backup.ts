/**
 * Desk backup and restore. The backup is the desk's own SQLite image (sqlite3_serialize,
 * which reads committed pages through the WAL), so it round-trips everything exactly,
 * FTS indexes and history included, and any SQLite tool can open it. The header
 * identifies it: application_id says it is a desk, user_version which schema wrote it.
 *
 * Restore never overwrites: it refuses an existing target, refuses a file that is not a
 * desk or comes from a newer Claimdesk, checks integrity on a temporary file, and only
 * then links it into place; an older desk is migrated by opening it.
 */
import { existsSync, linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openDesk, type Db } from '../db/open';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { DeskError } from '../../shared/errors';

const SQLITE_MAGIC = 'SQLite format 3\0';

export function exportBackup(db: Db): Buffer {
  return db.serialize();
}

/** What a backup's header says, without opening it. */
export function inspectBackup(bytes: Uint8Array, name = 'The file'): { schemaVersion: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 100 || buf.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw new DeskError('not_a_desk', `${name} is not a Claimdesk backup (it is not a SQLite database).`);
  }
  // SQLite header: user_version at offset 60, application_id at 68, both big-endian.
  const version = buf.readUInt32BE(60);
  const appId = buf.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new DeskError('not_a_desk', `${name} is a SQLite database but not a Claimdesk backup.`);
  }
  if (version > SCHEMA_VERSION) {
    throw new DeskError(
      'desk_too_new',
      `${name} is a backup from a newer version of Claimdesk (desk format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Claimdesk to restore it.`,
    );
  }
  return { schemaVersion: version };
}

/** Writes the backup as a new desk at `newDeskPath` and returns that path. */
export function restoreBackup(bytes: Uint8Array, newDeskPath: string, name = 'The backup'): string {
  if (existsSync(newDeskPath)) {
    throw new DeskError(
      'invalid_input',
      `${newDeskPath} already exists; restore into a new file so no desk is overwritten.`,
    );
  }
  inspectBackup(bytes, name);
  const temp = `${newDeskPath}.restoring-${process.pid}`;
  writeFileSync(temp, bytes, { flag: 'wx' });
  try {
    let probe: Database.Database | null = null;
    try {
      probe = new Database(temp, { fileMustExist: true });
      const check = probe.pragma('integrity_check', { simple: true }) as string;
      if (check !== 'ok') throw new Error(check);
      // A backup taken from a WAL desk says so in its header; leave the journal as a desk uses it.
      probe.pragma('journal_mode = DELETE');
    } catch (err) {
      throw new DeskError(
        'desk_corrupt',
        `${name} is damaged (${(err as Error).message}); it was not restored.`,
      );
    } finally {
      probe?.close();
    }
    // link() fails if the target appeared meanwhile: never overwrite a desk.
    try {
      linkSync(temp, newDeskPath);
    } catch (err) {
      throw new DeskError(
        'invalid_input',
        `Could not create ${basename(newDeskPath)}: ${(err as Error).message}`,
      );
    }
  } finally {
    unlinkSync(temp);
  }
  // Opening migrates an older desk to this version's schema.
  openDesk(newDeskPath, { mustExist: true }).close();
  return newDeskPath;
}
