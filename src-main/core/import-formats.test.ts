/**
 * One article in three formats is one article: a Word and a PDF copy of a sample
 * article import as duplicates of its text file, and a saved web page lands with
 * its title, outlet and date and claims only from its body.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from './service';
import { makeDocx, makePdf } from './ingest/formats/test-fixtures';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/03-the-meridian.txt');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-formats-'));
  service = new DeskService();
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing other formats', () => {
  it('recognises the Word and PDF copies of a sample article as duplicates of it', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    writeFileSync(join(dir, 'meridian.docx'), await makeDocx(text));
    writeFileSync(join(dir, 'meridian.pdf'), await makePdf(text));
    const first = await service.importPaths([SAMPLE]);
    expect(first.imported).toHaveLength(1);
    const again = await service.importPaths([join(dir, 'meridian.docx'), join(dir, 'meridian.pdf')]);
    expect(again.failed).toEqual([]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.source).sort()).toEqual(['meridian.docx', 'meridian.pdf']);
    expect(again.duplicates.every((d) => d.existingId === first.imported[0]!.id)).toBe(true);
  });

  it('imports a saved news page as one article, with claims only from its body', async () => {
    const page = `<!doctype html><html><head>
      <title>Harbour deal signed | Coastal Post</title>
      <meta property="og:site_name" content="Coastal Post">
      <meta property="article:published_time" content="2024-06-04T09:00:00Z">
      <script>window.evil = 1; document.title = 'owned';</script>
      </head><body>
      <nav><a href="/">Home</a> · Trade grew 99% in 2023, says our sponsor</nav>
      <article>
        <h1>Harbour deal signed</h1>
        <p>The port authority signed a €48.5 million contract on Monday to deepen the northern channel, the first such contract since 2011.</p>
        <p>Officials said container traffic rose 12% in 2023, to roughly 410,000 boxes, and that dredging would start in September.</p>
        <p>The mayor called the deal historic and said three shipping lines had already asked for berths.</p>
      </article>
      <aside>Most read: Council approves 7,000 new homes</aside>
      <footer>© Coastal Post 2024 · 1,000,000 readers a month</footer>
      </body></html>`;
    writeFileSync(join(dir, 'harbour.html'), page);
    const report = await service.importPaths([join(dir, 'harbour.html')]);
    expect(report.failed).toEqual([]);
    const [a] = await service.handlers()['articles:list']({});
    expect(a).toMatchObject({
      title: 'Harbour deal signed',
      outlet: 'Coastal Post',
      publishedAt: '2024-06-04',
    });
    const detail = await service.handlers()['articles:get']({ id: a!.id });
    expect(detail.text).not.toMatch(/sponsor|Most read|readers a month|window\.evil/);
    const quotes = detail.claims.map((c) => c.quote).join(' | ');
    expect(quotes).toMatch(/48\.5 million/);
    expect(quotes).not.toMatch(/99%|7,000|1,000,000/);
  });
});
