/**
 * An import stores files in batches and writes each batch's search rows after its last
 * article: every article that lands is found by search (its sentences and its claims),
 * whichever batch it came in, and a file that fails leaves nothing behind in search.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskService } from '../service';

const TOWNS = [
  'Amberlyn',
  'Braskov',
  'Corrowick',
  'Dunmeer',
  'Elsworth',
  'Fennick',
  'Galloway',
  'Harrowdene',
  'Istermoor',
  'Jandrell',
  'Kelbury',
];

/** A short report about one town's new bridge; each town's name appears in no other file. */
function report(town: string, i: number): string {
  return [
    `${town} opens its new bridge`,
    '',
    `The bridge at ${town} cost 4${i}.5 million euros, the council said on 12 March 2024.`,
    '',
    `About ${120 + i} workers built it over two years.`,
    '',
  ].join('\n');
}

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-batch-search-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search after a batched import', () => {
  it('finds the sentences and claims of every imported article, in every batch', async () => {
    const files = TOWNS.map((town, i) => ({
      name: `${String(i + 1).padStart(2, '0')}-${town.toLowerCase()}.txt`,
      data: report(town, i),
      encoding: 'utf8' as const,
    }));
    // An empty file fails in the middle of the first batch; a copy of the first is a duplicate.
    files.splice(3, 0, { name: '03b-empty.txt', data: '   \n', encoding: 'utf8' });
    files.push({ name: '99-copy.txt', data: report(TOWNS[0]!, 0), encoding: 'utf8' });
    const result = await service.importFiles(files, { detect: false });
    expect(result.imported).toHaveLength(TOWNS.length);
    expect(result.failed.map((f) => f.source)).toEqual(['03b-empty.txt']);
    expect(result.duplicates.map((d) => d.source)).toEqual(['99-copy.txt']);

    const h = service.handlers();
    for (const [i, town] of TOWNS.entries()) {
      const hits = await h['search:query']({ q: town, limit: 20 });
      const article = result.imported.find((a) => a.source.includes(town.toLowerCase()))!;
      expect(new Set(hits.map((x) => x.articleId)), town).toEqual(new Set([article.id]));
      // The headline and the sentence with the cost are sentences of the article…
      const passages = hits.filter((x) => x.type === 'passage').map((x) => x.text);
      expect(passages, town).toContain(
        `The bridge at ${town} cost 4${i}.5 million euros, the council said on 12 March 2024.`,
      );
      // …and the cost is a claim found by the town's name.
      const claims = hits.filter((x) => x.type === 'claim').map((x) => x.text);
      expect(
        claims.some((q) => q.includes(`4${i}.5 million`)),
        town,
      ).toBe(true);
    }
    // Nothing in search points at a row that is not on the desk.
    const workers = await h['search:query']({ q: 'workers', limit: 100 });
    expect(workers.filter((x) => x.type === 'passage')).toHaveLength(TOWNS.length);
  });
});
