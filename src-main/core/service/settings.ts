/**
 * The desk's settings: the newsroom ClaimReview is published under, and the name older desks kept.
 * Part of the desk service (desk-service.ts), which holds the open desk and its state.
 */
import { stmt } from '../db/stmt';
import type { DeskService } from './desk-service';

export function newsroom(svc: DeskService): { newsroomUrl: string | null; newsroomName: string | null } {
  const get = (key: string) =>
    (
      svc.database.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
        { value: string } | undefined
    )?.value ?? null;
  return { newsroomUrl: get('newsroomUrl'), newsroomName: get('newsroomName') };
}

/** Sets (or, given '', clears) the newsroom settings ClaimReview is published with. */
export function setNewsroom(svc: DeskService, url: string | undefined, name: string | undefined): void {
  const db = svc.database;
  const put = (key: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value === '') db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else
      db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
  };
  db.transaction(() => {
    put('newsroomUrl', url);
    put('newsroomName', name);
  }).immediate();
}

export function editorName(svc: DeskService): string | null {
  const row = stmt(svc.database, "SELECT value FROM settings WHERE key = 'editorName'").get() as
    { value: string } | undefined;
  return row?.value ?? null;
}
