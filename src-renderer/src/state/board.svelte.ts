/**
 * The alignment board: a window onto board:page, fetched a page at a time as the
 * user scrolls (the board may hold 10,000 facts), with sort, filters, the row
 * selection and the column layout (order, hidden, pinned) kept per desk in
 * localStorage.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { api } from '../lib/client';
import { onChanged } from '../lib/changes';
import type { ConflictKind, ConflictStatus } from '../../../src-main/shared/model';
import type { ArticleSummary, BoardRow, EntityView } from '../../../src-main/shared/views';
import { ui } from './ui.svelte';

export const PAGE_SIZE = 40;
/** Board rows have one height so the scroller can place any row without measuring. */
export const ROW_HEIGHT = 84;

/** Beyond this many article columns, the selected row's articles are drawn first. */
export const SELECTED_FIRST_OVER = 8;

export type BoardSort = 'conflict' | 'fact' | 'article';

export interface BoardFilters {
  status?: ConflictStatus;
  kind?: ConflictKind;
  articleId?: number;
  entityId?: number;
  /** Only facts stated by at least this many articles. */
  minArticles?: number;
}

interface ColumnPrefs {
  order: number[];
  hidden: number[];
  pinned: number[];
  /** Every article of the desk as a column, rather than those stating something on the rows in view. */
  allArticles?: boolean;
}

class BoardState {
  #total = $state(0);
  #rows = new SvelteMap<number, BoardRow>();
  /**
   * The article columns known so far: those stating something on the loaded rows, or
   * every article of the desk once something shows them all (see loadEveryArticle).
   */
  #articles = $state.raw<ArticleSummary[]>([]);
  /** #articles holds every article of the desk. */
  #everyArticle = false;
  /** Something on screen lists every article (the Columns menu, or a column for each). */
  #everyWanted = false;
  /** Another desk was opened: the next articles received replace those known. */
  #replaceArticles = false;
  #sort = $state<BoardSort>('conflict');
  #filters = $state<BoardFilters>({});
  #selected = $state(-1);
  /** The fact the selection belongs to: after a re-sort the selection follows it. */
  #selectedFactId: number | null = null;
  /**
   * Where the selection was before a refresh carried it off with its fact: the
   * queue goes on from there, so the row that followed the decided one is next.
   */
  #resumeAt: number | null = null;
  #loading = $state(false);
  #loaded = $state(false);
  #entities = $state.raw<EntityView[]>([]);
  #prefs = $state<ColumnPrefs>({ order: [], hidden: [], pinned: [] });
  #prefsKey = '';
  #filtersKey = '';
  /** The rows on screen, for the columns that matter to them. */
  #inView = $state<[number, number]>([0, PAGE_SIZE - 1]);
  /** Conflicts ticked for an export of the selection. */
  readonly checked = new SvelteSet<number>();
  /** Rows ticked for grouping edits (merge, flag a conflict), by fact id, with the row as last seen. */
  readonly checkedFacts = new SvelteMap<number, BoardRow>();
  /** The search box's words, which also narrow the board. */
  #search = $state('');

  #generation = 0;
  #inflight = new Set<number>();
  #window: [number, number] = [0, PAGE_SIZE];

  constructor() {
    onChanged(() => this.refresh());
  }

  get total(): number {
    return this.#total;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** True once the first page (or an empty board) has come back. */
  get loaded(): boolean {
    return this.#loaded;
  }
  /** The articles of the loaded rows (every article once loadEveryArticle was called), in desk order. */
  get articles(): ArticleSummary[] {
    return this.#articles;
  }
  get entities(): EntityView[] {
    return this.#entities;
  }
  get sort(): BoardSort {
    return this.#sort;
  }
  get filters(): BoardFilters {
    return this.#filters;
  }
  get search(): string {
    return this.#search;
  }
  get selected(): number {
    return this.#selected;
  }
  row(index: number): BoardRow | undefined {
    return this.#rows.get(index);
  }

  selectedRow = $derived(this.#rows.get(this.#selected));

  /** Visible article columns: pinned first, then the user's order, then new articles. */
  columns = $derived.by(() => {
    const byId = new Map(this.#articles.map((a) => [a.id, a]));
    const ordered = [
      ...this.#prefs.order.filter((id) => byId.has(id)),
      ...this.#articles.map((a) => a.id).filter((id) => !this.#prefs.order.includes(id)),
    ];
    let visible = ordered.filter((id) => !this.#prefs.hidden.includes(id));
    if (!this.#prefs.allArticles) {
      const stating = this.#articlesInView();
      if (stating.size > 0) visible = visible.filter((id) => stating.has(id));
    }
    const pinned = visible.filter((id) => this.#prefs.pinned.includes(id));
    let rest = visible.filter((id) => !this.#prefs.pinned.includes(id));
    // The articles on the disputes of the rows in view come first, top row first: on a desk
    // of many articles the disagreeing cells are the columns that matter.
    if (!this.#prefs.allArticles && rest.length > SELECTED_FIRST_OVER) {
      const disputed = this.#disputedInView();
      const rank = new Map(disputed.map((id, i) => [id, i]));
      rest = [
        ...rest.filter((id) => rank.has(id)).sort((x, y) => rank.get(x)! - rank.get(y)!),
        ...rest.filter((id) => !rank.has(id)),
      ];
    }
    // More columns than a window shows: the selected row's articles come first, so its
    // disagreeing cells are on screen without scrolling sideways.
    const selected = this.#rows.get(this.#selected);
    if (selected && visible.length > SELECTED_FIRST_OVER) {
      const own = new Set(Object.keys(selected.cells).map(Number));
      rest = [...rest.filter((id) => own.has(id)), ...rest.filter((id) => !own.has(id))];
    }
    return [...pinned, ...rest].map((id) => byId.get(id)!);
  });

  /** Articles giving a disputed value on the loaded rows in view, in row order, each once. */
  #disputedInView(): number[] {
    const [first, last] = this.#inView;
    const ids: number[] = [];
    for (let i = first; i <= last; i++)
      for (const k of this.#rows.get(i)?.conflicts ?? [])
        for (const v of k.values ?? []) ids.push(...v.articleIds);
    return [...new Set(ids)];
  }

  /** Articles that state something on the loaded rows in view. */
  #articlesInView(): ReadonlySet<number> {
    const [first, last] = this.#inView;
    const ids: number[] = [];
    for (let i = first; i <= last; i++) {
      const row = this.#rows.get(i);
      if (row) for (const id of Object.keys(row.cells)) ids.push(Number(id));
    }
    return new Set(ids);
  }

  get allArticles(): boolean {
    return Boolean(this.#prefs.allArticles);
  }

  /** Columns for every article of the desk, or only for those stating something on the rows in view. */
  setAllArticles(on: boolean): void {
    this.#prefs.allArticles = on;
    this.#savePrefs();
    if (on) void this.loadEveryArticle();
  }

  /**
   * Asks for every article of the desk as a column (the Columns menu lists them all).
   * Until then a page brings only the articles stating something on its rows: on a desk
   * of a thousand articles the first rows do not wait for a thousand summaries.
   */
  async loadEveryArticle(): Promise<void> {
    this.#everyWanted = true;
    if (this.#everyArticle) return;
    const generation = this.#generation;
    try {
      const result = await api()['board:page']({ ...this.#query(0), limit: 1, withArticles: true });
      if (generation !== this.#generation) return;
      this.#articles = result.articles;
      this.#everyArticle = true;
    } catch (err) {
      ui.error(err);
    }
  }

  /** What a page asks for: every article with the first page once they are wanted, else its own. */
  #withArticles(page: number): boolean | 'page' {
    return this.#everyWanted || this.#prefs.allArticles ? page === 0 : 'page';
  }

  #takeArticles(mode: boolean | 'page', list: ArticleSummary[]): void {
    if (mode === true) {
      this.#articles = list;
      this.#everyArticle = true;
      this.#replaceArticles = false;
      return;
    }
    if (mode === false) return;
    if (this.#replaceArticles) {
      this.#articles = list;
      this.#replaceArticles = false;
      return;
    }
    if (list.length === 0) return;
    // A page's own articles join those known: newest details win, desk order kept.
    const fresh = new Set(list.map((a) => a.id));
    this.#articles = [...this.#articles.filter((a) => !fresh.has(a.id)), ...list].sort(
      (x, y) => x.position - y.position || x.id - y.id,
    );
  }

  /** Every article in the user's order, with its visibility, for the Columns menu. */
  columnSettings = $derived.by(() => {
    const byId = new Map(this.#articles.map((a) => [a.id, a]));
    const ordered = [
      ...this.#prefs.order.filter((id) => byId.has(id)),
      ...this.#articles.map((a) => a.id).filter((id) => !this.#prefs.order.includes(id)),
    ];
    return ordered.map((id) => ({
      article: byId.get(id)!,
      hidden: this.#prefs.hidden.includes(id),
      pinned: this.#prefs.pinned.includes(id),
    }));
  });

  /** Column preferences belong to one desk. */
  useDesk(path: string): void {
    const key = `claimdesk.columns:${path}`;
    if (key === this.#prefsKey) return;
    // Another desk: its first answer replaces the last one's articles.
    if (this.#prefsKey) {
      this.#everyArticle = false;
      this.#everyWanted = false;
      this.#replaceArticles = true;
    }
    this.#prefsKey = key;
    let prefs: ColumnPrefs = { order: [], hidden: [], pinned: [] };
    try {
      const raw = localStorage.getItem(key);
      if (raw) prefs = { ...prefs, ...(JSON.parse(raw) as Partial<ColumnPrefs>) };
    } catch {
      // Unreadable preferences fall back to the default layout.
    }
    this.#prefs = prefs;
    this.#loadFilters(`claimdesk.filters:${path}`);
  }

  /** Sort and filters belong to one desk too, and come back after a reload. */
  #loadFilters(key: string): void {
    this.#filtersKey = key;
    let saved: { sort?: BoardSort; filters?: BoardFilters } = {};
    try {
      const raw = localStorage.getItem(key);
      if (raw) saved = JSON.parse(raw) as typeof saved;
    } catch {
      // Unreadable: the default sort, no filters.
    }
    const sort = saved.sort && ['conflict', 'fact', 'article'].includes(saved.sort) ? saved.sort : 'conflict';
    const filters = saved.filters && typeof saved.filters === 'object' ? saved.filters : {};
    const differ = sort !== this.#sort || JSON.stringify(filters) !== JSON.stringify(this.#filters);
    this.#sort = sort;
    this.#filters = filters;
    if (filters.entityId && this.#entities.length === 0) void this.loadEntities();
    // A first page already asked for under other filters is asked again under these.
    if (differ && (this.#loaded || this.#loading)) void this.reset();
  }

  #saveFilters(): void {
    if (!this.#filtersKey) return;
    try {
      localStorage.setItem(this.#filtersKey, JSON.stringify({ sort: this.#sort, filters: this.#filters }));
    } catch {
      // Storage full or blocked: the filters hold for this window.
    }
  }

  #savePrefs(): void {
    if (!this.#prefsKey) return;
    try {
      localStorage.setItem(this.#prefsKey, JSON.stringify(this.#prefs));
    } catch {
      // Storage full or blocked: the layout still applies for this session.
    }
  }

  moveColumn(id: number, delta: -1 | 1): void {
    const order = this.columnSettings.map((c) => c.article.id);
    const i = order.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    this.#prefs.order = order;
    this.#savePrefs();
  }

  setHidden(id: number, hidden: boolean): void {
    const rest = this.#prefs.hidden.filter((h) => h !== id);
    this.#prefs.hidden = hidden ? [...rest, id] : rest;
    this.#savePrefs();
  }

  setPinned(id: number, pinned: boolean): void {
    const rest = this.#prefs.pinned.filter((p) => p !== id);
    this.#prefs.pinned = pinned ? [...rest, id] : rest;
    this.#savePrefs();
  }

  setSort(sort: BoardSort): void {
    this.#sort = sort;
    this.#saveFilters();
    void this.reset();
  }

  setFilters(filters: BoardFilters): void {
    this.#filters = filters;
    this.#saveFilters();
    void this.reset();
  }

  /** Narrows the board to facts whose claims match the search words. */
  setSearch(q: string): void {
    const next = q.trim();
    if (next === this.#search) return;
    this.#search = next;
    void this.reset();
  }

  async loadEntities(): Promise<void> {
    try {
      this.#entities = await api()['entities:list']({});
    } catch (err) {
      ui.error(err);
    }
  }

  #query(offset: number) {
    const f = this.#filters;
    return {
      offset,
      limit: PAGE_SIZE,
      sort: this.#sort,
      ...(f.status ? { status: f.status } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.articleId ? { articleId: f.articleId } : {}),
      ...(f.entityId ? { entityId: f.entityId } : {}),
      ...(f.minArticles ? { minArticles: f.minArticles } : {}),
      ...(this.#search ? { query: this.#search } : {}),
    };
  }

  async #fetchPage(page: number, generation: number): Promise<void> {
    if (this.#inflight.has(page)) return;
    this.#inflight.add(page);
    try {
      const withArticles = this.#withArticles(page);
      const result = await api()['board:page']({ ...this.#query(page * PAGE_SIZE), withArticles });
      if (generation !== this.#generation) return;
      this.#total = result.total;
      this.#takeArticles(withArticles, result.articles);
      result.rows.forEach((row, i) => this.#put(page * PAGE_SIZE + i, row));
      this.#loaded = true;
    } catch (err) {
      if (generation === this.#generation) ui.error(err);
    } finally {
      this.#inflight.delete(page);
    }
  }

  #put(index: number, row: BoardRow): void {
    this.#rows.set(index, row);
    // A ticked row follows its fact's newest claims (after a move or a split).
    if (this.checkedFacts.has(row.fact.id)) this.checkedFacts.set(row.fact.id, row);
  }

  /** Makes sure rows first..last are loaded (called by the scroller). */
  ensureRange(first: number, last: number): void {
    this.#window = [first, last];
    if (this.#inView[0] !== first || this.#inView[1] !== last) this.#inView = [first, last];
    const from = Math.max(0, Math.floor(first / PAGE_SIZE));
    const to = Math.floor(Math.max(first, last) / PAGE_SIZE);
    for (let page = from; page <= to; page++) {
      if (page * PAGE_SIZE >= Math.max(this.#total, 1) && this.#loaded) break;
      if (!this.#rows.has(page * PAGE_SIZE)) void this.#fetchPage(page, this.#generation);
    }
  }

  /** Starts over from the first row (sort or filters changed, or another desk). */
  async reset(): Promise<void> {
    this.#generation++;
    this.#inflight.clear();
    this.#rows.clear();
    this.#selected = -1;
    this.#selectedFactId = null;
    this.#resumeAt = null;
    this.#loading = true;
    await this.#fetchPage(0, this.#generation);
    this.#loading = false;
  }

  /** The refresh under way after a change, if any: the queue keys wait for it. */
  #refreshing: Promise<void> | null = null;

  /** Re-fetches the pages on screen after a change, keeping scroll and selection. */
  refresh(): Promise<void> {
    const run = this.#refresh().finally(() => {
      if (this.#refreshing === run) this.#refreshing = null;
    });
    this.#refreshing = run;
    return run;
  }

  async #refresh(): Promise<void> {
    const generation = ++this.#generation;
    this.#inflight.clear();
    const [first, last] = this.#window;
    const pages = [0];
    for (let p = Math.max(1, Math.floor(first / PAGE_SIZE)); p <= Math.floor(last / PAGE_SIZE); p++)
      pages.push(p);
    try {
      const results = await Promise.all(
        pages.map(async (p) => {
          const withArticles = this.#withArticles(p);
          const result = await api()['board:page']({ ...this.#query(p * PAGE_SIZE), withArticles });
          return [p, withArticles, result] as const;
        }),
      );
      if (generation !== this.#generation) return;
      this.#rows.clear();
      for (const [page, withArticles, result] of results) {
        this.#total = result.total;
        this.#takeArticles(withArticles, result.articles);
        result.rows.forEach((row, i) => this.#put(page * PAGE_SIZE + i, row));
      }
      this.#loaded = true;
      await this.#follow(generation);
    } catch (err) {
      ui.error(err);
    }
  }

  /** Puts the selection back on its fact wherever the refresh moved it. */
  async #follow(generation: number): Promise<void> {
    const factId = this.#selectedFactId;
    if (factId === null) {
      if (this.#selected >= this.#total) this.#selected = this.#total - 1;
      return;
    }
    // Usually the row is on a page just fetched: move the selection in the same tick, no flicker.
    const before = this.#selected;
    for (const [i, row] of this.#rows) {
      if (row.fact.id === factId) {
        this.#moveSelectionTo(i, before);
        return;
      }
    }
    const at = await this.#indexOfFact(factId, generation);
    if (generation !== this.#generation) return;
    if (at >= 0) this.#moveSelectionTo(at, before);
    else {
      // The fact left the board (filtered out, merged away): nothing is selected rather than a stranger.
      this.#selected = -1;
      this.#selectedFactId = null;
    }
  }

  #moveSelectionTo(index: number, before: number): void {
    if (index !== before && before >= 0) this.#resumeAt = before;
    this.#selected = index;
  }

  /** Where a fact's row is: loaded pages first, then the rest page by page. */
  async #indexOfFact(factId: number, generation: number): Promise<number> {
    for (const [i, row] of this.#rows) if (row.fact.id === factId) return i;
    const pages = Math.ceil(this.#total / PAGE_SIZE);
    for (let p = 0; p < pages; p++) {
      if (generation !== this.#generation) return -1;
      if (this.#rows.has(p * PAGE_SIZE)) continue;
      await this.#fetchPage(p, generation);
      for (let i = p * PAGE_SIZE; i < (p + 1) * PAGE_SIZE; i++) {
        if (this.#rows.get(i)?.fact.id === factId) return i;
      }
    }
    return -1;
  }

  /** Loads the row at an index (and its page) if it is not loaded yet. */
  async rowAt(index: number): Promise<BoardRow | undefined> {
    if (index < 0 || index >= this.#total) return undefined;
    if (!this.#rows.has(index)) await this.#fetchPage(Math.floor(index / PAGE_SIZE), this.#generation);
    return this.#rows.get(index);
  }

  /**
   * The next (or previous) undecided conflict in queue order after the one under
   * review, wrapping around the board so that none is skipped after a decision
   * moved the reviewed row elsewhere. Null when every conflict is decided.
   */
  async nextUndecided(
    delta: 1 | -1,
    currentConflictId: number | null,
  ): Promise<{ index: number; conflictId: number } | null> {
    // Right after a decision the rows on screen still show it undecided, and the row may
    // move: the search starts from the refreshed board, where the selection followed its fact.
    while (this.#refreshing) await this.#refreshing;
    const total = this.#total;
    if (total === 0) return null;
    const resume = this.#resumeAt;
    const start =
      resume !== null
        ? resume - (delta === 1 ? 1 : 0)
        : this.#selected < 0
          ? delta === 1
            ? -1
            : total
          : this.#selected;
    // First the other undecided conflicts of the row in hand, after the open one.
    const here = this.#selected >= 0 ? this.#rows.get(this.#selected) : undefined;
    if (here && currentConflictId !== null && resume === null) {
      const own = queueOrder(here.conflicts);
      const at = own.findIndex((c) => c.id === currentConflictId);
      if (at >= 0) {
        const rest = delta === 1 ? own.slice(at + 1) : own.slice(0, at).reverse();
        const hit = rest.find((c) => isUndecided(c.status));
        if (hit) return { index: this.#selected, conflictId: hit.id };
      }
    }
    for (let step = 1; step <= total; step++) {
      const index = (((start + delta * step) % total) + total) % total;
      const row = await this.rowAt(index);
      if (!row) continue;
      const ordered = queueOrder(row.conflicts);
      const pick = (delta === 1 ? ordered : [...ordered].reverse()).find((c) => isUndecided(c.status));
      if (pick) return { index, conflictId: pick.id };
    }
    return null;
  }

  select(index: number): void {
    if (this.#total === 0) {
      this.#selected = -1;
      return;
    }
    this.#selected = Math.max(0, Math.min(this.#total - 1, index));
    this.#resumeAt = null;
    this.#selectedFactId = this.#rows.get(this.#selected)?.fact.id ?? null;
  }

  /**
   * j / k. Right after a decision carried the selection off with its fact, the
   * move goes on from where the row was, so the row that followed it is next
   * and no row is skipped.
   */
  move(delta: number): void {
    const resume = this.#resumeAt;
    if (resume !== null) this.select(delta > 0 ? resume + delta - 1 : resume + delta);
    else this.select(this.#selected < 0 ? 0 : this.#selected + delta);
  }

  toggleChecked(conflictId: number, on: boolean): void {
    if (on) this.checked.add(conflictId);
    else this.checked.delete(conflictId);
  }

  /** Ticks a row: its fact for grouping edits and its conflicts for export. */
  toggleRow(row: BoardRow, on: boolean): void {
    if (on) this.checkedFacts.set(row.fact.id, row);
    else this.checkedFacts.delete(row.fact.id);
    for (const c of row.conflicts) this.toggleChecked(c.id, on);
  }

  clearChecks(): void {
    this.checkedFacts.clear();
    this.checked.clear();
  }

  /** The loaded row of a fact, if it is on a fetched page. */
  rowOfFact(factId: number): BoardRow | undefined {
    for (const row of this.#rows.values()) if (row.fact.id === factId) return row;
    return this.checkedFacts.get(factId);
  }
}

/** A conflict waiting for the editor's decision. */
export function isUndecided(status: ConflictStatus): boolean {
  return status === 'suggested' || status === 'open';
}

/**
 * The order a row's conflicts are reviewed in. The board's own row order comes
 * from the core's sort; this only orders the conflicts within one row, undecided
 * first, and is the one place to swap in a severity ranking.
 */
export function queueOrder<T extends { id: number; status: ConflictStatus }>(conflicts: readonly T[]): T[] {
  return [...conflicts].sort(
    (a, b) => Number(isUndecided(b.status)) - Number(isUndecided(a.status)) || a.id - b.id,
  );
}

export const board = new BoardState();
