/**
 * The open desk: its counts, its articles, and the article shown in the reader
 * with the claim edits an editor makes there (add, correct, delete, boilerplate).
 */
import { api } from '../lib/client';
import { changed, onChanged } from '../lib/changes';
import type { ClaimKind } from '../../../src-main/shared/model';
import type { ArticleDetail, ArticleSummary, DeskInfo } from '../../../src-main/shared/views';
import { board } from './board.svelte';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';

export interface Focus {
  articleId: number;
  start: number;
  end: number;
}

/** How long a search hit stays highlighted in the reader. */
export const HIT_FLASH_MS = 2500;

class DeskState {
  #info = $state<DeskInfo | null>(null);
  #articles = $state.raw<ArticleSummary[]>([]);
  #selectedId = $state<number | null>(null);
  #article = $state.raw<ArticleDetail | null>(null);
  #loadingArticle = $state(false);
  #ready = $state(false);
  #articlesLoaded = $state(false);
  #focus = $state<Focus | null>(null);
  #focusTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    onChanged(() => this.refresh());
  }

  get info(): DeskInfo | null {
    return this.#info;
  }
  get articles(): ArticleSummary[] {
    return this.#articles;
  }
  get selectedId(): number | null {
    return this.#selectedId;
  }
  get article(): ArticleDetail | null {
    return this.#article;
  }
  get loadingArticle(): boolean {
    return this.#loadingArticle;
  }
  /** False until the first answer from the core: avoids flashing the welcome panel. */
  get ready(): boolean {
    return this.#ready;
  }
  /** A span the reader should scroll to and highlight (from a search hit). */
  get focus(): Focus | null {
    return this.#focus;
  }

  /** False until the article list has come back (the window shows before it on a large desk). */
  get articlesLoaded(): boolean {
    return this.#articlesLoaded;
  }

  empty = $derived(
    this.#ready &&
      (this.#articlesLoaded ? this.#articles.length === 0 : (this.#info?.articleCount ?? 0) === 0),
  );

  async init(): Promise<void> {
    // The board's first page is asked for first (the core answers in order), so it is not
    // reset after the editor has started moving through rows, and the first row does not
    // wait behind the article list. The entity list (thousands on a large desk) is fetched
    // when the Entity filter needs it.
    await Promise.all([board.reset(), this.refresh(), settings.load()]);
  }

  /** Another desk was opened: nothing selected on the last one applies. */
  forget(info: DeskInfo): void {
    this.#info = info;
    this.#selectedId = null;
    this.#article = null;
    this.#focus = null;
    board.useDesk(info.path);
  }

  async refresh(): Promise<void> {
    try {
      const asked = api()['desk:info']({});
      const listed = api()['articles:list']({});
      // Never unhandled: awaited below, after the desk's own answer.
      listed.catch(() => undefined);
      const info = await asked;
      this.#info = info;
      settings.readOnly = info.readOnly === true;
      if (info.needsDetection && !info.readOnly) void this.#finishDetection();
      board.useDesk(info.path);
      // The window can show the board now: on a desk of a thousand articles their list
      // (for the sidebar and the Article filter) follows, and the reader's article after it.
      this.#ready = true;
      const articles = await listed;
      this.#articles = articles;
      this.#articlesLoaded = true;
      if (this.#selectedId !== null && !articles.some((a) => a.id === this.#selectedId)) {
        this.#selectedId = null;
        this.#article = null;
      }
      if (this.#selectedId === null && articles.length > 0)
        await this.select(articles[0].id, { show: false });
      else if (this.#selectedId !== null) await this.#loadArticle(this.#selectedId);
    } catch (err) {
      ui.error(err);
    } finally {
      this.#ready = true;
    }
  }

  #finishing = false;

  /** An earlier import stopped between storing articles and matching them: finish it now. */
  async #finishDetection(): Promise<void> {
    if (this.#finishing) return;
    this.#finishing = true;
    ui.notify('The last import stopped before its articles were matched; matching them now…');
    try {
      const r = await api()['conflicts:detect']({});
      ui.notify(`Matching finished: ${r.conflicts} conflicts on the desk.`);
      void changed();
    } catch (err) {
      ui.error(err);
    } finally {
      this.#finishing = false;
    }
  }

  async #loadArticle(id: number): Promise<void> {
    this.#loadingArticle = true;
    try {
      const detail = await api()['articles:get']({ id });
      if (this.#selectedId === id) this.#article = detail;
    } catch (err) {
      ui.error(err);
    } finally {
      this.#loadingArticle = false;
    }
  }

  /** Selects an article; by default the reader comes to the front. */
  async select(id: number, opts: { show?: boolean; focus?: Focus } = {}): Promise<void> {
    this.#focus = opts.focus ?? null;
    if (this.#focusTimer) clearTimeout(this.#focusTimer);
    // The highlight is brief: it shows where the hit is, then gets out of the way.
    if (opts.focus) this.#focusTimer = setTimeout(() => this.clearFocus(), HIT_FLASH_MS);
    if (opts.show !== false) ui.view = 'reader';
    if (this.#selectedId === id && this.#article?.id === id) return;
    this.#selectedId = id;
    await this.#loadArticle(id);
  }

  clearFocus(): void {
    this.#focus = null;
  }

  async #edit(run: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await run();
      await changed();
      ui.notify(done);
      return true;
    } catch (err) {
      ui.error(err);
      return false;
    }
  }

  setBoilerplate(passageId: number, boilerplate: boolean): Promise<boolean> {
    return this.#edit(
      () => api()['passages:setBoilerplate']({ id: passageId, boilerplate }),
      boilerplate ? 'Marked as boilerplate.' : 'Marked as article text.',
    );
  }

  async addClaim(start: number, end: number, kind: ClaimKind): Promise<boolean> {
    const articleId = this.#selectedId;
    if (articleId === null || end <= start) return false;
    if (!(await settings.ensureEditorName())) return false;
    return this.#edit(() => api()['claims:add']({ articleId, start, end, kind }), 'Claim added.');
  }

  async updateClaim(id: number, patch: { kind?: ClaimKind; display?: string }): Promise<boolean> {
    if (!(await settings.ensureEditorName())) return false;
    return this.#edit(() => api()['claims:update']({ id, ...patch }), 'Claim corrected.');
  }

  /** Corrects the selected article's details; undoable from the history like any decision. */
  async updateArticle(patch: {
    title?: string;
    outlet?: string | null;
    author?: string | null;
    publishedAt?: string | null;
    url?: string | null;
  }): Promise<boolean> {
    const id = this.#selectedId;
    if (id === null) return false;
    if (!(await settings.ensureEditorName())) return false;
    return this.#edit(() => api()['articles:update']({ id, ...patch }), 'Article details corrected.');
  }

  async deleteClaim(id: number): Promise<boolean> {
    if (!(await settings.ensureEditorName())) return false;
    return this.#edit(() => api()['claims:delete']({ id }), 'Claim deleted.');
  }
}

export const desk = new DeskState();
