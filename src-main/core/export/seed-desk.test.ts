/**
 * Source notes for the seeds after a scripted review, through a real desk file and the
 * `claimdesk` command: one conflict confirmed with a note, one dismissed with a reason,
 * one resolved with two evidence items, one left undecided; then the notes exported as
 * Markdown, HTML and PDF (printed by Chromium, read back with pdfjs-dist).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD read back from an export is untyped by nature. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium } from 'playwright-core';
import { DeskService } from '../service';
import { run } from '../../cli/main';
import { findChromium } from './pdf';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');
/** The seeds' HTML notes measured 25,791 px tall in Chromium (1280 px wide) when they listed every claim. */
const OLD_HEIGHT = 25_791;

let dir: string;
let desk: string;
const ids = { confirmed: 0, dismissed: 0, resolved: 0, undecided: 0 };
let first = { id: 0, quote: '' };
let precedent = { id: 0, quote: '' };
const EVIDENCE = [
  'https://archive.example/1982/le-duan-baku — State archive: party delegation in Baku, 1982',
  'https://library.example/press/1982-05 — Press digest, May 1982',
];
const REASON = 'Different periods: the growth is over several years, the fall is 2022 to 2023';
const NOTE = 'The outlet’s own dates show a fall; asked the desk to correct the trend word.';

async function cli(...args: string[]): Promise<void> {
  const code = await run(args);
  expect(code).toBe(0);
}

async function pdfText(path: string): Promise<{ text: string; links: string[]; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  let text = '';
  const links: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
    for (const a of await page.getAnnotations())
      if (a.subtype === 'Link' && a.url) links.push(a.url as string);
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text: text.replace(/\s+/g, ' '), links, pages };
}

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-seed-notes-'));
  desk = join(dir, 'state-visit.claimdesk');
  await cli('import', '--desk', desk, SEEDS);

  const service = new DeskService({ defaultActor: 'tester' });
  service.open(desk);
  const h = service.handlers();
  const conflicts = await h['conflicts:list']({});
  const articles = await h['articles:list']({});
  const claimIn = async (prefix: string, phrase: string) => {
    const id = articles.find((a) => a.source.startsWith(prefix))!.id;
    const claims = await h['claims:list']({ articleId: id });
    const c = claims.find((x) => phrase.includes(x.quote) || x.quote.includes(phrase));
    expect(c, `a claim on "${phrase}"`).toBeDefined();
    return { id: c!.id, quote: c!.quote };
  };
  first = await claimIn('000', 'first-ever trip');
  precedent = await claimIn('001', 'Le Duan visited Azerbaijan');
  const novelty =
    conflicts.find(
      (c) => c.claims.some((x) => x.id === first.id) && c.claims.some((x) => x.id === precedent.id),
    )?.id ??
    (await h['conflicts:create']({ sideA: [first.id], sideB: [precedent.id], kind: 'novelty_vs_precedent' }))
      .id;
  const others = conflicts.filter((c) => c.id !== novelty).map((c) => c.id);
  // The seeds raise few conflicts: the editor adds the ones the review needs by hand,
  // each between two dates of different articles.
  const dates = [];
  for (const a of articles)
    for (const c of await h['claims:list']({ articleId: a.id }))
      if (c.kind === 'date') dates.push({ id: c.id, articleId: a.id });
  for (let i = 1; others.length < 3 && i < dates.length; i++) {
    if (dates[i]!.articleId === dates[0]!.articleId) continue;
    const made = await h['conflicts:create']({
      sideA: [dates[0]!.id],
      sideB: [dates[i]!.id],
      kind: 'date_mismatch',
    });
    others.push(made.id);
  }
  expect(others.length).toBeGreaterThanOrEqual(3);
  service.close();
  ids.resolved = novelty;
  [ids.confirmed, ids.dismissed, ids.undecided] = others as [number, number, number];

  // The review, as a script would do it: each command is signed by its --editor (the
  // name the desk keeps is only offered to people opening it).
  await cli('settings', '--desk', desk, '--editor', 'Someone else');
  await cli(
    'review',
    '--desk',
    desk,
    '--conflict',
    String(ids.confirmed),
    '--status',
    'confirmed',
    '--note',
    NOTE,
    '--editor',
    'Ana Lind',
  );
  await cli(
    'review',
    '--desk',
    desk,
    '--conflict',
    String(ids.dismissed),
    '--status',
    'dismissed',
    '--reason',
    REASON,
    '--editor',
    'Ana Lind',
  );
  await cli(
    'review',
    '--desk',
    desk,
    '--conflict',
    String(ids.resolved),
    '--status',
    'resolved',
    '--correct',
    String(precedent.id),
    '--evidence',
    EVIDENCE[0]!,
    '--evidence',
    EVIDENCE[1]!,
    '--note',
    'Le Duan visited in the early 1980s. <script>alert("note")</script>',
    '--editor',
    'Ana Lind',
  );
  await cli('settings', '--desk', desk, '--newsroom-url', 'https://checks.example/state-visit');
  for (const format of ['md', 'html', 'pdf', 'claimreview'])
    await cli(
      'export',
      '--desk',
      desk,
      '--format',
      format,
      '--out',
      join(dir, `notes.${format}`),
      '--editor',
      'Ana Lind',
    );
}, 120_000);

afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('source notes of the seeds after a scripted review', () => {
  it('Markdown: summary and contents first, each conflict once with its decision, evidence links and the dismissal reason', () => {
    const md = readFileSync(join(dir, 'notes.md'), 'utf8');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Contents'));
    expect(md.indexOf('## Contents')).toBeLessThan(md.indexOf('## Findings'));
    expect(md).toContain('- 5 articles from');
    expect(md).toMatch(/conflicts: 1 confirmed, 1 resolved, 1 dismissed, \d+ still to review/);
    for (const id of Object.values(ids)) expect(md.split(`### Conflict ${id}:`).length - 1).toBe(1);
    const entry = (id: number) =>
      md.slice(md.indexOf(`### Conflict ${id}:`), md.indexOf('<a id=', md.indexOf(`### Conflict ${id}:`)));
    expect(entry(ids.confirmed)).toContain('**Confirmed by Ana Lind on ');
    expect(entry(ids.confirmed)).toContain(NOTE);
    expect(entry(ids.dismissed)).toContain(`Reason: ${REASON}.`);
    const resolved = entry(ids.resolved);
    expect(resolved).toContain('**Resolved by Ana Lind on ');
    expect(resolved).toContain(
      '1. [State archive: party delegation in Baku, 1982](<https://archive.example/1982/le-duan-baku>)',
    );
    expect(resolved).toContain('2. [Press digest, May 1982](<https://library.example/press/1982-05>)');
    expect(resolved).toContain(`**${first.quote}**`);
    expect(resolved).toContain('\\<script\\>');
    expect(resolved).toMatch(/\*\*Right version:\*\* Side B: .*as VNA\b.*reports?\b/);
    // Findings, then dismissed, then the undecided one set apart.
    expect(md.indexOf(`### Conflict ${ids.dismissed}:`)).toBeGreaterThan(md.indexOf('## Dismissed'));
    expect(md.indexOf(`### Conflict ${ids.undecided}:`)).toBeGreaterThan(md.indexOf('## Still to review'));
  });

  // Chromium starts within these tests: the limit is for a loaded machine, not a speed check.
  it(
    'HTML: the same entries, links that go to the given addresses, nothing that runs, under a third of the old height',
    { timeout: 60_000 },
    async () => {
      const html = readFileSync(join(dir, 'notes.html'), 'utf8');
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('script').length).toBe(0);
      expect(document.querySelectorAll('section.conflict').length).toBeGreaterThanOrEqual(4);
      const resolved = document.querySelector(`#conflict-${ids.resolved}`)!;
      expect([...resolved.querySelectorAll('ol.evidence a')].map((a) => a.getAttribute('href'))).toEqual([
        'https://archive.example/1982/le-duan-baku',
        'https://library.example/press/1982-05',
      ]);
      expect(resolved.textContent).toContain('<script>alert("note")</script>');
      expect(document.querySelector(`#conflict-${ids.dismissed}`)?.textContent).toContain(REASON);
      expect(document.querySelector(`#review #conflict-${ids.undecided}`)).not.toBeNull();

      const browser = await chromium.launch({
        executablePath: findChromium()!,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.setContent(html);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(height).toBeLessThan(OLD_HEIGHT / 3);
      } finally {
        await browser.close();
      }
    },
  );

  it(
    'PDF: the text read back holds the same entries, and its links go to the evidence',
    { timeout: 60_000 },
    async () => {
      const { text, links, pages } = await pdfText(join(dir, 'notes.pdf'));
      expect(pages).toBeGreaterThan(1);
      for (const heading of ['Summary', 'Contents', 'Findings', 'Dismissed', 'Still to review', 'Appendix'])
        expect(text).toContain(heading);
      for (const id of Object.values(ids)) expect(text).toContain(`Conflict ${id}:`);
      expect(text).toContain('State archive: party delegation in Baku, 1982');
      expect(text).toContain('Reason: Different periods');
      expect(text).toMatch(/Resolved by Ana Lind on \d{4}-\d{2}-\d{2}/);
      expect(links).toContain('https://archive.example/1982/le-duan-baku');
      expect(links).toContain('https://library.example/press/1982-05');
    },
  );

  it('ClaimReview: the confirmed and the resolved conflicts, each review with the fields Google requires and recommends', () => {
    const reviews = JSON.parse(readFileSync(join(dir, 'notes.claimreview'), 'utf8')) as Record<string, any>[];
    const ofConflict = (id: number) => reviews.filter((r) => r['url'].includes(`/conflict-${id}#`));
    expect(ofConflict(ids.confirmed).length).toBeGreaterThan(0);
    expect(ofConflict(ids.resolved).length).toBeGreaterThan(0);
    expect(ofConflict(ids.dismissed)).toEqual([]);
    expect(ofConflict(ids.undecided)).toEqual([]);
    for (const r of reviews) {
      expect(r['url']).toMatch(/^https:\/\/checks\.example\/state-visit\/conflict-\d+#claim-\d+$/);
      expect(r['claimReviewed']).toBeTruthy();
      expect(r['reviewRating'].alternateName).toMatch(
        /^(Correct|Inaccurate|False|Contradicted by other reporting)$/,
      );
      expect(r['itemReviewed']['@type']).toBe('Claim');
      expect(r['itemReviewed'].appearance.headline).toBeTruthy();
      expect(r['author'].name).toBe('Ana Lind');
      expect(r['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const firstEver = reviews.find((r) => r['url'].endsWith(`#claim-${first.id}`))!;
    expect(firstEver['reviewRating'].alternateName).toBe('False');
    expect(firstEver['itemReviewed'].author).toEqual({ '@type': 'Organization', name: 'VNS' });
    expect(firstEver['itemReviewed'].datePublished).toBe('2025-05-09');
    expect(
      reviews.find((r) => r['url'].endsWith(`#claim-${precedent.id}`))!['reviewRating'].alternateName,
    ).toBe('Correct');
  });
});
