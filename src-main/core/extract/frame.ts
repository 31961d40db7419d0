/**
 * The claim frame: what a number measures and under which qualifiers, read from the
 * structure of its sentence rather than from per-story word lists. Two numbers are
 * one fact only when their frames agree, so this is where "42 killed" and "42
 * injured", "10 km deep" and "45 km from the city", "€38.50 a share" and "€6.2
 * billion" are told apart.
 *
 * The property comes from the words the value attaches to, in this order:
 *  - a head phrase before "of" ("a death toll of 1,420", "a depth of 10 km");
 *  - a verb or participle next to it ("killed 42 people", "42 people were killed");
 *  - the subject of an amount verb ("turnout stood at 64%", "Cases rose to 1,987");
 *  - the noun after "of" ("310 mm of rain") or after the value ("10 km deep");
 *  - the counted noun ("1,250 deaths").
 * `terms` keeps every content word of the value's clause, so the matcher can weigh
 * them by how rare they are on the desk. Only function words are listed here; no
 * word says what a story is about.
 */
import type { ClaimFrame } from '../../shared/model';
import {
  numberStyleOf,
  numberWordFor,
  parseNumberWord,
  type ClaimDraft,
  type SentenceContext,
} from './context';

/** Words that carry no meaning of their own: determiners, auxiliaries, prepositions, hedges. */
/** A stage of counting: "with 95% of ballots counted", "with 12% of the count in", "with 60% counted". */
const PROGRESS =
  /\bwith\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more than\s+)?(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|per cent)\s+(?:of\s+(?:the\s+|all\s+)?(?:ballots|votes|precincts|polling stations|districts|constituencies|count)\s+)?(counted|in|reported|tallied|declared)\b/i;
const PROGRESS_ALL = new RegExp(PROGRESS.source, 'gi');
const PROGRESS_REACH = 1500;
const MARKET =
  /\b(?:shares?|stocks?|share price)\b[^.;]{0,80}\b(?:up|down|rose|fell|gained|lost|traded|trading|closed|opened|jumped|slumped|higher|lower)\b/i;
const INTRADAY =
  /\b(?:now|currently|so far|at one point|earlier in the day|intraday|by midday|by \d{1,2}[:.]\d{2}|first minutes|early trading|morning trading|afternoon trading|morning high|midday)\b/i;

/** Which quote of the day a share price or move is: the close, the open, or one during trading. */
function marketMoment(s: string): 'close' | 'open' | 'intraday' | null {
  if (INTRADAY.test(s)) return 'intraday';
  if (/\b(?:closed|closing|at the close)\b/i.test(s)) return 'close';
  if (/\b(?:opened|at the open)\b/i.test(s)) return 'open';
  return null;
}
/** Between a name and a name that qualifies it: " of", " (SDU) of Prime Minister". */
const OF_QUALIFIER = /^\s*(?:\([^)]{1,12}\)\s*)?of\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}$/u;

const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those its it their his her our your my of to in on at by for from with into onto ' +
    'over under about around some roughly nearly almost approximately least most more than less fewer just only ' +
    'and or but while whereas as so also still yet then there here be is are was were been being has have had ' +
    'will would could should may might can do does did not no up down per each which who whom whose what when ' +
    'where how all both other another such very new total overall some any own said says say told according ' +
    'reported reports stated announced added noted estimated estimate figure figures number numbers amount level ' +
    'year years month months week weeks day days hour hours minute minutes time times today yesterday ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'million billion thousand trillion mn bn percent per cent after before since during above below until ' +
    'while through across against among within without despite minus plus now currently already ' +
    // Pronouns say nothing about what is measured.
    'i me we us you he him she they them '
  ).split(/\s+/),
);

/** Auxiliaries between a counted noun and its participle: "42 people (have been) killed". */
const AUX = /^(?:were|was|are|is|have|has|had|been|being|be|reportedly|now|already|so|far|also|still)$/;
/** Verbs that state an amount without saying what it measures: the property is their subject. */
const AMOUNT_VERBS =
  /^(?:stood|stands|stand|was|is|were|are|reached|reaches|rose|risen|rises|climbed|climbs|jumped|jumps|fell|falls|fallen|dropped|drops|hit|hits|totalled|totaled|totals|came|amounted|amounts|increased|increases|decreased|decreases|grew|grows|declined|declines|soared|soars|surged|surges|slipped|slips|edged|edges)$/;
const MARGIN_BY =
  /\b(?:won|wins|win|lost|loses|lose|prevailed|prevails|carried|passed|defeated|beat|beaten|trailed|trails|led|leads|ahead|behind|edged)\s+(?:\p{L}+\s+){0,2}?by\s+(?:(?:about|some|nearly|almost|just|only|more than|over|fewer than|less than|a mere)\s+)?$/iu;
/** Past participles that do not end in -ed or -en: "25 people were caught", "12 were hurt". */
const IRREGULAR_PARTICIPLE =
  /^(?:caught|hit|hurt|lost|found|left|held|sold|bought|built|struck|swept|shot|cut|kept|brought|taught|sent|spent|put|set|stuck|dug|fed|led|met|paid|laid|read|said|told|won|run|born)$/;
const PART_OF_WHOLE =
  /^\s+of\s+(?:(?:the|its|their|all)\s+)?(?:[\p{L}-]+['’]s\s+)?(?:(?:about|around|some|roughly|nearly|almost)\s+)?\d[\d.,]*(?:\s+(?:thousand|million|billion))?\s+(?:\p{Ll}+\s+){0,3}?\p{Ll}+s\b/u;
/** Words that open what qualifies a subject's head noun ("the fine under the law"); "of" names it. */
const SUBJECT_QUALIFIER = /^(?:under|from|for|during|since|after|before|across|among|within)$/;
/** "a share", "per day": the value is a rate or a unit price, never a total. */
const PER =
  /^\s*(?:for\s+)?(?:a|an|per|each|every)\s+(share|head|person|capita|day|week|month|year|hour|night|tonne|ton|barrel|litre|liter|kilo|kilogram|ticket|seat|unit|vote|household|game|match|visitor|passenger|kilometre|kilometer|mile)\b/i;
const SOURCE_BEFORE =
  /\b(?:according to|data from|figures from|estimates? (?:from|by)|cited by|citing|quoted by)\s+$/i;
const PLACE_BEFORE =
  /\b(?:(?:in|at|near|across|inside|throughout|around|outside)\s+(?:the\s+)?(?:(?:[\p{L}-]+ern\s+)?(?:city|town|village|province|region|district|state|county|capital|port|island)\s+of\s+)?)$/iu;
/** "on the Harlow Coast", "on the island of Mafuri": a place named after "on". */
const ON_PLACE_BEFORE = /\bon\s+the\s+(?:island\s+of\s+)?$/i;
const ON_PLACE_NAME = /\s(?:coast|island|islands|peninsula|riviera|valley|delta|plateau|plain|plains)$/i;
const DISTANCE_AFTER =
  /^\s*(?:\p{L}+\s+){0,2}(?:from|away|outside|off|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)\b/iu;
/** How far beyond a line: "140 metres beyond the end of the runway", "60 metres past the runway end". */
const BEYOND_AFTER = /^\s*(?:beyond|past|short of)\s+the\b/i;
const RUNNING =
  /\b(?:so far|as of|toll|tally|has risen|have risen|had risen|rose to|climbed to|jumped to|reached|at least|confirm(?:ed|s)|so far|latest|updated|now stands|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|nightfall|evening|morning|noon)|(?:has|have)\s+(?:now\s+)?(?:been\s+)?(?:killed|died|injured|hurt|wounded|displaced|evacuated))\b/i;
const CLAUSE_BREAK =
  /[;()—–]|:(?=\s)|,\s+(?:while|whereas|but|although|though|and|as|after|with|which|who|when|where|compared|up|down)\b|,\s+(?=\p{Ll}+ing\b)/giu;

/** The words between a time and its restatement in another zone. */
const RESTATES = /^[^.;()]{0,40}?(?:,\s*|\s)(?:or|which (?:was|is)|i\.e\.|that is|equivalent to)\s+$/i;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/**
 * The old value of a change ("VAT goes from 21% to 23%", "cut to 5.25% from 5.50%", "up
 * from 3.9%"): what it was before, never the same quantity as what it is now. A value
 * with its own period ("from 3.1% in 2025") is told apart by that period instead.
 */
function changedFrom(s: string, a: number, b: number, draft: ClaimDraft): boolean {
  // "after previously 4 to 6%", "from 4-6% previously".
  if (
    /\b(?:previously|formerly)\s+$/i.test(s.slice(Math.max(0, a - 20), a)) ||
    /^\s+previously\b/i.test(s.slice(b, b + 14))
  )
    return true;
  if ((draft.value.type === 'figure' || draft.value.type === 'count') && draft.value.period) return false;
  if (!/\bfrom\s+(?:about\s+|around\s+|some\s+)?$/i.test(s.slice(Math.max(0, a - 20), a))) return false;
  return (
    /^\s+to\s+\S/i.test(s.slice(b, b + 8)) ||
    /\b(?:up|down|to\s+[^\s,;]+)\s+from\s+(?:about\s+|around\s+|some\s+)?$/i.test(
      s.slice(Math.max(0, a - 40), a),
    )
  );
}

function words(s: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  // "10-year" and "ten-year" are one qualifier: the number is spelled out.
  const re = /(?<![\d.,])\d{1,2}-\p{L}+|[\p{L}][\p{L}\p{M}'’-]*/gu;
  re.lastIndex = from;
  for (let m = re.exec(s); m && m.index < to; m = re.exec(s)) {
    const text = m[0].replace(/['’]s$/, '');
    const lead = /^(\d+)-/.exec(text);
    const lower = lead
      ? `${numberWordFor(Number(lead[1])) ?? lead[1]}${text.slice(lead[1]!.length)}`.toLowerCase()
      : text.toLowerCase();
    out.push({ text, lower, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function clauseBounds(s: string, at: number, atEnd: number): [number, number] {
  let start = 0;
  let end = s.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m; m = CLAUSE_BREAK.exec(s)) {
    if (m.index + m[0].length <= at) start = m.index + 1;
    else if (m.index >= atEnd) {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

function isContent(w: Word): boolean {
  return w.lower.length >= 3 && !FUNCTION_WORDS.has(w.lower) && !/^\p{Lu}/u.test(w.text);
}
/**
 * The frame of one quantity or time claim. `others` are the sentence's other claims
 * (local offsets): numbers bound their neighbours' context, attributions give the
 * source, dates give the as-of moment.
 */
export function frameFor(ctx: SentenceContext, draft: ClaimDraft, others: ClaimDraft[]): ClaimFrame {
  const s = ctx.s;
  const a = draft.start - ctx.start;
  const b = draft.end - ctx.start;
  // "amounted to $594.6 million and $482.1 million, respectively", "$41.2 million, $38.9
  // million and $36.5 million in 2022, 2023 and 2024, respectively": a later value of such
  // a list measures what the first one does; only its own period differs.
  if (/[,\s]respectively\b/.test(s.slice(b))) {
    const first = listHead(s, ctx.start, draft, others);
    if (first) return { ...frameFor(ctx, first, others), period: frameFor0Period(draft) };
  }
  // A time in brackets restates the one before it ("21:52 local time (02:52 GMT)"): same clause.
  // A short aside ("(SDU)", "(2021: 29.9%)") does not end the clause around it.
  const plain = s.replace(/\(([^()]{0,14})\)/g, (m) => ' '.repeat(m.length));
  // A value in brackets that restates another one ("£78.52 million ($101.3 million)",
  // "21:52 local time (02:52 GMT)") belongs to the clause around the brackets.
  const restated = /\(\s*(?:(?:about|around|some|roughly|or|i\.e\.|nearly)\s+)?$/.test(
    s.slice(Math.max(0, a - 12), a),
  );
  let clauseText = draft.kind === 'time' || restated ? s.replace(/[()]/g, ' ') : plain;
  // A live entry's timestamp kept as a claim ("14:30 GMT – Aurenz begins …") is the time of
  // what the entry tells: the dash after it does not end its clause.
  const stamp = draft.kind === 'time' && /^\s*$/.test(s.slice(0, a)) ? /^\s*[–—-]/.exec(s.slice(b)) : null;
  if (stamp)
    clauseText = clauseText.slice(0, b) + ' '.repeat(stamp[0].length) + clauseText.slice(b + stamp[0].length);
  let [cs, ce] = clauseBounds(clauseText, a, b);
  let restatement: [number, number] | null = null;
  // Another number in the clause bounds this one's context: "42 dead and 300 injured".
  for (const o of others) {
    // …but not the value it restates.
    if (restated && o.end - ctx.start <= a && /^\s*\(/.test(s.slice(o.end - ctx.start, a))) continue;
    if (o === draft || (o.kind !== 'figure' && o.kind !== 'count' && o.kind !== 'time')) continue;
    const oa = o.start - ctx.start;
    const ob = o.end - ctx.start;
    // A time restating another in a second zone ("21:47 local time, which was 19:47 GMT",
    // "21:52 local time on Tuesday, or 02:52 GMT") is the same moment: one clause for both.
    if (
      draft.kind === 'time' &&
      o.kind === 'time' &&
      ((ob <= a && RESTATES.test(s.slice(ob, a))) || (oa >= b && RESTATES.test(s.slice(b, oa))))
    ) {
      restatement = [oa, ob];
      continue;
    }
    if (ob <= a && ob > cs && /\band\b|,/.test(s.slice(ob, a))) cs = ob;
    if (oa >= b && oa < ce && /\band\b|,/.test(s.slice(b, oa))) ce = oa;
  }
  // The restated moment's clause is this one's too ("The collision happened at 21:47 local
  // time, which was 19:47 GMT": both times are when the collision happened).
  if (restatement) {
    const [rs, re] = clauseBounds(clauseText, restatement[0], restatement[1]);
    cs = Math.min(cs, rs);
    ce = Math.max(ce, re);
  }
  const before = words(s, cs, a);
  const inside = words(s, a, b);
  const after = words(s, b, ce);

  let property: string | null = null;
  // 0. A tally whose quote names it: "the death toll stands at 37", "number of deaths reached 410".
  const numAt = s.slice(a, b).search(/\d/);
  if (numAt > 0) {
    const lead = words(s, a, a + numAt).filter(
      (w) =>
        isContent(w) &&
        !AMOUNT_VERBS.test(w.lower) &&
        !/^(?:number|total|tally|between|and|to|bis)$/.test(w.lower),
    );
    const participle = lead.find((w) => /(?:ed|en)$/.test(w.lower));
    if (participle) property = participle.lower;
    else if (lead.length > 0) property = lead.map((w) => w.lower).join(' ');
  }
  // 0b. An amount used as an adjective names what it measures by the noun it modifies:
  // "the €410 million mission", "the €310 million Lumiar-2 mission", "a $2bn deal".
  if (!property && draft.kind === 'figure') {
    const det =
      /\b(?:the|a|an|its|their|this|his|her|our)\s+(?:(?:estimated|total|planned|proposed|reported|original|final|whole|entire|new|record)\s+)?$/i.test(
        s.slice(Math.max(cs, a - 30), a),
      );
    const head = det
      ? /^[\s-]*(?:(?:\p{Lu}[\p{L}\d-]*|\d[\w-]*)\s+){0,2}(\p{Ll}[\p{Ll}-]{2,})\b/u.exec(s.slice(b, ce))
      : null;
    if (head && !FUNCTION_WORDS.has(head[1]) && !AMOUNT_VERBS.test(head[1]) && !/(?:ed|ly)$/.test(head[1]))
      property = head[1];
  }
  // 1. "a death toll of 1,420", "at a depth of 10 km", "a premium of 36%".
  const prevText = s.slice(Math.max(cs, a - 40), a);
  const ofHead =
    /((?:[\p{Ll}-]+\s+)?[\p{Ll}-]+)\s+of\s+(?:(?:about|around|some|nearly|almost|over|more than|at least|up to|roughly|just)\s+)?$/u.exec(
      prevText,
    );
  if (ofHead && !property) {
    const ws = ofHead[1].split(/\s+/).filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w));
    if (ws.length > 0) property = ws.join(' ');
  }
  // 2. A participle after a counted noun: "42 people (were) killed", "12,400 (have been) evacuated".
  if (!property) {
    let k = 0;
    while (k < after.length && AUX.test(after[k].lower)) k++;
    const w = after[k];
    if (
      w &&
      (/(?:ed|en)$/.test(w.lower) ||
        // (An irregular form after "were"/"have been" only: "customers lost power" is a verb.)
        (k > 0 && IRREGULAR_PARTICIPLE.test(w.lower)) ||
        /^(?:dead|missing|homeless|unaccounted)$/.test(w.lower)) &&
      !FUNCTION_WORDS.has(w.lower) &&
      w.start - b < 30
    )
      property = w.lower;
  }
  // 3. A verb right before, over names and small words: "killed 42 people", "lost 4.6%",
  // "agreed to buy Brenner Verpackung for 6.2 billion euros".
  if (!property) {
    for (let k = before.length - 1, seen = 0; k >= 0 && seen < 5; k--, seen++) {
      const w = before[k];
      if (!isContent(w)) continue;
      if (AMOUNT_VERBS.test(w.lower)) break;
      // Right before the value ("sent 71 drones"), or a verb's form ("agreed to buy … for").
      const adjacent =
        k === before.length - 1 &&
        /^\s*(?:(?:about|around|some|nearly|almost|over|more than|at least|only|just)\s+)?$/.test(
          s.slice(w.end, a),
        );
      if (
        adjacent ||
        /(?:ed|ing)$/.test(w.lower) ||
        /^(?:to|will|would|can|could|must|did|does|do)$/.test(before[k - 1]?.lower ?? '')
      )
        property = w.lower;
      break;
    }
  }
  // 3b. A part of a counted whole, with no verb before it ("4.6 million of the country's 5.2
  // million customers were without supply"): what happened to the part is told after the whole, else it counts
  // what the whole counts.
  const whole = draft.value.type === 'count' ? PART_OF_WHOLE.exec(s.slice(b)) : null;
  if (!property && whole && draft.value.type === 'count') {
    const rest = words(s, b + whole[0].length, Math.min(s.length, b + whole[0].length + 40));
    let k = 0;
    while (k < rest.length && AUX.test(rest[k].lower)) k++;
    const w = rest[k];
    property = w && /(?:ed|en)$/.test(w.lower) && !FUNCTION_WORDS.has(w.lower) ? w.lower : draft.value.noun;
  }
  // 4a. The object of an estimate: "officials put the death toll from the night at 21".
  if (!property) {
    const estimate =
      /\b(?:put|puts|set|sets|estimated|estimates|placed|places|pegged|pegs|gave|gives)\s+(?:the\s+|its\s+|their\s+)?((?:(?!of\b)[\p{Ll}-]+\s+){0,1}(?!of\b)[\p{Ll}-]+(?:\s+of\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,1}[\p{Ll}-]+(?=\s+at\b))?)\b[^.;]*?\bat\s+(?:(?:about|around|some|nearly|almost|over|more than|at least)\s+)?$/u.exec(
        s.slice(Math.max(cs, a - 80), a),
      );
    // "put the cost of urgent repairs at …": the cost of what is the property.
    if (estimate)
      property = estimate[1]
        .trim()
        .split(/\s+/)
        .filter((w) => !FUNCTION_WORDS.has(w))
        .join(' ');
    // The second object of the same estimate: "put the magnitude at 6.4 and the depth at 41 km".
    else if (/\b(?:put|puts|set|sets|estimated|estimates|placed|places|pegged|pegs)\b/.test(s.slice(cs, a))) {
      const second =
        /\b(?:and|while)\s+(?:the\s+|its\s+|their\s+)((?:[\p{Ll}-]+\s+){0,1}[\p{Ll}-]+)\s+at\s+(?:(?:about|around|some|nearly|almost|over|more than|at least)\s+)?$/u.exec(
          s.slice(Math.max(cs, a - 60), a),
        );
      if (second) property = second[1].trim();
    }
  }
  // 4. The subject of an amount verb: "turnout stood at 64%", "the toll rose to 42".
  if (!property) {
    const verbAt = before.findLastIndex((w) => AMOUNT_VERBS.test(w.lower));
    if (verbAt > 0) {
      // The subject's head comes before what qualifies it: "the maximum fine under the 2019
      // pollution law is €2.1 million" gives a fine, "the toll from the night rose to 21" a toll.
      // (The subject starts after the last comma: "Because only part counted as eligible for
      // EU support, the grant amounts to 46 percent" is about the grant.)
      const comma = s.lastIndexOf(',', before[verbAt].start);
      let subject = before.slice(0, verbAt).filter((w) => w.start > comma);
      if (subject.length === 0) subject = before.slice(0, verbAt);
      const qualifier = subject.findIndex(
        (w, k) => k > 0 && SUBJECT_QUALIFIER.test(w.lower) && subject.slice(0, k).some(isContent),
      );
      if (qualifier > 0) subject = subject.slice(0, qualifier);
      const head = subject.filter(isContent).slice(-2);
      if (head.length > 0) property = head.map((w) => w.lower).join(' ');
    }
  }
  // 5. The noun after "of" ("310 mm of rain"), or the word after a measure ("10 km deep").
  if (!property) {
    const ofNoun = /^\s+of\s+(?:the\s+)?([\p{Ll}-]{3,})/u.exec(s.slice(b, ce));
    if (ofNoun && !FUNCTION_WORDS.has(ofNoun[1])) property = ofNoun[1];
    else if (draft.kind === 'figure') {
      const next = after[0];
      if (next && isContent(next) && next.start - b <= 2) property = next.lower;
    }
  }
  // 6. The counted noun itself.
  // ("Nine of them" says nothing of what is counted: its predicate does, or nothing.)
  if (!property && draft.value.type === 'count' && !/\bof\s+(?:them|whom|those)$/i.test(s.slice(a, b)))
    property = draft.value.noun;
  // "prevailed by 29,756 votes", "won by 11 seconds", "lost by three seats": the gap
  // between two sides, whatever the verb ("a margin of 92,756 votes").
  if (
    MARGIN_BY.test(s.slice(Math.max(cs, a - 40), a)) &&
    (draft.value.type === 'count' || draft.value.type === 'figure')
  )
    property = 'margin';
  // A distance is a distance from somewhere: "45 km from the capital" is not a depth.
  const isLength =
    draft.value.type === 'figure'
      ? /^(?:km|m|miles|feet|cm|mm|metres|meters|nautical miles)$/.test(draft.value.unit ?? '')
      : draft.value.type === 'count' && /^(?:kilometre|kilometer|mile|metre|meter)$/.test(draft.value.noun);
  if (isLength && BEYOND_AFTER.test(s.slice(b, ce))) property = 'distance beyond';
  // "Cruising at 36,000 feet", "while it was at 32,000 feet": a height, when nothing else names it.
  else if (
    isLength &&
    !property?.includes('depth') &&
    /\bat\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$/i.test(s.slice(Math.max(cs, a - 16), a)) &&
    !DISTANCE_AFTER.test(s.slice(b, ce))
  )
    property = 'height';
  if (isLength && DISTANCE_AFTER.test(s.slice(b, ce))) {
    const from =
      /^\s*(?:\p{L}+\s+){0,2}(?:from|of|outside|off)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{M}'’-]*\s?)+|[\p{Ll}]+)/u.exec(
        s.slice(b, ce),
      );
    property = `distance${from ? ' from ' + from[1].trim().toLowerCase() : ''}`;
  }

  // (A measure's own number word, "seven" in "seven minutes", is the value, not its context;
  // a small count's word is kept, as "two plants" and "four plants" are mostly two facts.)
  const terms = [
    ...new Set(
      [
        ...before,
        ...inside.filter((w) => draft.kind !== 'figure' || parseNumberWord(w.lower) === null),
        ...after,
      ]
        .filter(isContent)
        .map((w) => w.lower),
    ),
  ].sort();
  // "inflation averaging 3.1% this year and 2.6% in 2027 before …": a value with no words of
  // its own before it, after another value and a period, measures what that one does, for
  // its own period.
  if (property === null && ![...before, ...inside].some(isContent)) {
    const head = ellipsisHead(s, ctx.start, draft, others);
    if (head) return { ...frameFor(ctx, head, others), period: frameFor0Period(draft) };
  }

  // Whose value: a name in the clause that is neither the source nor the place.
  let holder: string | null = null;
  // "The Social Democratic Union (SDU) of Prime Minister Pavel Ondrejka fell to 24.6%": the
  // name after "of" qualifies the one before it, which is whose value it is.
  const ownerOf = (ms: number): string | null => {
    for (const o of ctx.mentions) {
      const oe = o.end - ctx.start;
      if (oe <= ms && o.start - ctx.start >= cs && OF_QUALIFIER.test(s.slice(oe, ms))) return o.key;
    }
    return null;
  };
  let place: string | null = null;
  for (const m of ctx.mentions) {
    const ms = m.start - ctx.start;
    const me = m.end - ctx.start;
    if (ms < cs || me > ce || (ms >= a && me <= b)) continue;
    const pre = s.slice(Math.max(0, ms - 40), ms);
    if (
      SOURCE_BEFORE.test(pre) ||
      /^\s*(?:said|says|told|reported|announced|estimated)\b/.test(s.slice(me, me + 12))
    )
      continue;
    // Where a value applies: a place named after "in", "at", "near" (whatever kind the
    // entity scanner gave it: "In Villa Marcona alone, 612 people have died").
    const onPlace =
      ON_PLACE_BEFORE.test(pre) && (/island\s+of\s+$/i.test(pre) || ON_PLACE_NAME.test(s.slice(ms, me)));
    if (m.kind !== 'person' && (PLACE_BEFORE.test(pre) || onPlace)) {
      if (!place || Math.abs(ms - a) < Math.abs(place.length)) place = m.key;
      continue;
    }
    // A name right before the value ("Civic Renewal had 32.1%", "the SDU on 24.3%") or right
    // after it ("1.1% for Telvia"); a name further off is context, not whose value it is.
    if (me <= a && a - me <= 16 && !/[,;]/.test(s.slice(me, a))) holder = ownerOf(ms) ?? m.key;
    else if (!holder && ms >= b && ms - b <= 15 && !/[,;]|\band\b/.test(s.slice(b, ms))) holder = m.key;
  }
  // The name the sentence opens with, as its subject ("Civic Renewal won 52 of the 150
  // seats …, with 31.8% of the vote"), unless another name comes between it and the value.
  if (!holder) {
    let subject: string | null = null;
    for (const m of ctx.mentions) {
      const ms = m.start - ctx.start;
      const me = m.end - ctx.start;
      if (ms < 0 || me > a) continue;
      if (subject === null) {
        if (!/^\s*(?:the\s+)?$/i.test(s.slice(0, ms)) || !/^(?:['’]s\b|\s+\p{Ll})/u.test(s.slice(me))) break;
        if (/^\s+(?:said|says|told|reported|announced)\b/.test(s.slice(me, me + 12))) break;
        subject = m.key;
      } else if (!PLACE_BEFORE.test(s.slice(Math.max(0, ms - 40), ms))) {
        subject = null;
        break;
      }
    }
    if (subject) holder = subject;
  }

  let source: string | null = null;
  for (const o of others) {
    if (o.value.type === 'attribution') source = o.value.speaker;
  }
  if (!source) {
    // "according to a field estimate published by the Geological Survey": the body named
    // after the document is the source, not the document.
    const m =
      /\b(?:according to|data from|figures from|citing)\s+(?:(?:an?|the|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}(?:report|estimate|statement|bulletin|figures|data|survey|count|study|analysis|note)\s+(?:(?:published|released|issued|compiled|prepared)\s+)?(?:by|from|of)\s+)?((?:the\s+)?(?:[\p{L}\p{M}'’-]+\s?){1,5})/iu.exec(
        s,
      );
    if (m) source = m[1].trim();
  }
  // "The Geological Survey estimated that about 1.4 million …": a body that estimates,
  // counts or reports the value opening its sentence is its source.
  if (!source) {
    const opener = ctx.mentions.find((x) => x.start === ctx.start + (/^\s*the\s+/i.exec(s)?.[0].length ?? 0));
    if (
      opener &&
      /^\s+(?:estimated|estimates|counted|counts|reported|reports|recorded|records|measured|calculated|put)\b/.test(
        s.slice(opener.end - ctx.start),
      )
    )
      source = s.slice(opener.start - ctx.start, opener.end - ctx.start);
  }

  // "€120 million a day", "for each day of the strike"; or told first: "each day of the
  // strike costs the economy around €120 million".
  const per =
    PER.exec(s.slice(b, b + 24)) ??
    /\b(?:each|every)\s+(day|week|month|night)\b[^,;]{0,50}$/i.exec(s.slice(cs, a));

  // As of when: a day named in the sentence, for tallies that grow as reporting goes on.
  // The nearest day wins: "the floods, which struck on Tuesday, October 15, rose to 42 on Wednesday".
  let asOf: string | null = null;
  let asOfDistance = Infinity;
  for (const o of others) {
    if (o.value.type !== 'date' || o.value.granularity !== 'day' || !/^\d{4}-\d{2}-\d{2}$/.test(o.value.date))
      continue;
    // "since October 28" starts the count; it is not the moment the count holds at.
    if (
      /\b(?:since|from|between|starting|beginning)\s+(?:\p{L}+\s+)?$/iu.test(
        ctx.text.slice(Math.max(0, o.start - 20), o.start),
      )
    )
      continue;
    const distance = o.start >= draft.end ? o.start - draft.end : draft.start - o.end;
    if (distance < asOfDistance) [asOf, asOfDistance] = [o.value.date, distance];
  }
  const running = draft.value.type === 'count' && RUNNING.test(s);

  // "With 95% of ballots counted": the stage of the count the values were read at, set in
  // this sentence or earlier in its paragraph ("… National Path was third with 13.4%").
  // (Read back at most PROGRESS_REACH characters: a paragraph can be a whole long file.)
  const reach = Math.max(0, ctx.start + a - PROGRESS_REACH);
  const paragraph = reach + ctx.text.slice(reach, ctx.start + a).lastIndexOf('\n') + 1;
  let stage: RegExpExecArray | null = null;
  let own = false;
  const lead = ctx.text.slice(paragraph, ctx.start + Math.min(s.length, b + 200));
  for (const m of lead.matchAll(PROGRESS_ALL)) {
    stage = m;
    const at = paragraph + m.index - ctx.start;
    own = a >= at && b <= at + m[0].length;
  }
  // A share price moves all day: a quote "by 10:15", "in the first minutes of trading" or
  // "now" is a moment of its own, never set against another; closing quotes compare.
  // (Read back only to the start of the value's own main clause: "shares closed 4.5% higher,
  // and the company raised its forecast to 8-10%" quotes no market with its forecast.)
  const back = s.slice(Math.max(0, a - 200), a);
  const joint = [
    ...back.matchAll(/(?:[,;]\s+(?:and|but|while|whereas)\s+(?:the|its|their|a|an)\b|;)/g),
  ].pop();
  const near = s.slice(Math.max(0, a - 200) + (joint ? joint.index + joint[0].length : 0), b + 200);
  const market = draft.value.type === 'figure' && MARKET.test(near) ? marketMoment(near) : null;
  // The stage's own figure ("95%" of ballots counted) is a reading of the count's progress.
  // An exit poll is a stage of its own: a projection, not the count.
  const progress = market
    ? market === 'intraday'
      ? `intraday@${draft.start}`
      : market
    : stage
      ? `${own ? 'stage ' : ''}${stage[1].replace(',', '.')}% ${stage[2].toLowerCase()}`
      : /\bexit[- ]polls?\b/i.test(lead)
        ? 'exit poll'
        : changedFrom(s, a, b, draft)
          ? 'before'
          : null;

  return {
    property,
    terms,
    holder,
    ...(progress ? { progress } : {}),
    place,
    period: draft.value.type === 'figure' || draft.value.type === 'count' ? draft.value.period : null,
    asOf,
    running,
    source,
    per: per ? per[1].toLowerCase() : null,
  };
}

/** The first value of a list that `draft` closes ("A, B and C, respectively"), if any. */
function listHead(s: string, offset: number, draft: ClaimDraft, others: ClaimDraft[]): ClaimDraft | null {
  const values = others
    .filter((o) => o.kind === draft.kind && o.end <= draft.start)
    .sort((x, y) => y.start - x.start);
  let head: ClaimDraft | null = null;
  let start = draft.start;
  for (const o of values) {
    if (!/^\s*(?:,|,?\s*and)\s*$/.test(s.slice(o.end - offset, start - offset))) break;
    head = o;
    start = o.start;
  }
  return head;
}

/** Words of a period between two coordinated values ("this year and", "in 2026, and"). */
const PERIOD_BETWEEN =
  /^\s*(?:(?:in|for|by|this|last|next|the|a|of)\s+|(?:year|month|quarter|week|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b[\s,]*)*(?:,|,?\s*and|,?\s*then)\s*$/i;

function ellipsisHead(s: string, offset: number, draft: ClaimDraft, others: ClaimDraft[]): ClaimDraft | null {
  const unit = (d: ClaimDraft) =>
    d.value.type === 'figure'
      ? `${d.value.currency}|${d.value.unit}`
      : d.value.type === 'count'
        ? d.value.noun
        : '';
  const prev = others
    .filter((o) => o !== draft && o.kind === draft.kind && o.end <= draft.start)
    .sort((x, y) => y.start - x.start)[0];
  if (!prev || unit(prev) !== unit(draft)) return null;
  return PERIOD_BETWEEN.test(s.slice(prev.end - offset, draft.start - offset)) ? prev : null;
}

function frameFor0Period(draft: ClaimDraft): string | null {
  return draft.value.type === 'figure' || draft.value.type === 'count' ? draft.value.period : null;
}

/**
 * The frame of a value marked in a sentence outside the extractor (a claim an editor
 * adds or corrects): the same reading, without the article's entities, attributions or
 * dates beyond the sentence's own words.
 */
export function frameInSentence(
  sentence: string,
  start: number,
  end: number,
  value: ClaimDraft['value'],
  published: Date | null = null,
): ClaimFrame {
  const ctx: SentenceContext = {
    text: sentence,
    start: 0,
    end: sentence.length,
    s: sentence,
    boilerplate: false,
    mentions: [],
    published,
    topCountries: [],
    previous: '',
    personBefore: () => null,
    nameOf: (key) => key,
    numberStyle: numberStyleOf(sentence),
  };
  const kind =
    value.type === 'figure' || value.type === 'count' || value.type === 'time' ? value.type : 'figure';
  const draft: ClaimDraft = { kind, start, end, subject: null, scope: null, value, entityKeys: [] };
  return frameFor(ctx, draft, [draft]);
}
