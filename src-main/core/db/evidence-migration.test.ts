import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDesk } from './open';
import { MIGRATIONS } from './migrations/index';
import { sql as evidenceItems } from './migrations/004-evidence-items';
import { parseStoredEvidence } from '../../shared/evidence';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-evidence-mig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('free-text evidence of older desks', () => {
  it('becomes evidence items: links split from their descriptions, one item per line', () => {
    const path = join(dir, 'old.claimdesk');
    const old = new Database(path);
    // The desk as the release before evidence items wrote it.
    const before = MIGRATIONS.indexOf(evidenceItems);
    for (const m of MIGRATIONS.slice(0, before)) old.exec(m);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma(`user_version = ${before}`);
    const now = '2026-11-20T10:00:00.000Z';
    const add = old.prepare(
      `INSERT INTO conflicts (id, key, kind, status, explanation, evidence, created_at, updated_at)
       VALUES (?, ?, 'figure_mismatch', 'resolved', 'x', ?, ?, ?)`,
    );
    add.run(1, 'k1', 'https://stat.example/trade/ — State Statistics, table 4', now, now);
    add.run(2, 'k2', 'Port authority statement, 9 October', now, now);
    add.run(
      3,
      'k3',
      'https://a.example/x\r\nArchive of 1982, p. 4 https://b.example/y\n\nphone call',
      now,
      now,
    );
    add.run(4, 'k4', 'javascript:alert(1) — bad', now, now);
    add.run(5, 'k5', null, now, now);
    old.close();

    const db = openDesk(path);
    const items = (id: number) =>
      parseStoredEvidence(
        db.prepare('SELECT evidence_items FROM conflicts WHERE id = ?').pluck().get(id) as string | null,
      );
    expect(items(1)).toEqual([
      { url: 'https://stat.example/trade/', title: 'State Statistics, table 4', passage: null },
    ]);
    expect(items(2)).toEqual([{ url: null, title: 'Port authority statement, 9 October', passage: null }]);
    expect(items(3)).toEqual([
      { url: 'https://a.example/x', title: '', passage: null },
      { url: 'https://b.example/y', title: 'Archive of 1982, p. 4', passage: null },
      { url: null, title: 'phone call', passage: null },
    ]);
    // Not a web address: kept as words, never as a link.
    expect(items(4)).toEqual([{ url: null, title: 'javascript:alert(1) — bad', passage: null }]);
    expect(items(5)).toEqual([]);
    // The old text stays as it was.
    expect(db.prepare('SELECT evidence FROM conflicts WHERE id = 2').pluck().get()).toBe(
      'Port authority statement, 9 October',
    );
    db.close();
  });
});
