/**
 * Dates: chrono-node for day and month dates (resolved against the publication
 * date), a regex layer for what chrono does not see (bare years, decades such as
 * "the early 1980s", year ranges such as "2025–27").
 *
 * chrono's false hits measured on the seeds are filtered out: a weekday must be
 * written in full ("Thu" in "Pham Thu Hang" is a name), and durations ("in 11 years",
 * "within just a few months") are not dates. A weekday alone resolves to the latest
 * such day on or before publication ("on Wednesday" in a Friday article is two days
 * earlier); a day without a year takes the publication year unless that puts it more
 * than half a year after publication.
 */
import * as chrono from 'chrono-node/en';
import type { DateGranularity, DateValue } from '../../shared/model';
import { WEEKDAYS } from './lexicon';
import { entityKeysIn, eventsIn, nearest, yearsIn, type ClaimDraft, type SentenceContext } from './context';
import type { SpanSet } from './spans';

const WEEKDAY_RE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MONTH_NAME_RE =
  /\b(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)\b/;
const LEADING = /^(?:(?:on|in|at|from|since|by|until|till|during|of|the|early|late|mid)\s+)+/i;
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function eventFor(ctx: SentenceContext, start: number, end: number): string | null {
  const ev = nearest(
    eventsIn(ctx.s).filter((e) => e.end <= start || e.start >= end),
    start,
    end,
    // A date is usually told after its event ("the visit … in 1959"); an event word after
    // the date belongs to it less often ("on May 8 as part of the state visit").
    2,
  );
  return ev?.event ?? null;
}

function draft(
  ctx: SentenceContext,
  start: number,
  end: number,
  v: Omit<DateValue, 'type' | 'event' | 'display'> & { display?: string },
): ClaimDraft {
  const event = eventFor(ctx, start, end);
  const display =
    v.display ??
    (v.granularity === 'range' && v.end
      ? `${v.date} – ${v.end}`
      : `${v.weekday ? v.weekday + ' ' : ''}${v.date}`.trim());
  const value: DateValue = { type: 'date', ...v, event, display };
  return {
    kind: 'date',
    start: ctx.start + start,
    end: ctx.start + end,
    subject: event,
    scope: null,
    value,
    entityKeys: entityKeysIn(ctx),
  };
}

/** The year for a month and day stated without one. */
function inferYear(pub: Date | null, month: number, day: number): number | null {
  if (!pub) return null;
  const y = pub.getUTCFullYear();
  const candidate = utc(y, month, day);
  return candidate.getTime() - pub.getTime() > 183 * DAY_MS ? y - 1 : y;
}

function resolveWeekday(pub: Date, weekday: number, mode: 'last' | 'next' | 'plain'): Date {
  const pubDow = pub.getUTCDay();
  if (mode === 'next') {
    const diff = (weekday - pubDow + 7) % 7 || 7;
    return new Date(pub.getTime() + diff * DAY_MS);
  }
  let diff = (pubDow - weekday + 7) % 7;
  if (mode === 'last' && diff === 0) diff = 7;
  return new Date(pub.getTime() - diff * DAY_MS);
}

function fromChrono(
  ctx: SentenceContext,
  r: chrono.ParsedResult,
  out: ClaimDraft[],
  occupied: SpanSet,
): void {
  const raw = r.text;
  const hasMonth = r.start.isCertain('month');
  const hasWeekday = r.start.isCertain('weekday');
  const relativeDay = /^(?:yesterday|today|tomorrow)$/i.test(raw);
  if (!hasMonth && !hasWeekday && !relativeDay) return;
  if (hasWeekday && !WEEKDAY_RE.test(raw)) return;
  if (hasMonth && !MONTH_NAME_RE.test(raw) && !/\d{4}-\d{2}-\d{2}/.test(raw)) return;
  // Numeric dates with slashes are ambiguous between day-first and month-first.
  if (/\d+\/\d+/.test(raw)) return;
  const lead = LEADING.exec(raw);
  let start = r.index + (lead ? lead[0].length : 0);
  let end = r.index + raw.length;
  const inner = ctx.s.slice(start, end);
  if (!inner.trim()) return;
  while (end > start && /[\s,.]/.test(ctx.s[end - 1])) end--;
  // chrono reads "03:52 GMT on Wednesday" as one date: the time is already its own claim.
  for (const o of occupied.overlapping(start, end)) {
    if (o.start <= start && o.end > start && o.end < end)
      start = o.end + (/^[\s,)]*(?:on\s+|at\s+)?/.exec(ctx.s.slice(o.end))?.[0].length ?? 0);
    else if (o.start > start && o.start < end && o.end >= end)
      end = start + (/^(.*?)[\s,(]*(?:\bat\s*)?$/s.exec(ctx.s.slice(start, o.start))?.[1].length ?? 0);
  }
  if (end <= start || occupied.overlaps(start, end)) return;
  let wdMatch = WEEKDAY_RE.exec(ctx.s.slice(start, end));
  // A weekday alone is the day: "FC Rheinau 04 on Thursday" is no day "04" (chrono reads a
  // number before it as the hour).
  if (
    !hasMonth &&
    wdMatch &&
    wdMatch.index > 0 &&
    /^[\d\s]+(?:on\s+)?$/i.test(ctx.s.slice(start, start + wdMatch.index))
  ) {
    start += wdMatch.index;
    wdMatch = WEEKDAY_RE.exec(ctx.s.slice(start, end));
  }
  const weekday = wdMatch ? wdMatch[1][0].toUpperCase() + wdMatch[1].slice(1).toLowerCase() : null;
  const pub = ctx.published;

  if (!hasMonth) {
    let d: Date | null = null;
    if (relativeDay && pub) {
      const k = raw.toLowerCase();
      d = new Date(pub.getTime() + (k === 'yesterday' ? -1 : k === 'tomorrow' ? 1 : 0) * DAY_MS);
    } else if (hasWeekday && pub && wdMatch) {
      const before = ctx.s.slice(Math.max(0, r.index - 6), r.index + raw.length).toLowerCase();
      const mode = /\b(?:last|past)\s/.test(before) ? 'last' : /\bnext\s/.test(before) ? 'next' : 'plain';
      d = resolveWeekday(pub, WEEKDAYS.indexOf(wdMatch[1].toLowerCase()), mode);
    } else if (hasWeekday && wdMatch && !pub && !/^(?:last|next|this)\s/i.test(raw)) {
      // An undated copy's "on Friday evening" names no day, but its weekday can still be
      // checked against the day other articles give ("on Thursday").
      occupied.add(start, end);
      out.push(draft(ctx, start, end, { date: '', end: null, granularity: 'day', weekday, part: null }));
      return;
    }
    if (!d) return;
    if (/^(?:last|next|this)\s/i.test(raw)) start = r.index;
    occupied.add(start, end);
    out.push(
      draft(ctx, start, end, {
        date: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
        end: null,
        granularity: 'day',
        weekday,
        part: null,
      }),
    );
    return;
  }

  const month = r.start.get('month') ?? 1;
  const hasDay = r.start.isCertain('day');
  const day = r.start.get('day') ?? 1;
  let year: number | null = r.start.isCertain('year')
    ? (r.start.get('year') ?? null)
    : inferYear(pub, month, day);
  if (!hasDay && !r.start.isCertain('year') && pub) year = pub.getUTCFullYear();
  const y = year === null ? null : year;
  let granularity: DateGranularity = hasDay ? 'day' : 'month';
  let date =
    y === null
      ? hasDay
        ? `--${pad(month)}-${pad(day)}`
        : `--${pad(month)}`
      : hasDay
        ? iso(y, month, day)
        : `${pad(y, 4)}-${pad(month)}`;
  let endIso: string | null = null;
  if (r.end && r.end.isCertain('day')) {
    const em = r.end.get('month') ?? month;
    const ed = r.end.get('day') ?? day;
    const ey = r.end.isCertain('year') ? (r.end.get('year') ?? y) : y;
    if (ed !== day || em !== month) {
      granularity = 'range';
      endIso = ey === null ? `--${pad(em)}-${pad(ed)}` : iso(ey, em, ed);
    }
  }
  if (y === null && !hasDay) date = `--${pad(month)}`;
  // "every July" recurs; it is not a date of one event.
  if (!hasDay && /\b(?:every|each)\s+$/i.test(ctx.s.slice(0, start))) return;
  occupied.add(start, end);
  out.push(draft(ctx, start, end, { date, end: endIso, granularity, weekday, part: null }));
}

const DECADE = /\b(?:(early|mid|late)[\s-]+)?((?:1[0-9]|20)\d0)['’]?s\b/gi;
const YEAR_RANGE = /\b(1[5-9]\d\d|20\d\d)\s?[–—-]\s?(\d{4}|\d{2})\b(?![.,]\d)/g;
const WORD_RANGE =
  /\b(?:from|between)\s+(1[5-9]\d\d|20\d\d)\s+(?:to|and|until|till)\s+(1[5-9]\d\d|20\d\d)\b/gi;
const RELATIVE = /\b(last|this|next|past)\s+(year|month)\b/gi;

const MONTH_WORD =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
// "9 to 11 June": chrono keeps only the month.
const DAY_RANGE = new RegExp(
  `\\b(\\d{1,2})\\s*(?:-|–|to|until)\\s*(\\d{1,2})\\s+(${MONTH_WORD})\\.?(?:,?\\s+(\\d{4}))?\\b`,
  'g',
);
const QUARTER =
  /\b(?:(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of|Q([1-4]))\s+((?:1[5-9]|20)\d\d)\b/gi;
const HALF = /\b(?:(first|second|1st|2nd)\s+half\s+of|H([12]))\s+((?:1[5-9]|20)\d\d)\b/gi;
const PART_YEAR =
  /\b(early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+((?:1[5-9]|20)\d\d)\b(?!s)/gi;

function monthIndex(name: string): number {
  const k = name.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(k) + 1;
}

/** Forms to read before chrono, which would misread them ("9 to 11 June" → June). */
function preChrono(ctx: SentenceContext, out: ClaimDraft[], occupied: SpanSet): void {
  const s = ctx.s;
  DAY_RANGE.lastIndex = 0;
  for (let m = DAY_RANGE.exec(s); m; m = DAY_RANGE.exec(s)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const month = monthIndex(m[3]);
    if (a < 1 || b > 31 || b <= a || month < 1) continue;
    const year = m[4] ? Number(m[4]) : inferYear(ctx.published, month, a);
    const start = m.index;
    const end = start + m[0].length;
    occupied.add(start, end);
    const mk = (d: number): string => (year === null ? `--${pad(month)}-${pad(d)}` : iso(year, month, d));
    out.push(
      draft(ctx, start, end, { date: mk(a), end: mk(b), granularity: 'range', weekday: null, part: null }),
    );
  }
}

function regexLayer(ctx: SentenceContext, out: ClaimDraft[], occupied: SpanSet): void {
  const s = ctx.s;
  if (/\d{4}/.test(s)) yearForms(ctx, out, occupied);
  relativeForms(ctx, out, occupied);
}

/** Quarters, halves, parts of years, decades, year ranges and bare years. */
function yearForms(ctx: SentenceContext, out: ClaimDraft[], occupied: SpanSet): void {
  const s = ctx.s;
  QUARTER.lastIndex = 0;
  for (let m = QUARTER.exec(s); m; m = QUARTER.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const w = (m[1] ?? '').toLowerCase();
    const q = m[2]
      ? Number(m[2])
      : /^(?:first|1st)$/.test(w)
        ? 1
        : /^(?:second|2nd)$/.test(w)
          ? 2
          : /^(?:third|3rd)$/.test(w)
            ? 3
            : 4;
    const y = Number(m[3]);
    occupied.add(start, end);
    out.push(
      draft(ctx, start, end, {
        date: `${y}-${pad(q * 3 - 2)}`,
        end: `${y}-${pad(q * 3)}`,
        granularity: 'range',
        weekday: null,
        part: null,
        display: `Q${q} ${y}`,
      }),
    );
  }
  HALF.lastIndex = 0;
  for (let m = HALF.exec(s); m; m = HALF.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const h = m[2] ? Number(m[2]) : /^(?:first|1st)$/i.test(m[1]) ? 1 : 2;
    const y = Number(m[3]);
    occupied.add(start, end);
    out.push(
      draft(ctx, start, end, {
        date: `${y}-${h === 1 ? '01' : '07'}`,
        end: `${y}-${h === 1 ? '06' : '12'}`,
        granularity: 'range',
        weekday: null,
        part: null,
        display: `H${h} ${y}`,
      }),
    );
  }
  PART_YEAR.lastIndex = 0;
  for (let m = PART_YEAR.exec(s); m; m = PART_YEAR.exec(s)) {
    const start = m.index + (/^the\s/i.test(m[1]) ? 4 : 0);
    const end = m.index + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const w = m[1].toLowerCase();
    const part = /end|late/.test(w) ? 'late' : /mid/.test(w) ? 'mid' : 'early';
    occupied.add(start, end);
    out.push(
      draft(ctx, start, end, {
        date: m[2],
        end: null,
        granularity: 'year',
        weekday: null,
        part,
        display: `${part} ${m[2]}`,
      }),
    );
  }
  DECADE.lastIndex = 0;
  for (let m = DECADE.exec(s); m; m = DECADE.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    occupied.add(start, end);
    const part = m[1] ? (m[1].toLowerCase() as 'early' | 'mid' | 'late') : null;
    out.push(
      draft(ctx, start, end, {
        date: m[2],
        end: String(Number(m[2]) + 9),
        granularity: 'decade',
        weekday: null,
        part,
        display: `${part ? part + ' ' : ''}${m[2]}s`,
      }),
    );
  }
  for (const re of [WORD_RANGE, YEAR_RANGE]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const start = re === WORD_RANGE ? m.index + m[0].indexOf(m[1]) : m.index;
      const end = m.index + m[0].length;
      if (occupied.overlaps(start, end)) continue;
      const a = Number(m[1]);
      let b = Number(m[2]);
      if (m[2].length === 2) b = Math.floor(a / 100) * 100 + b;
      if (b <= a || b - a > 100) continue;
      occupied.add(start, end);
      out.push(
        draft(ctx, start, end, {
          date: String(a),
          end: String(b),
          granularity: 'range',
          weekday: null,
          part: null,
          display: `${a}–${b}`,
        }),
      );
    }
  }
  for (const y of yearsIn(s)) {
    if (occupied.overlaps(y.start, y.end)) continue;
    occupied.add(y.start, y.end);
    out.push(
      draft(ctx, y.start, y.end, { date: y.text, end: null, granularity: 'year', weekday: null, part: null }),
    );
  }
}

/** "last year", "this month". */
function relativeForms(ctx: SentenceContext, out: ClaimDraft[], occupied: SpanSet): void {
  const s = ctx.s;
  const pub = ctx.published;
  if (pub) {
    RELATIVE.lastIndex = 0;
    for (let m = RELATIVE.exec(s); m; m = RELATIVE.exec(s)) {
      const start = m.index;
      const end = start + m[0].length;
      if (occupied.overlaps(start, end)) continue;
      const k = m[1].toLowerCase();
      const d = k === 'next' ? 1 : k === 'this' ? 0 : -1;
      let date: string;
      let granularity: DateGranularity;
      if (m[2].toLowerCase() === 'year') {
        date = String(pub.getUTCFullYear() + d);
        granularity = 'year';
      } else {
        const mm = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + d, 1));
        date = `${mm.getUTCFullYear()}-${pad(mm.getUTCMonth() + 1)}`;
        granularity = 'month';
      }
      occupied.add(start, end);
      out.push(draft(ctx, start, end, { date, end: null, granularity, weekday: null, part: null }));
    }
  }
}

/** Cheap test before running chrono on a sentence: does it name a month, weekday or relative day? */
// Case-sensitive on purpose: "may" and "march" in lower case are verbs, not months.
const CHRONO_HINT = new RegExp(
  `${MONTH_NAME_RE.source}|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|[Tt]omorrow)\\b|\\d{4}-\\d{2}-\\d{2}`,
);

const PART_OF_DAY_OF =
  /\b(?:night|morning|evening|afternoon|early hours)\s+(?:of|to|into)\s+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*day\b|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d)/g;

export function findDates(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  if (CHRONO_HINT.test(ctx.s)) {
    preChrono(ctx, out, occupied);
    const ref = ctx.published
      ? { instant: new Date(ctx.published.getTime() + DAY_MS / 2), timezone: 0 }
      : undefined;
    let results: chrono.ParsedResult[];
    try {
      // chrono reads "the night of Monday, September 16" as a time of day and drops the date:
      // the part of the day is blanked (same length, so offsets hold) before it parses.
      const text = ctx.s.replace(PART_OF_DAY_OF, (m) => ' '.repeat(m.length));
      results = chrono.casual.parse(text, ref, { forwardDate: false });
    } catch {
      // A third-party parser failing on one odd sentence must not cost the article its other claims.
      results = [];
    }
    for (const r of results) fromChrono(ctx, r, out, occupied);
  }
  regexLayer(ctx, out, occupied);
  return out.sort((a, b) => a.start - b.start);
}
