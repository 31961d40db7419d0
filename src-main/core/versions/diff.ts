/**
 * What changed between two versions of an article: a word diff of the texts (jsdiff's
 * `diffArrays` over our own tokens, so "2,012" and "$594.6" change as one word, as on
 * the board), the claims re-anchored from one to the other, and a one-line summary an
 * editor reads first ("1 figure changed, 1 paragraph removed, headline changed").
 */
import { diffArrays } from 'diff';
import type { Db } from '../db/open';
import { DeskError } from '../../shared/errors';
import { foldKey } from '../../shared/fold';
import type { ClaimValue } from '../../shared/model';
import type { ClaimChange, DiffRun, VersionDiff } from '../../shared/versions';
import { stmt } from '../db/stmt';
import { pairClaims } from './anchor';
import { versionIds, versionSummary } from './desk';

/** Words with their inner punctuation ("2,012", "U.N.", "mid-June"), whitespace runs, single marks. */
const TOKEN = /\s+|[\p{L}\p{N}$€£¥](?:[\p{L}\p{N}'’.,%-]*[\p{L}\p{N}%])?|[^\s]/gu;

interface Token {
  text: string;
  start: number;
}

function tokens(text: string, offset = 0): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index + offset }));
}

interface ClaimRow {
  id: number;
  kind: ClaimChange['kind'];
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  value: string;
}

interface Span {
  start: number;
  end: number;
  claim: 'changed' | 'orphan';
  id: number;
}

/** Splits a run at the claim spans that cross it (offsets in the run's own text). */
function mark(run: { kind: DiffRun['kind']; text: string; at: number }, spans: Span[], out: DiffRun[]): void {
  let pos = run.at;
  const end = run.at + run.text.length;
  for (const s of spans) {
    if (s.end <= pos || s.start >= end) continue;
    const a = Math.max(pos, s.start);
    const b = Math.min(end, s.end);
    if (a > pos) push(out, { kind: run.kind, text: run.text.slice(pos - run.at, a - run.at) });
    push(out, {
      kind: run.kind,
      text: run.text.slice(a - run.at, b - run.at),
      claim: s.claim,
      claimId: s.id,
    });
    pos = b;
  }
  if (pos < end) push(out, { kind: run.kind, text: run.text.slice(pos - run.at) });
}

function push(out: DiffRun[], r: DiffRun): void {
  if (!r.text) return;
  const last = out.at(-1);
  if (last && last.kind === r.kind && last.claim === r.claim && last.claimId === r.claimId)
    last.text += r.text;
  else out.push(r);
}

/** The word diff of two texts, with claim spans marked: changed claims in both, orphans in the old. */
export function wordDiff(oldText: string, newText: string, oldSpans: Span[], newSpans: Span[]): DiffRun[] {
  const a = tokens(oldText);
  const b = tokens(newText);
  const changes = diffArrays(
    a.map((t) => t.text),
    b.map((t) => t.text),
  );
  const out: DiffRun[] = [];
  const os = [...oldSpans].sort((x, y) => x.start - y.start);
  const ns = [...newSpans].sort((x, y) => x.start - y.start);
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.value.length;
    if (c.removed) {
      const at = a[i]!.start;
      mark({ kind: 'removed', text: c.value.join(''), at }, os, out);
      i += n;
    } else if (c.added) {
      const at = b[j]!.start;
      mark({ kind: 'added', text: c.value.join(''), at }, ns, out);
      j += n;
    } else {
      const at = b[j]!.start;
      mark({ kind: 'same', text: c.value.join(''), at }, ns, out);
      i += n;
      j += n;
    }
  }
  return regroup(out);
}

const SPACE = /^\s+$/;

/**
 * Words changed one by one read badly ("~~Ferry~~ Lake ~~capsizes~~ Orvel…"): changes
 * separated only by spaces become one removed run followed by one added run, the
 * spaces between them kept inside each side, as an editor would mark the edit by hand.
 */
function regroup(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  let i = 0;
  while (i < runs.length) {
    if (runs[i]!.kind === 'same') {
      out.push(runs[i]!);
      i++;
      continue;
    }
    // The group: changes, and space-only runs that have a change after them.
    let j = i;
    while (
      j < runs.length &&
      (runs[j]!.kind !== 'same' ||
        (SPACE.test(runs[j]!.text) && j + 1 < runs.length && runs[j + 1]!.kind !== 'same'))
    )
      j++;
    const group = runs.slice(i, j);
    const side = (kind: 'removed' | 'added'): { runs: DiffRun[]; dropped: boolean } => {
      const first = group.findIndex((r) => r.kind === kind);
      const last = group.findLastIndex((r) => r.kind === kind);
      const mine: DiffRun[] = [];
      let dropped = false;
      group.forEach((r, x) => {
        if (r.kind === kind) mine.push(r);
        else if (r.kind === 'same') {
          if (x > first && x < last && first >= 0) mine.push({ kind, text: r.text });
          else dropped = true;
        }
      });
      return { runs: mine, dropped };
    };
    const removed = side('removed');
    const added = side('added');
    for (const r of removed.runs) push(out, r);
    if (removed.dropped && added.dropped && removed.runs.length && added.runs.length)
      push(out, { kind: 'same', text: ' ' });
    for (const r of added.runs) push(out, r);
    i = j;
  }
  // A claim split by the spaces regrouping put between its words is one run again.
  const joined: DiffRun[] = [];
  for (let k = 0; k < out.length; k++) {
    const r = out[k]!;
    const prev = joined.at(-1);
    const next = out[k + 1];
    if (
      prev?.claimId !== undefined &&
      !r.claim &&
      SPACE.test(r.text) &&
      next?.claimId === prev.claimId &&
      next.kind === prev.kind &&
      r.kind === prev.kind
    ) {
      prev.text += r.text + next.text;
      k++;
      continue;
    }
    joined.push(r);
  }
  return joined;
}

interface Paragraph {
  text: string;
  key: string;
  start: number;
}

const UPDATED = /^\s*(?:last\s+)?updated\b/i;

/** Paragraphs of the body: the headline line and the outlet's "Updated …" line are not counted. */
function paragraphs(text: string, title: string): Paragraph[] {
  const out: Paragraph[] = [];
  const titleKey = foldKey(title);
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const key = m[0].replace(/\s+/g, ' ').trim();
    if (!key || UPDATED.test(key)) continue;
    if (out.length === 0 && m.index < 400 && foldKey(key) === titleKey) continue;
    out.push({ text: m[0], key, start: m.index });
  }
  return out;
}

function wordSet(s: string): Set<string> {
  return new Set(foldKey(s).split(/\s+/).filter(Boolean));
}

function overlap(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, Math.min(x.size, y.size));
}

/**
 * Paragraph changes: added, removed, and edited (a removed and an added paragraph that
 * share most of their words). An edit that only replaces a changed claim's value is
 * already counted as that claim and is not counted again as an edited paragraph.
 */
function paragraphChanges(
  oldParas: Paragraph[],
  newParas: Paragraph[],
  changedNewSpans: { start: number; end: number }[],
): { added: number; removed: number; edited: number } {
  const changes = diffArrays(
    oldParas.map((p) => p.key),
    newParas.map((p) => p.key),
  );
  let added = 0;
  let removed = 0;
  let edited = 0;
  let i = 0;
  let j = 0;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    if (!c.added && !c.removed) {
      i += c.value.length;
      j += c.value.length;
      continue;
    }
    if (c.removed) {
      const gone = oldParas.slice(i, i + c.value.length);
      i += c.value.length;
      const next = changes[k + 1];
      const came = next?.added ? newParas.slice(j, j + next.value.length) : [];
      if (next?.added) {
        j += next.value.length;
        k++;
      }
      const used = new Set<number>();
      for (const g of gone) {
        const partner = came.findIndex((p, x) => !used.has(x) && overlap(g.key, p.key) >= 0.6);
        if (partner < 0) {
          removed++;
          continue;
        }
        used.add(partner);
        if (!onlyClaimsChanged(g, came[partner]!, changedNewSpans)) edited++;
      }
      added += came.length - used.size;
    } else {
      added += c.value.length;
      j += c.value.length;
    }
  }
  return { added, removed, edited };
}

function onlyClaimsChanged(a: Paragraph, b: Paragraph, spans: { start: number; end: number }[]): boolean {
  const ta = tokens(a.text, a.start);
  const tb = tokens(b.text, b.start);
  let j = 0;
  for (const c of diffArrays(
    ta.map((t) => t.text),
    tb.map((t) => t.text),
  )) {
    if (c.removed) continue;
    if (c.added) {
      for (let x = 0; x < c.value.length; x++) {
        const t = tb[j + x]!;
        if (/^\s+$/.test(t.text)) continue;
        if (!spans.some((s) => t.start >= s.start && t.start + t.text.length <= s.end)) return false;
      }
    }
    j += c.value.length;
  }
  return true;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FIGURES = new Set(['figure', 'count']);
const DATES = new Set(['date', 'time']);

/** The diff between two versions of one article (any two, in either order of asking). */
export function versionDiff(db: Db, fromId: number, toId: number): VersionDiff {
  const ids = versionIds(db, fromId);
  if (!ids.includes(toId))
    throw new DeskError('invalid_input', `Articles ${fromId} and ${toId} are not versions of one article.`);
  if (ids.indexOf(fromId) > ids.indexOf(toId)) [fromId, toId] = [toId, fromId];
  const read = (id: number) =>
    stmt(db, 'SELECT title, text FROM articles WHERE id = ?').get(id) as { title: string; text: string };
  const claimsOf = (id: number) =>
    stmt(
      db,
      'SELECT id, kind, start, "end", quote, prefix, suffix, value FROM claims WHERE article_id = ? AND deleted = 0 ORDER BY start',
    ).all(id) as ClaimRow[];
  const a = read(fromId);
  const b = read(toId);
  const oldClaims = claimsOf(fromId);
  const newClaims = claimsOf(toId);
  const { pairs, orphans } = pairClaims(oldClaims, newClaims, b.text);
  const oldById = new Map(oldClaims.map((c) => [c.id, c]));
  const newById = new Map(newClaims.map((c) => [c.id, c]));
  const display = (c: ClaimRow | undefined) => (c ? (JSON.parse(c.value) as ClaimValue).display : null);

  const claims: ClaimChange[] = [];
  const paired = new Set<number>();
  for (const p of pairs) {
    const o = oldById.get(p.fromId)!;
    const n = p.toId !== null ? newById.get(p.toId) : undefined;
    if (p.toId !== null) paired.add(p.toId);
    claims.push({
      status: p.status,
      kind: o.kind,
      fromClaimId: o.id,
      toClaimId: p.toId,
      fromQuote: o.quote,
      toQuote: n?.quote ?? b.text.slice(p.start, p.end),
      fromDisplay: display(o),
      toDisplay: display(n) ?? display(o),
      fromStart: o.start,
      fromEnd: o.end,
      toStart: p.start,
      toEnd: p.end,
    });
  }
  for (const id of orphans) {
    const o = oldById.get(id)!;
    claims.push({
      status: 'orphan',
      kind: o.kind,
      fromClaimId: o.id,
      toClaimId: null,
      fromQuote: o.quote,
      toQuote: null,
      fromDisplay: display(o),
      toDisplay: null,
      fromStart: o.start,
      fromEnd: o.end,
      toStart: null,
      toEnd: null,
    });
  }
  for (const n of newClaims) {
    if (paired.has(n.id)) continue;
    claims.push({
      status: 'new',
      kind: n.kind,
      fromClaimId: null,
      toClaimId: n.id,
      fromQuote: null,
      toQuote: n.quote,
      fromDisplay: null,
      toDisplay: display(n),
      fromStart: null,
      fromEnd: null,
      toStart: n.start,
      toEnd: n.end,
    });
  }
  claims.sort((x, y) => (x.toStart ?? x.fromStart ?? 0) - (y.toStart ?? y.fromStart ?? 0));

  const changed = claims.filter((c) => c.status === 'changed');
  const oldSpans: Span[] = claims
    .filter((c) => c.status === 'changed' || c.status === 'orphan')
    .map((c) => ({
      start: c.fromStart!,
      end: c.fromEnd!,
      claim: c.status as Span['claim'],
      id: c.fromClaimId!,
    }));
  const newSpans: Span[] = changed.map((c) => ({
    start: c.toStart!,
    end: c.toEnd!,
    claim: 'changed',
    id: c.toClaimId!,
  }));
  const runs = wordDiff(a.text, b.text, dedupe(oldSpans), dedupe(newSpans));

  const headline = foldKey(a.title) === foldKey(b.title) ? null : { from: a.title, to: b.title };
  const paras = paragraphChanges(paragraphs(a.text, a.title), paragraphs(b.text, b.title), newSpans);
  const counts = {
    figuresChanged: changed.filter((c) => FIGURES.has(c.kind)).length,
    datesChanged: changed.filter((c) => DATES.has(c.kind)).length,
    otherClaimsChanged: changed.filter((c) => !FIGURES.has(c.kind) && !DATES.has(c.kind)).length,
    paragraphsAdded: paras.added,
    paragraphsRemoved: paras.removed,
    paragraphsEdited: paras.edited,
    orphans: orphans.length,
  };
  const parts: string[] = [];
  if (counts.figuresChanged) parts.push(`${plural(counts.figuresChanged, 'figure')} changed`);
  if (counts.datesChanged) parts.push(`${plural(counts.datesChanged, 'date')} changed`);
  if (counts.otherClaimsChanged) parts.push(`${plural(counts.otherClaimsChanged, 'claim')} changed`);
  if (counts.paragraphsEdited) parts.push(`${plural(counts.paragraphsEdited, 'paragraph')} edited`);
  if (counts.paragraphsAdded) parts.push(`${plural(counts.paragraphsAdded, 'paragraph')} added`);
  if (counts.paragraphsRemoved) parts.push(`${plural(counts.paragraphsRemoved, 'paragraph')} removed`);
  if (headline) parts.push('headline changed');
  return {
    from: versionSummary(db, fromId),
    to: versionSummary(db, toId),
    summary: parts.length ? parts.join(', ') : 'no change to the text',
    headline,
    counts,
    runs,
    claims,
  };
}

/** Overlapping claim spans (two kinds over one figure) are marked once, the first wins. */
function dedupe(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((x, y) => x.start - y.start || y.end - x.end)) {
    const last = out.at(-1);
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}
