/**
 * Source notes an editor can hand on, in Markdown and in standalone printable HTML (the
 * PDF is this HTML printed). Findings first: a summary of the story (articles, outlets,
 * conflicts by status) and a table of contents, then one entry per conflict — never one
 * per claim — in the order the review queue ranks them (`desk/rank.ts`): the fact, each
 * value with its outlets and the sources they cite, the decision with who made it and
 * when, the right version, the evidence as links, the notes, and every passage quoted
 * with its citation. Dismissed conflicts follow with their reasons, then the suggestions
 * nobody has decided ("Still to review"), then the articles and their claims as an
 * appendix, where claims without a conflict fold away (HTML) or are left out (Markdown).
 *
 * Both formats are rendered from one outline so they say the same things. Every piece of
 * text from an article or an editor is escaped for its target, and only http(s) addresses
 * become links: a `<script>` or a `javascript:` address in a note or an article is shown
 * as text, never run.
 */
import type { Db } from '../db/open';
import type { ConflictStatus } from '../../shared/model';
import { safeHref, type EvidenceItem } from '../../shared/evidence';
import { humanDate } from '../../shared/human-date';
import { rankConflicts, type RankInput } from '../desk/rank';
import { versionHtml, versionMarkdown } from '../versions/notes';
import {
  loadExport,
  type ArticleRec,
  type ClaimRec,
  type ConflictRec,
  type ExportModel,
  type ExportOptions,
  type NoteRec,
  rightClusterOf,
} from './model';

export interface NotesOptions extends ExportOptions {
  /** The statuses to list; all when absent. */
  statuses?: ConflictStatus[];
  /** Leave dismissed conflicts out (they are listed, with their reasons, by default). */
  hideDismissed?: boolean;
  /** The articles and their claims at the end; on unless false. */
  appendix?: boolean;
  /** What the notes are about: the desk's name. */
  story?: string;
  /** When the notes were made (ISO); now when absent. */
  now?: string;
}

const KIND_LABEL: Record<string, string> = {
  figure_mismatch: 'figures differ',
  trend_contradiction: 'trend wording against the figures',
  novelty_vs_precedent: '“first” contradicted by an earlier event',
  date_mismatch: 'dates differ',
  count_mismatch: 'counts differ',
  manual: 'flagged by an editor',
};
const conflictKind = (k: string) => KIND_LABEL[k] ?? k;

/**
 * A publication date for people: "9 May 2025", "May 2025", "2025", and for a date whose
 * year was never stated ("--04-21", as ISO 8601 writes it) "21 April (year not stated)".
 */
export const formatDate = humanDate;

/** "2026-11-27 19:55 UTC" from an ISO timestamp. */
function formatMoment(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

const outletOf = (a: ArticleRec) => a.outlet?.trim() || 'outlet unknown';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- the outline -----------------------------------------------------------

interface Citation {
  outlet: string;
  title: string;
  date: string;
  /** The article's web address when it is one, else null (then `file` names it). */
  url: string | null;
  file: string;
}

function citationOf(a: ArticleRec): Citation {
  return { outlet: outletOf(a), title: a.title, date: formatDate(a.publishedAt), url: a.url, file: a.source };
}

/** One sentence quoted once, with every claim of a side marked in it. */
interface PassageOut {
  articleId: number;
  sentence: string;
  /** Spans to mark, relative to the sentence. */
  marks: { start: number; end: number }[];
  claims: ClaimRec[];
}

/** The side's claims grouped by the sentence they stand in, so a sentence is quoted once. */
function passagesOf(claims: ClaimRec[]): PassageOut[] {
  const out = new Map<string, PassageOut>();
  for (const c of claims) {
    const key = `${c.articleId}:${c.start - c.sentenceStart}:${c.sentence.length}`;
    const p = out.get(key) ?? {
      articleId: c.articleId,
      sentence: c.sentence || c.quote,
      marks: [],
      claims: [],
    };
    const inside =
      c.sentence && c.sentenceStart >= 0 && c.sentenceStart + c.quote.length <= c.sentence.length;
    if (inside) p.marks.push({ start: c.sentenceStart, end: c.sentenceStart + c.quote.length });
    p.claims.push(c);
    out.set(key, p);
  }
  for (const p of out.values()) {
    // Overlapping marks merge: a quote inside another is marked once.
    const sorted = p.marks.sort((a, b) => a.start - b.start);
    p.marks = [];
    for (const m of sorted) {
      const last = p.marks.at(-1);
      if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
      else p.marks.push({ ...m });
    }
  }
  return [...out.values()];
}

/** The sentence cut into plain and marked pieces. */
function pieces(p: PassageOut): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const m of p.marks) {
    if (m.start > at) out.push({ text: p.sentence.slice(at, m.start), marked: false });
    out.push({ text: p.sentence.slice(m.start, m.end), marked: true });
    at = m.end;
  }
  if (at < p.sentence.length) out.push({ text: p.sentence.slice(at), marked: false });
  return out;
}

interface SideOut {
  letter: string;
  /** The value as the articles state it. */
  value: string;
  claims: ClaimRec[];
  passages: PassageOut[];
  outlets: string[];
  /** Who the articles cite for it ("the statistics office"). */
  sources: string[];
  /** Whether the editor found this side right (true), wrong (false), or did not say (null). */
  right: boolean | null;
}

interface EntryOut {
  c: ConflictRec;
  heading: string;
  /** One line per value cluster: "A", or "B1", "B2" when a side gives several values. */
  clusters: SideOut[];
  decision: string;
  rightVersion: string | null;
}

type Section = 'findings' | 'dismissed' | 'review';
const SECTION_TITLE: Record<Section, string> = {
  findings: 'Findings',
  dismissed: 'Dismissed',
  review: 'Still to review',
};
const SECTION_INTRO: Record<Section, string> = {
  findings: 'Conflicts an editor confirmed or resolved, the most consequential first.',
  dismissed: 'Conflicts an editor judged not to be errors, with the reason given.',
  review: 'Suggestions nobody has decided yet. They are not findings.',
};
const sectionOf = (s: ConflictStatus): Section =>
  s === 'confirmed' || s === 'resolved' ? 'findings' : s === 'dismissed' ? 'dismissed' : 'review';

interface Outline {
  title: string;
  story: string;
  made: string;
  editor: string | null;
  articles: ArticleRec[];
  outlets: { name: string; count: number }[];
  dated: { from: string; to: string; undated: number } | null;
  claimCount: number;
  claimsInConflicts: number;
  byStatus: Record<ConflictStatus, number>;
  sections: { key: Section; entries: EntryOut[] }[];
  shown: Set<number>;
  appendix: boolean;
  m: ExportModel;
}

/** The conflict's value clusters as the notes list them, each with its outlets and verdict. */
function clustersOf(m: ExportModel, c: ConflictRec): SideOut[] {
  const right = rightClusterOf(c);
  const decided = c.status === 'resolved' && (c.correctNeither || right !== null);
  return c.clusters.map((k) => {
    const ofSide = c.clusters.filter((x) => x.side === k.side);
    const letter = k.side.toUpperCase() + (ofSide.length > 1 ? String(ofSide.indexOf(k) + 1) : '');
    const claims = k.claimIds.map((id) => m.claim(id));
    return {
      letter,
      value: `“${k.display}”`,
      claims,
      passages: passagesOf(claims),
      outlets: [...new Set(claims.map((x) => outletOf(m.article(x.articleId))))],
      sources: k.sources,
      right: decided ? k === right : null,
    };
  });
}

function decisionOf(c: ConflictRec): string {
  const by = `${c.editor ?? 'an unnamed editor'} on ${formatMoment(c.updatedAt)}`;
  switch (c.status) {
    case 'confirmed':
      return `Confirmed by ${by}: the articles disagree; no version chosen yet.`;
    case 'resolved':
      return `Resolved by ${by}.`;
    case 'dismissed':
      return `Dismissed by ${by}. Reason: ${c.reason?.trim().replace(/[.\s]+$/, '') || 'none given'}.`;
    case 'open':
      return 'Opened for review; not decided yet.';
    case 'suggested':
      return 'Suggested; not decided yet.';
  }
}

function rightVersionOf(c: ConflictRec, clusters: SideOut[]): string | null {
  if (c.status !== 'resolved') return null;
  if (c.correctNeither) return 'None of the values is right.';
  const right = clusters.find((k) => k.right);
  if (!right) return 'Resolved without naming a right value.';
  const n = new Set(right.claims.map((x) => x.articleId)).size;
  const outlets =
    right.outlets.length > 1
      ? `${right.outlets.slice(0, -1).join(', ')} and ${right.outlets.at(-1)} report`
      : `${right.outlets[0]} reports`;
  return `Side ${right.letter}: ${right.value}, as ${outlets} (${plural(n, 'article')}).`;
}

function buildOutline(m: ExportModel, opts: NotesOptions): Outline {
  const keep = (c: ConflictRec) =>
    (!opts.statuses || opts.statuses.includes(c.status)) && !(opts.hideDismissed && c.status === 'dismissed');
  const conflicts = m.conflicts.filter(keep);
  const entries = conflicts.map((c): EntryOut & RankInput => {
    const clusters = clustersOf(m, c);
    // Ranking weighs the two sides as the detector drew them, not the clusters within them.
    const sides = [c.sideA, c.sideB]
      .map((ids) => ids.map((id) => m.claim(id)))
      .filter((claims) => claims.length)
      .map((claims) => ({ values: claims.map((x) => x.value), articleIds: claims.map((x) => x.articleId) }));
    return {
      id: c.id,
      status: c.status,
      kind: c.kind,
      sides,
      c,
      clusters,
      heading: c.factLabel ?? conflictKind(c.kind),
      decision: decisionOf(c),
      rightVersion: rightVersionOf(c, clusters),
    };
  });
  const ranked = rankConflicts(entries);
  const sections = (['findings', 'dismissed', 'review'] as const)
    .map((key) => ({ key, entries: ranked.filter((e) => sectionOf(e.c.status) === key) }))
    .filter((s) => s.entries.length > 0 || s.key === 'findings');

  const outletCount = new Map<string, number>();
  for (const a of m.articles) outletCount.set(outletOf(a), (outletCount.get(outletOf(a)) ?? 0) + 1);
  const dates = m.articles
    .map((a) => a.publishedAt)
    .filter((d): d is string => !!d && /^\d{4}/.test(d))
    .sort();
  const byStatus: Record<ConflictStatus, number> = {
    suggested: 0,
    open: 0,
    confirmed: 0,
    dismissed: 0,
    resolved: 0,
  };
  for (const c of m.conflicts) byStatus[c.status]++;
  const claims = m.articles.flatMap((a) => a.claims);
  const story = opts.story?.trim() || 'Claimdesk';
  return {
    title: `Source notes: ${story}`,
    story,
    made: formatMoment(opts.now ?? new Date().toISOString()),
    editor: m.deskEditor,
    articles: m.articles,
    outlets: [...outletCount].map(([name, count]) => ({ name, count })),
    dated: dates.length
      ? { from: dates[0]!, to: dates.at(-1)!, undated: m.articles.length - dates.length }
      : null,
    claimCount: claims.length,
    claimsInConflicts: claims.filter((c) => c.conflictIds.some((id) => m.conflict(id))).length,
    byStatus,
    sections,
    shown: new Set(conflicts.map((c) => c.id)),
    appendix: opts.appendix !== false,
    m,
  };
}

function summaryLines(o: Outline): string[] {
  const outlets = o.outlets.map((x) => (x.count > 1 ? `${x.name} (${x.count})` : x.name)).join(', ');
  const lines = [
    `${plural(o.articles.length, 'article')} from ${plural(o.outlets.filter((x) => x.name !== 'outlet unknown').length, 'named outlet')}: ${outlets || 'none'}`,
  ];
  if (o.dated) {
    const span =
      o.dated.from === o.dated.to
        ? `Published ${formatDate(o.dated.from)}`
        : `Published ${formatDate(o.dated.from)} to ${formatDate(o.dated.to)}`;
    lines.push(`${span}${o.dated.undated ? `; ${o.dated.undated} undated` : ''}`);
  } else if (o.articles.length) lines.push('No article states its publication date');
  const s = o.byStatus;
  const total = s.confirmed + s.resolved + s.dismissed + s.suggested + s.open;
  lines.push(
    `${plural(total, 'conflict')}: ${s.confirmed} confirmed, ${s.resolved} resolved, ${s.dismissed} dismissed, ${s.suggested + s.open} still to review`,
  );
  lines.push(`${plural(o.claimCount, 'claim')}, ${o.claimsInConflicts} of them in conflicts`);
  return lines;
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

/** One line for a list item: newlines in editor text kept as line breaks. */
const mdInline = (s: string) => mdEscape(s).replace(/\n+/g, '  \n    ');

/** A link target in angle brackets, which may hold anything but `<`, `>` and line ends. */
const mdHref = (href: string) => `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;

function mdLink(text: string, url: string | null): string {
  const href = safeHref(url);
  return href ? `[${mdEscape(text)}](${mdHref(href)})` : mdEscape(text);
}

function mdCite(c: Citation): string {
  const where = safeHref(c.url) ? mdLink(c.url!, c.url) : `file ${mdEscape(c.file)}`;
  return `${mdEscape(c.outlet)}, “${mdInline(c.title)}”, ${mdEscape(c.date)}, ${where}`;
}

function mdPassage(m: ExportModel, p: PassageOut, side: string): string[] {
  const text = pieces(p)
    .map((x) => (x.marked ? `**${mdEscape(x.text)}**` : mdEscape(x.text)))
    .join('');
  const lines = text.split('\n').map((l, i) => `> ${i === 0 ? `${side}: ` : ''}${l}`);
  const ids = p.claims.map((c) => c.id).join(', ');
  lines.push(
    '>',
    `> — ${mdCite(citationOf(m.article(p.articleId)))} (claim${p.claims.length > 1 ? 's' : ''} ${ids})`,
  );
  for (const n of p.claims.flatMap((c) => c.notes))
    lines.push('>', `> Note by ${mdInline(n.editor)}, ${n.createdAt.slice(0, 10)}: ${mdInline(n.body)}`);
  return lines;
}

function mdEvidence(items: EvidenceItem[]): string[] {
  return items.map((e, i) => {
    const label = e.title || e.url || 'source';
    const link = safeHref(e.url) ? mdLink(label, e.url) : mdInline(label);
    const addr = e.url && e.title ? ` (${mdEscape(e.url)})` : '';
    return `${i + 1}. ${link}${addr}${e.passage ? ` — “${mdInline(e.passage)}”` : ''}`;
  });
}

function mdNotes(notes: NoteRec[]): string[] {
  return notes.map((n) => `- ${mdInline(n.editor)}, ${n.createdAt.slice(0, 10)}: ${mdInline(n.body)}`);
}

function mdEntry(o: Outline, e: EntryOut): string[] {
  const c = e.c;
  const out = [
    `<a id="conflict-${c.id}"></a>`,
    '',
    `### Conflict ${c.id}: ${mdInline(e.heading)}`,
    '',
    `**${mdInline(e.decision)}** Kind: ${mdEscape(conflictKind(c.kind))}.`,
    '',
    mdInline(c.explanation),
    '',
    '**Values**',
    '',
  ];
  for (const s of e.clusters) {
    const verdict = s.right === true ? ' — **right**' : s.right === false ? ' — **wrong**' : '';
    out.push(
      `- ${s.letter}. ${mdInline(s.value)}: ${mdEscape(s.outlets.join(', '))}; sources cited: ${mdEscape(s.sources.join('; ') || 'none stated')}${verdict}`,
    );
  }
  out.push('');
  if (e.rightVersion) out.push(`**Right version:** ${mdInline(e.rightVersion)}`, '');
  if (c.evidenceItems.length) out.push('**Evidence**', '', ...mdEvidence(c.evidenceItems), '');
  else if (c.evidence) out.push(`**Evidence:** ${mdInline(c.evidence)}`, '');
  if (c.notes.length) out.push('**Notes**', '', ...mdNotes(c.notes), '');
  out.push('**Passages**', '');
  for (const s of e.clusters) for (const p of s.passages) out.push(...mdPassage(o.m, p, s.letter), '');
  return out;
}

function mdAppendix(o: Outline): string[] {
  const out = ['<a id="appendix"></a>', '', '## Appendix: articles and their claims', ''];
  for (const a of o.articles) {
    const cite = citationOf(a);
    out.push(`### Article ${a.id}: ${mdInline(a.title)}`, '');
    out.push(`${mdCite(cite)}${a.author ? `; by ${mdInline(a.author)}` : ''}`, '');
    out.push(...mdNotes(a.notes));
    const inConflict = a.claims.filter((c) => c.conflictIds.some((id) => o.shown.has(id)));
    for (const c of inConflict) {
      const refs = c.conflictIds
        .filter((id) => o.shown.has(id))
        .map((id) => `[conflict ${id}](#conflict-${id}) (${o.m.conflict(id)!.status})`)
        .join(', ');
      out.push(`- Claim ${c.id}, ${c.kind}: “${mdInline(c.display)}” — ${refs}`);
    }
    const rest = a.claims.length - inConflict.length;
    if (rest) out.push(`- ${plural(rest, 'other claim')} without a conflict, left out.`);
    out.push('');
  }
  return out;
}

export function renderMarkdown(m: ExportModel, opts: NotesOptions): string {
  const o = buildOutline(m, opts);
  const out = [`# ${mdInline(o.title)}`, ''];
  out.push(`Made ${o.made}${o.editor ? ` by ${mdInline(o.editor)}` : ''} with Claimdesk.`, '');
  out.push('## Summary', '', ...summaryLines(o).map((l) => `- ${mdInline(l)}`), '');
  out.push('## Contents', '');
  let n = 1;
  for (const s of o.sections) {
    out.push(`${n++}. [${SECTION_TITLE[s.key]}](#${s.key})`);
    for (const e of s.entries)
      out.push(`   - [Conflict ${e.c.id}: ${mdInline(e.heading)} (${e.c.status})](#conflict-${e.c.id})`);
  }
  if (o.appendix) out.push(`${n}. [Appendix: articles and their claims](#appendix)`);
  out.push('');
  for (const s of o.sections) {
    out.push(`<a id="${s.key}"></a>`, '', `## ${SECTION_TITLE[s.key]}`, '', SECTION_INTRO[s.key], '');
    if (s.entries.length === 0) out.push('_No conflict has been confirmed or resolved yet._', '');
    for (const e of s.entries) out.push(...mdEntry(o, e));
  }
  if (o.appendix) out.push(...mdAppendix(o));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

export function exportMarkdown(db: Db, opts: NotesOptions): string {
  const m = loadExport(db, { ...opts, includeDismissed: true });
  // Which version of each revised article was reviewed, and the outlet's corrections.
  const versions = m.articles.flatMap((a) => {
    const lines = versionMarkdown(db, a.id, mdEscape);
    return lines.length ? [`### ${mdInline(a.title)}`, '', ...lines.slice(2)] : [];
  });
  const notes = renderMarkdown(m, opts);
  return versions.length ? `${notes}\n## Versions and corrections\n\n${versions.join('\n')}\n` : notes;
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

function hLink(text: string, url: string | null): string {
  const href = safeHref(url);
  return href ? `<a href="${h(href)}" rel="noreferrer noopener">${h(text)}</a>` : h(text);
}

function hCite(c: Citation): string {
  const where = safeHref(c.url) ? hLink(c.url!, c.url) : `file ${h(c.file)}`;
  return `${h(c.outlet)}, “${h(c.title)}”, ${h(c.date)}, ${where}`;
}

function hPassage(m: ExportModel, p: PassageOut, side: string): string {
  const text = pieces(p)
    .map((x) => (x.marked ? `<mark>${hMulti(x.text)}</mark>` : hMulti(x.text)))
    .join('');
  const notes = p.claims
    .flatMap((c) => c.notes)
    .map(
      (n) => `<p class="note">Note by ${h(n.editor)}, ${h(n.createdAt.slice(0, 10))}: ${hMulti(n.body)}</p>`,
    )
    .join('');
  const ids = p.claims.map((c) => c.id).join(', ');
  return `<figure class="passage"><blockquote><span class="side">${h(side)}</span> ${text}</blockquote><figcaption>${hCite(citationOf(m.article(p.articleId)))} · claim${p.claims.length > 1 ? 's' : ''} ${ids}</figcaption>${notes}</figure>`;
}

function hEvidence(items: EvidenceItem[]): string {
  return `<ol class="evidence">${items
    .map((e) => {
      const label = e.title || e.url || 'source';
      const addr = e.url && e.title && safeHref(e.url) ? ` <span class="url">${h(e.url)}</span>` : '';
      return `<li>${hLink(label, e.url)}${addr}${e.passage ? `<blockquote>${hMulti(e.passage)}</blockquote>` : ''}</li>`;
    })
    .join('')}</ol>`;
}

function hEntry(o: Outline, e: EntryOut): string {
  const c = e.c;
  const sides = e.clusters
    .map((s) => {
      const verdict =
        s.right === true
          ? ' <b class="right">right</b>'
          : s.right === false
            ? ' <b class="wrong">wrong</b>'
            : '';
      return `<tr><th>${s.letter}</th><td>${h(s.value)}${verdict}</td><td>${h(s.outlets.join(', '))}</td><td>${h(s.sources.join('; ') || 'none stated')}</td></tr>`;
    })
    .join('');
  const dl: string[] = [];
  if (e.rightVersion) dl.push(`<dt>Right version</dt><dd>${h(e.rightVersion)}</dd>`);
  if (c.evidenceItems.length) dl.push(`<dt>Evidence</dt><dd>${hEvidence(c.evidenceItems)}</dd>`);
  else if (c.evidence) dl.push(`<dt>Evidence</dt><dd>${hMulti(c.evidence)}</dd>`);
  if (c.notes.length)
    dl.push(
      `<dt>Notes</dt><dd><ul class="notes">${c.notes
        .map(
          (n) =>
            `<li><span class="who">${h(n.editor)}, ${h(n.createdAt.slice(0, 10))}:</span> ${hMulti(n.body)}</li>`,
        )
        .join('')}</ul></dd>`,
    );
  const passages = e.clusters.flatMap((s) => s.passages.map((p) => hPassage(o.m, p, s.letter))).join('');
  return `<section class="conflict status-${h(c.status)}" id="conflict-${c.id}">
<h3>Conflict ${c.id}: ${h(e.heading)}</h3>
<p class="decision"><span class="badge">${h(c.status)}</span> ${h(e.decision)} <span class="kind">${h(conflictKind(c.kind))}</span></p>
<p class="explanation">${hMulti(c.explanation)}</p>
<table class="values"><thead><tr><th></th><th>Value</th><th>Outlets</th><th>Sources cited</th></tr></thead><tbody>${sides}</tbody></table>
${dl.length ? `<dl>${dl.join('')}</dl>` : ''}
<div class="passages"><p class="label">Passages</p>${passages}</div>
</section>`;
}

function hAppendix(o: Outline): string {
  const articles = o.articles.map((a) => {
    const inConflict = a.claims.filter((c) => c.conflictIds.some((id) => o.shown.has(id)));
    const rest = a.claims.filter((c) => !inConflict.includes(c));
    const claimLine = (c: ClaimRec, refs: string) =>
      `<li><span class="kind">claim ${c.id} · ${h(c.kind)}</span> ${h(c.display)}${c.display.trim() !== c.quote.trim() ? ` <q>${h(c.quote)}</q>` : ''}${refs}${c.origin === 'editor' ? ' <i>(added by an editor)</i>' : c.edited ? ' <i>(corrected by an editor)</i>' : ''}</li>`;
    const conflictLines = inConflict.map((c) =>
      claimLine(
        c,
        ` → ${c.conflictIds
          .filter((id) => o.shown.has(id))
          .map((id) => `<a href="#conflict-${id}">conflict ${id}</a> (${h(o.m.conflict(id)!.status)})`)
          .join(', ')}`,
      ),
    );
    const notes = a.notes.length
      ? `<ul class="notes">${a.notes.map((n) => `<li><span class="who">${h(n.editor)}, ${h(n.createdAt.slice(0, 10))}:</span> ${hMulti(n.body)}</li>`).join('')}</ul>`
      : '';
    return `<section class="article" id="article-${a.id}">
<h3>Article ${a.id}: ${h(a.title)}</h3>
<p class="cite">${hCite(citationOf(a))}${a.author ? `; by ${h(a.author)}` : ''}</p>${notes}
${conflictLines.length ? `<ul class="claims">${conflictLines.join('')}</ul>` : ''}
${rest.length ? `<details><summary>${plural(rest.length, 'other claim')} without a conflict</summary><ul class="claims">${rest.map((c) => claimLine(c, '')).join('')}</ul></details>` : ''}
</section>`;
  });
  return `<section id="appendix" class="appendix"><h2>Appendix: articles and their claims</h2>${articles.join('\n')}</section>`;
}

const CSS = `
:root { color-scheme: light; }
/* No ligatures: text copied out of the PDF reads "conflict", not "con" + "ﬂ" + "ict". */
* { font-variant-ligatures: none; font-feature-settings: 'liga' 0, 'clig' 0; }
body { font: 15px/1.45 Georgia, 'Times New Roman', serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; color: #111; }
h1, h2, h3, .badge, .kind, table, figcaption, .summary, nav { font-family: system-ui, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { border-bottom: 2px solid #111; padding-bottom: .15rem; margin: 1.6rem 0 .4rem; font-size: 1.25rem; }
h3 { font-size: 1.02rem; margin: 0 0 .25rem; }
.made, .intro { color: #444; margin: 0 0 .5rem; }
.summary { margin: .3rem 0; padding-left: 1.2rem; }
nav ol { margin: .2rem 0; padding-left: 1.4rem; } nav ul { margin: 0; padding-left: 1rem; list-style: none; }
.conflict { border-left: 4px solid #c33; padding: .4rem 0 .4rem .8rem; margin: .9rem 0; }
.conflict.status-resolved { border-color: #075; } .conflict.status-dismissed { border-color: #888; }
.conflict.status-suggested, .conflict.status-open { border-color: #d90; }
.decision, .explanation { margin: .2rem 0; }
.label { font: bold .86rem system-ui, sans-serif; margin: .4rem 0 .1rem; }
.badge { font-size: .72rem; font-weight: bold; text-transform: uppercase; border: 1px solid; padding: 0 .3rem; }
.kind, figcaption, .url, .cite { color: #555; font-size: .82rem; }
table.values { border-collapse: collapse; margin: .3rem 0; font-size: .86rem; }
table.values th, table.values td { border-bottom: 1px solid #ddd; padding: .15rem .5rem .15rem 0; text-align: left; vertical-align: top; }
.right { color: #075; } .wrong { color: #b00; }
dl { margin: .3rem 0; } dt { font-weight: bold; font-family: system-ui, sans-serif; font-size: .86rem; } dd { margin: 0 0 .3rem 0; }
ol.evidence, ul.notes { margin: .1rem 0; padding-left: 1.3rem; }
figure { margin: .35rem 0; }
blockquote { margin: 0; padding: .15rem .7rem; border-left: 3px solid #aaa; background: #f6f6f6; }
figcaption { padding-left: .8rem; }
.side { font: bold .75rem system-ui, sans-serif; color: #555; }
mark { background: #ffe680; }
.note { font-style: italic; margin: .1rem 0 0 .8rem; }
.article { margin: .6rem 0; } .article .cite { margin: 0 0 .2rem; }
ul.claims { margin: .1rem 0; padding-left: 1.2rem; font-size: .9rem; }
details summary { cursor: pointer; color: #444; font-size: .88rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; }
  .conflict, figure { break-inside: avoid; }
  h2, h3, .intro { break-after: avoid; page-break-after: avoid; }
  details > summary { list-style: none; }
  mark { background: none; font-weight: bold; text-decoration: underline; }
}`;

export function renderHtml(m: ExportModel, opts: NotesOptions): string {
  const o = buildOutline(m, opts);
  const toc = o.sections
    .map(
      (s) =>
        `<li><a href="#${s.key}">${SECTION_TITLE[s.key]}</a>${
          s.entries.length
            ? `<ul>${s.entries.map((e) => `<li><a href="#conflict-${e.c.id}">Conflict ${e.c.id}: ${h(e.heading)}</a> (${h(e.c.status)})</li>`).join('')}</ul>`
            : ''
        }</li>`,
    )
    .join('');
  const sections = o.sections
    .map(
      (s) =>
        `<section id="${s.key}"><h2>${SECTION_TITLE[s.key]}</h2><p class="intro">${SECTION_INTRO[s.key]}</p>${
          s.entries.length
            ? s.entries.map((e) => hEntry(o, e)).join('\n')
            : '<p>No conflict has been confirmed or resolved yet.</p>'
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Claimdesk">
<title>${h(o.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(o.title)}</h1>
<p class="made">Made ${h(o.made)}${o.editor ? ` by ${h(o.editor)}` : ''} with Claimdesk.</p>
</header>
<section id="summary"><h2>Summary</h2><ul class="summary">${summaryLines(o)
    .map((l) => `<li>${h(l)}</li>`)
    .join('')}</ul></section>
<nav id="contents"><h2>Contents</h2><ol>${toc}${o.appendix ? '<li><a href="#appendix">Appendix: articles and their claims</a></li>' : ''}</ol></nav>
${sections}
${o.appendix ? hAppendix(o) : ''}
</body>
</html>
`;
}

export function exportHtml(db: Db, opts: NotesOptions): string {
  const m = loadExport(db, { ...opts, includeDismissed: true });
  const versions = m.articles
    .map((a) => {
      const block = versionHtml(db, a.id, h);
      return block ? `<article><h3>${h(a.title)}</h3>${block}</article>` : '';
    })
    .join('');
  const notes = renderHtml(m, opts);
  return versions
    ? notes.replace(
        '</body>',
        `<section id="versions"><h2>Versions and corrections</h2>${versions}</section>\n</body>`,
      )
    : notes;
}
