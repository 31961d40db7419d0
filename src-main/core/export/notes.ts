/**
 * Source notes for the desk, in Markdown and in standalone printable HTML: each
 * article's metadata, then each claim with its status, the conflicts it is in with
 * the other side quoted and cited, the resolution, evidence and notes, and the exact
 * passage it came from.
 *
 * Both are built from one outline so they say the same things. Every piece of text
 * from an article or an editor is escaped for its target: in HTML a `<script>` in a
 * note is shown, never run; in Markdown it is backslash-escaped so a renderer shows
 * it as text too.
 */
import type { Db } from '../db/open';
import { versionHtml, versionMarkdown } from '../versions/notes';
import {
  citation,
  claimStatus,
  conflictsOf,
  loadExport,
  otherSide,
  resolutionText,
  type ArticleRec,
  type ClaimRec,
  type ConflictRec,
  type ExportModel,
  type ExportOptions,
  type NoteRec,
} from './model';

const KIND_LABEL: Record<string, string> = {
  figure_mismatch: 'figures differ',
  trend_contradiction: 'trends contradict',
  novelty_vs_precedent: '“first” contradicted by an earlier event',
  date_mismatch: 'dates differ',
  count_mismatch: 'counts differ',
  manual: 'flagged by an editor',
};
const conflictKind = (k: string) => KIND_LABEL[k] ?? k;

function summary(m: ExportModel, opts: ExportOptions): string {
  const claims = m.articles.reduce((n, a) => n + a.claims.length, 0);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(m.articles.length, 'article')} · ${plural(claims, 'claim')} · ${plural(m.conflicts.length, 'conflict')}${
    opts.includeDismissed ? '' : ' (dismissed conflicts left out)'
  }`;
}

// ---- Markdown --------------------------------------------------------------

/** Escapes text so a Markdown renderer shows it literally (CommonMark backslash escapes). */
export function mdEscape(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** One line for a list item or table: newlines in editor text kept as line breaks. */
const mdInline = (s: string) => mdEscape(s).replace(/\n+/g, '  \n    ');

function mdQuote(s: string): string {
  return mdEscape(s)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function mdPassage(c: ClaimRec): string {
  const inside = c.sentenceStart >= 0 && c.sentenceStart + c.quote.length <= c.sentence.length;
  if (!inside) return mdQuote(c.sentence || c.quote);
  const before = c.sentence.slice(0, c.sentenceStart);
  const after = c.sentence.slice(c.sentenceStart + c.quote.length);
  return mdEscape(`${before}`)
    .concat(`**${mdEscape(c.quote)}**`, mdEscape(after))
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function mdNotes(notes: NoteRec[], indent: string): string[] {
  return notes.map(
    (n) => `${indent}- Note by ${mdInline(n.editor)}, ${n.createdAt.slice(0, 10)}: ${mdInline(n.body)}`,
  );
}

function mdConflict(m: ExportModel, c: ConflictRec, claim: ClaimRec): string[] {
  const out = [
    `- **Conflict ${c.id}** (${mdEscape(conflictKind(c.kind))}), ${c.status}: ${mdInline(c.explanation)}`,
  ];
  for (const id of otherSide(c, claim.id)) {
    const o = m.claim(id);
    out.push(
      `  - Other side (claim ${o.id}): “${mdInline(o.quote)}” in “${mdInline(o.sentence)}” — ${mdInline(citation(m.article(o.articleId)))}`,
    );
  }
  const res = resolutionText(m, c, claim.id);
  if (res) out.push(`  - Resolution: ${mdInline(res)}`);
  if (c.status === 'dismissed') out.push(`  - Dismissed${c.reason ? `: ${mdInline(c.reason)}` : ''}`);
  if (c.evidence) out.push(`  - Evidence: ${mdInline(c.evidence)}`);
  if (c.status !== 'suggested' && c.status !== 'open') {
    out.push(`  - Decided by ${mdInline(c.editor ?? 'unknown editor')}, ${c.updatedAt.slice(0, 10)}`);
  }
  out.push(...mdNotes(c.notes, '  '));
  return out;
}

function mdArticle(m: ExportModel, a: ArticleRec): string[] {
  const out = [`## ${mdInline(a.title)}`, ''];
  out.push(`- Outlet: ${mdInline(a.outlet ?? 'unknown')}`);
  out.push(`- Published: ${a.publishedAt ?? 'undated'}`);
  if (a.author) out.push(`- Author: ${mdInline(a.author)}`);
  out.push(`- Source: ${mdInline(a.source)} (${a.format})`);
  if (a.url) out.push(`- URL: <${a.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  out.push(...mdNotes(a.notes, ''));
  out.push('');
  if (a.claims.length === 0) out.push('_No claims in this export._', '');
  for (const c of a.claims) {
    out.push(`### Claim ${c.id} · ${c.kind} · ${mdInline(c.display)}`, '');
    out.push(`- Status: ${claimStatus(m, c)}`);
    if (c.origin === 'editor' || c.edited)
      out.push(`- ${c.origin === 'editor' ? 'Added' : 'Corrected'} by an editor`);
    for (const conflict of conflictsOf(m, c)) out.push(...mdConflict(m, conflict, c));
    out.push(...mdNotes(c.notes, ''));
    out.push('', mdPassage(c), '');
  }
  return out;
}

export function exportMarkdown(db: Db, opts: ExportOptions): string {
  const m = loadExport(db, opts);
  const out = ['# Claimdesk source notes', '', summary(m, opts), ''];
  for (const a of m.articles) out.push(...mdArticle(m, a), ...versionMarkdown(db, a.id, mdEscape));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// ---- HTML ------------------------------------------------------------------

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
const h = escapeHtml;
/** Editor text keeps its line breaks. */
const hMulti = (s: string) => h(s).replace(/\n/g, '<br>');

function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function hLink(url: string): string {
  const href = safeHref(url);
  return href ? `<a href="${h(href)}" rel="noreferrer noopener">${h(url)}</a>` : h(url);
}

function hPassage(c: ClaimRec): string {
  const inside = c.sentenceStart >= 0 && c.sentenceStart + c.quote.length <= c.sentence.length;
  if (!inside) return `<blockquote class="passage">${hMulti(c.sentence || c.quote)}</blockquote>`;
  const before = c.sentence.slice(0, c.sentenceStart);
  const after = c.sentence.slice(c.sentenceStart + c.quote.length);
  return `<blockquote class="passage">${hMulti(before)}<mark>${hMulti(c.quote)}</mark>${hMulti(after)}</blockquote>`;
}

function hNotes(notes: NoteRec[]): string {
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes
    .map(
      (n) =>
        `<li><span class="who">Note by ${h(n.editor)}, ${h(n.createdAt.slice(0, 10))}:</span> ${hMulti(n.body)}</li>`,
    )
    .join('')}</ul>`;
}

function hConflict(m: ExportModel, c: ConflictRec, claim: ClaimRec): string {
  const parts = [
    `<h4>Conflict ${c.id} <span class="status status-${h(c.status)}">${h(c.status)}</span> <span class="kind">${h(conflictKind(c.kind))}</span></h4>`,
    `<p>${hMulti(c.explanation)}</p>`,
  ];
  for (const id of otherSide(c, claim.id)) {
    const o = m.claim(id);
    parts.push(
      `<div class="other"><p class="label">Other side (claim ${o.id}):</p>${hPassage(o)}<p class="cite">${h(citation(m.article(o.articleId)))}</p></div>`,
    );
  }
  const dl: string[] = [];
  const res = resolutionText(m, c, claim.id);
  if (res) dl.push(`<dt>Resolution</dt><dd>${hMulti(res)}</dd>`);
  if (c.status === 'dismissed')
    dl.push(`<dt>Dismissed</dt><dd>${c.reason ? hMulti(c.reason) : 'no reason given'}</dd>`);
  if (c.evidence)
    dl.push(
      `<dt>Evidence</dt><dd>${safeHref(c.evidence.trim()) ? hLink(c.evidence.trim()) : hMulti(c.evidence)}</dd>`,
    );
  if (c.status !== 'suggested' && c.status !== 'open') {
    dl.push(`<dt>Decided by</dt><dd>${h(c.editor ?? 'unknown editor')}, ${h(c.updatedAt.slice(0, 10))}</dd>`);
  }
  if (dl.length) parts.push(`<dl>${dl.join('')}</dl>`);
  parts.push(hNotes(c.notes));
  return `<section class="conflict">${parts.join('\n')}</section>`;
}

function hArticle(m: ExportModel, a: ArticleRec): string {
  const meta = [
    `<dt>Outlet</dt><dd>${h(a.outlet ?? 'unknown')}</dd>`,
    `<dt>Published</dt><dd>${h(a.publishedAt ?? 'undated')}</dd>`,
    a.author ? `<dt>Author</dt><dd>${h(a.author)}</dd>` : '',
    `<dt>Source</dt><dd>${h(a.source)} (${h(a.format)})</dd>`,
    a.url ? `<dt>URL</dt><dd>${hLink(a.url)}</dd>` : '',
  ].join('');
  const claims = a.claims.map((c) => {
    const edited =
      c.origin === 'editor' ? ' · added by an editor' : c.edited ? ' · corrected by an editor' : '';
    return `<section class="claim" id="claim-${c.id}">
<h3>Claim ${c.id} · ${h(c.kind)} · ${h(c.display)}</h3>
<p class="claim-status">Status: ${h(claimStatus(m, c))}${edited}</p>
${hPassage(c)}
${conflictsOf(m, c)
  .map((x) => hConflict(m, x, c))
  .join('\n')}
${hNotes(c.notes)}
</section>`;
  });
  return `<article class="source" id="article-${a.id}">
<h2>${h(a.title)}</h2>
<dl class="meta">${meta}</dl>
${hNotes(a.notes)}
${claims.length ? claims.join('\n') : '<p class="empty">No claims in this export.</p>'}
</article>`;
}

const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 2px solid #111; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin-bottom: .2rem; }
h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl { margin: .3rem 0; } dt { font-weight: bold; } dd { margin: 0 0 .2rem 0; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 3px solid #999; background: #f6f6f6; }
mark { background: #ffe680; }
.claim { border-top: 1px solid #ccc; padding-top: .5rem; margin-top: 1rem; }
.conflict { margin: .4rem 0 .4rem 1rem; padding-left: .8rem; border-left: 3px solid #c33; }
.status { font: bold .75rem system-ui, sans-serif; text-transform: uppercase; padding: 0 .3rem; border: 1px solid; }
.status-resolved { color: #075; } .status-dismissed { color: #666; } .status-confirmed { color: #b00; }
.kind, .cite, .summary, .claim-status { color: #444; font-family: system-ui, sans-serif; font-size: .85rem; }
.notes { font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; }
  h2 { break-before: page; } article:first-of-type h2 { break-before: auto; }
  .claim, .conflict, blockquote { break-inside: avoid; }
  mark { background: none; font-weight: bold; text-decoration: underline; }
}`;

export function exportHtml(db: Db, opts: ExportOptions): string {
  const m = loadExport(db, opts);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Claimdesk">
<title>Claimdesk source notes</title>
<style>${CSS}</style>
</head>
<body>
<h1>Claimdesk source notes</h1>
<p class="summary">${h(summary(m, opts))}</p>
${m.articles.map((a) => hArticle(m, a) + versionHtml(db, a.id, h)).join('\n')}
</body>
</html>
`;
}
