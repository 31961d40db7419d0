import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { MAX_ARTICLE_BYTES } from '../../../shared/contract';
import { canonicalForHash, fetchArticle, fetchDocument, normaliseText, parseDocument } from './index';
import { guessOutlet } from './text';
import { makeDocx, makeImageOnlyPdf, makePdf } from './test-fixtures';

const seeds = resolve(import.meta.dirname, '../../../../../shared/corpus/seeds');
const seed = (prefix: string) => {
  const names = ['000_e1a5c95c88c371f1', '001_a92ba6d46eefa96e', '003_c57f8d45266e78d2'];
  const name = names.find((n) => n.startsWith(prefix))!;
  return { name: `${name}.txt`, bytes: new Uint8Array(readFileSync(resolve(seeds, `${name}.txt`))) };
};
const utf8 = (s: string) => new TextEncoder().encode(s);

async function rejection(name: string, bytes: Uint8Array): Promise<DeskError> {
  try {
    await parseDocument(name, bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error(`${name} was accepted`);
}

// An invented article, used in every format below.
const ARTICLE_TITLE = 'Harbour fair in Kestrel Bay draws record crowd';
const ARTICLE_PARAGRAPHS = [
  'KESTREL BAY (CPN) — The autumn harbour fair opened on Saturday with more than 12,000 visitors on its first day, organisers said.',
  'The fair, held every year since 1987, brought 214 exhibitors from nine countries, up from 160 last year.',
  'Mayor Ilse Varga called it “the largest gathering the waterfront has ever seen” and said ticket revenue reached $1.4 million.',
  'The fair closes on Tuesday. Organisers expect the total to pass 40,000.',
];
const ARTICLE_TXT = `${ARTICLE_TITLE}\r\n\r\n${ARTICLE_PARAGRAPHS.join('\r\n\r\n')}\r\n`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${ARTICLE_TITLE} | Coastal Post</title>
  <link rel="canonical" href="https://coastal-post.example/news/harbour-fair">
  <script>globalThis.__claimdeskPageRan = true;</script>
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "${ARTICLE_TITLE}",
   "datePublished": "2024-10-05T08:30:00+02:00",
   "author": {"@type": "Person", "name": "Mara Quill"},
   "publisher": {"@type": "Organization", "name": "Coastal Post"}}
  </script>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <header><a href="/">Coastal Post</a></header>
  <nav><ul><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather: storms cost 90,000 homes power</a></li></ul></nav>
  <main>
    <article>
      <h1>${ARTICLE_TITLE}</h1>
      <p class="byline">By Mara Quill</p>
      ${ARTICLE_PARAGRAPHS.map((p) => `<p>${p.replace('“', '&ldquo;').replace('”', '&rdquo;')}</p>`).join('\n      ')}
      <img src="https://tracker.example/pixel.gif" alt="">
    </article>
    <aside><h3>Most read</h3><p>Ferry fares rise by 35% from January, the operator announced in a statement.</p></aside>
  </main>
  <script>document.body.innerHTML = '<p>Injected: turnover fell 80%</p>';</script>
  <footer><p>© 2024 Coastal Post. Subscribe for 5,000 more stories a year.</p></footer>
</body>
</html>`;

describe('plain text', () => {
  it('keeps the text as written apart from line ends and composition', async () => {
    const raw = ' date 2024-10-05 Title line\r\nFirst paragraph.\r\rSecond with Vie\u0323\u0302t.\n';
    const doc = await parseDocument('note.txt', utf8(raw));
    expect(doc.format).toBe('text');
    expect(doc.text).toBe(' date 2024-10-05 Title line\nFirst paragraph.\n\nSecond with Việt.\n');
    expect(doc.text).not.toMatch(/\r/);
    expect(doc.meta.publishedAt).toBe('2024-10-05');
    expect(doc.meta.title).toBe('Title line');
    expect(normaliseText('a\r\nb\rc')).toBe('a\nb\nc');
    // A "#" line further down a plain text is not its headline.
    expect((await parseDocument('h.txt', utf8('Real headline\n\n# 5 reasons\n'))).meta.title).toBe(
      'Real headline',
    );
  });

  it('drops a UTF-8 byte-order mark and decodes UTF-16 that has one', async () => {
    const withBom = await parseDocument(
      'bom.txt',
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello there')]),
    );
    expect(withBom.text).toBe('Hello there');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tô Lâm visited\r\n', 'utf16le')]);
    expect((await parseDocument('le.txt', le)).text).toBe('Tô Lâm visited\n');
    const be = Buffer.from('Tô Lâm visited', 'utf16le').swap16();
    expect((await parseDocument('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).text).toBe(
      'Tô Lâm visited',
    );
  });

  it('refuses binary, non-UTF-8 and BOM-less UTF-16 files, naming the file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const bin = await rejection('photo.txt', png);
    expect(bin.code).toBe('bad_file');
    expect(bin.message).toMatch(/^photo\.txt is not UTF-8 text \(it contains binary data\)/);

    const latin1 = await rejection('cafe.txt', Buffer.from('Un café à Hanoï', 'latin1'));
    expect(latin1.code).toBe('bad_file');
    expect(latin1.message).toMatch(/^cafe\.txt is not UTF-8 text/);

    const utf16 = await rejection('wide.txt', Buffer.from('The visit took place on Wednesday.', 'utf16le'));
    expect(utf16.code).toBe('bad_file');
    expect(utf16.message).toMatch(/^wide\.txt is not UTF-8 text \(.*UTF-16 without a byte-order mark/);
  });

  it('refuses empty and whitespace-only files', async () => {
    expect((await rejection('blank.txt', new Uint8Array())).message).toBe('blank.txt is empty.');
    const ws = await rejection('spaces.txt', utf8('  \r\n\t\n '));
    expect(ws.code).toBe('bad_file');
    expect(ws.message).toBe('spaces.txt is empty.');
  });

  it('refuses a file over the size limit', async () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    const err = await rejection('huge.txt', big);
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/^huge\.txt is too large/);
  });

  it('reads title, date and outlet from the seed articles', async () => {
    const s0 = seed('000');
    const d0 = await parseDocument(s0.name, s0.bytes);
    expect(d0.meta.publishedAt).toBe('2025-05-09');
    expect(d0.meta.outlet).toBe('VNS');
    // The date prefix stays in the text so offsets match the file.
    expect(d0.text.startsWith(' date 2025-05-09')).toBe(true);
    expect(d0.meta.title!.length).toBeLessThanOrEqual(121);
    expect(d0.meta.title).toMatch(/^Vietnamese Deputy Prime Minister/);

    const s1 = seed('001');
    const d1 = await parseDocument(s1.name, s1.bytes);
    expect(d1.meta.title).toBe(d1.text.split('\n')[0]);
    expect(d1.meta.outlet).toBe('VNA');

    const s3 = seed('003');
    expect((await parseDocument(s3.name, s3.bytes)).meta.outlet).toBe('Trend');
  });
});

describe('outlet from datelines and sign-offs', () => {
  it('finds agencies in their usual places', () => {
    expect(guessOutlet('Talks end\n\nBAKU (AP) — Ministers met on Monday.\n\nMore talks follow.')).toBe('AP');
    expect(guessOutlet('Talks end\n\nHANOI, May 8 (VNA) – Ministers met.\n\nMore.')).toBe('VNA');
    expect(guessOutlet('Ministers met.\n\nTalks continue next week (Reuters)')).toBe('Reuters');
    expect(guessOutlet('Ministers met.\n\nTalks continue next week. — VNS')).toBe('VNS');
    expect(guessOutlet('Ministers met.\n\nTalks continue next week. VNA/.')).toBe('VNA');
  });

  it('says nothing when unsure', () => {
    expect(guessOutlet('Ministers met.\n\nAid went through the refugee agency (UNHCR)')).toBeNull();
    expect(guessOutlet('Ministers met.\n\nThey discussed the future of EU-ASEAN')).toBeNull();
    expect(guessOutlet('Ministers met.\n\nThey wished everyone a happy new year./.')).toBeNull();
    expect(guessOutlet('A plain article with no agency anywhere.\n\nIt ends here.')).toBeNull();
  });
});

describe('markdown', () => {
  it('reads front matter and drops it from the text', async () => {
    const md = [
      '---',
      'title: "Harbour fair: a record"',
      "outlet: 'Coastal Post'",
      'date: 2024-10-05T08:30:00Z',
      'url: https://coastal-post.example/news/harbour-fair',
      'author: Mara Quill',
      '---',
      '',
      '# Harbour fair draws record crowd',
      '',
      'More than 12,000 visitors came on the first day.',
    ].join('\r\n');
    const doc = await parseDocument('fair.md', utf8(md));
    expect(doc.format).toBe('markdown');
    expect(doc.meta).toMatchObject({
      title: 'Harbour fair: a record',
      outlet: 'Coastal Post',
      publishedAt: '2024-10-05',
      url: 'https://coastal-post.example/news/harbour-fair',
      author: 'Mara Quill',
    });
    expect(doc.text).toBe(
      'Harbour fair draws record crowd\n\nMore than 12,000 visitors came on the first day.',
    );
  });

  it('takes the title from the first heading without front matter', async () => {
    const doc = await parseDocument('plain.md', utf8('Intro words.\n\n## The real headline ##\n\nBody.'));
    expect(doc.meta.title).toBe('The real headline');
  });
});

describe('html', () => {
  it('imports the article body only, with title, outlet, date, author and url', async () => {
    const doc = await parseDocument('harbour-fair.html', utf8(PAGE));
    expect(doc.format).toBe('html');
    expect(doc.meta).toMatchObject({
      title: ARTICLE_TITLE,
      outlet: 'Coastal Post',
      publishedAt: '2024-10-05',
      author: 'Mara Quill',
      url: 'https://coastal-post.example/news/harbour-fair',
      language: 'en',
    });
    for (const p of ARTICLE_PARAGRAPHS) expect(doc.text).toContain(p);
    for (const chrome of [
      'Sport',
      '90,000',
      'Ferry fares',
      '35%',
      'Subscribe',
      'Injected',
      '80%',
      'globalThis',
    ]) {
      expect(doc.text).not.toContain(chrome);
    }
    // Nothing on the page ran.
    expect((globalThis as Record<string, unknown>)['__claimdeskPageRan']).toBeUndefined();
    // Paragraphs stay paragraphs.
    expect(doc.text.split('\n\n').length).toBeGreaterThanOrEqual(ARTICLE_PARAGRAPHS.length + 1);
  });

  it('is recognised as the same article as its text copy', async () => {
    const html = await parseDocument('harbour-fair.html', utf8(PAGE));
    const txt = await parseDocument('harbour-fair.txt', utf8(ARTICLE_TXT));
    expect(canonicalForHash(html.text)).toBe(canonicalForHash(txt.text));
    expect(txt.meta.outlet).toBe('CPN');
  });

  it('falls back to <time> and og:site_name, and sniffs HTML without an extension', async () => {
    const page = `<!DOCTYPE html><html><head><meta property="og:site_name" content="Lakeside Daily">
      <meta property="og:url" content="https://lakeside.example/a/1"></head><body>
      <article><h1>Ferry service resumes</h1><time datetime="2023-03-14T09:00">14 March</time>
      <p>${'The ferry between the two shores resumed on Tuesday after a three-week pause. '.repeat(6)}</p>
      <p>Operators said 3,200 passengers crossed on the first day.</p></article></body></html>`;
    const doc = await parseDocument('download', utf8(page));
    expect(doc.format).toBe('html');
    expect(doc.meta).toMatchObject({
      title: 'Ferry service resumes',
      outlet: 'Lakeside Daily',
      publishedAt: '2023-03-14',
      url: 'https://lakeside.example/a/1',
    });
    expect(doc.text).toContain('3,200 passengers');
  });
});

describe('docx and pdf', () => {
  it('a Word copy of a seed article canonicalises to the same text', async () => {
    const s0 = seed('000');
    const txt = await parseDocument(s0.name, s0.bytes);
    const docx = await parseDocument('copy.docx', await makeDocx(new TextDecoder().decode(s0.bytes)));
    expect(docx.format).toBe('docx');
    expect(canonicalForHash(docx.text)).toBe(canonicalForHash(txt.text));
    expect(docx.meta.title).toBe(txt.meta.title);
    expect(docx.meta.publishedAt).toBe('2025-05-09');
    expect(docx.meta.outlet).toBe('VNS');
    // Paragraphs survive as paragraphs.
    expect(docx.text.split('\n\n').length).toBe(canonicalForHash(txt.text).split('\n').length);
  });

  it('a PDF copy of a seed article canonicalises to the same text, over page breaks', async () => {
    const s3 = seed('003');
    const txt = await parseDocument(s3.name, s3.bytes);
    const pdfBytes = await makePdf(new TextDecoder().decode(s3.bytes));
    expect((await PDFDocument.load(pdfBytes)).getPageCount()).toBeGreaterThan(2);
    const pdf = await parseDocument('copy.pdf', pdfBytes);
    expect(pdf.format).toBe('pdf');
    expect(canonicalForHash(pdf.text)).toBe(canonicalForHash(txt.text));
    expect(pdf.meta.outlet).toBe('Trend');
    expect(pdf.text).not.toMatch(/(^|\n)\d+(\n|$)/);
  });

  it('sniffs PDF and Word files by their bytes', async () => {
    expect((await parseDocument('attachment', await makePdf(ARTICLE_TXT))).format).toBe('pdf');
    expect((await parseDocument('attachment.bin', await makeDocx(ARTICLE_TXT))).format).toBe('docx');
  });

  it('refuses a PDF without a text layer', async () => {
    const err = await rejection('scan.pdf', await makeImageOnlyPdf());
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/^scan\.pdf has no text layer \(scanned PDF\?\)/);
  });

  it('refuses a damaged PDF and an old .doc', async () => {
    const bad = await rejection('broken.pdf', utf8('%PDF-1.7\nthis is not really a pdf'));
    expect(bad.code).toBe('bad_file');
    expect(bad.message).toMatch(/^broken\.pdf/);
    const doc = await rejection(
      'old.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
    );
    expect(doc.message).toMatch(/\.docx/);
  });
});

describe('fetchArticle', () => {
  it('fetches a page that parseDocument reads as HTML', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const { port } = server.address() as AddressInfo;
      const file = await fetchArticle(`http://127.0.0.1:${port}/news/harbour-fair`);
      expect(file.name).toBe('harbour-fair.html');
      const doc = await parseDocument(file.name, file.bytes);
      expect(doc.meta.title).toBe(ARTICLE_TITLE);
      // A page that names no canonical URL is cited by the address it was fetched from.
      const bare = PAGE.replace(/<link rel="canonical"[^>]*>/, '');
      server.removeAllListeners('request');
      server.on('request', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(bare);
      });
      const fetched = await fetchDocument(`http://127.0.0.1:${port}/story?id=7`);
      expect(fetched.format).toBe('html');
      expect(fetched.meta.url).toBe(`http://127.0.0.1:${port}/story?id=7`);
      expect(fetched.meta.outlet).toBe('Coastal Post');
    } finally {
      server.close();
    }
  });

  it('says the machine appears to be offline when nothing answers', async () => {
    const server = createServer();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    await new Promise((ok) => server.close(ok));
    const url = `http://127.0.0.1:${port}/story`;
    const err = await fetchArticle(url).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('offline');
    expect((err as DeskError).message).toMatch(
      new RegExp(`^Could not fetch ${url.replace(/[.]/g, '\\.')}: the machine appears to be offline \\(`),
    );
  });
});
