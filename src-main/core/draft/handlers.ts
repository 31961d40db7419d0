/**
 * The contract's draft methods on the open desk. Marking or unmarking a draft (and
 * undoing either) re-runs matching and detection, so a draft never stands as coverage
 * on the board or in a conflict among the ordinary articles.
 */
import type { Handlers } from '../../shared/contract';
import type { Db } from '../db/open';
import { setDraft, setVerdict } from './actions';
import { checkDraft, listDrafts } from './check';
import { draftDocx, draftMemoHtml, draftMemoMarkdown } from './export';

export interface DraftHost {
  readonly database: Db;
  actor(): string;
  detect(): Promise<unknown>;
}

type DraftMethods = 'drafts:list' | 'drafts:mark' | 'drafts:check' | 'drafts:setVerdict' | 'drafts:export';

export function draftHandlers(host: DraftHost): Pick<Handlers, DraftMethods> {
  return {
    'drafts:list': () => listDrafts(host.database),
    'drafts:mark': async ({ articleId, draft }) => {
      if (setDraft(host.database, host.actor(), articleId, draft)) await host.detect();
      return listDrafts(host.database);
    },
    'drafts:check': ({ id }) => checkDraft(host.database, id),
    'drafts:setVerdict': ({ claimId, status, evidence, note }) => {
      const draftId = setVerdict(host.database, host.actor(), { claimId, status, evidence, note });
      return checkDraft(host.database, draftId);
    },
    'drafts:export': async ({ id, format }) => {
      const check = checkDraft(host.database, id);
      if (format === 'docx') return draftDocx(check);
      return format === 'md' ? draftMemoMarkdown(check) : draftMemoHtml(check);
    },
  };
}

/** Whether an undone or redone action changed which articles are drafts. */
export function changesDrafts(action: string | undefined): boolean {
  return action === 'draft:mark' || action === 'draft:unmark';
}
