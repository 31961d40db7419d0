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

const NOW = '2024-10-09T08:00:00.000Z';
const notesOf = (extra: Record<string, unknown> = {}) => ({
  ...all,
  story: 'Harbour fair',
  now: NOW,
  ...extra,
});
const count = (s: string, part: string) => s.split(part).length - 1;

describe('Markdown source notes', () => {
  it('open with a summary and a table of contents, then list each conflict once, findings first', () => {
    const md = exportMarkdown(t.db, notesOf());
    expect(md).toMatch(/^# Source notes: Harbour fair\n/);
    const at = (s: string) => md.indexOf(s);
    expect(at('## Summary')).toBeGreaterThan(0);
    expect(at('## Summary')).toBeLessThan(at('## Contents'));
    expect(at('## Contents')).toBeLessThan(at('## Findings'));
    expect(at('## Findings')).toBeLessThan(at('## Dismissed'));
    expect(at('## Dismissed')).toBeLessThan(at('## Still to review'));
    expect(at('## Still to review')).toBeLessThan(at('## Appendix: articles and their claims'));
    expect(md).toContain('- 3 articles from 2 named outlets: Coastal Post, Lakeside Daily, outlet unknown');
    expect(md).toContain('- Published 5 October 2024 to 7 October 2024; 1 undated');
    expect(md).toContain('- 5 conflicts: 1 confirmed, 2 resolved, 1 dismissed, 1 still to review');
    // One entry per conflict, however many claims it touches (12,000 is in two).
    for (const id of Object.values(t.conflicts)) {
      expect(count(md, `### Conflict ${id}:`)).toBe(1);
      expect(md).toContain(`(#conflict-${id})`);
    }
    // Ranked as the queue ranks: the confirmed "first" before the resolved ones.
    expect(at(`### Conflict ${t.conflicts.novelty}:`)).toBeLessThan(
      at(`### Conflict ${t.conflicts.figure}:`),
    );
    expect(at(`### Conflict ${t.conflicts.date}:`)).toBeGreaterThan(at('## Dismissed'));
    expect(at(`### Conflict ${t.conflicts.open}:`)).toBeGreaterThan(at('## Still to review'));
  });

  it('give each conflict its values with outlets, the decision, the right version, evidence links, notes and cited passages', () => {
    const md = exportMarkdown(t.db, notesOf());
    const from = md.indexOf(`### Conflict ${t.conflicts.figure}:`);
    const entry = md.slice(from, md.indexOf('<a id=', from));
    expect(entry).toContain('### Conflict 1: Harbour fair visitors, opening day');
    expect(entry).toContain('**Resolved by Mara Quill on 2024-10-08 10:00 UTC.**');
    expect(entry).toContain('- A. “12,000 visitors”: Coastal Post; sources cited: none stated — **wrong**');
    expect(entry).toContain('- B. “8,000 visitors”: Lakeside Daily; sources cited: none stated — **right**');
    expect(entry).toContain(
      '**Right version:** Side B: “8,000 visitors”, as Lakeside Daily reports (1 article).',
    );
    expect(entry).toContain('1. [https://gate-counts.example/day1](<https://gate-counts.example/day1>)');
    expect(entry).toContain(
      '- Mara Quill, 2024-10-08: Gate counts beat estimates, says the "port office", see below.',
    );
    expect(entry).toContain(
      '> A: KESTREL BAY — The harbour fair opened on Saturday with **12,000 visitors**, organisers said.',
    );
    expect(entry).toContain(
      '> — Coastal Post, “Harbour fair draws record crowd”, 5 October 2024, [https://coastal-post.example/news/fair](<https://coastal-post.example/news/fair>)',
    );
    expect(entry).toContain(
      '> — Lakeside Daily, “Fair numbers questioned”, 7 October 2024, file fair-numbers-questioned.txt',
    );

    const neither = md.slice(md.indexOf(`### Conflict ${t.conflicts.neither}:`));
    expect(neither).toContain('**Right version:** None of the values is right.');
    // Evidence without an address stays words.
    expect(neither).toContain('1. Port authority statement, 9 October');

    const dismissed = md.slice(md.indexOf(`### Conflict ${t.conflicts.date}:`));
    expect(dismissed).toContain(
      '**Dismissed by Ilse Varga on 2024-10-08 10:00 UTC. Reason: Different events: the 1987 fair opened on a Sunday.**',
    );
    const open = md.slice(md.indexOf(`### Conflict ${t.conflicts.open}:`));
    expect(open).toContain('**Opened for review; not decided yet.**');
  });

  it('leave out dismissed conflicts or statuses when asked, and escape markup from articles and notes', () => {
    const hidden = exportMarkdown(t.db, notesOf({ hideDismissed: true }));
    expect(hidden).not.toContain('Different events');
    expect(hidden).not.toContain('## Dismissed');
    const findings = exportMarkdown(t.db, notesOf({ statuses: ['confirmed', 'resolved'] }));
    expect(findings).not.toContain('## Still to review');
    expect(findings).not.toContain(`### Conflict ${t.conflicts.open}:`);
    expect(findings).toContain(`### Conflict ${t.conflicts.novelty}:`);
    // No raw HTML reaches a Markdown renderer.
    const full = exportMarkdown(t.db, notesOf());
    expect(full).not.toMatch(/(^|[^\\])<(script|img)/m);
    expect(full).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('end with the articles and their conflicted claims, other claims left out; the appendix can be dropped', () => {
    const md = exportMarkdown(t.db, notesOf());
    const appendix = md.slice(md.indexOf('## Appendix'));
    expect(appendix).toContain('### Article 3: Ferry fares to rise');
    expect(appendix).toContain(
      'outlet unknown, “Ferry fares to rise”, undated, file ferry-fares-to-rise.txt',
    );
    expect(appendix).toContain('- 1 other claim without a conflict, left out.');
    expect(appendix).toContain(
      `- Claim ${t.claims.fair12000}, count: “12,000 visitors” — [conflict ${t.conflicts.figure}](#conflict-${t.conflicts.figure}) (resolved), [conflict ${t.conflicts.neither}](#conflict-${t.conflicts.neither}) (resolved)`,
    );
    expect(appendix).not.toContain('-5% drop');
    const short = exportMarkdown(t.db, notesOf({ appendix: false }));
    expect(short).not.toContain('## Appendix');
    expect(short).not.toContain('(#appendix)');
  });

  it('limit the notes to one article or to a selection of conflicts', () => {
    const ferry = exportMarkdown(t.db, notesOf({ articleIds: [t.articles.ferry] }));
    expect(ferry).toContain('### Article 3: Ferry fares to rise');
    expect(ferry).not.toContain('Harbour fair draws');
    expect(ferry).toContain('- 0 conflicts: 0 confirmed, 0 resolved, 0 dismissed, 0 still to review');

    const sel = exportMarkdown(t.db, notesOf({ conflictIds: [t.conflicts.novelty] }));
    expect(sel).toContain('- 1 conflict: 1 confirmed, 0 resolved, 0 dismissed, 0 still to review');
    expect(sel).toContain(`### Conflict ${t.conflicts.novelty}:`);
    expect(sel).not.toContain(`### Conflict ${t.conflicts.figure}:`);
  });
});

describe('HTML source notes', () => {
  it('is a standalone printable page: summary, contents whose links land, one section per conflict', () => {
    const html = exportHtml(t.db, notesOf());
    const { document } = parseHTML(html);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link|src=/);
    expect(document.querySelector('title')?.textContent).toBe('Source notes: Harbour fair');
    expect(document.querySelector('#summary')?.textContent).toContain('1 confirmed, 2 resolved, 1 dismissed');
    const links = [...document.querySelectorAll('#contents a')].map((a) => a.getAttribute('href')!);
    expect(links.length).toBe(3 + 5 + 1);
    for (const href of links) expect(document.querySelector(href)).not.toBeNull();
    expect(document.querySelectorAll('section.conflict').length).toBe(5);

    const figure = document.querySelector(`#conflict-${t.conflicts.figure}`)!;
    expect(figure.querySelector('.decision')?.textContent).toContain(
      'Resolved by Mara Quill on 2024-10-08 10:00 UTC.',
    );
    expect(figure.querySelectorAll('table.values tbody tr').length).toBe(2);
    expect(figure.querySelector('.right')?.closest('tr')?.textContent).toContain('8,000 visitors');
    expect(figure.querySelector('ol.evidence a')?.getAttribute('href')).toBe(
      'https://gate-counts.example/day1',
    );
    expect(figure.querySelector('mark')?.textContent).toBe('12,000 visitors');
    expect(figure.querySelector('figcaption')?.textContent).toBe(
      `Coastal Post, “Harbour fair draws record crowd”, 5 October 2024, https://coastal-post.example/news/fair · claim ${t.claims.fair12000}`,
    );
    // Claims without a conflict fold away in the appendix.
    const ferry = document.querySelector(`#article-${t.articles.ferry}`)!;
    expect(ferry.querySelector('details summary')?.textContent).toBe('1 other claim without a conflict');
    expect(ferry.querySelector('details')?.hasAttribute('open')).toBe(false);
  });

  it('runs nothing from article text, notes or evidence', () => {
    // Hostile input written straight to the desk, past every check the app makes.
    t.db
      .prepare('UPDATE articles SET title = ?, url = ? WHERE id = ?')
      .run('Ferry <img src=x onerror=alert(1)> fares', 'javascript:alert(2)', t.articles.ferry);
    t.db.prepare('UPDATE conflicts SET evidence_items = ? WHERE id = ?').run(
      JSON.stringify([
        {
          url: 'javascript:alert(3)',
          title: '<script>alert(4)</script>',
          passage: '"><svg onload=alert(5)>',
        },
        { url: 'https://ok.example/a?b="x"&c=<y>', title: 'fine', passage: null },
      ]),
      t.conflicts.figure,
    );
    t.db
      .prepare(
        "INSERT INTO notes (target_type, target_id, body, editor, created_at) VALUES ('conflict', ?, ?, ?, ?)",
      )
      .run(
        t.conflicts.open,
        '<iframe src="javascript:alert(6)"></iframe>',
        '<b onclick=alert(7)>Eve</b>',
        NOW,
      );
    const html = exportHtml(t.db, notesOf());
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script, iframe, img, svg, object, embed, form').length).toBe(0);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on')).toBe(false);
    }
    for (const a of document.querySelectorAll('a[href]'))
      expect(a.getAttribute('href')).toMatch(/^(https?:|#)/);
    const text = document.body.textContent ?? '';
    expect(text).toContain('<script>alert(4)</script>');
    expect(text).toContain('<iframe src="javascript:alert(6)"></iframe>');
    expect(text).toContain('Ferry <img src=x onerror=alert(1)> fares');
    expect(document.querySelector('a[href^="https://ok.example"]')?.getAttribute('href')).toBe(
      'https://ok.example/a?b=%22x%22&c=%3Cy%3E',
    );
    expect(html).toContain("default-src 'none'");
    const md = exportMarkdown(t.db, notesOf());
    expect(md).not.toMatch(/\]\(<?javascript:/);
    expect(md).not.toMatch(/(^|[^\\])<(script|img|iframe|svg|b )/m);
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
      '\uFEFFconflict_id,kind,status,explanation,side_a_claim_ids,side_a,side_b_claim_ids,side_b,correct,decision,dismissal_reason,evidence,editor,updated_at,notes,right_value',
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
    // The right value with every outlet giving it.
    expect(fig['right_value']).toBe('“8,000 visitors” (Lakeside Daily)');
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
    // The evidence address of the figure conflict travels as a link to follow.
    const figure = assessing.find(
      (a) => a.id === `urn:claimdesk:conflict:${t.conflicts.figure}:claim:${t.claims.fair12000}`,
    )!;
    expect(figure.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: 'https://gate-counts.example/day1',
    });

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
  it('reviews each claim of the confirmed and resolved conflicts with the fields fact-check markup requires and recommends', () => {
    t.db
      .prepare("INSERT INTO settings (key, value) VALUES ('newsroomUrl', 'https://desk.example/checks')")
      .run();
    const reviews = JSON.parse(exportClaimReview(t.db, all));
    expect(Array.isArray(reviews)).toBe(true);
    // Resolved: two conflicts, two claims each. Confirmed "first": the "first" only, not
    // its precedent. Open and dismissed conflicts are not reviews.
    expect(reviews.length).toBe(5);
    for (const r of reviews) {
      expect(r['@context']).toBe('https://schema.org');
      expect(r['@type']).toBe('ClaimReview');
      expect(r.claimReviewed).toBeTruthy();
      expect(r.url).toMatch(/^https:\/\/desk\.example\/checks\/conflict-\d+#claim-\d+$/);
      expect(r.datePublished).toBe('2024-10-08');
      expect(r.author['@type']).toBe('Person');
      expect(r.reviewRating['@type']).toBe('Rating');
      expect(r.reviewRating.bestRating).toBe(5);
      expect(r.reviewRating.worstRating).toBe(1);
      expect(r.reviewRating.alternateName).toBeTruthy();
      expect(r.itemReviewed['@type']).toBe('Claim');
      expect(r.itemReviewed.author['@type']).toBe('Organization');
      expect(r.itemReviewed.author.name).toMatch(/^(Coastal Post|Lakeside Daily)$/);
      expect(r.itemReviewed.appearance['@type']).toBe('CreativeWork');
      expect(r.itemReviewed.appearance.headline).toBeTruthy();
      expect(r.itemReviewed.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const of = (claimId: number, conflictId: number) =>
      reviews.find((r: any) => r.url.endsWith(`/conflict-${conflictId}#claim-${claimId}`));
    const right = of(t.claims.doubt8000, t.conflicts.figure);
    expect(right.reviewRating).toMatchObject({ alternateName: 'Correct', ratingValue: 5 });
    expect(right.itemReviewed.author.name).toBe('Lakeside Daily');
    expect(right.itemReviewed.appearance.headline).toBe('Fair numbers questioned');
    expect(right.author.name).toBe('Mara Quill');
    const wrong = of(t.claims.fair12000, t.conflicts.figure);
    expect(wrong.reviewRating.alternateName).toBe('Inaccurate');
    expect(wrong.itemReviewed.appearance.url).toBe('https://coastal-post.example/news/fair');
    expect(wrong.citation).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'https://gate-counts.example/day1',
        url: 'https://gate-counts.example/day1',
      },
    ]);
    expect(of(t.claims.fair12000, t.conflicts.neither).citation).toEqual([
      { '@type': 'CreativeWork', name: 'Port authority statement, 9 October' },
    ]);
    expect(of(t.claims.fair12000, t.conflicts.neither).reviewRating.alternateName).toBe('Inaccurate');
    expect(of(t.claims.doubt8000, t.conflicts.neither).reviewRating.alternateName).toBe('Inaccurate');
    const confirmed = of(t.claims.fairFirst, t.conflicts.novelty);
    expect(confirmed.reviewRating).toMatchObject({
      alternateName: 'Contradicted by other reporting',
      ratingValue: 2,
    });
    expect(confirmed.author.name).toBe('Ilse Varga');
    expect(of(t.claims.doubt1987, t.conflicts.novelty)).toBeUndefined();
  });

  it('is refused, saying where to set it, until the desk knows the newsroom address', () => {
    const err = caught(() => exportClaimReview(t.db, all));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/^ClaimReview needs the web address your reviews are published under/);
    expect(err.message).toContain('--newsroom-url');
    // An organisation name from the desk's settings becomes the reviews' author.
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('newsroomUrl', 'https://desk.example')").run();
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('newsroomName', 'Harbour Desk')").run();
    const reviews = JSON.parse(exportClaimReview(t.db, all));
    expect(reviews[0].author).toEqual({ '@type': 'Organization', name: 'Harbour Desk' });
    expect(reviews[0].url).toMatch(/^https:\/\/desk\.example\/conflict-\d+#claim-\d+$/);
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
      expect(exportMarkdown(restored, { ...withDismissed, now: NOW })).toBe(
        exportMarkdown(t.db, { ...withDismissed, now: NOW }),
      );
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
    const md = runExport(t.db, {
      format: 'md',
      includeDismissed: false,
      deskName: 'review.claimdesk',
      now: NOW,
    });
    expect(md.filename).toMatch(/^review-\d{4}-\d{2}-\d{2}-notes\.md$/);
    expect(md.mime).toMatch(/^text\/markdown/);
    expect(md.data).toBe(exportMarkdown(t.db, { ...all, story: 'review', now: NOW }));
    const backup = runExport(t.db, { format: 'backup', includeDismissed: false });
    expect(backup.encoding).toBe('base64');
    const target = join(t.dir, 'from-base64.claimdesk');
    restoreBackup(Buffer.from(backup.data, 'base64'), target);
    const restored = openDesk(target, { mustExist: true });
    expect(dump(restored)).toEqual(dump(t.db));
    restored.close();
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('newsroomUrl', 'https://desk.example')").run();
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
    expect(article.data).toContain('- 1 article from 0 named outlets: outlet unknown');
    const sel = runExport(t.db, {
      format: 'md',
      scope: 'selection',
      includeDismissed: false,
      conflictIds: ids.conflictIds,
    });
    expect(sel.data).toContain('- 2 articles from 2 named outlets');
    expect(sel.data).toContain('- 1 conflict: 1 confirmed');
    expect(
      caught(() => runExport(t.db, { format: 'md', scope: 'article', includeDismissed: false })).code,
    ).toBe('invalid_input');
  });
});
