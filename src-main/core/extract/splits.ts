/**
 * Vote splits and match scores ("the committee voted 6-3", "won 2–1", "a 7:2 vote"):
 * two numbers read as one result. Outlets get them wrong as often as any figure, and
 * they are never counts of things. The pair is kept as written and compared as a
 * pair, whichever side an outlet names first ("won 2-1", "lost 1-2").
 */
import type { FigureValue } from '../../shared/model';
import { approximationBefore, entityKeysIn } from './context';
import type { ClaimDraft, SentenceContext } from './context';
import type { SpanSet } from './spans';

/** A split after the words that make it a result: voted, a vote of, won, beat, lost, drew, a score of. */
const SPLIT = new RegExp(
  String.raw`\b(?:vot(?:ed|ing|es?)(?:\s+(?:by|of))?|(?:a|the)\s+vote\s+of|won|wins|beat|beats|defeated|lost|loses|drew|draws|victory|win|defeat|scoreline|score\s+of|final\s+score|by)\s+(?:a\s+|an\s+)?(?<a>\d{1,2})\s*[-–:]\s*(?<b>\d{1,2})(?![\d%-]|[.,:]\d)`,
  'giu',
);
/** "a 6-3 vote", "a 2–1 win": the split before the noun that makes it a result. */
const SPLIT_BEFORE_NOUN = new RegExp(
  String.raw`(?<![\p{L}\d.,:-])(?<a>\d{1,2})\s*[-–]\s*(?<b>\d{1,2})\s+(?:vote|votes|majority|decision|split|win|victory|defeat|loss|draw|scoreline)\b`,
  'giu',
);

export function findSplits(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const s = ctx.s;
  if (!/\d\s*[-–:]\s*\d/.test(s)) return [];
  const out: ClaimDraft[] = [];
  for (const re of [SPLIT, SPLIT_BEFORE_NOUN]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const g = m.groups!;
      const text = m[0];
      const at = text.search(/\d/);
      const start = m.index + at;
      const end =
        re === SPLIT
          ? m.index + text.length
          : start + (/^\d{1,2}\s*[-–]\s*\d{1,2}/.exec(text.slice(at))?.[0].length ?? 0);
      if (occupied.overlaps(start, end)) continue;
      const a = Number(g.a);
      const b = Number(g.b);
      const hi = Math.max(a, b);
      const lo = Math.min(a, b);
      occupied.add(start, end);
      const value: FigureValue = {
        type: 'figure',
        // One number per result, the same whichever side comes first: 6-3 → 6.03.
        amount: hi + lo / 100,
        currency: null,
        unit: 'split',
        approx: approximationBefore(s, start).approx,
        period: null,
        metric: null,
        parties: [],
        display: s.slice(start, end),
      };
      out.push({
        kind: 'figure',
        start: ctx.start + start,
        end: ctx.start + end,
        subject: null,
        scope: null,
        value,
        entityKeys: entityKeysIn(ctx),
      });
    }
  }
  return out;
}
