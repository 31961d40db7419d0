import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskService } from '../service';
import { parseInput } from '../../shared/contract';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-evidence-'));
const service = new DeskService({ defaultActor: 'Ana' });
let conflictId = 0;
let claimId = 0;

beforeAll(async () => {
  service.open(join(dir, 'd.claimdesk'));
  await service.importPaths([SEEDS]);
  const c = (await service.handlers()['conflicts:list']({}))[0]!;
  conflictId = c.id;
  claimId = c.claims[0]!.id;
});
afterAll(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('evidence on a decision', () => {
  it('is stored as items and read back as links with what they are and the quoted passage', async () => {
    const h = service.handlers();
    const d = await h['conflicts:resolve'](
      parseInput('conflicts:resolve', {
        id: conflictId,
        correctClaimId: claimId,
        evidenceItems: [
          {
            url: 'https://stat.example/trade/',
            title: 'State Statistics, table 4',
            passage: 'Turnover: 482.1',
          },
          { title: 'Phone call with the ministry press office' },
          { url: '', title: '', passage: '' },
        ],
      }),
    );
    expect(d.evidenceItems).toEqual([
      { url: 'https://stat.example/trade/', title: 'State Statistics, table 4', passage: 'Turnover: 482.1' },
      { url: null, title: 'Phone call with the ministry press office', passage: null },
    ]);
    expect(d.evidence).toBe(
      'State Statistics, table 4 — https://stat.example/trade/ — “Turnover: 482.1”\nPhone call with the ministry press office',
    );
  });

  it('splits evidence given as text, one item per line, the address apart from its description', async () => {
    const d = await service.handlers()['conflicts:resolve']({
      id: conflictId,
      correctClaimId: claimId,
      evidence:
        'https://stat.example/trade/ — State Statistics, table 4\nArchive note, p. 3 https://archive.example/n3',
    });
    expect(d.evidenceItems).toEqual([
      { url: 'https://stat.example/trade/', title: 'State Statistics, table 4', passage: null },
      { url: 'https://archive.example/n3', title: 'Archive note, p. 3', passage: null },
    ]);
  });

  it('refuses an address that is not a web page, naming the item, and keeps what was stored', async () => {
    const h = service.handlers();
    const before = await h['conflicts:get']({ id: conflictId });
    const history = (await h['history:list']({})).length;
    for (const [url, says] of [
      [
        'javascript:alert(1)',
        /^Evidence item 2: "javascript:alert\(1\)" is a javascript: address; only web addresses/,
      ],
      [
        'stat.example/trade',
        /^Evidence item 2: "stat\.example\/trade" is not a web address; give it in full/,
      ],
      ['file:///etc/passwd', /^Evidence item 2: .* is a file: address/],
    ] as const) {
      expect(() =>
        service.resolveConflict({
          id: conflictId,
          correctClaimId: null,
          evidenceItems: [
            { url: 'https://ok.example/', title: 'fine' },
            { url, title: 'bad' },
          ],
        }),
      ).toThrow(says);
    }
    const after = await h['conflicts:get']({ id: conflictId });
    expect(after.evidenceItems).toEqual(before.evidenceItems);
    expect(after.correctClaimId).toBe(before.correctClaimId);
    expect((await h['history:list']({})).length).toBe(history);
  });

  it('comes back as it was when the decision is undone', async () => {
    const h = service.handlers();
    const before = (await h['conflicts:get']({ id: conflictId })).evidenceItems;
    await h['conflicts:resolve']({
      id: conflictId,
      correctClaimId: claimId,
      evidenceItems: [{ url: 'https://new.example/', title: 'New source' }],
    });
    await h['history:undo']({});
    expect((await h['conflicts:get']({ id: conflictId })).evidenceItems).toEqual(before);
  });
});
