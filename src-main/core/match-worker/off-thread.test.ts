/**
 * A large desk is matched in a worker thread so the window keeps answering. The worker
 * reads the committed claims from the desk file itself; what it finds must be exactly
 * what matching in place finds, damaged claims left out the same way.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk, type FreshDesk } from '../test-support/fresh-desk';
import { matchDesk } from './off-thread';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');

let desk: FreshDesk;
useFreshDesk('claimdesk-off-thread-', (d) => (desk = d));

describe('matching in a worker thread', () => {
  it('finds the same facts and conflicts as matching in place, with the same claims left out', async () => {
    await desk.service.importPaths([SAMPLES]);
    const db = desk.service.database;
    const path = desk.service.info().path;
    const entities = db.prepare('SELECT key, kind FROM entities').all() as { key: string; kind: 'person' }[];
    const inPlace = await matchDesk(db, path, entities, new Set(), Infinity);
    const inWorker = await matchDesk(db, path, entities, new Set(), 1);
    expect(inPlace.conflicts.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(inPlace);

    const skip = new Set(
      (db.prepare('SELECT id FROM claims ORDER BY id LIMIT 5').all() as { id: number }[]).map((r) => r.id),
    );
    const lessInPlace = await matchDesk(db, path, entities, skip, Infinity);
    expect(await matchDesk(db, path, entities, skip, 1)).toEqual(lessInPlace);
    expect(lessInPlace.facts.flatMap((f) => f.claimIds).some((id) => skip.has(id))).toBe(false);
  }, 120_000);

  it('reports a failure inside the worker as an error of the match, not a hang', async () => {
    await desk.service.importPaths([SAMPLES]);
    const notADesk = join(desk.dir, 'notes.txt');
    writeFileSync(notADesk, 'not a desk');
    await expect(matchDesk(desk.service.database, notADesk, [], new Set(), 1)).rejects.toThrow(
      /not a database/,
    );
  }, 120_000);
});
