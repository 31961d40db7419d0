/**
 * What the source notes say about a revised article: which version the review is of
 * (the latest on the desk when the notes are exported, with the dates the outlet
 * stated), and the corrections the outlet made from one version to the next: the
 * headline, each value it changed, the claims whose passage it removed.
 *
 * The exports call these with their own escaping (Markdown or HTML), so this module
 * knows nothing of either format's rules.
 */
import type { Db } from '../db/open';
import { versionIds, versionSummary } from './desk';
import { versionDiff } from './diff';

export interface VersionRecord {
  reviewed: {
    number: number;
    of: number;
    publishedAt: string | null;
    updatedAt: string | null;
    importedAt: string;
  };
  corrections: {
    version: number;
    summary: string;
    headline: { from: string; to: string } | null;
    changed: { from: string; to: string }[];
    removed: string[];
  }[];
}

/** The version record of an article, or null when it was never revised. */
export function versionRecord(db: Db, articleId: number): VersionRecord | null {
  const ids = versionIds(db, articleId);
  if (ids.length < 2) return null;
  const me = versionSummary(db, articleId);
  const corrections: VersionRecord['corrections'] = [];
  for (let i = 1; i < ids.length && ids[i - 1] !== articleId; i++) {
    const d = versionDiff(db, ids[i - 1]!, ids[i]!);
    corrections.push({
      version: i + 1,
      summary: d.summary,
      headline: d.headline,
      changed: d.claims
        .filter((c) => c.status === 'changed')
        .map((c) => ({ from: c.fromQuote ?? '', to: c.toQuote ?? '' })),
      removed: d.claims.filter((c) => c.status === 'orphan').map((c) => c.fromQuote ?? ''),
    });
  }
  return {
    reviewed: {
      number: me.number,
      of: ids.length,
      publishedAt: me.publishedAt,
      updatedAt: me.updatedAt,
      importedAt: me.importedAt,
    },
    corrections,
  };
}

function reviewedLine(r: VersionRecord): string {
  const dates = [
    r.reviewed.publishedAt ? `published ${r.reviewed.publishedAt}` : null,
    r.reviewed.updatedAt ? `updated ${r.reviewed.updatedAt}` : null,
    `imported ${r.reviewed.importedAt.slice(0, 10)}`,
  ].filter(Boolean);
  return `Reviewed version ${r.reviewed.number} of ${r.reviewed.of} (${dates.join(', ')})`;
}

function correctionLines(c: VersionRecord['corrections'][number], q: (s: string) => string): string[] {
  const out = [`Version ${c.version}: ${q(c.summary)}`];
  if (c.headline) out.push(`headline “${q(c.headline.from)}” became “${q(c.headline.to)}”`);
  for (const x of c.changed) out.push(`“${q(x.from)}” became “${q(x.to)}”`);
  for (const x of c.removed) out.push(`removed: “${q(x)}”`);
  return out;
}

/** Markdown lines for an article's section (nothing for an article never revised). */
export function versionMarkdown(db: Db, articleId: number, escape: (s: string) => string): string[] {
  const r = versionRecord(db, articleId);
  if (!r) return [];
  const out = ['### Versions', '', `- ${reviewedLine(r)}`];
  if (r.corrections.length) out.push('- Corrections by the outlet:');
  for (const c of r.corrections) {
    const [head, ...rest] = correctionLines(c, escape);
    out.push(`  - ${head}`, ...rest.map((l) => `    - ${l}`));
  }
  out.push('');
  return out;
}

/** An HTML block for an article's section (empty for an article never revised). */
export function versionHtml(db: Db, articleId: number, escape: (s: string) => string): string {
  const r = versionRecord(db, articleId);
  if (!r) return '';
  const items = r.corrections.map((c) => {
    const [head, ...rest] = correctionLines(c, escape);
    return `<li>${head}${rest.length ? `<ul>${rest.map((l) => `<li>${l}</li>`).join('')}</ul>` : ''}</li>`;
  });
  return `<section class="versions"><h4>Versions</h4><p class="reviewed">${escape(reviewedLine(r))}</p>${
    items.length ? `<p>Corrections by the outlet:</p><ul>${items.join('')}</ul>` : ''
  }</section>`;
}
