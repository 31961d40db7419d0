/**
 * Attribution: who said or reported something ("Garayev noted", "he said",
 * "according to the diplomat"). Pronouns resolve to the latest person named before,
 * which is how news copy uses them.
 */
import type { AttributionValue } from '../../shared/model';
import type { ResolvedMention } from './entities';
import type { ClaimDraft, SentenceContext } from './context';

const VERBS =
  'said|says|say|told|tells|noted|notes|stressed|stresses|added|adds|stated|states|emphasised|emphasized|emphasises|emphasizes|affirmed|affirms|highlighted|highlights|underscored|underscores|underlined|remarked|announced|announces|reported|reports|confirmed|confirms|explained|asserted|claimed|claims|argued|argues|insisted|recalled|acknowledged|believes|believed|pointed out|wrote|writes|mentioned|revealed|disclosed';
const ROLE =
  '(?:the\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}(?:ambassador|diplomat|analyst|minister|spokesperson|spokesman|spokeswoman|official|officials|ministry|president|leader|chief|expert|experts|source|sources|report|statement|agency|secretary|chairman|envoy|deputy|director|governor|mayor|researcher|economist|professor|company|government|organisers|police|authorities|office|bureau|institute|agency|survey|study|data)';
const PRONOUN = '(?:he|she|they|it|we)';

// Verbs are found first and the speaker is looked for just before them: a pattern that
// starts with the speaker would be tried at every position of every sentence.
const VERB_RE = new RegExp(`\\b(${VERBS})\\b`, 'gi');
const SPEAKER_BEFORE = new RegExp(
  `(?<![\\p{L}])(${PRONOUN}|${ROLE})\\s+(?:also\\s+|further\\s+|then\\s+|once\\s+)?$`,
  'iu',
);
const INVERTED = new RegExp(`[,"”]\\s*(${VERBS})\\s+(${PRONOUN}|${ROLE})\\b`, 'giu');
const ACCORDING = new RegExp(`\\baccording to\\s+(him|her|them|${ROLE})\\b`, 'giu');
const NAME_VERB = new RegExp(`^\\s+(?:also\\s+|further\\s+)?(${VERBS})\\b`, 'iu');

function resolveSpeaker(
  ctx: SentenceContext,
  words: string,
  at: number,
): { speaker: string; key: string | null } {
  const w = words.toLowerCase();
  if (/^(?:he|she|him|her)$/.test(w)) {
    const p = ctx.personBefore(at);
    if (p) return { speaker: ctx.nameOf(p.key), key: p.key };
  }
  return { speaker: words, key: null };
}

function make(
  ctx: SentenceContext,
  start: number,
  end: number,
  speaker: string,
  key: string | null,
  verb: string,
): ClaimDraft {
  const value: AttributionValue = {
    type: 'attribution',
    speaker,
    verb: verb.toLowerCase(),
    display: `${speaker} (${verb.toLowerCase()})`,
  };
  return {
    kind: 'attribution',
    start: ctx.start + start,
    end: ctx.start + end,
    subject: speaker,
    scope: null,
    value,
    entityKeys: key ? [key] : [],
  };
}

export function findAttributions(ctx: SentenceContext): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  const taken = (a: number, b: number): boolean =>
    out.some((c) => c.start - ctx.start < b && a < c.end - ctx.start);
  // A named person or organisation right before a reporting verb: "Garayev noted".
  const named: ResolvedMention[] = ctx.mentions.filter(
    (m) => m.kind === 'person' || m.kind === 'organisation',
  );
  for (const m of named) {
    const localEnd = m.end - ctx.start;
    const v = NAME_VERB.exec(s.slice(localEnd));
    if (!v) continue;
    const end = localEnd + v[0].length;
    out.push(make(ctx, m.start - ctx.start, end, ctx.nameOf(m.key), m.key, v[1]));
  }
  VERB_RE.lastIndex = 0;
  for (let v = VERB_RE.exec(s); v; v = VERB_RE.exec(s)) {
    const before = SPEAKER_BEFORE.exec(s.slice(Math.max(0, v.index - 60), v.index));
    if (!before) continue;
    const start = v.index - (Math.min(60, v.index) - before.index);
    const end = v.index + v[0].length;
    if (taken(start, end)) continue;
    const who = before[1];
    if (/^(?:it|we)$/i.test(who) && !/^(?:said|says|stated|reported)$/i.test(v[1])) continue;
    const r = resolveSpeaker(ctx, who, ctx.start + start);
    out.push(make(ctx, start, end, r.speaker, r.key, v[1]));
  }
  const hasInverted = /[,"”]\s*\w/.test(s);
  for (const re of [INVERTED, ACCORDING]) {
    if (re === INVERTED && !hasInverted) continue;
    if (re === ACCORDING && !/according to/i.test(s)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      let start = m.index;
      while (/[\s,"”]/.test(s[start])) start++;
      let end = m.index + m[0].length;
      // "according to the Marvelan Ministry of Foreign Trade": keep the name's "of …" part.
      const of = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*/u.exec(
        s.slice(end),
      );
      let who = m[2] ?? m[1];
      if (of) {
        end += of[0].length;
        who += of[0];
      }
      if (taken(start, end)) continue;
      const verb = re === INVERTED ? m[1] : 'according to';
      const r = resolveSpeaker(ctx, who.replace(/^the\s+/i, 'the '), ctx.start + start);
      out.push(make(ctx, start, end, r.speaker, r.key, verb));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
