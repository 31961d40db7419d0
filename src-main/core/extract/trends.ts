/**
 * Trend claims: growth or decline of a metric, with the window it is claimed for
 * ("trade turnover … has decreased in recent years"). Intentions and forecasts
 * ("to boost trade", "will continue to grow") are not claims about what happened
 * and are skipped.
 */
import type { TrendValue } from '../../shared/model';
import {
  entityKeysIn,
  metricsIn,
  nearest,
  normaliseMetric,
  NUMBER_WORD_RE,
  type ClaimDraft,
  type SentenceContext,
} from './context';

const UP =
  'intensified|worsened|widens|widened|widening|grow|grows|grew|grown|growing|growth|increase|increases|increased|increasing|rise|rises|rose|risen|rising|surge|surges|surged|surging|boost|boosted|expand|expands|expanded|expansion|jump|jumped|climb|climbed|climbs|soar|soared|gain|gained|double|doubled|tripled|rebound|rebounded|recovered|accelerated|advanced|edged up|ticked up|crept up|inched up|went up|moved up';
const DOWN =
  'abated|abates|subsided|subsides|narrows|narrowed|narrowing|decrease|decreases|decreased|decreasing|decline|declines|declined|declining|drop|drops|dropped|fall|falls|fell|fallen|falling|shrink|shrinks|shrank|shrunk|slump|slumped|plunge|plunged|plummet|plummeted|contract|contracted|contraction|dip|dipped|halved|slowed|slowdown|slip|slips|slipped|sank|sunk|tumble|tumbled|eased|weakened|retreated|collapsed|edged down|ticked down|crept down|inched down|went down|moved down';
// Verbs whose object is the metric: "lost mobile subscribers", "gained market share".
const OBJECT_UP = 'gained|gains|added|adds|won';
const OBJECT_DOWN = 'lost|loses|lose|losing|shed|sheds|shedding';
const TREND = new RegExp(`\\b(${UP}|${DOWN}|${OBJECT_UP}|${OBJECT_DOWN})\\b`, 'gi');
const DOWN_SET = new Set([...DOWN.split('|'), ...OBJECT_DOWN.split('|')]);
const OBJECT_VERBS = new Set([...OBJECT_UP.split('|'), ...OBJECT_DOWN.split('|')]);
/** Words that qualify a metric without changing what it measures ("significant growth in trade"). */
const NOT_METRIC_WORD =
  /^(?:the|a|an|its|their|his|her|our|this|that|these|those|of|in|on|at|for|to|and|or|with|by|from|has|have|had|been|is|are|was|were|be|will|would|also|still|further|total|overall|current|annual|recent|positive|negative|significant|strong|sharp|steady|rapid|slight|modest|record|new|such|every|each|more|less|all|both|through|across|via|into|over|under|about|after|before|between|among|during|within|without|against|towards?|upon|like|including|two|three|four|five|s|while|whereas|but|although|though|when|as|because|since|if|so|yet|where|which|who|that)$/i;

/** The metric's noun phrase ending at `end` in `s`: "ticket sales", "subscriber base". */
function phraseEndingAt(
  s: string,
  end: number,
  maxWords = 3,
  firstWordIsNoun = false,
): { text: string; start: number } | null {
  const words = [...s.slice(Math.max(0, end - 60), end).matchAll(/[\p{L}-]+(?:['’]\p{L}*)?/gu)];
  const base = Math.max(0, end - 60);
  const kept: RegExpMatchArray[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < maxWords; i--) {
    const w = words[i];
    const wEnd = base + (w.index ?? 0) + w[0].length;
    const gap = s.slice(wEnd, kept.length ? base + (kept[0].index ?? 0) : end);
    if (kept.length && !/^\s+$/.test(gap)) break;
    if (!kept.length && !/^\s*$/.test(gap)) break;
    // The sentence's first word is capitalised for being first ("Consumption climbed"),
    // when no name starts there.
    const opening = firstWordIsNoun && base + (w.index ?? 0) === 0 && /^\p{Lu}\p{Ll}+$/u.test(w[0]);
    if (NOT_METRIC_WORD.test(w[0]) || /ly$|['’]/.test(w[0]) || (!/^\p{Ll}/u.test(w[0]) && !opening)) break;
    kept.unshift(w);
  }
  if (!kept.length) return null;
  const start = base + (kept[0].index ?? 0);
  return { text: s.slice(start, end), start };
}
const NOUNS = new Set([
  'growth',
  'increase',
  'rise',
  'surge',
  'expansion',
  'jump',
  'decline',
  'decrease',
  'drop',
  'fall',
  'slump',
  'plunge',
  'contraction',
  'dip',
  'slowdown',
  'gain',
  'boost',
]);

// "to boost trade" is an intention; "point to a rise in trade" names one that happened.
const INTENT_BEFORE =
  /\b(?:to|will|would|could|should|can|may|might|must|aim(?:s|ing)? to|seek(?:s|ing)? to|hope(?:s|d)? to|plan(?:s|ned)? to|continue(?:s|d)? to|potential for|further|expected to|expects? to|help(?:s|ed)?|in order to|for)\s+(?:(?!(?:a|an|the)\s)\w+\s+)?$/i;
const NOT_TREND_AFTER =
  /^\s+(?:opportunities|potential|prospects|plans?|strategy|of (?:the|its|their) (?:network|scope|cooperation))\b/i;
const MONEY_AFTER =
  /^\s+(?:(?:about|around|some|nearly|almost|more than|over|roughly|only|just)\s+)?(?:[$€£¥]|(?:US|EUR|GBP|SEK|CHF)\s?\d|\d[\d,.]*\s*(?:million|billion|m|bn)?\s*(?:euros?|dollars?|pounds?|crowns?|kronor|zlotys?|francs?))/i;
/** A trend noun that names a measure ("its growth forecast", "the expansion target"), not a change. */
const MEASURE_AFTER =
  /^\s+(?:forecasts?|projections?|outlook|targets?|rates?|estimates?|guidance|expectations?|figures?|data|numbers|prospects|assumptions?|path|trajectory|momentum|story|stocks?|markets?|areas?|sectors?)\b/i;

const WINDOW = new RegExp(
  `\\b(?:in|over|during)\\s+(?:the\\s+)?(?:recent|past|last)\\s+(?:(?:\\d+|${NUMBER_WORD_RE}|few|several)\\s+)?(?:years?|months?|decades?|weeks?|quarters?)\\b|\\bin recent (?:years|months|times)\\b|\\b(?:since|in|during)\\s+(?:1[5-9]\\d\\d|20\\d\\d)\\b|\\b(?:last|this) year\\b|\\byear[- ]on[- ]year\\b|\\bso far this year\\b`,
  'gi',
);

/**
 * A forecast revised up or down ("raised its growth forecast for 2027", "trimmed its 2027
 * growth projection"): the direction of the revision is a claim outlets get wrong.
 * Projections, outlooks, guidance and estimates are all one forecast.
 */
const REVISION =
  /\b(raised|raises|lifted|lifts|upgraded|upgrades|revised up|cut|cuts|trimmed|trims|lowered|lowers|downgraded|downgrades|revised down|reduced|reduces)\s+(?:its|their|the|his|her|our)\s+((?:[\p{L}\d-]+\s+){0,3}?)(?:forecast|projection|outlook|guidance|estimate)s?\b/giu;
const REVISED_UP = /^(?:raise|lift|upgrade|revised up)/;

function findRevisions(ctx: SentenceContext, out: ClaimDraft[]): void {
  const s = ctx.s;
  REVISION.lastIndex = 0;
  for (let m = REVISION.exec(s); m; m = REVISION.exec(s)) {
    const verb = m[1]!.toLowerCase();
    const words = m[2]!.trim().split(/\s+/).filter(Boolean);
    const year =
      words.find((w) => /^(?:19|20)\d\d$/.test(w)) ??
      /^\s+for\s+((?:19|20)\d\d)\b/.exec(s.slice(m.index + m[0].length))?.[1] ??
      null;
    const qualifier = words.filter(
      (w) => !/\d/.test(w) && !/^(?:full-year|annual|yearly|quarterly|new|latest)$/i.test(w),
    );
    const metric = [...qualifier.map((w) => w.toLowerCase()), 'forecast'].join(' ');
    const direction = REVISED_UP.test(verb) ? 'up' : 'down';
    const value: TrendValue = {
      type: 'trend',
      direction,
      metric,
      window: year,
      display: `${metric} ${direction === 'up' ? '↑' : '↓'}${year ? ' ' + year : ''}`,
    };
    out.push({
      kind: 'trend',
      start: ctx.start + m.index,
      end: ctx.start + m.index + m[0].length,
      subject: metric,
      scope: year,
      value,
      entityKeys: entityKeysIn(ctx),
    });
  }
}

/**
 * Whether the sentence's capitalised first word is a common noun: its article never
 * writes it capitalised inside a sentence ("Consumption climbed", not "Kaskada climbed").
 */
function commonOpening(ctx: SentenceContext): boolean {
  const first = /^[\p{Lu}][\p{Ll}]+/u.exec(ctx.s)?.[0];
  return first !== undefined && !namesInside(ctx.text).has(first);
}

/** Capitalised words written inside sentences, found once per article text (one pass). */
let namesText: string | null = null;
let namesSet = new Set<string>();
function namesInside(text: string): Set<string> {
  if (text === namesText) return namesSet;
  namesText = text;
  namesSet = new Set();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}][\p{Ll}]+/gu)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (m.index > 0 && !/(?:[.!?:"“”’)–—-]\s*|\n\s*)$/.test(before)) namesSet.add(m[0]);
  }
  return namesSet;
}

export function findTrends(ctx: SentenceContext): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  if (/\b(?:forecast|projection|outlook|guidance|estimate)/i.test(s)) findRevisions(ctx, out);
  const metrics = metricsIn(s);
  const windows: { start: number; end: number; text: string }[] = [];
  WINDOW.lastIndex = 0;
  for (let m = WINDOW.exec(s); m; m = WINDOW.exec(s))
    windows.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  TREND.lastIndex = 0;
  for (let m = TREND.exec(s); m; m = TREND.exec(s)) {
    const word = m[1].toLowerCase();
    const start = m.index;
    if (out.some((r) => r.start - ctx.start <= start && start < r.end - ctx.start)) continue;
    let end = start + m[0].length;
    const before = s.slice(Math.max(0, start - 40), start);
    const after = s.slice(end);
    if (INTENT_BEFORE.test(before) && !/\b(?:has|have|had)\s+\w*\s*$/i.test(before)) continue;
    if (NOT_TREND_AFTER.test(after)) continue;
    if (NOUNS.has(word) && MEASURE_AFTER.test(after)) continue;
    // "the administrator has recovered about €23.5 million": money got back, not a rise.
    if (/^recover/.test(word) && MONEY_AFTER.test(after)) continue;
    // Weather falls, it does not decline; "through increasing exchanges" is a means, not a trend.
    if (/\b(?:rain|snow|hail|night|darkness|silence)\s+$/i.test(before) && /^f[ae]ll/.test(word)) continue;
    if (/ing$/.test(word) && /\b(?:through|by|of)\s+$/i.test(before)) continue;
    if (/^\p{Lu}/u.test(m[1]) && start > 0 && !/[.!?"“]\s*$/.test(s.slice(0, start))) continue;
    const direction = DOWN_SET.has(word) ? 'down' : 'up';
    // "growth in trade exchanges": the metric follows the noun.
    let metricText: string | null = null;
    if (NOUNS.has(word)) {
      const inX =
        /^\s+(?:in|of)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+?)(?=\s+(?:between|in|over|since|during|from|to|of|with|for|among|and|at|on|this|last|next|every|year-on-year)\b|[,.;:)]|$)/u.exec(
          after,
        );
      const isWindow = inX && /^(?:recent|the past|the last|past|last|\d{4})\b/i.test(inX[1]);
      if (inX && !isWindow && !/^(?:the|a|an|its|their|this)$/i.test(inX[1])) {
        metricText = inX[1];
        end += inX[0].length;
      }
    }
    if (!metricText && OBJECT_VERBS.has(word)) {
      const obj = /^\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(after);
      if (!obj) continue;
      const words = obj[1].split(/\s+/);
      const stop = words.findIndex((w) =>
        /^(?:in|of|since|for|to|by|on|at|every|each|this|last|over|and|as|from)$/.test(w),
      );
      const kept = (stop < 0 ? words : words.slice(0, stop)).filter(
        (w, i) => i > 0 || !NOT_METRIC_WORD.test(w),
      );
      if (!kept.length) continue;
      metricText = kept.join(' ');
    }
    // The clause's start: the last break within a bounded look-back (a longer stretch without
    // one is a list, not a clause, and scanning from the sentence's start would be quadratic).
    let clauseStart = Math.max(0, start - 300);
    for (const x of s.slice(clauseStart, start).matchAll(/[;:]|,\s+(?:while|whereas|but|and|although)\b/g))
      clauseStart = Math.max(0, start - 300) + x.index + x[0].length;
    if (!metricText) {
      // A listed metric earlier in the clause, widened to its compound ("sales" → "ticket sales").
      const mm = nearest(
        metrics.filter((x) => x.end <= start && x.start >= clauseStart && start - x.end < 80),
        start,
        end,
      );
      if (mm) metricText = phraseEndingAt(s, mm.end)?.text ?? mm.text;
    }
    if (!metricText && !NOUNS.has(word)) {
      // The subject right before the verb: "Kaskada's subscriber base has grown".
      // A bounded look-back: anchored at the end, the pattern would otherwise be tried from
      // every position of a long sentence.
      const lookFrom = Math.max(0, start - 120);
      const aux = /((?:\s+(?:has|have|had|been|is|are|was|were|also|further|\p{Ll}+ly))*)\s*$/u.exec(
        s.slice(lookFrom, start),
      );
      const at = start - (aux ? aux[0].length : 0);
      const np = phraseEndingAt(
        s,
        at,
        3,
        !ctx.mentions.some((x) => x.start === ctx.start) && commonOpening(ctx),
      );
      if (np && np.start >= clauseStart) metricText = np.text;
      // "The number of residents still unaccounted for has risen": what is counted is the metric.
      if (!metricText) {
        const counted = /\bnumber of\s+([\p{Ll}-]+(?:\s+[\p{Ll}-]+)?)\b[^,;.]{0,60}$/u.exec(
          s.slice(Math.max(clauseStart, lookFrom), at),
        );
        if (counted)
          metricText =
            counted[1]
              .split(/\s+/)
              .filter((w) => !NOT_METRIC_WORD.test(w))
              .join(' ') || null;
      }
    }
    if (!metricText) {
      const mm = nearest(
        metrics.filter((x) => x.start >= end),
        start,
        end,
      );
      if (mm) metricText = phraseEndingAt(s, mm.end)?.text ?? mm.text;
    }
    if (!metricText) {
      // "the relationship … will continue to grow": the subject is too vague to compare.
      continue;
    }
    const metric = normaliseMetric(metricText);
    const win = nearest(windows, start, end);
    const window = win ? win.text.replace(/^(?:in|during)\s+(?=\d{4}$)/i, '') : null;
    const value: TrendValue = {
      type: 'trend',
      direction,
      metric,
      window,
      display: `${metric} ${direction === 'up' ? '↑' : '↓'}${window ? ' ' + window : ''}`,
    };
    out.push({
      kind: 'trend',
      start: ctx.start + start,
      end: ctx.start + end,
      subject: metricText,
      scope: window,
      value,
      entityKeys: entityKeysIn(ctx),
    });
  }
  return out;
}
