/**
 * The version view: an article's versions, the two being compared, their word diff
 * and the claims a revision left without a place. Opened from the Reader or from a
 * board column; linking and unlinking by hand go through the history like any edit.
 */
import { api } from '../lib/client';
import { changed, onChanged } from '../lib/changes';
import type { ArticleVersions, VersionDiff } from '../../../src-main/shared/versions';
import { desk } from './desk.svelte';
import { settings } from './settings.svelte';
import { ui } from './ui.svelte';

class VersionsState {
  #articleId = $state<number | null>(null);
  #list = $state.raw<ArticleVersions | null>(null);
  #diff = $state.raw<VersionDiff | null>(null);
  #fromId = $state<number | null>(null);
  #toId = $state<number | null>(null);
  #loading = $state(false);

  constructor() {
    onChanged(() => this.#reload());
  }

  /** The article whose versions are shown; null when the view is closed. */
  get articleId(): number | null {
    return this.#articleId;
  }
  /** Whether the view belongs on screen: open, and on the article the Reader has selected. */
  get showing(): boolean {
    return this.#articleId !== null && this.#articleId === desk.selectedId;
  }
  get list(): ArticleVersions | null {
    return this.#list;
  }
  get diff(): VersionDiff | null {
    return this.#diff;
  }
  get fromId(): number | null {
    return this.#fromId;
  }
  get toId(): number | null {
    return this.#toId;
  }
  get loading(): boolean {
    return this.#loading;
  }

  /** Opens the view on an article, comparing its last two versions. */
  async show(articleId: number): Promise<void> {
    this.#articleId = articleId;
    this.#fromId = null;
    this.#toId = null;
    this.#diff = null;
    await Promise.all([desk.select(articleId), this.#reload()]);
  }

  close(): void {
    this.#articleId = null;
    this.#list = null;
    this.#diff = null;
  }

  async compare(fromId: number, toId: number): Promise<void> {
    this.#fromId = fromId;
    this.#toId = toId;
    await this.#loadDiff();
  }

  async #reload(): Promise<void> {
    const id = this.#articleId;
    if (id === null) return;
    this.#loading = true;
    try {
      const list = await api()['versions:list']({ articleId: id });
      if (this.#articleId !== id) return;
      this.#list = list;
      const ids = list.versions.map((v) => v.articleId);
      if (
        this.#fromId === null ||
        !ids.includes(this.#fromId) ||
        this.#toId === null ||
        !ids.includes(this.#toId)
      ) {
        this.#toId = ids.at(-1) ?? null;
        this.#fromId = ids.length > 1 ? ids.at(-2)! : null;
      }
      await this.#loadDiff();
    } catch (err) {
      ui.error(err);
      this.close();
    } finally {
      this.#loading = false;
    }
  }

  async #loadDiff(): Promise<void> {
    const { fromId, toId } = { fromId: this.#fromId, toId: this.#toId };
    if (fromId === null || toId === null || fromId === toId) {
      this.#diff = null;
      return;
    }
    try {
      const diff = await api()['versions:diff']({ fromId, toId });
      if (this.#fromId === fromId && this.#toId === toId) this.#diff = diff;
    } catch (err) {
      ui.error(err);
    }
  }

  /** Makes `articleId` the newest version of the shown article. */
  async link(articleId: number): Promise<boolean> {
    const to = this.#articleId;
    if (to === null || !(await settings.ensureEditorName())) return false;
    try {
      const r = await api()['versions:link']({ articleId, toArticleId: to });
      this.#articleId = r.articleId;
      this.#fromId = null;
      await changed();
      await desk.select(r.articleId);
      ui.notify(
        `Linked as version ${r.version}: ${r.carried} claims carried, ${r.changed} changed, ${r.orphans} without a place.`,
      );
      return true;
    } catch (err) {
      ui.error(err);
      return false;
    }
  }

  /** Takes a version out of the article: it becomes an article of its own. */
  async unlink(articleId: number): Promise<boolean> {
    if (!(await settings.ensureEditorName())) return false;
    try {
      const remaining = this.#list?.versions.find((v) => v.articleId !== articleId)?.articleId ?? null;
      await api()['versions:unlink']({ articleId });
      this.#articleId = remaining;
      this.#fromId = null;
      await changed();
      if (remaining !== null) await desk.select(remaining);
      ui.notify(`Version unlinked: article ${articleId} stands on its own.`);
      return true;
    } catch (err) {
      ui.error(err);
      return false;
    }
  }
}

export const versions = new VersionsState();
