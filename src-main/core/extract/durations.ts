/**
 * Durations that are claims: a prison sentence ("sentenced to eleven and a half years",
 * "a 13-year sentence"), what prosecutors sought, how long something lasted or was late
 * ("after 14 minutes of bidding", "almost five years behind schedule"). Outlets disagree
 * on these as often as on any figure.
 *
 * Most durations in news copy are not claims but scopes of other claims ("over three
 * years", "in 11 years", "the past decade"), and those are left alone: a duration is read
 * only where its own wording makes it the point of the clause, a verb or noun that takes
 * a length of time (sentenced to, sought, lasted, took, delay of, N-year sentence) or a
 * complement that does (of bidding, behind schedule, later than planned).
 */
import type { FigureValue } from '../../shared/model';
import {
  NUMBER_WORD_RE,
  NUM_RE,
  approximationBefore,
  entityKeysIn,
  parseNum,
  parseNumberWord,
  type NumberStyle,
} from './context';
import type { ClaimDraft, SentenceContext } from './context';
import type { SpanSet } from './spans';

const UNIT: Record<string, string> = {
  year: 'years',
  month: 'months',
  week: 'weeks',
  day: 'days',
  hour: 'hours',
  minute: 'minutes',
  second: 'seconds',
};

const DURATION = new RegExp(
  `(?<![\\p{L}\\d.,])(?<num>${NUM_RE}|${NUMBER_WORD_RE})(?<half>\\s+and\\s+a\\s+half)?(?<sep>[\\s-])(?<unit>year|month|week|day|hour|minute|second)s?\\b(?!-old)(?:\\s+and\\s+(?<months>\\d{1,2}|${NUMBER_WORD_RE})\\s+months?\\b)?`,
  'giu',
);

/** Words before the length that make it the clause's point: "sentenced to", "sought", "lasted". */
const TAKES_LENGTH_BEFORE =
  /\b(?:sentenced(?:\s+\w+)?\s+to|jailed\s+for|imprisoned\s+for|sentence\s+of|term\s+of|ban\s+of|banned\s+for|sought|seeking|asked\s+for|demanded|requested|called\s+for|lasted|lasting|took|spent|serve|serving|delayed\s+by|delay\s+of|overran\s+by|behind\s+by|waited|wait\s+of)\s+(?:(?:a|an|about|almost|nearly|more\s+than|over|some|around|roughly|just|only|another|a\s+further|an\s+extra|up\s+to|at\s+least)\s+)*$/i;

/**
 * How long something went on, in hours or less: "inside the building for seven minutes",
 * "trapped for 31 hours". (In years, "for three years" is mostly the scope of another claim.)
 */
const FOR_SHORT_BEFORE =
  /\bfor\s+(?:(?:about|almost|nearly|more\s+than|over|some|around|roughly|just|only|another|at\s+least|less\s+than|under)\s+)*$/i;

/** A margin in time: "won by 11 seconds", "missed it by two minutes". */
const MARGIN_BEFORE =
  /\b(?:by|margin\s+of)\s+(?:(?:about|almost|nearly|just|only|some|more\s+than|less\s+than)\s+)?$/i;
/** "13 seconds off the record", "two minutes faster than", "a minute behind". */
const MARGIN_AFTER = /^s?\s+(?:off|faster|slower|quicker|ahead|behind|clear|inside|outside|short)\b/i;

/**
 * An elapsed time written as a clock ("won in 2:00:28", "2.00.28", "2h01m09s"): a race or
 * a record, never a time of day.
 */
const ELAPSED =
  /(?<![\d.,:])(?<h>\d{1,2})(?:(?<sep>[:.])(?<m>[0-5]\d)\k<sep>(?<s>[0-5]\d)|h\s?(?<m2>[0-5]?\d)\s?(?:m|min)\s?(?<s2>[0-5]?\d)\s?s)(?![\d%]|[.,:]\d)/g;

/** Words after the length that make it the point: "of bidding", "behind schedule", "in prison". */
const TAKES_LENGTH_AFTER =
  /^s?\s+(?:behind\s+schedule|late\b|later\s+than\s+(?:planned|scheduled|expected|originally|first)|in\s+(?:prison|jail)|of\s+(?:bidding|talks|negotiations?|deliberations?|fighting|debate|questioning|testimony|delay|imprisonment|detention))/i;

/** "a 13-year sentence": a length fused to a noun that is a length of something. */
const FUSED_NOUN =
  /^\s+(?:(?:prison|jail|custodial|suspended)\s+)?(?:sentence|term|ban|delay|wait|contract|deal|lease|concession|trial|stint|tenure|suspension|moratorium|hiatus|siege|closure|overrun|bidding\s+war)\b/i;

/** An age before the length: "the median age rose to", "life expectancy of", "average age is". */
const AGE_BEFORE =
  /\b(?:median|average|mean)\s+age\b[^.;]{0,30}$|\blife\s+expectancy\b[^.;]{0,30}$|\bage\s+of\s+(?:about\s+|around\s+)?$/i;

function amountOf(num: string, half: boolean, style: NumberStyle): number | null {
  const word = parseNumberWord(num);
  const n = word ?? parseNum(num, style);
  if (!Number.isFinite(n) || n <= 0) return null;
  return n + (half ? 0.5 : 0);
}

export function findDurations(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const s = ctx.s;
  if (!/\b(?:year|month|week|day|hour|minute|second)s?\b/i.test(s)) return findElapsed(ctx, occupied);
  const out: ClaimDraft[] = [];
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(s); m; m = DURATION.exec(s)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const fused = g.sep === '-';
    const after = s.slice(end);
    const short = /^(?:second|minute|hour)/i.test(g.unit);
    const isClaim = fused
      ? FUSED_NOUN.test(after)
      : TAKES_LENGTH_BEFORE.test(s.slice(Math.max(0, start - 60), start)) ||
        (short &&
          (MARGIN_BEFORE.test(s.slice(Math.max(0, start - 30), start)) ||
            FOR_SHORT_BEFORE.test(s.slice(Math.max(0, start - 30), start)) ||
            MARGIN_AFTER.test(s.slice(end - 1)))) ||
        TAKES_LENGTH_AFTER.test(s.slice(end - 1)) ||
        // "The median age rose to 44.7 years", "life expectancy of 81 years": an age is a measure.
        AGE_BEFORE.test(s.slice(Math.max(0, start - 50), start)) ||
        // "44.7 years": a length written to a fraction is measured, never a scope.
        /^\d+[.,]\d+$/.test(g.num);
    if (!isClaim) continue;
    if (occupied.overlaps(start, end)) continue;
    let amount = amountOf(g.num, !!g.half, ctx.numberStyle);
    if (amount === null) continue;
    const unit = UNIT[g.unit.toLowerCase()];
    // "11 years and six months": one length, in years.
    if (g.months && unit === 'years') amount += (amountOf(g.months, false, ctx.numberStyle) ?? 0) / 12;
    amount = Math.round(amount * 100) / 100;
    out.push(
      lengthDraft(
        ctx,
        occupied,
        start,
        end,
        amount,
        unit,
        `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`,
      ),
    );
  }
  return [...out, ...findElapsed(ctx, occupied)];
}

/** Race and record times ("in 2:00:28"), in seconds, shown as written. */
function findElapsed(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  ELAPSED.lastIndex = 0;
  for (let m = ELAPSED.exec(s); m; m = ELAPSED.exec(s)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (occupied.overlaps(start, end)) continue;
    const amount = Number(g.h) * 3600 + Number(g.m ?? g.m2) * 60 + Number(g.s ?? g.s2);
    out.push(lengthDraft(ctx, occupied, start, end, amount, 'seconds', m[0]));
  }
  return out;
}

/** A length of time as a figure claim, with the hedge before it ("almost five years"). */
function lengthDraft(
  ctx: SentenceContext,
  occupied: SpanSet,
  start: number,
  end: number,
  amount: number,
  unit: string,
  written: string,
): ClaimDraft {
  const ap = approximationBefore(ctx.s, start);
  occupied.add(ap.start, end);
  const value: FigureValue = {
    type: 'figure',
    amount,
    currency: null,
    unit,
    approx: ap.approx,
    period: null,
    metric: null,
    parties: [],
    display: `${ap.approx === 'exact' ? '' : ap.approx.replace('_', ' ') + ' '}${written}`,
  };
  return {
    kind: 'figure',
    start: ctx.start + ap.start,
    end: ctx.start + end,
    subject: null,
    scope: null,
    value,
    entityKeys: entityKeysIn(ctx),
  };
}
