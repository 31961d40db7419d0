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
  'grow|grows|grew|grown|growing|growth|increase|increases|increased|increasing|rise|rises|rose|risen|rising|surge|surges|surged|surging|boost|boosted|expand|expands|expanded|expansion|jump|jumped|climb|climbed|soar|soared|gain|gained|double|doubled|tripled';
const DOWN =
  'decrease|decreases|decreased|decreasing|decline|declines|declined|declining|drop|drops|dropped|fall|falls|fell|fallen|falling|shrink|shrinks|shrank|shrunk|slump|slumped|plunge|plunged|plummet|plummeted|contract|contracted|contraction|dip|dipped|halved|slowed|slowdown';
const TREND = new RegExp(`\\b(${UP}|${DOWN})\\b`, 'gi');
const DOWN_SET = new Set(DOWN.split('|'));
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

const INTENT_BEFORE =
  /\b(?:to|will|would|could|should|can|may|might|must|aim(?:s|ing)? to|seek(?:s|ing)? to|hope(?:s|d)? to|plan(?:s|ned)? to|continue(?:s|d)? to|potential for|further|expected to|expects? to|help(?:s|ed)?|in order to|for)\s+(?:\w+\s+)?$/i;
const NOT_TREND_AFTER =
  /^\s+(?:opportunities|potential|prospects|plans?|strategy|of (?:the|its|their) (?:network|scope|cooperation))\b/i;

const WINDOW = new RegExp(
  `\\b(?:in|over|during)\\s+(?:the\\s+)?(?:recent|past|last)\\s+(?:(?:\\d+|${NUMBER_WORD_RE}|few|several)\\s+)?(?:years?|months?|decades?|weeks?|quarters?)\\b|\\bin recent (?:years|months|times)\\b|\\b(?:since|in|during)\\s+(?:1[5-9]\\d\\d|20\\d\\d)\\b|\\b(?:last|this) year\\b|\\byear[- ]on[- ]year\\b|\\bso far this year\\b`,
  'gi',
);

export function findTrends(ctx: SentenceContext): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  const metrics = metricsIn(s);
  const windows: { start: number; end: number; text: string }[] = [];
  WINDOW.lastIndex = 0;
  for (let m = WINDOW.exec(s); m; m = WINDOW.exec(s))
    windows.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  TREND.lastIndex = 0;
  for (let m = TREND.exec(s); m; m = TREND.exec(s)) {
    const word = m[1].toLowerCase();
    const start = m.index;
    let end = start + m[0].length;
    const before = s.slice(Math.max(0, start - 40), start);
    const after = s.slice(end);
    if (INTENT_BEFORE.test(before) && !/\b(?:has|have|had)\s+\w*\s*$/i.test(before)) continue;
    if (NOT_TREND_AFTER.test(after)) continue;
    if (/^\p{Lu}/u.test(m[1]) && start > 0 && !/[.!?"“]\s*$/.test(s.slice(0, start))) continue;
    const direction = DOWN_SET.has(word) ? 'down' : 'up';
    // "growth in trade exchanges": the metric follows the noun.
    let metricText: string | null = null;
    if (NOUNS.has(word)) {
      const inX =
        /^\s+(?:in|of)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+?)(?=\s+(?:between|in|over|since|during|from|to|of|with|for|among|and|at|on)\b|[,.;:)]|$)/u.exec(
          after,
        );
      const isWindow = inX && /^(?:recent|the past|the last|past|last|\d{4})\b/i.test(inX[1]);
      if (inX && !isWindow && !/^(?:the|a|an|its|their|this)$/i.test(inX[1])) {
        metricText = inX[1];
        end += inX[0].length;
      }
    }
    if (!metricText) {
      const mm = nearest(
        metrics.filter((x) => x.end <= start || x.start >= end),
        start,
        end,
      );
      if (mm) metricText = mm.text;
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
