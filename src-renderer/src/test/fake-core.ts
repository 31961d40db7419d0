/**
 * A stand-in core for component tests: answers contract methods from handlers the
 * test provides and records every call, so a test can check what the window asked
 * for. The real core has its own tests on real SQLite desks.
 */
import { setTransport } from '../lib/client';
import type { MethodName, MethodOutput, Result } from '../../../src-main/shared/contract';
import type {
  ArticleSummary,
  BoardCellClaim,
  BoardRow,
  ClaimView,
  ConflictDetail,
  ConflictSideView,
  DeskEvents,
  DeskInfo,
} from '../../../src-main/shared/views';

export type FakeHandlers = Partial<{
  [M in MethodName]: (input: never) => MethodOutput<M> | Promise<MethodOutput<M>>;
}>;

export interface FakeCore {
  calls: { method: string; input: unknown; editor?: string }[];
  called(method: MethodName): unknown[];
  /** The editor name each call of `method` was sent with. */
  editors(method: MethodName): (string | undefined)[];
  /** Pushes a core event to the window, as the IPC or SSE transport would. */
  emit<E extends keyof DeskEvents>(event: E, data: DeskEvents[E]): void;
}

export function installFakeCore(handlers: FakeHandlers): FakeCore {
  const calls: { method: string; input: unknown; editor?: string }[] = [];
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  setTransport({
    async invoke(method, input, editor): Promise<Result<unknown>> {
      calls.push({ method, input, editor });
      const h = (handlers as Record<string, ((i: unknown) => unknown) | undefined>)[method];
      if (!h) return { ok: false, error: { code: 'unknown_method', message: `fake core has no ${method}` } };
      try {
        return { ok: true, value: await h(input) };
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: (err as Error).message } };
      }
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const fn = cb as (data: unknown) => void;
      set.add(fn);
      return () => set.delete(fn);
    },
  });
  return {
    calls,
    called: (m) => calls.filter((c) => c.method === m).map((c) => c.input),
    editors: (m) => calls.filter((c) => c.method === m).map((c) => c.editor),
    emit(event, data) {
      for (const cb of listeners.get(event) ?? []) cb(data);
    },
  };
}

export function deskInfo(over: Partial<DeskInfo> = {}): DeskInfo {
  return {
    path: '/tmp/test.claimdesk',
    name: 'test',
    schemaVersion: 1,
    articleCount: 2,
    claimCount: 4,
    factCount: 2,
    conflictCount: 1,
    pendingConflictCount: 1,
    needsDetection: false,
    ...over,
  };
}

export function article(id: number, title: string, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title,
    outlet: `Outlet ${id}`,
    publishedAt: '2025-03-11',
    source: `${id}.txt`,
    claimCount: 2,
    conflictCount: 0,
    position: id,
    ...over,
  };
}

export function claimAt(
  text: string,
  id: number,
  quote: string,
  kind: ClaimView['kind'] = 'figure',
): ClaimView {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return {
    id,
    articleId: 1,
    kind,
    start,
    end: start + quote.length,
    quote,
    prefix: '',
    suffix: '',
    sentenceStart: 0,
    sentenceEnd: text.length,
    sentence: text,
    subject: null,
    scope: null,
    value: {
      type: 'event',
      event: 'visit',
      actor: null,
      place: null,
      date: null,
      display: `value of ${quote}`,
    },
    boilerplate: false,
    origin: 'extractor',
    factId: null,
    entities: [],
  };
}

/** A board of `total` facts over two articles; fact i has a figure in each article. */
export function boardRows(offset: number, limit: number, total: number): BoardRow[] {
  const rows: BoardRow[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    rows.push({
      fact: { id: i + 1, label: `Fact number ${i + 1}` },
      referenceClaimId: 1000 + i,
      cells: {
        1: [
          {
            id: 1000 + i,
            kind: 'figure',
            quote: '$594.6 million',
            sentence: 'Trade reached $594.6 million.',
            display: '594,600,000 USD',
          },
        ],
        ...((i % 2 === 0
          ? {
              2: [
                {
                  id: 2000 + i,
                  kind: 'figure',
                  quote: '$482.1 million',
                  sentence: 'Trade was $482.1 million.',
                  display: '482,100,000 USD',
                },
              ],
            }
          : {}) as Record<number, BoardCellClaim[]>),
      },
      conflicts: i === 0 ? [{ id: 7, kind: 'novelty_vs_precedent', status: 'suggested' }] : [],
    });
  }
  return rows;
}

export function conflictDetail(text: string, over: Partial<ConflictDetail> = {}): ConflictDetail {
  const a = claimAt(text, 1000, '$594.6 million');
  const b = { ...claimAt(text, 2000, '$482.1 million'), articleId: 2 };
  const side = (s: 'a' | 'b', claim: ClaimView, art: ArticleSummary): ConflictSideView => ({
    side: s,
    claim,
    article: art,
    context: { start: 0, end: text.length, text },
  });
  return {
    id: 7,
    kind: 'figure_mismatch',
    status: 'suggested',
    explanation: 'One article gives $594.6 million, another $482.1 million.',
    origin: 'detector',
    stale: false,
    fact: { id: 1, label: 'Fact number 1' },
    claims: [
      { id: 1000, side: 'a', articleId: 1, quote: a.quote },
      { id: 2000, side: 'b', articleId: 2, quote: b.quote },
    ],
    reason: null,
    correctClaimId: null,
    correctNeither: false,
    evidence: null,
    evidenceItems: [],
    sides: [side('a', a, article(1, 'First article')), side('b', b, article(2, 'Second article'))],
    notes: [],
    history: [],
    ...over,
  };
}
