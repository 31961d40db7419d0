/**
 * Cuts an article's text into the blocks and runs the reader renders. Offsets stay
 * exact: every run carries its start offset, so a selection in the page maps back
 * to the stored text, and the runs of a block concatenate to text.slice(start, end).
 * Claims may nest or overlap (a date inside an event); a run belongs to the
 * shortest claim covering it and knows how many claims cover it.
 */
import type { ClaimView, PassageView } from '../../../src-main/shared/views';

export interface Run {
  start: number;
  end: number;
  text: string;
  /** The shortest claim covering the run, if any. */
  claim: ClaimView | null;
  /** How many claims cover this run (more than one: nested claims). */
  depth: number;
  boilerplate: boolean;
  /** Inside the span a search hit pointed to. */
  hit: boolean;
}

export interface Block {
  start: number;
  end: number;
  /** The paragraph passage this block is, when there is one. */
  passage: PassageView | null;
  boilerplate: boolean;
  /** Boilerplate passages inside the block (sentence-level captions, credits). */
  marks: PassageView[];
  runs: Run[];
}

/** Paragraphs from the passages; text between them that is not blank becomes its own block. */
export function blocksOf(
  text: string,
  passages: PassageView[],
): { start: number; end: number; passage: PassageView | null }[] {
  const paragraphs = passages
    .filter((p) => p.kind === 'paragraph')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number; passage: PassageView | null }[] = [];
  const gap = (from: number, to: number) => {
    // Blank lines between paragraphs carry no words; anything else is shown.
    for (const m of text.slice(from, to).matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
      const s = from + m.index;
      const chunk = m[0];
      const lead = chunk.length - chunk.trimStart().length;
      const body = chunk.trim();
      if (body) out.push({ start: s + lead, end: s + lead + body.length, passage: null });
    }
  };
  let at = 0;
  for (const p of paragraphs) {
    if (p.start < at) continue;
    gap(at, p.start);
    out.push({ start: p.start, end: p.end, passage: p });
    at = p.end;
  }
  gap(at, text.length);
  return out;
}

export function buildBlocks(
  text: string,
  passages: PassageView[],
  claims: ClaimView[],
  highlight: { start: number; end: number } | null = null,
): Block[] {
  const boiler = passages.filter((p) => p.boilerplate);
  return blocksOf(text, passages).map(({ start, end, passage }) => {
    const inside = claims.filter((c) => c.start < end && c.end > start && c.end > c.start);
    const marks = boiler.filter((p) => p !== passage && p.start < end && p.end > start);
    const blockBoiler = passage?.boilerplate ?? false;
    const cuts = new Set([start, end]);
    for (const c of inside) {
      cuts.add(Math.max(start, c.start));
      cuts.add(Math.min(end, c.end));
    }
    for (const m of [...marks, ...(highlight ? [highlight] : [])]) {
      if (m.start >= end || m.end <= start) continue;
      cuts.add(Math.max(start, m.start));
      cuts.add(Math.min(end, m.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs: Run[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i];
      const e = points[i + 1];
      const covering = inside.filter((c) => c.start <= s && c.end >= e);
      const claim = covering.reduce<ClaimView | null>(
        (best, c) => (!best || c.end - c.start < best.end - best.start ? c : best),
        null,
      );
      const run: Run = {
        start: s,
        end: e,
        text: text.slice(s, e),
        claim,
        depth: covering.length,
        boilerplate: blockBoiler || marks.some((m) => m.start <= s && m.end >= e),
        hit:
          highlight !== null && highlight.start <= s && highlight.end >= e && highlight.end > highlight.start,
      };
      const last = runs.at(-1);
      if (
        last &&
        last.claim === run.claim &&
        last.depth === run.depth &&
        last.boilerplate === run.boilerplate &&
        last.hit === run.hit
      ) {
        last.end = e;
        last.text += run.text;
      } else runs.push(run);
    }
    return { start, end, passage, boilerplate: blockBoiler, marks, runs };
  });
}

/**
 * Maps a DOM position inside the reader to an offset in the article text. Runs
 * are elements with `data-start` holding a single text node.
 */
export function offsetOf(node: Node, offset: number): number | null {
  const el = (
    node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  )?.closest<HTMLElement>('[data-start]');
  if (!el) return null;
  const base = Number(el.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return base + offset;
  // An element boundary: count the text of the children before the offset.
  let n = 0;
  for (let i = 0; i < offset && i < node.childNodes.length; i++)
    n += node.childNodes[i].textContent?.length ?? 0;
  return base + n;
}
