/**
 * The extractor: article text in, passages, claims and entities out. Pure and
 * synchronous, so the import worker, the CLI, the tests and the benchmark all run
 * the same code. Bump EXTRACTOR_VERSION whenever the output for some text changes:
 * the desk re-extracts articles stored with an older version.
 */
import { lookupPlace } from './gazetteer';
import { extractEntities, type ResolvedMention } from './entities';
import { DATE_HEADER, paragraphs, sentences, trimSpan, type Span } from './segment';
import { isTeaserHead, paragraphBoilerplate, sentenceBoilerplate } from './boilerplate';
import { numberStyleOf, type ClaimDraft, type SentenceContext } from './context';
import { findCounts, findFigures } from './figures';
import { SpanSet } from './spans';
import { findDates } from './dates';
import { findNovelty } from './novelty';
import { findTrends } from './trends';
import { findAttributions } from './attribution';
import { findEvents } from './events';
import { frameFor } from './frame';
import { findTimes } from './times';
import { findDurations } from './durations';
import { findSplits } from './splits';
import type { ExtractedClaim, ExtractedPassage, ExtractInput, ExtractionResult } from './types';

export const EXTRACTOR_VERSION = 3;

const CONTEXT_CHARS = 32;

interface SentenceSpan extends Span {
  boilerplate: boolean;
}

function parseDate(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Paragraph and sentence passages with their boilerplate marks. */
export function segmentArticle(text: string): {
  passages: ExtractedPassage[];
  sentences: SentenceSpan[];
  headerDate: string | null;
} {
  const passages: ExtractedPassage[] = [];
  const out: SentenceSpan[] = [];
  let headerDate: string | null = null;
  let teaser = false;
  const paras = paragraphs(text);
  for (let i = 0; i < paras.length; i++) {
    let p: Span = paras[i];
    const header = i === 0 ? DATE_HEADER.exec(text.slice(p.start, p.end)) : null;
    if (header) {
      headerDate = header[1];
      const metaEnd = p.start + header[0].length;
      const meta = trimSpan(text, p.start, metaEnd);
      if (meta) {
        passages.push({ kind: 'paragraph', ...meta, boilerplate: true, boilerplateReason: 'dateline-meta' });
        passages.push({ kind: 'sentence', ...meta, boilerplate: true, boilerplateReason: 'dateline-meta' });
        out.push({ ...meta, boilerplate: true });
      }
      const rest = trimSpan(text, metaEnd, p.end);
      if (!rest) continue;
      p = rest;
    }
    const line = text.slice(p.start, p.end);
    let reason: string | null = teaser ? 'teaser' : paragraphBoilerplate(line);
    if (!teaser && isTeaserHead(line)) {
      teaser = true;
      reason = 'teaser';
    }
    passages.push({
      kind: 'paragraph',
      start: p.start,
      end: p.end,
      boilerplate: reason !== null,
      boilerplateReason: reason,
    });
    for (const s of sentences(text, p.start, p.end)) {
      const sr = reason ?? sentenceBoilerplate(text.slice(s.start, s.end));
      passages.push({
        kind: 'sentence',
        start: s.start,
        end: s.end,
        boilerplate: sr !== null,
        boilerplateReason: sr,
      });
      out.push({ ...s, boilerplate: sr !== null });
    }
  }
  return { passages, sentences: out, headerDate };
}

/** Beyond this many characters a sentence is a list or a data dump, not prose. */
const FRAME_WINDOW = 600;

/**
 * The quantity claims of a sentence, each with the context its frame is read from. In
 * prose that is the whole sentence. In a sentence longer than twice the window (a table
 * flattened into one line, a list of thousands of values) each value is read within
 * FRAME_WINDOW characters either side, with only the names and claims inside, so reading
 * every frame stays linear in the sentence's length instead of quadratic.
 */
function* framesToRead(
  ctx: SentenceContext,
  drafts: ClaimDraft[],
): Generator<[ClaimDraft, SentenceContext, ClaimDraft[]]> {
  const quantities = drafts.filter(
    (d) => d.value.type === 'figure' || d.value.type === 'count' || d.value.type === 'time',
  );
  if (ctx.s.length <= 2 * FRAME_WINDOW) {
    for (const d of quantities) yield [d, ctx, drafts];
    return;
  }
  const byStart = drafts.slice().sort((x, y) => x.start - y.start);
  const mentions = ctx.mentions;
  let lo = 0;
  let mlo = 0;
  for (const d of quantities.sort((x, y) => x.start - y.start)) {
    const from = Math.max(ctx.start, d.start - FRAME_WINDOW);
    const to = Math.min(ctx.end, d.end + FRAME_WINDOW);
    while (lo < byStart.length && byStart[lo].start < from) lo++;
    while (mlo < mentions.length && mentions[mlo].start < from) mlo++;
    const others: ClaimDraft[] = [];
    for (let k = lo; k < byStart.length && byStart[k].start < to; k++)
      if (byStart[k].end <= to) others.push(byStart[k]);
    const near: typeof mentions = [];
    for (let k = mlo; k < mentions.length && mentions[k].start < to; k++)
      if (mentions[k].end <= to) near.push(mentions[k]);
    const s = ctx.text.slice(from, to);
    yield [d, { ...ctx, start: from, end: to, s, mentions: near }, others];
  }
}

export function extractArticle(input: ExtractInput): ExtractionResult {
  const text = input.text;
  const seg = segmentArticle(text);
  const published = parseDate(input.publishedAt) ?? parseDate(seg.headerDate);
  const { entities, mentions } = extractEntities(text, seg.sentences);
  const names = new Map(entities.map((e) => [e.key, e.name]));
  const nameOf = (key: string): string => names.get(key) ?? lookupPlace(key)?.name ?? key;

  // The article's countries by mentions in its own prose: the parties of a bilateral figure.
  const countryCount = new Map<string, number>();
  {
    let k = 0;
    for (const s of seg.sentences) {
      while (k < mentions.length && mentions[k].start < s.start) k++;
      if (s.boilerplate) continue;
      for (let j = k; j < mentions.length && mentions[j].start < s.end; j++) {
        const m = mentions[j];
        if (m.kind === 'place' && lookupPlace(m.key)?.country)
          countryCount.set(m.key, (countryCount.get(m.key) ?? 0) + 1);
      }
    }
  }
  const topCountries = [...countryCount]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
  // "He" refers to the person last in subject position (opening a sentence or clause, or
  // named as a speaker), not to whoever was named last: "He stressed…" after
  // "Mehdizade said … President Ho Chi Minh's visit" is Mehdizade.
  const subjectLike = (m: ResolvedMention): boolean => {
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 40);
    return (
      /(?:^|[.!?"“]\s*|\n\s*|,\s*)(?:[\p{Lu}][\p{L}-]*\s+){0,4}$/u.test(before) &&
      /^\s+(?:also\s+|further\s+)?\p{Ll}{2,}\b/u.test(after)
    );
  };
  const allPersons = mentions.filter((m) => m.kind === 'person');
  const subjects = allPersons.filter(subjectLike);
  const persons = subjects.length ? subjects : allPersons;
  const personBefore = (at: number): ResolvedMention | null => {
    let lo = 0;
    let hi = persons.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (persons[mid].end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? persons[lo - 1] : null;
  };

  const numberStyle = numberStyleOf(text);
  const claims: ExtractedClaim[] = [];
  let mi = 0;
  let previous = '';
  for (const sent of seg.sentences) {
    while (mi < mentions.length && mentions[mi].start < sent.start) mi++;
    const inSentence: ResolvedMention[] = [];
    for (let j = mi; j < mentions.length && mentions[j].start < sent.end; j++)
      if (mentions[j].end <= sent.end) inSentence.push(mentions[j]);
    const s = text.slice(sent.start, sent.end);
    // The scraped date header is metadata, kept as a passage but not a claim.
    if (sent.boilerplate && DATE_HEADER.test(s)) continue;
    const ctx: SentenceContext = {
      text,
      start: sent.start,
      end: sent.end,
      s,
      boilerplate: sent.boilerplate,
      mentions: inSentence,
      published,
      topCountries,
      previous,
      personBefore,
      nameOf,
      numberStyle,
    };
    previous = s;
    const occupied = new SpanSet();
    // concat, not push(...): one sentence of a data dump can hold 100,000 values.
    const times = findTimes(ctx, occupied);
    const durations = findDurations(ctx, occupied).concat(findSplits(ctx, occupied));
    const figures = findFigures(ctx, occupied);
    const dates = findDates(ctx, occupied);
    const drafts: ClaimDraft[] = times.concat(
      durations,
      figures,
      dates,
      findCounts(ctx, occupied),
      findNovelty(ctx),
      findTrends(ctx),
      findAttributions(ctx),
      findEvents(ctx, dates),
    );
    for (const [d, c, others] of framesToRead(ctx, drafts)) {
      const v = d.value;
      if (v.type === 'figure' || v.type === 'count' || v.type === 'time') v.frame = frameFor(c, d, others);
    }
    for (const d of drafts) {
      const start = Math.max(sent.start, Math.min(d.start, sent.end));
      const end = Math.max(start, Math.min(d.end, sent.end));
      if (end <= start) continue;
      claims.push({
        ...d,
        start,
        end,
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
        suffix: text.slice(end, end + CONTEXT_CHARS),
        sentenceStart: sent.start,
        sentenceEnd: sent.end,
        boilerplate: sent.boilerplate,
      });
    }
  }
  claims.sort((a, b) => a.start - b.start || a.end - b.end);
  return { passages: seg.passages, claims, entities };
}
export { EntityIndex, entityAliasKeys, type DeskEntity } from './entity-index';
