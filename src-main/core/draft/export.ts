/**
 * The draft back to the writer. DOCX: the draft's text with one Word comment at every
 * claim needing attention, anchored on the claim's own words, saying the verdict, the
 * sources' values and passages and the editor's note; built with the `docx` library
 * (comments, ranges and references as Word expects them) rather than hand-written
 * XML. The fact-check memo (Markdown or HTML): summary counts, then every claim with
 * its verdict and sources, those needing attention first.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { DraftCheck, DraftClaimVerdict, VerdictStatus } from '../../shared/draft-views';
import type { ExportFile } from '../../shared/views';

export const VERDICT_LABEL: Record<VerdictStatus, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  unverified: 'Unverified',
};

function fileStem(check: DraftCheck): string {
  return (
    check.draft.title
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .slice(0, 60)
      .trim()
      .replace(/ /g, '-') || `draft-${check.draft.id}`
  );
}

function sourceName(s: DraftClaimVerdict['sources'][number]): string {
  return s.article.outlet?.trim() || s.article.title || s.article.source;
}

/** The lines of one claim's comment: verdict and why, each source, the editor's evidence and note. */
export function commentLines(c: DraftClaimVerdict): string[] {
  const lines = [`${VERDICT_LABEL[c.status].toUpperCase()}: ${c.why}`];
  if (c.editor)
    lines.push(
      `Verdict set by ${c.editor.editor} (the check said ${VERDICT_LABEL[c.computed].toLowerCase()}).`,
    );
  for (const s of c.sources)
    lines.push(
      `${s.agrees ? 'Agrees' : 'Disagrees'} — ${sourceName(s)}: “${s.quote}” in “${s.sentence.trim()}”`,
    );
  if (c.sources.length === 0) lines.push('No source on the desk states this.');
  if (c.editor?.evidence) lines.push(`Evidence: ${c.editor.evidence}`);
  if (c.editor?.note) lines.push(`Editor's note: ${c.editor.note}`);
  return lines;
}

/** Paragraphs of the text with their offsets (blank lines separate them; single line ends too). */
function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export async function draftDocx(check: DraftCheck): Promise<ExportFile> {
  const attention = check.attention.map((id) => check.claims.find((c) => c.id === id)!);
  const commentId = new Map(attention.map((c, i) => [c.id, i + 1]));
  const comments = attention.map((c) => ({
    id: commentId.get(c.id)!,
    author: c.editor?.editor ?? 'Claimdesk',
    initials: 'CD',
    date: new Date(),
    children: commentLines(c).map((line) => new Paragraph({ children: [new TextRun(line)] })),
  }));
  const children = paragraphsOf(check.text).map((p) => {
    // Marker positions: every attention claim's start and end inside the paragraph.
    const marks = new Map<number, { open: number[]; close: number[] }>();
    const at = (pos: number) => {
      let m = marks.get(pos);
      if (!m) marks.set(pos, (m = { open: [], close: [] }));
      return m;
    };
    for (const c of attention) {
      if (c.start < p.start || c.end > p.end) continue;
      at(c.start).open.push(commentId.get(c.id)!);
      at(c.end).close.push(commentId.get(c.id)!);
    }
    const runs: ParagraphChild[] = [];
    const cuts = [...new Set([p.start, ...marks.keys(), p.end])].sort((a, b) => a - b);
    for (let i = 0; i < cuts.length; i++) {
      const pos = cuts[i]!;
      const m = marks.get(pos);
      for (const id of m?.close ?? []) {
        runs.push(new CommentRangeEnd(id));
        runs.push(new TextRun({ children: [new CommentReference(id)] }));
      }
      for (const id of m?.open ?? []) runs.push(new CommentRangeStart(id));
      const next = cuts[i + 1];
      if (next !== undefined && next > pos) runs.push(new TextRun(check.text.slice(pos, next)));
    }
    return new Paragraph({ children: runs });
  });
  const doc = new Document({
    creator: 'Claimdesk',
    title: check.draft.title,
    comments: { children: comments },
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(doc);
  return {
    filename: `${fileStem(check)}-fact-check.docx`,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    encoding: 'base64',
    data: Buffer.from(buffer).toString('base64'),
  };
}

function ordered(check: DraftCheck): DraftClaimVerdict[] {
  const rank: Record<VerdictStatus, number> = { contradicted: 0, unverified: 1, supported: 2 };
  return [...check.claims].sort((a, b) => rank[a.status] - rank[b.status] || a.start - b.start);
}

export function draftMemoMarkdown(check: DraftCheck): ExportFile {
  const { counts } = check;
  const lines = [
    `# Fact-check memo: ${check.draft.title}`,
    '',
    `${check.claims.length} claims checked against the desk's sources: **${counts.contradicted} contradicted**, **${counts.unverified} unverified**, ${counts.supported} supported.`,
    '',
  ];
  for (const c of ordered(check)) {
    lines.push(`## ${VERDICT_LABEL[c.status]}: “${c.quote}”`, '', `> ${c.sentence.trim()}`, '');
    for (const l of commentLines(c)) lines.push(`- ${l}`);
    lines.push('');
  }
  return {
    filename: `${fileStem(check)}-fact-check.md`,
    mime: 'text/markdown',
    encoding: 'utf8',
    data: lines.join('\n'),
  };
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

export function draftMemoHtml(check: DraftCheck): ExportFile {
  const { counts } = check;
  const items = ordered(check)
    .map(
      (c) =>
        `<section class="${c.status}"><h2>${VERDICT_LABEL[c.status]}: “${esc(c.quote)}”</h2><blockquote>${esc(c.sentence.trim())}</blockquote><ul>${commentLines(
          c,
        )
          .map((l) => `<li>${esc(l)}</li>`)
          .join('')}</ul></section>`,
    )
    .join('\n');
  const data = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fact-check memo: ${esc(check.draft.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}section{border-left:4px solid #888;padding-left:1rem;margin:1.5rem 0}.contradicted{border-color:#b3261e}.unverified{border-color:#a86b00}.supported{border-color:#2e7d32}blockquote{margin:0;color:#444}</style></head>
<body><h1>Fact-check memo: ${esc(check.draft.title)}</h1>
<p>${check.claims.length} claims checked against the desk's sources: <strong>${counts.contradicted} contradicted</strong>, <strong>${counts.unverified} unverified</strong>, ${counts.supported} supported.</p>
${items}
</body></html>`;
  return { filename: `${fileStem(check)}-fact-check.html`, mime: 'text/html', encoding: 'utf8', data };
}
