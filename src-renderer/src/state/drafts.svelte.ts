/**
 * Drafts under review: which articles are drafts, the check of the one shown, the
 * claim selected in its "needs attention" list, and the editor's actions on it
 * (mark, unmark, set a verdict by hand, export back to the writer).
 */
import { api, saveExport } from '../lib/client';
import { changed, onChanged } from '../lib/changes';
import type {
  DraftCheck,
  DraftClaimVerdict,
  DraftSummary,
  VerdictStatus,
} from '../../../src-main/shared/draft-views';
import { ui } from './ui.svelte';

class DraftsState {
  #drafts = $state.raw<DraftSummary[]>([]);
  #openId = $state<number | null>(null);
  #check = $state.raw<DraftCheck | null>(null);
  #selectedId = $state<number | null>(null);
  #loading = $state(false);

  constructor() {
    onChanged(() => this.refresh());
  }

  get drafts(): DraftSummary[] {
    return this.#drafts;
  }
  get openId(): number | null {
    return this.#openId;
  }
  get check(): DraftCheck | null {
    return this.#check;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get selectedId(): number | null {
    return this.#selectedId;
  }

  /** Claims needing attention, in the list's order: contradicted, then unverified. */
  attention = $derived.by((): DraftClaimVerdict[] => {
    const check = this.#check;
    if (!check) return [];
    return check.attention.map((id) => check.claims.find((c) => c.id === id)!).filter(Boolean);
  });

  selected = $derived.by((): DraftClaimVerdict | null => {
    const id = this.#selectedId;
    return this.#check?.claims.find((c) => c.id === id) ?? null;
  });

  isDraft(articleId: number | null): boolean {
    return articleId !== null && this.#drafts.some((d) => d.id === articleId);
  }

  async refresh(): Promise<void> {
    try {
      this.#drafts = await api()['drafts:list']({});
      const keep = this.#openId !== null && this.#drafts.some((d) => d.id === this.#openId);
      const id = keep ? this.#openId : (this.#drafts[0]?.id ?? null);
      if (id === null) {
        this.#openId = null;
        this.#check = null;
        this.#selectedId = null;
        return;
      }
      await this.open(id);
    } catch (err) {
      ui.error(err);
    }
  }

  async open(id: number): Promise<void> {
    this.#loading = true;
    try {
      const check = await api()['drafts:check']({ id });
      if (id !== this.#openId) this.#selectedId = null;
      this.#openId = id;
      this.#check = check;
      if (this.#selectedId === null || !check.claims.some((c) => c.id === this.#selectedId))
        this.#selectedId = check.attention[0] ?? check.claims[0]?.id ?? null;
    } catch (err) {
      ui.error(err);
    } finally {
      this.#loading = false;
    }
  }

  select(claimId: number): void {
    this.#selectedId = claimId;
  }

  /** Moves through the "needs attention" list (wrapping at neither end). */
  move(delta: number): void {
    const list = this.attention;
    if (list.length === 0) return;
    const at = list.findIndex((c) => c.id === this.#selectedId);
    const next = at < 0 ? 0 : Math.max(0, Math.min(list.length - 1, at + delta));
    this.#selectedId = list[next].id;
  }

  async mark(articleId: number, draft: boolean): Promise<void> {
    try {
      await api()['drafts:mark']({ articleId, draft });
      if (draft) this.#openId = articleId;
      await changed();
      ui.notify(
        draft
          ? 'Marked as a draft: every claim is checked against the other articles.'
          : 'No longer a draft: the article counts as coverage again.',
      );
    } catch (err) {
      ui.error(err);
    }
  }

  async setVerdict(
    claimId: number,
    status: VerdictStatus | null,
    evidence: string,
    note: string,
  ): Promise<boolean> {
    try {
      await api()['drafts:setVerdict']({
        claimId,
        status,
        ...(evidence.trim() ? { evidence } : {}),
        ...(note.trim() ? { note } : {}),
      });
      this.#selectedId = claimId;
      await changed();
      return true;
    } catch (err) {
      ui.error(err);
      return false;
    }
  }

  async exportAs(format: 'docx' | 'md' | 'html'): Promise<void> {
    if (this.#openId === null) return;
    try {
      const file = await api()['drafts:export']({ id: this.#openId, format });
      const saved = await saveExport(file);
      if (saved) ui.notify(`Exported ${saved}.`);
    } catch (err) {
      ui.error(err);
    }
  }
}

export const drafts = new DraftsState();
