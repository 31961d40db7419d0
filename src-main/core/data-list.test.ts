/**
 * A text under the 20 MB limit can still be a data list no article is: a register naming
 * 800,000 years is 19 MB. Reading it used to take about a minute and gigabytes, and
 * matching it then ran the process out of memory, leaving a desk of hundreds of
 * megabytes. Now it is refused by name before its claims are extracted, the rest of the
 * drop lands, and the process stays small.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk, type FreshDesk } from './test-support/fresh-desk';
import { countNumbers } from './ingest/read-article';

let desk: FreshDesk;
useFreshDesk('claimdesk-data-list-', (d) => (desk = d));

function register(years: number): string {
  const parts: string[] = [];
  for (let i = 0; i < years; i++) parts.push(`the harvest of ${1000 + (i % 1020)} and `);
  return `Harvest register\n\nThe register lists ${parts.join('')}the rest.\n`;
}

describe('a 19 MB register of 800,000 years', () => {
  it('is refused by name, the good article in the same drop lands, and memory stays bounded', async () => {
    const folder = join(desk.dir, 'drop');
    mkdirSync(folder);
    const text = register(800_000);
    expect(text.length).toBeGreaterThan(19_000_000);
    expect(text.length).toBeLessThan(20 * 1024 * 1024);
    writeFileSync(join(folder, 'register.txt'), text);
    writeFileSync(
      join(folder, 'cranes.txt'),
      'Harbour cranes back in service\n\nThe port authority said 14 cranes were repaired by Monday.\n',
    );

    const report = await desk.service.importPaths([folder]);
    expect(report.failed).toEqual([
      {
        source: 'register.txt',
        reason:
          'register.txt names more than 200,000 numbers, more claims than one article may hold here (it reads as a data list); it was not imported.',
      },
    ]);
    expect(report.imported.map((a) => a.source)).toEqual(['cranes.txt']);
    expect(desk.service.info()).toMatchObject({ articleCount: 1, needsDetection: false });
    const path = desk.service.info().path;
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    expect(size(path) + size(`${path}-wal`)).toBeLessThan(8 * 1024 * 1024);
    // The old run peaked at 2.8 GB and more; refusing it keeps the process near its usual size.
    expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(1024);
  }, 120_000);
});

describe('counting the numbers of a text', () => {
  it('counts "1,800" and "2.5" once each, and stops past the limit', () => {
    expect(countNumbers('About 1,800 passengers, up 2.5%, in 2024. Then 12, 13 and 14.')).toBe(6);
    expect(countNumbers('1 2 3 4 5 6', 3)).toBe(4);
  });
});
