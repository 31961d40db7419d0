/**
 * Claims and conflicts as CSV for spreadsheets: RFC 4180 (CRLF rows, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), a header row, one row
 * per claim or conflict, and a UTF-8 BOM so spreadsheet programs read diacritics right.
 *
 * Article text is untrusted: a cell that begins with =, +, -, @, a tab or a carriage
 * return would run as a formula when opened, so it gets a leading apostrophe (the
 * OWASP advice), which spreadsheets show as text.
 */
import type { Db } from '../db/open';
import { evidenceText } from '../../shared/evidence';
import {
  citation,
  clusterText,
  rightClusterOf,
  claimStatus,
  conflictsOf,
  decisionText,
  loadExport,
  resolutionText,
  type ExportModel,
  type ExportOptions,
} from './model';

type Cell = string | number | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function notesCell(notes: { editor: string; createdAt: string; body: string }[]): string | null {
  if (notes.length === 0) return null;
  return notes.map((n) => `${n.editor} (${n.createdAt.slice(0, 10)}): ${n.body}`).join('\n');
}

export function claimsCsv(m: ExportModel): string {
  const header = [
    'claim_id',
    'article_id',
    'article_title',
    'outlet',
    'published_at',
    'url',
    'kind',
    'value',
    'quote',
    'sentence',
    'start',
    'end',
    'status',
    'conflict_ids',
    'resolution',
    'notes',
  ];
  const rows: Cell[][] = [];
  for (const a of m.articles) {
    for (const c of a.claims) {
      const conflicts = conflictsOf(m, c);
      const resolutions = conflicts
        .map((x) => (x.status === 'resolved' ? `conflict ${x.id}: ${resolutionText(m, x, c.id)}` : null))
        .filter((x): x is string => x !== null);
      rows.push([
        c.id,
        a.id,
        a.title,
        a.outlet,
        a.publishedAt,
        a.url,
        c.kind,
        c.display,
        c.quote,
        c.sentence,
        c.start,
        c.end,
        claimStatus(m, c),
        conflicts.map((x) => x.id).join(' ') || null,
        resolutions.join('\n') || null,
        notesCell(c.notes),
      ]);
    }
  }
  return toCsv(header, rows);
}

export function conflictsCsv(m: ExportModel): string {
  const header = [
    'conflict_id',
    'kind',
    'status',
    'explanation',
    'side_a_claim_ids',
    'side_a',
    'side_b_claim_ids',
    'side_b',
    'correct',
    'decision',
    'dismissal_reason',
    'evidence',
    'editor',
    'updated_at',
    'notes',
    'right_value',
  ];
  const side = (ids: number[]) =>
    ids
      .map((id) => {
        const c = m.claim(id);
        return `“${c.quote}” (${citation(m.article(c.articleId))})`;
      })
      .join('\n');
  const rows: Cell[][] = m.conflicts.map((c) => [
    c.id,
    c.kind,
    c.status,
    c.explanation,
    c.sideA.join(' '),
    side(c.sideA),
    c.sideB.join(' '),
    side(c.sideB),
    c.status !== 'resolved' ? null : c.correctNeither ? 'neither' : c.correctClaimId,
    decisionText(m, c),
    c.reason,
    evidenceText(c.evidenceItems) || c.evidence,
    c.status === 'suggested' || c.status === 'open' ? null : c.editor,
    c.updatedAt,
    notesCell(c.notes),
    (() => {
      const right = rightClusterOf(c);
      return right ? clusterText(right) : null;
    })(),
  ]);
  return toCsv(header, rows);
}

export function exportClaimsCsv(db: Db, opts: ExportOptions): string {
  return claimsCsv(loadExport(db, opts));
}

export function exportConflictsCsv(db: Db, opts: ExportOptions): string {
  return conflictsCsv(loadExport(db, opts));
}
