/**
 * A small reviewed desk for the export tests, written with plain SQL so the exports
 * are tested against the schema itself: three invented articles, claims anchored by
 * offsets, five conflicts in every state, notes and history rows. Article and note
 * text carries what exports must survive: a <script>, quotes, commas, line breaks, a
 * leading "=", and a character outside the BMP before a claim.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk, type Db } from '../db/open';

export const FAIR_TEXT = [
  'Harbour fair draws record crowd',
  '',
  'KESTREL BAY — The harbour fair opened on Saturday with 12,000 visitors, organisers said. 🎡 It is the first-ever fair of its kind on the coast.',
  '',
  'The fair’s website briefly showed <script>alert("fair")</script> instead of its ticket figures.',
].join('\n');

export const DOUBT_TEXT = [
  'Fair numbers questioned',
  '',
  'Gate counts seen by this newspaper show 8,000 visitors on the opening day.',
  '',
  'A similar fair was held on the same pier in 1987, records show. It opened on Sunday, October 6.',
].join('\n');

export const FERRY_TEXT = [
  'Ferry fares to rise',
  '',
  'Fares will rise by 5% from January, the operator said.',
].join('\n');

export interface TestDesk {
  db: Db;
  dir: string;
  path: string;
  articles: { fair: number; doubt: number; ferry: number };
  claims: Record<string, number>;
  conflicts: { figure: number; novelty: number; date: number; open: number; neither: number };
  notes: { resolved: number; formula: number; article: number };
}

function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  while (s < start && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return [s, e];
}

export function makeTestDesk(): TestDesk {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-export-'));
  const path = join(dir, 'review.claimdesk');
  const db = openDesk(path);
  const now = '2024-10-08T10:00:00.000Z';

  const article = (
    title: string,
    outlet: string | null,
    url: string | null,
    date: string | null,
    text: string,
    pos: number,
  ) =>
    Number(
      db
        .prepare(
          `INSERT INTO articles (title, outlet, url, published_at, source, format, text, content_hash, imported_at, position)
           VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)`,
        )
        .run(
          title,
          outlet,
          url,
          date,
          `${title.toLowerCase().replace(/\W+/g, '-')}.txt`,
          text,
          `hash${pos}`,
          now,
          pos,
        ).lastInsertRowid,
    );
  const fair = article(
    'Harbour fair draws record crowd',
    'Coastal Post',
    'https://coastal-post.example/news/fair',
    '2024-10-05',
    FAIR_TEXT,
    1,
  );
  const doubt = article('Fair numbers questioned', 'Lakeside Daily', null, '2024-10-07', DOUBT_TEXT, 2);
  const ferry = article('Ferry fares to rise', null, null, null, FERRY_TEXT, 3);
  const texts = new Map([
    [fair, FAIR_TEXT],
    [doubt, DOUBT_TEXT],
    [ferry, FERRY_TEXT],
  ]);

  const factId = Number(
    db
      .prepare(
        "INSERT INTO facts (key, label) VALUES ('fair-visitors', 'Harbour fair visitors, opening day')",
      )
      .run().lastInsertRowid,
  );
  const claim = (articleId: number, kind: string, quote: string, display: string) => {
    const text = texts.get(articleId)!;
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`no "${quote}"`);
    const end = start + quote.length;
    const [ss, se] = sentenceAround(text, start, end);
    const id = Number(
      db
        .prepare(
          `INSERT INTO claims (article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, value, fact_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          articleId,
          kind,
          start,
          end,
          quote,
          text.slice(Math.max(0, start - 32), start),
          text.slice(end, end + 32),
          ss,
          se,
          JSON.stringify({ type: kind, display }),
          factId,
        ).lastInsertRowid,
    );
    db.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(id, text.slice(ss, se));
    return id;
  };
  const claims = {
    fair12000: claim(fair, 'count', '12,000 visitors', '12,000 visitors'),
    fairFirst: claim(fair, 'novelty', 'first-ever fair', 'first-ever (unqualified)'),
    fairSaturday: claim(fair, 'date', 'Saturday', 'Saturday'),
    fairScript: claim(fair, 'event', '<script>alert("fair")</script>', '<script>alert("fair")</script>'),
    doubt8000: claim(doubt, 'count', '8,000 visitors', '8,000 visitors'),
    doubt1987: claim(doubt, 'event', 'held on the same pier in 1987', 'fair held in 1987'),
    doubtSunday: claim(doubt, 'date', 'Sunday, October 6', '=Sunday, 2024-10-06'),
    ferry5: claim(ferry, 'figure', 'rise by 5%', '-5% drop? no: +5%'),
  };
  // A deleted claim never appears in an export.
  const deleted = claim(doubt, 'count', 'Gate counts', 'deleted');
  db.prepare('UPDATE claims SET deleted = 1 WHERE id = ?').run(deleted);

  const conflict = (
    key: string,
    kind: string,
    status: string,
    explanation: string,
    a: number[],
    b: number[],
    extra: { reason?: string; correct?: number; neither?: boolean; evidence?: string } = {},
  ) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO conflicts (key, fact_id, kind, status, explanation, reason, correct_claim_id, correct_neither, evidence, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          key,
          factId,
          kind,
          status,
          explanation,
          extra.reason ?? null,
          extra.correct ?? null,
          extra.neither ? 1 : 0,
          extra.evidence ?? null,
          '2024-10-08T09:00:00.000Z',
          now,
        ).lastInsertRowid,
    );
    const link = db.prepare('INSERT INTO conflict_claims (conflict_id, claim_id, side) VALUES (?, ?, ?)');
    for (const c of a) link.run(id, c, 'a');
    for (const c of b) link.run(id, c, 'b');
    return id;
  };
  const conflicts = {
    figure: conflict(
      'k1',
      'count_mismatch',
      'resolved',
      'Opening-day visitors: 12,000 vs 8,000.',
      [claims.fair12000],
      [claims.doubt8000],
      { correct: claims.doubt8000, evidence: 'https://gate-counts.example/day1' },
    ),
    novelty: conflict(
      'k2',
      'novelty_vs_precedent',
      'confirmed',
      '“First-ever” fair, but a fair was held in 1987.',
      [claims.fairFirst],
      [claims.doubt1987],
    ),
    date: conflict(
      'k3',
      'date_mismatch',
      'dismissed',
      'Opening day: Saturday vs Sunday.',
      [claims.fairSaturday],
      [claims.doubtSunday],
      { reason: 'Different events: the 1987 fair opened on a Sunday.' },
    ),
    open: conflict(
      'k4',
      'manual',
      'open',
      'Is the website glitch relevant?',
      [claims.fairScript],
      [claims.doubt8000],
    ),
    neither: conflict(
      'k5',
      'figure_mismatch',
      'resolved',
      'Same crowd, two figures; the port authority counted 10,500.',
      [claims.fair12000],
      [claims.doubt8000],
      { neither: true, evidence: 'Port authority statement, 9 October' },
    ),
  };

  const history = db.prepare(
    "INSERT INTO history (at, actor, action, target_type, target_id) VALUES (?, ?, ?, 'conflict', ?)",
  );
  history.run('2024-10-08T09:30:00.000Z', 'Ilse Varga', 'conflict:confirmed', conflicts.figure);
  history.run(now, 'Mara Quill', 'conflict:resolve', conflicts.figure);
  history.run(now, 'Ilse Varga', 'conflict:confirmed', conflicts.novelty);
  history.run(now, 'Ilse Varga', 'conflict:dismissed', conflicts.date);
  history.run(now, 'Mara Quill', 'conflict:resolve', conflicts.neither);

  const note = (type: string, id: number, body: string, editor: string) =>
    Number(
      db
        .prepare(
          'INSERT INTO notes (target_type, target_id, body, editor, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(type, id, body, editor, now).lastInsertRowid,
    );
  const notes = {
    resolved: note(
      'conflict',
      conflicts.figure,
      'Gate counts beat estimates, says the "port office", see below.\n<script>alert(1)</script>',
      'Mara Quill',
    ),
    formula: note('claim', claims.doubtSunday, '=HYPERLINK("http://evil.example","click")', 'Ilse Varga'),
    article: note('article', fair, 'Outlet corrected its headline later, on 9 Oct.', 'Ilse Varga'),
  };
  db.prepare("INSERT INTO settings (key, value) VALUES ('editorName', 'Desk default')").run();
  return { db, dir, path, articles: { fair, doubt, ferry }, claims, conflicts, notes };
}
