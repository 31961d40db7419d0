/**
 * Dates of one happening, whatever kind of happening it is. The event words the matcher
 * knows (visits, meetings, signings…) cover diplomacy; a trial that "opened on February
 * 3" in one outlet and "began on February 10" in another, or a jet that left the runway
 * "on Thursday night" in one and "on Wednesday evening" in another, name no such word.
 * Such a date is described by the words of its clause around it ("the trial opened",
 * "ran off the end of the runway at Bergvik airport"); two dates in two articles of one
 * story whose descriptions share enough rare words are one happening dated twice.
 * Rarity is counted over the desk's dates only, so "said" or the story's own subject
 * tell nothing, and the words that single out a happening ("runway", "trial") do.
 */
import type { Feat } from './features';
import { sameStory } from './features';
import { contentStems } from './text';

/** Weighted share of the sparser description the other must have to be one happening. */
const SAME_HAPPENING = 0.4;
/** Words two descriptions must share at the least: one or two are a coincidence. */
const MIN_SHARED = 3;
/** The same, for two dates each in its article's lead. */
const LEAD_SHARED = 3;
const SAME_LEAD_HAPPENING = 0.2;
/** Characters of the clause read before and after the date. */
const BEFORE = 90;
const AFTER = 40;

/** The day a source spoke is not a happening: "the ministry said on Monday". */
const SPOKEN =
  /\b(?:said|says|told|announced|reported|confirmed|added|stated|wrote|updated|published)\s+(?:\p{L}+\s+){0,3}?(?:on|late on|early on)?\s*$/u;
/** Dates that do not place a happening: "by Friday", "until Monday", "as of Tuesday", "since 2019". */
const NOT_WHEN =
  /\b(?:by|until|till|before|after|as of|since|from|through|ahead of|due|expected|next|last)\s+$/;
const AMOUNT = /(?:^|\s)\d[\d,.]*(?=[\s,;)])/;
const DAY_NAME =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))\b/g;
/** Words any dated sentence may have: they tell no happening from another. */
const GENERIC = new Set(
  contentStems(
    'on in at the of a an and or local time morning afternoon evening night day week early late earlier later ' +
      'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
      'august september october november december year month hour news update updated according',
  ),
);

const cache = new WeakMap<Feat, Set<string> | null>();

/**
 * The words describing what a day-dated claim dates, or null when it is not a date of a
 * happening the matcher should line up this way (an event word already keys it, a day
 * of speaking, a deadline, a relative or year-only date).
 */
export function happeningWords(f: Feat): Set<string> | null {
  const hit = cache.get(f);
  if (hit !== undefined) return hit;
  const words = describe(f);
  cache.set(f, words);
  return words;
}

function describe(f: Feat): Set<string> | null {
  const v = f.claim.value;
  if (v.type !== 'date' || !f.date) return null;
  if (f.event !== null && v.date !== '') return null;
  if (f.date.granularity !== 'day' && !f.date.weekday) return null;
  const s = f.sentence.folded;
  // Another day named earlier in the sentence ends this date's description: in "47,000 on
  // strike on Thursday, down from 52,000 on Wednesday" Wednesday is described by "down from".
  let from = Math.max(f.clause.start, f.pos - BEFORE);
  for (const m of s.slice(from, f.pos).matchAll(DAY_NAME))
    from = Math.max(from, from + m.index + m[0].length);
  const lead = s.slice(from, f.pos);
  if (SPOKEN.test(lead) || NOT_WHEN.test(lead)) return null;
  // "at 22:42 GMT on Thursday" is the day in another zone than the local day others give.
  if (/\b(?:gmt|utc)\)?\s+(?:on\s+)?$/.test(lead)) return null;
  // A day after a count is the day the count holds for ("cancelled 6,200 services on
  // Wednesday", "5,900 on Thursday"): a moment of a tally, which recurs, not a happening.
  // A price is not a tally: "sold for £78.52 million in London on Thursday" dates the sale.
  if (AMOUNT.test(lead)) return null;
  const tail = s.slice(
    f.pos + f.claim.quote.length,
    Math.min(f.clause.end, f.pos + f.claim.quote.length + AFTER),
  );
  const words = new Set(contentStems(`${lead} ${tail}`).filter((w) => !GENERIC.has(w) && !/^\d+$/.test(w)));
  return words.size >= MIN_SHARED ? words : null;
}

export interface HappeningEvidence {
  /** Inverse document frequency of each word over the desk's happening dates. */
  idf: Map<string, number>;
  /** Sentences that open their article ("article:sentenceStart"): where outlets date the news itself. */
  leads: Set<string>;
}

/** Sentences with claims that count as an article's lead. */
const LEAD_SENTENCES = 3;

export function happeningEvidence(feats: Feat[]): HappeningEvidence {
  const df = new Map<string, number>();
  const starts = new Map<number, Set<number>>();
  let n = 0;
  for (const f of feats) {
    let set = starts.get(f.claim.articleId);
    if (!set) starts.set(f.claim.articleId, (set = new Set()));
    set.add(f.claim.sentenceStart);
    const w = happeningWords(f);
    if (!w) continue;
    n++;
    for (const x of w) df.set(x, (df.get(x) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [x, d] of df) idf.set(x, Math.log(1 + n / d));
  const leads = new Set<string>();
  for (const [article, set] of starts)
    for (const start of [...set].sort((a, b) => a - b).slice(0, LEAD_SENTENCES))
      leads.add(`${article}:${start}`);
  return { idf, leads };
}

/**
 * Whether two dates in two articles of one story date the same happening: their
 * descriptions share enough rare words; or, where both articles date it in their lead
 * (the news itself: "ran off the runway at Bergvik airport on Thursday night"), fewer.
 */
export function sameHappening(a: Feat, b: Feat, evidence: HappeningEvidence): boolean {
  if (a.claim.articleId === b.claim.articleId || !sameStory(a.article, b.article)) return false;
  const wa = happeningWords(a);
  const wb = happeningWords(b);
  if (!wa || !wb) return false;
  let inter = 0;
  let shared = 0;
  let ta = 0;
  let tb = 0;
  for (const x of wa) {
    const w = evidence.idf.get(x) ?? 1;
    ta += w;
    if (wb.has(x)) {
      inter += w;
      shared++;
    }
  }
  for (const x of wb) tb += evidence.idf.get(x) ?? 1;
  const overlap = inter / Math.min(ta, tb);
  const inLead = (f: Feat): boolean => evidence.leads.has(`${f.claim.articleId}:${f.claim.sentenceStart}`);
  if (inLead(a) && inLead(b)) return shared >= LEAD_SHARED && overlap >= SAME_LEAD_HAPPENING;
  return shared >= MIN_SHARED && overlap >= SAME_HAPPENING;
}
