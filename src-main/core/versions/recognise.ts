/**
 * Is an imported article a revision of one already on the desk?
 *
 * Two signals, in order:
 *  1. The same canonical URL: an outlet revises a story at its address. Tracking
 *     parameters, fragments, "www." and a trailing slash do not make another article.
 *  2. The same outlet and the same lead: a revision keeps most of its opening
 *     paragraphs even when the headline is rewritten and a figure changes, while a
 *     follow-up story by the same outlet, however similar its headline, is written anew.
 *
 * Candidates come from an index of sampled lead shingles keyed by outlet
 * (article_marks), so finding them costs a few index lookups, not a read of every
 * article of the outlet.
 */
import type { Db } from '../db/open';
import { foldKey } from '../../shared/fold';
import { stmt } from '../db/stmt';

/** The address an outlet's article is known by, or null when it is not a web address. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url?.trim()) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const keep = [...u.searchParams.entries()].filter(
    ([k]) => !/^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$|ocid$|at_)/i.test(k),
  );
  keep.sort(([a], [b]) => a.localeCompare(b));
  const query = keep.length ? `?${new URLSearchParams(keep).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '') || '/';
  return `${host}${path}${query}`;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function words(text: string): string[] {
  return foldedWords(foldKey(text));
}

function foldedWords(folded: string): string[] {
  return (folded.match(WORD) ?? []).map((w) => w.replace(/[.,]/g, ''));
}

/** An "Updated …" line the outlet printed: not part of the lead, but the version's stated date. */
const UPDATED_LINE = /^\s*(?:last\s+)?updated(?:\s+on)?\s*[:\-–]?\s*(.{4,60}?)\s*$/im;

/** The date an outlet says the version was updated, as YYYY-MM-DD, when the text states one. */
export function statedUpdate(text: string): string | null {
  const m = UPDATED_LINE.exec(text.slice(0, 2000));
  if (!m) return null;
  const raw = m[1]!.replace(/\s+at\s+.*$/i, '').replace(/,?\s+\d{1,2}[:.]\d{2}.*$/, '');
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  if (iso) return iso[1]!;
  const t = Date.parse(`${raw} UTC`);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * The lead: the opening paragraphs after the headline (and after any "Updated" line),
 * up to 120 words. Long enough that one edited sentence leaves most of it, short
 * enough that a story's later paragraphs (background an outlet re-uses in every
 * follow-up) do not count.
 */
export function leadWords(text: string, title: string): string[] {
  const titleKey = foldKey(title);
  const out: string[] = [];
  // Paragraph by paragraph from the top, folding each once, until the lead is full:
  // the rest of a long article is never read.
  const breaks = /\n\s*\n/g;
  let from = 0;
  while (from <= text.length && out.length < 120) {
    const m = breaks.exec(text);
    const p = text.slice(from, m ? m.index : text.length).trim();
    from = m ? m.index + m[0].length : text.length + 1;
    if (!p) continue;
    const folded = foldKey(p);
    if (folded === titleKey || UPDATED_LINE.test(p)) continue;
    // Word by word up to the lead's length: one paragraph can hold more words than a
    // call may take arguments (a pasted list of 150,000 years).
    for (const w of foldedWords(folded)) {
      if (out.length >= 120) break;
      out.push(w);
    }
  }
  return out.slice(0, 120);
}

function shingles(ws: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
  if (ws.length > 0 && ws.length < 3) out.add(ws.join(' '));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The thresholds. Lead shingles (three-word runs) are strict: editing one sentence
 * of a three-sentence lead removes about a third of its shingles and inserting a
 * clause a few more, so a revision stays well above one half; a follow-up written
 * anew shares only names and stock phrases, below one fifth even on the same story
 * (see recognise.test.ts for both). A headline that is nearly the same (0.8 of its
 * words) lowers the bar on the lead to 0.25, for the revision that rewrote its first
 * paragraph but kept the headline; the same headline over a new lead (a daily
 * briefing, a live page's new day) stays a separate article.
 */
export const LEAD_SAME = 0.5;
export const TITLE_SAME = 0.8;
export const LEAD_WITH_TITLE = 0.25;

export function titleSimilarity(a: string, b: string): number {
  return jaccard(new Set(words(a)), new Set(words(b)));
}

export interface Likeness {
  lead: number;
  title: number;
  same: boolean;
}

/** What two articles are compared by: the lead's shingles and the headline's words. */
export interface LeadPrint {
  shingles: Set<string>;
  titleWords: Set<string>;
}

export function leadPrint(a: { title: string; text: string }): LeadPrint {
  return { shingles: shingles(leadWords(a.text, a.title)), titleWords: new Set(words(a.title)) };
}

export function likeness(a: { title: string; text: string }, b: { title: string; text: string }): Likeness {
  return printLikeness(leadPrint(a), leadPrint(b));
}

function printLikeness(a: LeadPrint, b: LeadPrint): Likeness {
  const lead = jaccard(a.shingles, b.shingles);
  const title = jaccard(a.titleWords, b.titleWords);
  return {
    lead,
    title,
    same: lead >= LEAD_SAME || (title >= TITLE_SAME && lead >= LEAD_WITH_TITLE),
  };
}

function hash32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}

/**
 * Sampled marks of an article's lead, salted with its outlet so that only the same
 * outlet's articles share them. One shingle in three is kept (by its hash, so two
 * copies keep the same ones): a revision sharing half its lead shares about twenty.
 */
export function leadMarks(
  outlet: string,
  title: string,
  text: string,
  print: LeadPrint = leadPrint({ title, text }),
): number[] {
  const salt = foldKey(outlet);
  const out = new Set<number>();
  for (const s of print.shingles) {
    const h = hash32(`${salt}\u0001${s}`);
    if ((h >>> 0) % 3 === 0) out.add(h);
  }
  return [...out];
}

/** Records what later imports look the article up by: its canonical URL and its lead marks. */
export function indexArticle(
  db: Db,
  id: number,
  meta: { title: string; outlet: string | null; url: string | null },
  text: string,
  marks?: number[],
): void {
  const url = canonicalUrl(meta.url);
  if (url) stmt(db, 'UPDATE articles SET canonical_url = ? WHERE id = ?').run(url, id);
  if (!meta.outlet?.trim()) return;
  const ins = stmt(db, 'INSERT OR IGNORE INTO article_marks (mark, article_id) VALUES (?, ?)');
  for (const m of marks ?? leadMarks(meta.outlet, meta.title, text)) ins.run(m, id);
}

/**
 * Articles imported before the desk knew about versions have no marks and no canonical
 * URL: the first import after the upgrade indexes them once, and a setting records it.
 */
export function ensureIndexed(db: Db): void {
  if (stmt(db, "SELECT 1 FROM settings WHERE key = 'versionsIndexed'").get()) return;
  const rows = stmt(db, 'SELECT id, title, outlet, url, text FROM articles').all() as {
    id: number;
    title: string;
    outlet: string | null;
    url: string | null;
    text: string;
  }[];
  for (const a of rows) indexArticle(db, a.id, a, a.text);
  stmt(db, "INSERT OR REPLACE INTO settings (key, value) VALUES ('versionsIndexed', '1')").run();
}

export interface RevisionMatch {
  /** The latest version of the article the import revises. */
  articleId: number;
  by: 'url' | 'lead';
}

/** The latest version of the article `id` belongs to (itself when it has no versions). */
export function latestVersion(db: Db, id: number): number {
  const row = stmt(
    db,
    `SELECT v2.article_id AS id FROM article_versions v1 JOIN article_versions v2 ON v2.identity_id = v1.identity_id
     WHERE v1.article_id = ? AND v2.superseded = 0 ORDER BY v2.article_id DESC LIMIT 1`,
  ).get(id) as { id: number } | undefined;
  return row?.id ?? id;
}

/**
 * Finds the article an import revises, among the desk's other articles. Same text
 * never gets here (the content hash catches it first).
 */
export function findRevisionOf(
  db: Db,
  id: number,
  meta: { title: string; outlet: string | null; url: string | null },
  text: string,
  print: LeadPrint = leadPrint({ title: meta.title, text }),
  marks?: number[],
): RevisionMatch | null {
  const url = canonicalUrl(meta.url);
  if (url) {
    const row = stmt(
      db,
      'SELECT id FROM articles WHERE canonical_url = ? AND id != ? ORDER BY id DESC LIMIT 1',
    ).get(url, id) as { id: number } | undefined;
    if (row) return { articleId: latestVersion(db, row.id), by: 'url' };
  }
  if (!meta.outlet?.trim()) return null;
  marks ??= leadMarks(meta.outlet, meta.title, text, print);
  if (marks.length === 0) return null;
  // One statement per number of marks (a few dozen at most), prepared once per desk.
  const candidates = stmt(
    db,
    `SELECT m.article_id AS id, count(*) AS n FROM article_marks m
       WHERE m.mark IN (${marks.map(() => '?').join(', ')}) AND m.article_id != ?
       GROUP BY m.article_id ORDER BY n DESC, m.article_id DESC LIMIT 8`,
  ).all(...marks, id) as { id: number; n: number }[];
  const outletKey = foldKey(meta.outlet);
  let best: { id: number; lead: number } | null = null;
  // The weakest link the thresholds accept (a lead Jaccard of 0.25) still shares two
  // fifths of its shingles, so a candidate sharing fewer than a fifth of the sampled
  // marks cannot pass, and its text is not read.
  const enough = Math.max(1, Math.floor(marks.length / 5));
  for (const c of candidates) {
    if (c.n < enough) break;
    const a = stmt(db, 'SELECT title, outlet, text FROM articles WHERE id = ?').get(c.id) as {
      title: string;
      outlet: string | null;
      text: string;
    };
    if (!a.outlet || foldKey(a.outlet) !== outletKey) continue;
    const l = printLikeness(print, leadPrint(a));
    if (l.same && (!best || l.lead > best.lead)) best = { id: c.id, lead: l.lead };
  }
  return best ? { articleId: latestVersion(db, best.id), by: 'lead' } : null;
}
