/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD read back from an export is untyped by nature; the assertions check its shape. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Db } from '../db/open';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { DeskError } from '../../shared/errors';
import {
  exportBackup,
  exportClaimReview,
  exportClaimsCsv,
  exportConflictsCsv,
  exportHtml,
  exportMarkdown,
  exportWebAnnotations,
  restoreBackup,
  runExport,
} from './index';
import { FAIR_TEXT, makeTestDesk, type TestDesk } from './test-desk';

let t: TestDesk;
beforeEach(() => {
  t = makeTestDesk();
});
afterEach(() => {
  t.db.close();
  rmSync(t.dir, { recursive: true, force: true });
});

const all = { includeDismissed: false };
const withDismissed = { includeDismissed: true };

function readCsv(csv: string): Record<string, string>[] {
  return parseCsv(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
}

function caught(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('did not throw');
}

describe('Markdown source notes', () => {
  it('shows each claim with its status, the other side cited, the resolution, evidence and notes', () => {
    const md = exportMarkdown(t.db, all);
    expect(md).toMatch(/^# Claimdesk source notes\n/);
    expect(md).toContain('## Harbour fair draws record crowd');
    expect(md).toContain('- Outlet: Coastal Post');
    expect(md).toContain('- Published: 2024-10-05');
    expect(md).toContain('- URL: <https://coastal-post.example/news/fair>');

    // The 12,000 claim: its section holds both conflicts it is in and their decisions.
    const section = md.slice(
      md.indexOf(`### Claim ${t.claims.fair12000} `),
      md.indexOf(`### Claim ${t.claims.fairFirst} `),
    );
    expect(section).toContain(
      `- Status: resolved (conflict ${t.conflicts.figure}); resolved (conflict ${t.conflicts.neither})`,
    );
    expect(section).toContain(
      `Other side (claim ${t.claims.doubt8000}): “8,000 visitors” in “Gate counts seen by this newspaper show 8,000 visitors on the opening day.” — Lakeside Daily, 2024-10-07, “Fair numbers questioned”`,
    );
    expect(section).toContain(
      `Resolution: This claim is wrong. Claim ${t.claims.doubt8000} is correct: “8,000 visitors”`,
    );
    expect(section).toContain('Resolution: Neither side is correct.');
    expect(section).toContain('Evidence: https://gate-counts.example/day1');
    expect(section).toContain('Decided by Mara Quill, 2024-10-08');
    expect(section).toContain(
      'Note by Mara Quill, 2024-10-08: Gate counts beat estimates, says the "port office", see below.',
    );
    // The exact source passage, with the claim in bold.
    expect(section).toContain(
      '> KESTREL BAY — The harbour fair opened on Saturday with **12,000 visitors**, organisers said.',
    );

    expect(md).toContain(`Status: confirmed (conflict ${t.conflicts.novelty})`);
    expect(md).toContain('- Note by Ilse Varga, 2024-10-08: Outlet corrected its headline later, on 9 Oct.');
    expect(md).toContain('### Claim ' + t.claims.ferry5 + ' · figure');
    expect(md).toMatch(new RegExp(`### Claim ${t.claims.ferry5} [^\\n]*\\n\\n- Status: no conflict`));
    // A claim the editor deleted is gone.
    expect(md).not.toContain('· count · deleted');
  });

  it('leaves dismissed conflicts out unless asked, and escapes markup from articles and notes', () => {
    const md = exportMarkdown(t.db, all);
    expect(md).not.toContain('Different events');
    expect(md).toContain(`### Claim ${t.claims.fairSaturday} · date · Saturday\n\n- Status: no conflict`);
    const full = exportMarkdown(t.db, withDismissed);
    expect(full).toContain(`Status: dismissed (conflict ${t.conflicts.date})`);
    expect(full).toContain('Dismissed: Different events: the 1987 fair opened on a Sunday.');
    // No raw HTML reaches a Markdown renderer.
    expect(full).not.toMatch(/(^|[^\\])<script/);
    expect(full).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('limits the notes to one article or to a selection of conflicts', () => {
    const ferry = exportMarkdown(t.db, { ...all, articleIds: [t.articles.ferry] });
    expect(ferry).toContain('## Ferry fares to rise');
    expect(ferry).not.toContain('## Harbour fair');
    expect(ferry).toContain('1 article · 1 claim · 0 conflicts');

    const sel = exportMarkdown(t.db, { ...all, conflictIds: [t.conflicts.novelty] });
    expect(sel).toContain('2 articles · 2 claims · 1 conflict');
    expect(sel).toContain(`### Claim ${t.claims.fairFirst} `);
    expect(sel).not.toContain(`### Claim ${t.claims.fair12000} `);
  });
});

describe('HTML source notes', () => {
  it('is a standalone printable page whose article and note text stays text', () => {
    const html = exportHtml(t.db, withDismissed);
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link|src=/);
    expect(document.querySelector('title')?.textContent).toBe('Claimdesk source notes');

    const text = document.body.textContent ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<script>alert("fair")</script>');

    const claim = document.querySelector(`#claim-${t.claims.fair12000}`)!;
    expect(claim.querySelector('mark')?.textContent).toBe('12,000 visitors');
    expect(claim.querySelectorAll('.conflict').length).toBe(2);
    const other = claim.querySelector('.other')!;
    expect(other.textContent).toContain('8,000 visitors');
    expect(other.querySelector('.cite')?.textContent).toBe(
      'Lakeside Daily, 2024-10-07, “Fair numbers questioned”',
    );
    expect(claim.textContent).toContain(`Claim ${t.claims.doubt8000} is correct`);
    expect(claim.querySelector('a[href="https://gate-counts.example/day1"]')).not.toBeNull();

    const article = document.querySelector(`#article-${t.articles.fair}`)!;
    expect(article.querySelector('h2')?.textContent).toBe('Harbour fair draws record crowd');
    expect(article.querySelector('dl.meta')?.textContent).toContain('Coastal Post');
    expect(document.querySelector(`#claim-${t.claims.fairSaturday} .status-dismissed`)).not.toBeNull();
  });
});

describe('CSV', () => {
  it('has one row per live claim, quoted so a CSV reader gets every cell back', () => {
    const rows = readCsv(exportClaimsCsv(t.db, all));
    const live = t.db.prepare('SELECT count(*) AS n FROM claims WHERE deleted = 0').get() as { n: number };
    expect(rows.length).toBe(live.n);
    const fair = rows.find((r) => r['claim_id'] === String(t.claims.fair12000))!;
    expect(fair['outlet']).toBe('Coastal Post');
    expect(fair['sentence']).toBe(
      'KESTREL BAY — The harbour fair opened on Saturday with 12,000 visitors, organisers said.',
    );
    expect(fair['conflict_ids']).toBe(`${t.conflicts.figure} ${t.conflicts.neither}`);
    expect(fair['resolution']).toContain('Neither side is correct.');
    const script = rows.find((r) => r['claim_id'] === String(t.claims.fairScript))!;
    expect(script['quote']).toBe('<script>alert("fair")</script>');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const rows = readCsv(exportClaimsCsv(t.db, all));
    const sunday = rows.find((r) => r['claim_id'] === String(t.claims.doubtSunday))!;
    expect(sunday['value']).toBe("'=Sunday, 2024-10-06");
    // A note starting with "=" is safe inside its cell: the cell starts with the editor's name.
    expect(sunday['notes']).toBe('Ilse Varga (2024-10-08): =HYPERLINK("http://evil.example","click")');
    const ferry = rows.find((r) => r['claim_id'] === String(t.claims.ferry5))!;
    expect(ferry['value']).toBe("'-5% drop? no: +5%");
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('has one row per conflict with both sides cited and the decision', () => {
    const csv = exportConflictsCsv(t.db, all);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFconflict_id,kind,status,explanation,side_a_claim_ids,side_a,side_b_claim_ids,side_b,correct,decision,dismissal_reason,evidence,editor,updated_at,notes',
    );
    const rows = readCsv(csv);
    expect(rows.map((r) => Number(r['conflict_id']))).toEqual([
      t.conflicts.figure,
      t.conflicts.novelty,
      t.conflicts.open,
      t.conflicts.neither,
    ]);
    const fig = rows[0]!;
    expect(fig['correct']).toBe(String(t.claims.doubt8000));
    expect(fig['editor']).toBe('Mara Quill');
    expect(fig['side_b']).toBe('“8,000 visitors” (Lakeside Daily, 2024-10-07, “Fair numbers questioned”)');
    // Commas, quotes and a line break inside one cell come back intact.
    expect(fig['notes']).toBe(
      'Mara Quill (2024-10-08): Gate counts beat estimates, says the "port office", see below.\n<script>alert(1)</script>',
    );
    expect(rows[3]!['correct']).toBe('neither');
    expect(rows[2]!['editor']).toBe('');
    expect(readCsv(exportConflictsCsv(t.db, withDismissed)).length).toBe(5);
  });
});

describe('W3C Web Annotation', () => {
  it('is an AnnotationCollection of assessments and comments anchored by quote and position', () => {
    const doc = JSON.parse(exportWebAnnotations(t.db, all));
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    const items = doc.first.items as Record<string, any>[];
    expect(doc.total).toBe(items.length);

    const assessing = items.filter((a) => a.motivation === 'assessing');
    // Decided conflicts (two resolved, one confirmed), one annotation per claim in each.
    expect(assessing.length).toBe(6);
    const commenting = items.filter((a) => a.motivation === 'commenting');
    expect(commenting.length).toBe(3);

    const texts = new Map(
      (t.db.prepare('SELECT url, content_hash, text FROM articles').all() as any[]).map((a) => [
        a.url ?? `urn:claimdesk:article:${a.content_hash}`,
        a.text as string,
      ]),
    );
    for (const a of items) {
      expect(a.type).toBe('Annotation');
      expect(a.creator.type).toBe('Person');
      expect(a.creator.name).toBeTruthy();
      expect(Number.isNaN(Date.parse(a.created))).toBe(false);
      const targets = Array.isArray(a.target) ? a.target : [a.target];
      for (const target of targets) {
        const text = texts.get(target.source);
        expect(text).toBeDefined();
        if (!target.selector) continue;
        const [quote, pos] = target.selector;
        expect(quote.type).toBe('TextQuoteSelector');
        expect(pos.type).toBe('TextPositionSelector');
        // Positions count code points, so they select the quote even after the 🎡.
        expect([...text!].slice(pos.start, pos.end).join('')).toBe(quote.exact);
        expect(text).toContain(`${quote.prefix}${quote.exact}${quote.suffix}`);
      }
    }

    const first = assessing.find((a) => a.id.endsWith(`:claim:${t.claims.fairFirst}`))!;
    expect(first.target.source).toBe('https://coastal-post.example/news/fair');
    expect(first.body[0].value).toContain('Confirmed');
    const wrong = assessing.find(
      (a) => a.id === `urn:claimdesk:conflict:${t.conflicts.figure}:claim:${t.claims.fair12000}`,
    )!;
    expect(wrong.creator.name).toBe('Mara Quill');
    expect(wrong.body[1].value).toBe('inaccurate');
    // The fixture's premise: UTF-16 and code-point offsets differ before this claim.
    const at = FAIR_TEXT.indexOf('first-ever');
    expect([...FAIR_TEXT.slice(0, at)].length).toBe(at - 1);

    const formula = commenting.find((a) => a.id === `urn:claimdesk:note:${t.notes.formula}`)!;
    expect(formula.body.value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(formula.target.source).toBe('urn:claimdesk:article:hash2');
  });

  it('includes dismissals only when asked', () => {
    const items = JSON.parse(exportWebAnnotations(t.db, withDismissed)).first.items as any[];
    const dismissed = items.filter((a) => a.id.startsWith(`urn:claimdesk:conflict:${t.conflicts.date}:`));
    expect(dismissed.length).toBe(2);
    expect(dismissed[0].body[0].value).toContain('Dismissed: Different events');
  });
});

describe('schema.org ClaimReview', () => {
  it('reviews each claim of the resolved conflicts with the fields fact-check markup requires', () => {
    const reviews = JSON.parse(
      exportClaimReview(t.db, { ...all, reviewUrl: 'https://desk.example/checks/fair' }),
    );
    expect(Array.isArray(reviews)).toBe(true);
    // Two resolved conflicts with two claims each; the confirmed and open ones are not reviews.
    expect(reviews.length).toBe(4);
    for (const r of reviews) {
      expect(r['@context']).toBe('https://schema.org');
      expect(r['@type']).toBe('ClaimReview');
      expect(r.claimReviewed).toBeTruthy();
      expect(r.url).toMatch(/^https:\/\/desk\.example\/checks\/fair#claim-\d+$/);
      expect(r.datePublished).toBe('2024-10-08');
      expect(r.author).toEqual({ '@type': 'Person', name: 'Mara Quill' });
      expect(r.reviewRating['@type']).toBe('Rating');
      expect(r.reviewRating.bestRating).toBe(5);
      expect(r.reviewRating.worstRating).toBe(1);
      expect(['Accurate', 'Inaccurate', 'False']).toContain(r.reviewRating.alternateName);
      expect(r.itemReviewed['@type']).toBe('Claim');
      expect(r.itemReviewed.author['@type']).toBe('Organization');
      expect(r.itemReviewed.appearance['@type']).toBe('CreativeWork');
      expect(r.itemReviewed.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const right = reviews.find(
      (r: any) => r.reviewRating.alternateName === 'Accurate' && r.claimReviewed.includes('8,000 visitors'),
    );
    expect(right.itemReviewed.author.name).toBe('Lakeside Daily');
    expect(right.itemReviewed.appearance.headline).toBe('Fair numbers questioned');
    const wrong = reviews.filter((r: any) => r.claimReviewed.includes('12,000 visitors'));
    expect(wrong.map((r: any) => r.reviewRating.alternateName)).toEqual(['Inaccurate', 'Inaccurate']);
    expect(wrong[0].itemReviewed.appearance.url).toBe('https://coastal-post.example/news/fair');
    // Without a publication address the review still has a stable identifier.
    const plain = JSON.parse(exportClaimReview(t.db, all));
    expect(plain[0].url).toMatch(/^urn:claimdesk:conflict:\d+:claim:\d+$/);
  });
});

function dump(db: Db): unknown {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const out: Record<string, unknown> = {};
  for (const name of tables) out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
  out['fts'] = db
    .prepare("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'visitors' ORDER BY rowid")
    .all();
  out['version'] = db.pragma('user_version', { simple: true });
  return out;
}

describe('backup and restore', () => {
  it('round-trips a desk exactly into a new file', () => {
    const bytes = exportBackup(t.db);
    const target = join(t.dir, 'restored.claimdesk');
    restoreBackup(bytes, target);
    const restored = openDesk(target, { mustExist: true });
    try {
      expect(dump(restored)).toEqual(dump(t.db));
      expect((dump(restored) as { fts: unknown[] }).fts.length).toBeGreaterThan(0);
      expect(exportMarkdown(restored, withDismissed)).toBe(exportMarkdown(t.db, withDismissed));
    } finally {
      restored.close();
    }
  });

  it('refuses to overwrite, a file that is not a backup, and a backup from a newer version', () => {
    const bytes = exportBackup(t.db);
    const exists = caught(() => restoreBackup(bytes, t.path));
    expect(exists.message).toContain('already exists');

    const junk = caught(() =>
      restoreBackup(new TextEncoder().encode('not a desk at all'), join(t.dir, 'a.claimdesk')),
    );
    expect(junk.code).toBe('not_a_desk');
    const otherPath = join(t.dir, 'other.sqlite');
    const other = new Database(otherPath);
    other.exec('CREATE TABLE t (x)');
    const otherBytes = other.serialize();
    other.close();
    expect(caught(() => restoreBackup(otherBytes, join(t.dir, 'b.claimdesk'))).code).toBe('not_a_desk');

    t.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    const newer = caught(() =>
      restoreBackup(exportBackup(t.db), join(t.dir, 'c.claimdesk'), 'future.claimdesk-backup'),
    );
    expect(newer.code).toBe('desk_too_new');
    expect(newer.message).toMatch(/^future\.claimdesk-backup is a backup from a newer version of Claimdesk/);
    for (const f of ['a', 'b', 'c']) expect(existsSync(join(t.dir, `${f}.claimdesk`))).toBe(false);
  });

  it('refuses a damaged backup and leaves no file behind', () => {
    const bytes = Buffer.from(exportBackup(t.db));
    bytes.fill(0xab, 4096, bytes.length);
    const target = join(t.dir, 'broken.claimdesk');
    const err = caught(() => restoreBackup(bytes, target));
    expect(['desk_corrupt', 'not_a_desk']).toContain(err.code);
    expect(existsSync(target)).toBe(false);
  });
});

describe('runExport', () => {
  it('names and types each file; the backup travels as base64 of the desk image', () => {
    const md = runExport(t.db, { format: 'md', includeDismissed: false, deskName: 'review.claimdesk' });
    expect(md.filename).toMatch(/^review-\d{4}-\d{2}-\d{2}-notes\.md$/);
    expect(md.mime).toMatch(/^text\/markdown/);
    expect(md.data).toBe(exportMarkdown(t.db, all));
    const backup = runExport(t.db, { format: 'backup', includeDismissed: false });
    expect(backup.encoding).toBe('base64');
    const target = join(t.dir, 'from-base64.claimdesk');
    restoreBackup(Buffer.from(backup.data, 'base64'), target);
    const restored = openDesk(target, { mustExist: true });
    expect(dump(restored)).toEqual(dump(t.db));
    restored.close();
    for (const format of ['html', 'csv-claims', 'csv-conflicts', 'webanno', 'claimreview'] as const) {
      const f = runExport(t.db, { format, includeDismissed: true });
      expect(f.data.length).toBeGreaterThan(100);
      expect(f.encoding).toBe('utf8');
    }
  });
});

describe('runExport scope', () => {
  it('exports the whole desk, one article, or a selection, as the Export dialog asks', () => {
    const ids = { articleIds: [t.articles.ferry], conflictIds: [t.conflicts.novelty] };
    const desk = runExport(t.db, { format: 'md', scope: 'desk', includeDismissed: false, ...ids });
    expect(desk.data).toContain('3 articles');
    const article = runExport(t.db, { format: 'md', scope: 'article', includeDismissed: false, ...ids });
    expect(article.data).toContain('1 article · 1 claim · 0 conflicts');
    const sel = runExport(t.db, {
      format: 'md',
      scope: 'selection',
      includeDismissed: false,
      conflictIds: ids.conflictIds,
    });
    expect(sel.data).toContain('2 articles · 2 claims · 1 conflict');
    expect(
      caught(() => runExport(t.db, { format: 'md', scope: 'article', includeDismissed: false })).code,
    ).toBe('invalid_input');
  });
});
