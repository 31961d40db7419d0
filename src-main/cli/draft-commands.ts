/**
 * The draft commands of `claimdesk`: mark or unmark a draft, print its check, export
 * it back to the writer. The JSON of `check` is a promised shape: scripts read it.
 */
import { writeFileSync } from 'node:fs';
import type { DeskService } from '../core/service';
import type { DraftCheck } from '../shared/draft-views';

/** `check --json`: exactly the promised shape, nothing more. */
export function checkJson(check: DraftCheck) {
  return {
    draft: { id: check.draft.id, title: check.draft.title },
    claims: check.claims.map((c) => ({
      id: c.id,
      quote: c.quote,
      sentence: c.sentence,
      status: c.status,
      sources: c.sources.map((s) => ({
        article: { id: s.article.id, source: s.article.source, outlet: s.article.outlet },
        quote: s.quote,
        sentence: s.sentence,
        agrees: s.agrees,
      })),
    })),
  };
}

const MARK: Record<string, string> = { supported: 'ok  ', contradicted: 'FAIL', unverified: '??  ' };

/** `check` for people: counts, then each claim with its verdict, why, and sources. */
export function checkText(check: DraftCheck): string {
  const { counts } = check;
  const lines = [
    `Draft ${check.draft.id} "${check.draft.title}": ${check.claims.length} claims — ${counts.contradicted} contradicted, ${counts.unverified} unverified, ${counts.supported} supported.`,
    '',
  ];
  for (const c of check.claims) {
    lines.push(`${MARK[c.status]} ${c.status.padEnd(12)} claim ${c.id}  “${c.quote}”`);
    lines.push(
      `      ${c.why}${c.editor ? `  [set by ${c.editor.editor}${c.editor.note ? `: ${c.editor.note}` : ''}]` : ''}`,
    );
    for (const s of c.sources)
      lines.push(`      ${s.agrees ? '+' : '-'} ${s.article.outlet ?? s.article.source}: “${s.quote}”`);
  }
  return lines.join('\n');
}

export async function markDraft(service: DeskService, articleId: number, draft: boolean): Promise<string> {
  const before = new Set((await service.handlers()['drafts:list']({})).map((d) => d.id));
  const list = await service.handlers()['drafts:mark']({ articleId, draft });
  const changed = before.has(articleId) !== draft;
  const verb = draft ? 'marked as a draft' : 'no longer a draft';
  return `Article ${articleId} ${changed ? 'is now' : 'was already'} ${verb}; the desk holds ${list.length} draft${list.length === 1 ? '' : 's'}${list.length ? ` (${list.map((d) => d.id).join(', ')})` : ''}.`;
}

export const DRAFT_FORMATS: Record<string, 'docx' | 'md' | 'html'> = {
  docx: 'docx',
  'memo-md': 'md',
  'memo-html': 'html',
};

/** Exports a draft as DOCX with comments or as a fact-check memo; returns the path written. */
export async function exportDraft(
  service: DeskService,
  articleId: number,
  format: 'docx' | 'md' | 'html',
  out: string | undefined,
): Promise<string> {
  const file = await service.handlers()['drafts:export']({ id: articleId, format });
  const path = out ?? file.filename;
  writeFileSync(path, file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : file.data);
  return path;
}
