import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openDesk } from './open';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDesk', () => {
  it('creates a desk in WAL mode with foreign keys and the current schema', () => {
    const db = openDesk(join(dir, 'a.claimdesk'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    for (const t of [
      'articles',
      'passages',
      'claims',
      'entities',
      'entity_aliases',
      'facts',
      'conflicts',
      'conflict_claims',
      'notes',
      'history',
      'passages_fts',
    ])
      expect(tables).toContain(t);
    db.close();
  });

  it('migrates a desk written by schema 1 and keeps its decisions, notes and history', () => {
    const path = join(dir, 'v1.claimdesk');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 1');
    const now = '2026-11-20T10:00:00.000Z';
    old
      .prepare("INSERT INTO facts (id, key, label) VALUES (1, 'qty|person', 'Number of people evacuated')")
      .run();
    old
      .prepare(
        `INSERT INTO conflicts (id, key, fact_id, kind, status, explanation, reason, evidence, created_at, updated_at)
         VALUES (1, 'count_mismatch|3|7', 1, 'count_mismatch', 'resolved', '12,400 vs 21,400', 'Governor said 12,400',
                 'https://example.org/briefing', ?, ?)`,
      )
      .run(now, now);
    old
      .prepare(
        "INSERT INTO notes (target_type, target_id, body, editor, created_at) VALUES ('conflict', 1, 'Called the governor''s office.', 'Ana', ?)",
      )
      .run(now);
    old
      .prepare(
        "INSERT INTO history (at, actor, action, target_type, target_id, before, after) VALUES (?, 'Ana', 'conflicts:resolve', 'conflict', 1, '[]', '[]')",
      )
      .run(now);
    old.close();

    const db = openDesk(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      db.prepare('SELECT status, reason, evidence, value_sig FROM conflicts WHERE id = 1').get(),
    ).toEqual({
      status: 'resolved',
      reason: 'Governor said 12,400',
      evidence: 'https://example.org/briefing',
      value_sig: null,
    });
    expect(db.prepare('SELECT body, editor FROM notes').all()).toEqual([
      { body: "Called the governor's office.", editor: 'Ana' },
    ]);
    expect(db.prepare('SELECT actor, action FROM history').all()).toEqual([
      { actor: 'Ana', action: 'conflicts:resolve' },
    ]);
    db.close();
  });

  it('reopens a desk without migrating it again and keeps its rows', () => {
    const path = join(dir, 'b.claimdesk');
    const db = openDesk(path);
    db.prepare("INSERT INTO settings (key, value) VALUES ('editorName', 'Ana')").run();
    db.close();
    const again = openDesk(path);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'editorName'").pluck().get()).toBe('Ana');
    again.close();
  });

  it('refuses a file that is not SQLite, and leaves it byte for byte unchanged', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a desk.\n');
    expect(() => openDesk(path)).toThrow(/not a Claimdesk desk/);
    expect(readFileSync(path, 'utf8')).toBe('These are my notes, not a desk.\n');
  });

  it("refuses another application's SQLite database without modifying it", () => {
    const path = join(dir, 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    const before = readFileSync(path);
    expect(() => openDesk(path)).toThrow(/SQLite database but not a Claimdesk desk/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged desk with what to do, and leaves nothing beside it', () => {
    const path = join(dir, 'damaged.claimdesk');
    openDesk(path).close();
    const bytes = readFileSync(path);
    for (let i = 200; i < bytes.length; i += 97) bytes[i] = (bytes[i]! * 7 + 13) % 256;
    writeFileSync(path, bytes);
    expect(() => openDesk(path)).toThrow(
      /damaged\.claimdesk is damaged and cannot be opened \(SQLite says: .+\); it was left untouched\. Restore it from a backup\./,
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['damaged.claimdesk']);
  });

  it('refuses a desk written by a newer version with a message that says so', () => {
    const path = join(dir, 'new.claimdesk');
    openDesk(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDesk(path)).toThrow(/newer version of Claimdesk/);
    expect(readdirSync(dir)).toEqual(['new.claimdesk']);
  });

  it('keeps the history append-only', () => {
    const db = openDesk(join(dir, 'h.claimdesk'));
    db.prepare("INSERT INTO history (at, actor, action, target_type) VALUES ('t', 'a', 'x', 'y')").run();
    expect(() => db.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE history SET actor = 'b'").run()).toThrow(/append-only/);
    db.close();
  });
});
