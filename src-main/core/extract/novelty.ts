/**
 * Novelty claims: "first", "first-ever", "for the first time", "never before",
 * "unprecedented", "maiden" (strength 'first': nothing like it happened before) and
 * "historic", "highest-level", "landmark" (strength 'superlative': praise only).
 *
 * The scope is data, because it decides whether an earlier event contradicts the
 * claim: "the first visit since 1992" is consistent with a 1980s visit, "first-ever"
 * is not. A restriction on who did it ("by a Thai Government leader") stays in the
 * claim's subject and scope text; it narrows the subject, not the time window.
 */
import type { NoveltyScope, NoveltyValue } from '../../shared/model';
import {
  entityKeysIn,
  eventsIn,
  nearest,
  NUMBER_WORD_RE,
  parseNumberWord,
  type ClaimDraft,
  type SentenceContext,
} from './context';

const PHRASES: [RegExp, string, 'first' | 'superlative'][] = [
  [/\bfirst[- ]ever\b/gi, 'first-ever', 'first'],
  [/\bfor the (?:very )?first time\b/gi, 'for the first time', 'first'],
  [/\b(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?first time\b/gi, 'first time', 'first'],
  [
    /\bnever\s+(?:before|(?:had|has|have|was|were|been|did)\b(?:\s+\w+){0,3}?\s+before)\b/gi,
    'never before',
    'first',
  ],
  [/\bunprecedented\b/gi, 'unprecedented', 'first'],
  [/\bmaiden\b/gi, 'maiden', 'first'],
  [/\bhistoric\b(?!al)/gi, 'historic', 'superlative'],
  [/\bhighest[- ]level\b|\bhighest level\b/gi, 'highest-level', 'superlative'],
  [/\blandmark\b/gi, 'landmark', 'superlative'],
  // Plain "first" last: only where the longer phrases did not match. Lower case only ("First Deputy" is a title).
  [/\bfirst\b/g, 'first', 'first'],
];

/** "first" that is an ordinal of sequence, not a claim of novelty. */
const NOT_NOVEL_AFTER =
  /^\s*(?:quarter|half|round|phase|stage|step|day|days|week|weeks|month|months|year|years|of all|and foremost|place|part|two|three|four|five|ten|few|deputy|lady|name|reading|glance|sight|hand|instance|priority|batch|session|\d)/i;
const NOT_NOVEL_BEFORE = /\b(?:at|the very|in the|on the)\s*$/i;

/**
 * A bare "first" claims that nothing like it happened before only when the sentence
 * says so: "the first woman to lead…", "its first landing", "the first visit by…" (a
 * happening named right after: the possessive alone does not do, "the club's first
 * female chair" is a title), "the first … ever / in
 * history / of its kind / since 1998 / in 20 years". Without one of these it is an
 * ordinal or a title ("the first lot of the evening", "the first female chair",
 * "from the first hours"), which no earlier event can contradict.
 */
function claimsNovelty(s: string, end: number): boolean {
  const rest = s.slice(end).split(/[,;.:]|\s[–—]\s/)[0];
  // "the first visit by…", "the first landing near…": a happening, not a rank or a title.
  const next = /^\s+(?:(?:official|state|direct|high-level|bilateral|joint|such)\s+)?([\p{L}-]+)/u.exec(
    s.slice(end),
  );
  if (next && eventsIn(next[1])[0]?.start === 0) return true;
  return (
    /^(?:\s+[\p{L}-]+){0,4}?\s+to\s+(?!the\b|a\b|an\b|\d)\p{Ll}+/u.test(rest) ||
    // "in its history", "in Valdoria's history", "in the company's 35-year history".
    /\b(?:ever|in\s+(?:(?:its|their|the|[\p{L}-]+['’]s?|\d+-year|recorded|modern)\s+){0,3}history|of its kind|on record)\b/iu.test(
      rest,
    ) ||
    SCOPE_SINCE.test(rest) ||
    SCOPE_YEARS.test(rest)
  );
}

const SCOPE_SINCE = /\bsince\b[^,;.]*/i;
const SCOPE_MODERN = /\bin (?:modern|recent|recorded|living|contemporary) (?:history|memory|times)\b/i;
const SCOPE_YEARS = new RegExp(
  `\\b(?:in|for)\\s+(?:(?:more than|over|nearly|almost|about|some)\\s+)?(a|\\d+|${NUMBER_WORD_RE})\\s+(years?|decades?)\\b`,
  'i',
);
const SCOPE_RESTRICT =
  /^[\s,]*(?:such\s+\w+\s+|\w+\s+)?((?:by|of|to|from|among)\s+(?!the first)[^,;]*?)(?=\s+(?:since|in \d|in (?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) (?:years?|decades?))|[,;.]|$)/i;

function scopeOf(rest: string): { scope: NoveltyScope; text: string | null; restriction: string | null } {
  // The qualifier belongs to this claim up to the next clause or the next novelty word
  // ("…, and also the first by …", "the first in a decade and the first since 1992").
  let clause = rest.split(/,\s*(?:and|but|while|whereas)\b|;|\.\s/)[0];
  const nextFirst = /\b(?:first|never|unprecedented)\b/i.exec(clause);
  if (nextFirst) clause = clause.slice(0, nextFirst.index);
  const restrict = SCOPE_RESTRICT.exec(clause);
  const restriction = restrict ? restrict[1].trim() : null;
  // Several qualifiers: the one closest to the claim word wins.
  const found: { at: number; scope: NoveltyScope; text: string }[] = [];
  const since = SCOPE_SINCE.exec(clause);
  if (since) {
    const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(since[0]);
    const text = since[0].trim();
    found.push({
      at: since.index,
      scope: { kind: 'since', year: year ? Number(year[1]) : null, text },
      text,
    });
  }
  const modern = SCOPE_MODERN.exec(clause);
  if (modern)
    found.push({ at: modern.index, scope: { kind: 'modern_history', text: modern[0] }, text: modern[0] });
  const years = SCOPE_YEARS.exec(clause);
  if (years) {
    const n = /^\d+$/.test(years[1])
      ? Number(years[1])
      : years[1].toLowerCase() === 'a'
        ? 1
        : (parseNumberWord(years[1]) ?? 1);
    const total = /^decade/i.test(years[2]) ? n * 10 : n;
    found.push({
      at: years.index,
      scope: { kind: 'in_years', years: total, text: years[0] },
      text: years[0],
    });
  }
  if (found.length === 0) return { scope: { kind: 'unqualified' }, text: null, restriction };
  found.sort((a, b) => a.at - b.at);
  return { scope: found[0].scope, text: found[0].text, restriction };
}

export function findNovelty(ctx: SentenceContext): ClaimDraft[] {
  const s = ctx.s;
  const taken: { start: number; end: number }[] = [];
  const out: ClaimDraft[] = [];
  for (const [re, phrase, strength] of PHRASES) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      let start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      const after = s.slice(end);
      if (phrase === 'first') {
        if (
          NOT_NOVEL_AFTER.test(after) ||
          (NOT_NOVEL_BEFORE.test(s.slice(0, start)) && !/^\s+(?:by|since|in|to)\b/.test(after))
        )
          continue;
        if (/^\s*,/.test(after) && start < 3) continue;
        if (!claimsNovelty(s, end)) continue;
      }
      if (phrase === 'historic' && /^\s+(?:high|low)s?\b/.test(after)) continue;
      // Skip a leading article so the quote starts at the claim word.
      const lead = /^(?:the|its|their|his|her|a)\s+/i.exec(m[0]);
      if (lead) start += lead[0].length;
      taken.push({ start, end });
      // The event: a noun right after ("first-ever trip"), else the nearest event word in the sentence.
      let event: string | null = null;
      let quoteEnd = end;
      const nextWords =
        /^(\s+(?:(?:such|official|state|joint|ever|direct|high-level|bilateral|maiden|historic|landmark)\s+){0,2})([\p{L}-]+)/u.exec(
          after,
        );
      if (nextWords) {
        const ev = eventsIn(nextWords[2])[0];
        if (ev && ev.start === 0) {
          event = ev.event;
          quoteEnd = end + nextWords[0].length;
        } else if (
          strength === 'first' &&
          phrase !== 'first time' &&
          phrase !== 'for the first time' &&
          phrase !== 'never before' &&
          /^\p{Ll}/u.test(nextWords[2]) &&
          !/^(?:by|since|in|to|of|for|and|as|that|with)$/.test(nextWords[2])
        ) {
          event = nextWords[2].toLowerCase().replace(/s$/, '');
          quoteEnd = end + nextWords[0].length;
        }
      }
      if (!event)
        event =
          nearest(
            eventsIn(s).filter((e) => e.end <= start || e.start >= end),
            start,
            end,
          )?.event ?? null;
      const { scope, text, restriction } =
        strength === 'first'
          ? scopeOf(s.slice(quoteEnd))
          : { scope: { kind: 'unqualified' } as NoveltyScope, text: null, restriction: null };
      const value: NoveltyValue = {
        type: 'novelty',
        phrase,
        strength,
        scope,
        event,
        display: `${phrase}${event ? ' ' + event : ''}${text ? ' (' + text + ')' : scope.kind === 'unqualified' && strength === 'first' ? ' (unqualified)' : ''}`,
      };
      out.push({
        kind: 'novelty',
        start: ctx.start + start,
        end: ctx.start + quoteEnd,
        subject: [event, restriction].filter(Boolean).join(' ') || null,
        scope: [restriction, text].filter(Boolean).join(' ') || null,
        value,
        entityKeys: entityKeysIn(ctx),
      });
    }
  }
  findSuperlatives(ctx, taken, out);
  return out.sort((a, b) => a.start - b.start);
}

// "the largest ever deal", "the worst flooding … since 1998", "record growth": claims that
// nothing before was bigger, checkable against a precedent like "first". A bare
// superlative ("one of the largest festivals in Europe") states no history and is skipped.
/**
 * A superlative: any adjective in "-est" ("costliest", "wettest", "busiest"), "worst",
 * "best" or "most …". Words that only look like one are left out by NOT_SUPERLATIVE.
 */
const SUPERLATIVE = /(?<![-\p{L}])(worst|best|\p{Ll}{2,}est|most\s+\p{Ll}+)(?:([- ]ever)\b)?(?![-\p{L}])/giu;
/** Words in "-est" that rank nothing, or rank only time ("the latest figures"). */
const NOT_SUPERLATIVE =
  /^(?:interest|forest|protest|arrest|request|harvest|invest|contest|suggest|digest|honest|modest|manifest|conquest|inquest|latest|earliest|nearest|unrest|attest|detest|divest|infest|ingest|molest|pretest|guest|quest|crest|chest|nest|vest|west|zest|test|rest|midwest|northwest|southwest|everest|budapest|bucharest|priest|tempest|bequest|behest|celest)$/;
/**
 * "record turnout", "a record-breaking year": "record" before the noun it ranks. Not the
 * noun "record" ("a formidable record in Germany", "the British record still belongs to"):
 * a word of grammar, an adverb or a verb after it.
 */
const RECORD =
  /(?<!\b(?:on|track|for the|off the)\s)\brecord(?:[- ]breaking)?\s+(?=\p{Ll})(?!(?:in|of|with|at|on|to|and|or|as|is|was|were|are|has|had|have|that|which|by|from|the|a|an|still|also|now|remains|stands|stood|belongs|belonged|holder|holders|books|set|held|shows|showed|suggests|since|but|when|while|so|\p{Ll}+ly)\b)/giu;

/** Words before "record" that qualify it rather than name what it measures. */
const RECORD_QUALIFIER =
  /^(?:new|all-time|world|national|regional|local|previous|former|their|some|absolute|unofficial|official|provisional|personal|another|sets?|broke|broken|breaks?|beat|beats|beating|equalled|matched|with|from|than|this|that|what)$/;

function findSuperlatives(
  ctx: SentenceContext,
  taken: { start: number; end: number }[],
  out: ClaimDraft[],
): void {
  const s = ctx.s;
  if (!/est\b|\bmost\s|record/i.test(s)) return;
  for (const re of [SUPERLATIVE, RECORD]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const start = m.index;
      let end = start + m[0].trimEnd().length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      if (re === SUPERLATIVE && /\bone of\s+(?:the\s+)?$/i.test(s.slice(0, start))) continue;
      if (re === SUPERLATIVE && NOT_SUPERLATIVE.test(m[1].toLowerCase())) continue;
      const ever = re === SUPERLATIVE && Boolean(m[2]);
      const rest = s.slice(end);
      // The thing claimed biggest: the last word before a preposition ("largest telecoms acquisition in …").
      const words = /^((?:\s+[\p{Ll}-]+){1,3})/u.exec(rest);
      let next: [string, string] | null = null;
      if (words) {
        const list = words[1].trim().split(/\s+/);
        const cut = list.findIndex((w) =>
          /^(?:in|of|since|for|to|by|on|at|that|our|the|a|an|and|or|ever|than|this|its|their|has|have|was|is|as|after|while|when|with|because|but|despite|amid|before|from)$/.test(
            w,
          ),
        );
        const kept = cut < 0 ? list : list.slice(0, cut);
        if (kept.length) {
          const consumed = rest.indexOf(kept[kept.length - 1]) + kept[kept.length - 1].length;
          next = [rest.slice(0, consumed), kept[kept.length - 1]];
        }
      }
      const { scope, text, restriction } = scopeOf(rest);
      // "… ever", "… on record", "… in the country's history", "… in the company's 94-year history".
      const everAfter =
        /^[^,;.]*?\b(?:ever|on record|in (?:the |its |their )?(?:[\p{L}-]+['’]s )?(?:\d+-year )?(?:recorded )?history)\b/iu.test(
          rest,
        );
      if (re === SUPERLATIVE && !ever && !everAfter && scope.kind === 'unqualified') continue;
      const word = re === RECORD ? 'record' : m[1].toLowerCase().replace(/\s+/g, ' ');
      const phrase = ever || everAfter ? `${word} ever` : word;
      let event: string | null = null;
      if (next) {
        event = next[1].toLowerCase();
        end += next[0].length;
      } else if (re === RECORD) {
        // "breaks the regional temperature record as demand surges": the record's noun comes first.
        const before = /(\p{Ll}[\p{Ll}-]{3,})\s+$/u.exec(s.slice(Math.max(0, start - 30), start));
        if (before && !RECORD_QUALIFIER.test(before[1])) event = before[1];
      }
      taken.push({ start, end });
      const value: NoveltyValue = {
        type: 'novelty',
        phrase,
        strength: 'first',
        scope,
        event,
        display: `${phrase}${event ? ' ' + event : ''}${text ? ' (' + text + ')' : ' (unqualified)'}`,
      };
      out.push({
        kind: 'novelty',
        start: ctx.start + start,
        end: ctx.start + end,
        subject: [event, restriction].filter(Boolean).join(' ') || null,
        scope: [restriction, text].filter(Boolean).join(' ') || null,
        value,
        entityKeys: entityKeysIn(ctx),
      });
    }
  }
}
