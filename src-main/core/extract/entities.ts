/**
 * People, organisations and places from runs of capitalised words.
 *
 * Measured choice: a capitalised-run scanner instead of wink-nlp. wink's lite model
 * has no PERSON/ORG/GPE types (names would come from proper-noun runs anyway), it
 * splits Vietnamese letters on NFC text, and the default pipeline that custom entity
 * patterns need runs at 2.2 MB/s (notes). This scanner, with titles, organisation words,
 * a gazetteer and alias merging, runs at 3–6 MB/s on the seeds on this (shared) machine.
 *
 * A run ("Deputy Minister of Foreign Affairs Le Thi Thu Hang") is cut into titles
 * (dropped), places (gazetteer), organisation words and a trailing personal name.
 * Aliases merge inside the article by folded key: a full name absorbs a later lone
 * surname or given name ("Lâm", "Son") and initial forms ("J. Bayramov"). A lone
 * word only counts as an alias when it stands alone or right after a title: "Sơn"
 * inside "Bình Sơn Refining" is part of another name (rule measured in the notes).
 */
import { foldKey } from '../../shared/fold';
import type { EntityKind } from '../../shared/model';
import type { ExtractedEntity } from './types';
import { lookupPlace, PLACE_MAX_WORDS } from './gazetteer';
import { COMPASS, DOMAIN_WORDS, GEO_WORDS, NON_NAMES, ORG_WORDS, STOP_WORDS, TITLE_WORDS } from './lexicon';
import type { Span } from './segment';

interface Token {
  start: number;
  end: number;
  key: string;
  cap: boolean;
  initial: boolean;
  acronym: boolean;
  possessive: boolean;
  sentenceInitial: boolean;
}

/** One entity mention with the key of the entity it resolved to. */
export interface ResolvedMention {
  start: number;
  end: number;
  key: string;
  kind: EntityKind;
}

interface Candidate {
  start: number;
  end: number;
  kind: EntityKind;
  /** Folded name tokens (persons) or the whole key. */
  tokens: string[];
  /** Place key from the gazetteer. */
  placeKey?: string;
  /** A single name word preceded by a title ("President Aliyev"). */
  titled: boolean;
  /** A single word standing alone in its run: may be a short alias. */
  lone: boolean;
  /** Where the title before a person's name starts, when there is one. */
  titledFrom?: number;
}

// Folding is the scanner's main cost and words repeat: cache the keys.
const keyCache = new Map<string, string>();
function wordKey(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    k = foldKey(word);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(word, k);
  }
  return k;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER = /^\p{Lu}/u;

function tokenize(text: string, sentenceStarts: number[]): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let si = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // A sentence starts between the previous token and this one.
    let sentenceInitial = false;
    while (si < sentenceStarts.length && sentenceStarts[si] <= start) {
      sentenceInitial = true;
      si++;
    }
    let possessive = false;
    const raw = m[0];
    const last = raw.charCodeAt(raw.length - 1);
    if (
      (last === 115 || last === 83) &&
      raw.length > 2 &&
      (raw[raw.length - 2] === "'" || raw[raw.length - 2] === '’')
    ) {
      end -= 2;
      possessive = true;
    } else if (last === 39 || last === 0x2019) end -= 1;
    const word = end - start === raw.length ? raw : text.slice(start, end);
    const initial = word.length === 1 && text.charCodeAt(end) === 46 && UPPER.test(word);
    if (initial) end += 1;
    // "US$1.2 billion": a currency prefix, not the country.
    const cap = UPPER.test(word) && text.charCodeAt(end) !== 36;
    const acronym = cap && word.length >= 2 && word === word.toUpperCase() && !/\d/.test(word);
    out.push({
      start,
      end,
      key: wordKey(word),
      // A lone capital that is not an initial ("(R)", "(L)") is a marker, not a word.
      cap: cap && (word.length > 1 || initial),
      initial,
      acronym,
      possessive,
      sentenceInitial,
    });
  }
  return out;
}

function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** Tokens of a run plus, for each token, whether a lower-case connector ("of") precedes it. */
interface Run {
  tokens: Token[];
  joined: boolean[];
}

function isOrgOrTitle(t: Token): boolean {
  return ORG_WORDS.has(t.key) || TITLE_WORDS.has(t.key);
}

function buildRuns(text: string, tokens: Token[], knownBigrams: Set<string>): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // "To" opening a sentence is a function word, unless "To Lam" is a name seen elsewhere.
    const startsName = knownBigrams.has(t.key + ' ' + (tokens[i + 1]?.key ?? ''));
    if (!t.cap || (t.sentenceInitial && STOP_WORDS.has(t.key) && !t.initial && !startsName)) {
      i++;
      continue;
    }
    const run: Run = { tokens: [t], joined: [false] };
    let seenOf = false;
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1];
      const next = tokens[j];
      if (prev.possessive) break;
      const g = gap(text, prev, next);
      if (next.cap && (g === ' ' || (prev.initial && g === ''))) {
        run.tokens.push(next);
        run.joined.push(false);
        j++;
        continue;
      }
      // "Ministry of Foreign Affairs", "Secretary of the Communist Party"
      const connectorOk = isOrgOrTitle(prev) || (next.key === 'and' && DOMAIN_WORDS.has(prev.key));
      if (!next.cap && (next.key === 'of' || next.key === 'for' || next.key === 'and') && connectorOk) {
        let k = j + 1;
        if (next.key === 'of' && tokens[k]?.key === 'the' && !tokens[k].cap) k++;
        const after = tokens[k];
        const okGap = g === ' ' && after && gap(text, tokens[k - 1], after) === ' ' && after.cap;
        const andOk =
          next.key !== 'and' ||
          (seenOf &&
            (DOMAIN_WORDS.has(prev.key) || ORG_WORDS.has(prev.key)) &&
            (DOMAIN_WORDS.has(after?.key ?? '') || ORG_WORDS.has(after?.key ?? '')));
        // "The Liberal Union of Prime Minister Jan Horak": a title and a name after "of" are
        // another entity qualifying this one, not part of its name ("Office of the President" is).
        let titledName = false;
        if (after && TITLE_WORDS.has(after.key)) {
          let n = k + 1;
          while (n < k + 4 && tokens[n]?.cap && TITLE_WORDS.has(tokens[n].key)) n++;
          const name = tokens[n];
          titledName =
            n > k + 1 &&
            name !== undefined &&
            name.cap &&
            !TITLE_WORDS.has(name.key) &&
            !ORG_WORDS.has(name.key) &&
            !DOMAIN_WORDS.has(name.key);
        }
        if (okGap && andOk && !STOP_WORDS.has(after.key) && !titledName) {
          if (next.key === 'of') seenOf = true;
          run.tokens.push(after);
          run.joined.push(true);
          j = k + 1;
          continue;
        }
      }
      break;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

/** Longest gazetteer place starting at token i of the run (contiguous tokens only). */
function placeAt(run: Run, i: number): { len: number; key: string } | null {
  const toks = run.tokens;
  for (let len = Math.min(PLACE_MAX_WORDS, toks.length - i); len >= 1; len--) {
    let ok = true;
    for (let k = i + 1; k < i + len; k++) if (run.joined[k] || toks[k - 1].possessive) ok = false;
    if (!ok) continue;
    const key = toks
      .slice(i, i + len)
      .map((t) => t.key)
      .join(' ');
    const place = lookupPlace(key);
    if (!place) continue;
    const after = toks[i + len];
    if (after && !run.joined[i + len] && GEO_WORDS.has(after.key)) return null;
    const before = toks[i - 1];
    if (before && !run.joined[i] && COMPASS.has(before.key) && !place.demonym) return null;
    return { len, key: place.key };
  }
  return null;
}

/**
 * Finds every entity mention and merges aliases within the article.
 * `sentences` are the article's sentence spans (to recognise sentence-initial words).
 */
export function extractEntities(
  text: string,
  sentenceSpans: Span[],
): { entities: ExtractedEntity[]; mentions: ResolvedMention[] } {
  const starts = sentenceSpans.map((s) => s.start).sort((a, b) => a - b);
  const tokens = tokenize(text, starts);

  // Words seen capitalised away from sentence starts, and words seen in lower case:
  // a sentence-initial word is a name only when it also appears as one elsewhere,
  // and a long word written in lower case elsewhere is a common noun ("Strategic Partnership").
  const midCaps = new Set<string>();
  const midBigrams = new Set<string>();
  const lower = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.cap && !t.sentenceInitial) {
      midCaps.add(t.key);
      const next = tokens[i + 1];
      if (next?.cap && !next.sentenceInitial && next.start - t.end === 1)
        midBigrams.add(t.key + ' ' + next.key);
    } else if (!t.cap) lower.add(t.key);
  }
  const nameLike = (t: Token): boolean =>
    t.cap &&
    (!t.acronym || t.initial) &&
    !TITLE_WORDS.has(t.key) &&
    !ORG_WORDS.has(t.key) &&
    !DOMAIN_WORDS.has(t.key) &&
    !NON_NAMES.has(t.key) &&
    !(t.sentenceInitial && STOP_WORDS.has(t.key)) &&
    !GEO_WORDS.has(t.key) &&
    !COMPASS.has(t.key) &&
    !(t.key.length >= 5 && lower.has(t.key) && !/[\u0080-\uffff]/.test(text.slice(t.start, t.end)));

  const runs = buildRuns(text, tokens, midBigrams);
  const candidates: Candidate[] = [];

  for (const run of runs) {
    const toks = run.tokens;
    const n = toks.length;
    // A lone sentence-initial word counts only if it is a known place or appears capitalised elsewhere.
    if (n === 1 && toks[0].sentenceInitial && !toks[0].initial) {
      const t = toks[0];
      // Also a name: letters no English word has ("Łukasik"), an appositive ("X, a former
      // engineer,") or a reporting verb ("X said").
      const after = text.slice(t.end, t.end + 24);
      const looksNamed =
        /[^\x20-\x7e]/.test(text.slice(t.start, t.end)) ||
        /^,\s+(?:a|an|the)\s/.test(after) ||
        /^\s+(?:said|says|told|added|noted|stressed|argued|insisted)\b/.test(after);
      if (!lookupPlace(t.key) && !midCaps.has(t.key) && !(looksNamed && !STOP_WORDS.has(t.key))) continue;
    }
    const isPlace: boolean[] = new Array(n).fill(false);
    for (let i = 0; i < n;) {
      const p = placeAt(run, i);
      if (p) {
        // A place that is the whole run, or sits next to titles/organisation words, is a place mention.
        candidates.push({
          start: toks[i].start,
          end: toks[i + p.len - 1].end,
          kind: 'place',
          tokens: [p.key],
          placeKey: p.key,
          titled: false,
          lone: false,
        });
        for (let k = i; k < i + p.len; k++) isPlace[k] = true;
        i += p.len;
      } else i++;
    }
    // Trailing personal name.
    let nameStart = n;
    while (nameStart > 0 && nameStart > n - 5) {
      const t = toks[nameStart - 1];
      if (isPlace[nameStart - 1] || !nameLike(t) || run.joined[nameStart - 1]) break;
      if (nameStart < n && t.possessive) break;
      nameStart--;
    }
    const nameToks = toks.slice(nameStart);
    const before = nameStart > 0 ? toks[nameStart - 1] : null;
    const hasOrgWord = toks.slice(0, nameStart).some((t) => ORG_WORDS.has(t.key));
    const nonInitial = nameToks.filter((t) => !t.initial).length;
    if (nameToks.length > 0 && nonInitial > 0) {
      const titled = before !== null && TITLE_WORDS.has(before.key) && !isPlace[nameStart - 1];
      const lone = nameStart === 0 && nameToks.length === 1;
      // A capitalised function word on its own ("The" after a dateline) is never a name.
      if (lone && STOP_WORDS.has(nameToks[0].key)) continue;
      if (nameToks.length >= 2 || titled || lone) {
        // The titled form ("President Ibáñez", "Foreign Minister Ondřej Malý") is kept as an alias.
        let titleStart = nameStart;
        while (
          titleStart > 0 &&
          TITLE_WORDS.has(toks[titleStart - 1].key) &&
          !isPlace[titleStart - 1] &&
          !run.joined[titleStart] &&
          !toks[titleStart - 1].possessive
        )
          titleStart--;
        candidates.push({
          start: nameToks[0].start,
          end: nameToks[nameToks.length - 1].end,
          kind: nameToks.length >= 2 || titled ? 'person' : 'other',
          tokens: nameToks.map((t) => t.key.replace(/\.$/, '')),
          titled,
          lone,
          titledFrom: titleStart < nameStart ? toks[titleStart].start : undefined,
        });
      } else if (!hasOrgWord && n >= 2) {
        // "Vietnam Days", "Middle Corridor": a named thing that is neither person nor organisation.
        const first = toks.findIndex((t) => !TITLE_WORDS.has(t.key));
        if (first >= 0 && first < nameStart) pushOther(candidates, text, toks[first], toks[n - 1]);
      }
    } else if (!hasOrgWord && n >= 2 && nameStart === n) {
      const first = toks.findIndex((t) => !TITLE_WORDS.has(t.key) && !isPlace[toks.indexOf(t)]);
      const allTitle = toks.every((t) => TITLE_WORDS.has(t.key) || DOMAIN_WORDS.has(t.key));
      if (first >= 0 && !allTitle) pushOther(candidates, text, toks[first], toks[n - 1]);
    }
    if (hasOrgWord) {
      const span = orgSpan(run, nameStart, isPlace);
      if (span) {
        const s = toks[span[0]].start;
        const e = toks[span[1]].end;
        candidates.push({
          start: s,
          end: e,
          kind: 'organisation',
          tokens: [foldKey(text.slice(s, e))],
          titled: false,
          lone: false,
        });
      }
    }
  }
  return mergeAliases(text, candidates);
}

function pushOther(candidates: Candidate[], text: string, first: Token, last: Token): void {
  candidates.push({
    start: first.start,
    end: last.end,
    kind: 'other',
    tokens: [foldKey(text.slice(first.start, last.end))],
    titled: false,
    lone: false,
  });
}

/**
 * The organisation inside a run, as token indices: leading titles and a leading
 * demonym are dropped ("Vietnamese Ministry of…" → "Ministry of…"), and the span ends at
 * the last organisation word or the "of …" phrase that follows it, so a trailing title
 * ("National Assembly Chairman", "World Bank Country Director") is not part of it.
 */
function orgSpan(run: Run, nameStart: number, isPlace: boolean[]): [number, number] | null {
  const toks = run.tokens;
  let a = 0;
  while (a < nameStart && TITLE_WORDS.has(toks[a].key) && !ORG_WORDS.has(toks[a].key)) a++;
  if (a < nameStart && isPlace[a] && lookupPlace(toks[a].key)?.demonym) a++;
  while (
    a < nameStart &&
    run.joined[a] === false &&
    a > 0 &&
    TITLE_WORDS.has(toks[a].key) &&
    !ORG_WORDS.has(toks[a].key)
  )
    a++;
  let lastOrg = -1;
  for (let k = a; k < nameStart; k++) if (ORG_WORDS.has(toks[k].key)) lastOrg = k;
  if (lastOrg < 0) return null;
  let b = lastOrg;
  if (lastOrg + 1 < nameStart && run.joined[lastOrg + 1]) {
    b = lastOrg + 1;
    while (b + 1 < nameStart && !(TITLE_WORDS.has(toks[b + 1].key) && !ORG_WORDS.has(toks[b + 1].key))) b++;
  }
  // Titles of an organisation ("Party General Secretary") are not organisations.
  if (
    a > b ||
    (b === lastOrg &&
      toks.slice(a, b + 1).every((t) => TITLE_WORDS.has(t.key) || ORG_WORDS.has(t.key)) &&
      b + 1 < toks.length &&
      TITLE_WORDS.has(toks[b + 1].key))
  ) {
    return null;
  }
  return [a, b];
}

interface Group {
  key: string;
  kind: EntityKind;
  name: string;
  tokens: string[];
  aliases: Set<string>;
  mentions: { start: number; end: number }[];
}

function diacriticWeight(s: string): number {
  let w = 0;
  for (const ch of s) if (ch.charCodeAt(0) > 127) w++;
  return w;
}

function betterName(a: string, b: string): string {
  if (b.length !== a.length && foldKey(a).split(' ').length !== foldKey(b).split(' ').length)
    return foldKey(b).split(' ').length > foldKey(a).split(' ').length ? b : a;
  return diacriticWeight(b) > diacriticWeight(a) ? b : a;
}

function mergeAliases(
  text: string,
  candidates: Candidate[],
): { entities: ExtractedEntity[]; mentions: ResolvedMention[] } {
  candidates.sort((x, y) => x.start - y.start);
  const groups = new Map<string, Group>();
  const mentions: ResolvedMention[] = [];
  const addTo = (g: Group, c: Candidate): void => {
    const surface = text.slice(c.start, c.end);
    g.aliases.add(surface);
    if (c.titledFrom !== undefined) g.aliases.add(text.slice(c.titledFrom, c.end));
    g.mentions.push({ start: c.start, end: c.end });
    mentions.push({ start: c.start, end: c.end, key: g.key, kind: g.kind });
  };
  const newGroup = (key: string, kind: EntityKind, c: Candidate, name?: string): Group => {
    const g: Group = {
      key,
      kind,
      name: name ?? text.slice(c.start, c.end),
      tokens: c.tokens,
      aliases: new Set(),
      mentions: [],
    };
    groups.set(key, g);
    return g;
  };

  // Pass 1: places, organisations and full names establish groups.
  const persons: Group[] = [];
  const deferred: Candidate[] = [];
  for (const c of candidates) {
    if (c.kind === 'place' && c.placeKey) {
      const p = lookupPlace(c.placeKey);
      const g = groups.get(c.placeKey) ?? newGroup(c.placeKey, 'place', c, p?.name);
      addTo(g, c);
      continue;
    }
    const fullName = c.kind === 'person' && c.tokens.filter((t) => t.length > 1).length >= 2;
    if (fullName && !c.tokens.some((t) => t.length === 1)) {
      const key = c.tokens.join(' ');
      let g = groups.get(key);
      if (!g) {
        g = newGroup(key, 'person', c);
        persons.push(g);
      } else g.name = betterName(g.name, text.slice(c.start, c.end));
      addTo(g, c);
      continue;
    }
    if (
      c.kind === 'organisation' ||
      (c.kind === 'other' && c.tokens.length === 1 && c.tokens[0].includes(' '))
    ) {
      const key = c.tokens[0];
      const g = groups.get(key) ?? newGroup(key, c.kind, c);
      addTo(g, c);
      continue;
    }
    deferred.push(c);
  }

  // A shorter full name inside a longer one with the same first name ("Marta Sánchez" in
  // "Marta Sánchez Ortuño") is the same person when it fits only that one.
  for (const g of [...persons]) {
    const longer = persons.filter(
      (h) =>
        h !== g &&
        h.tokens.length > g.tokens.length &&
        h.tokens[0] === g.tokens[0] &&
        g.tokens.every((t) => h.tokens.includes(t)),
    );
    if (longer.length !== 1 || g.tokens.length < 2) continue;
    const target = longer[0];
    for (const m of g.mentions) {
      target.mentions.push(m);
      target.aliases.add(text.slice(m.start, m.end));
    }
    for (const m of mentions) if (m.key === g.key) m.key = target.key;
    groups.delete(g.key);
    persons.splice(persons.indexOf(g), 1);
  }

  // Pass 2: initials and lone words resolve to the nearest full name that fits.
  const lastSeen = (g: Group, at: number): number => {
    let best = -Infinity;
    for (const m of g.mentions) if (m.start <= at && m.start > best) best = m.start;
    return best;
  };
  for (const c of deferred) {
    const toks = c.tokens;
    const last = toks[toks.length - 1];
    let matches: Group[] = [];
    if (toks.length >= 2) {
      // Initial form: "J. Bayramov" → a full name with first initial j and last name bayramov.
      matches = persons.filter(
        (g) =>
          g.tokens[g.tokens.length - 1] === last && g.tokens[0][0] === toks[0][0] && g.tokens.length >= 2,
      );
    } else if (c.lone || c.titled) {
      matches = persons.filter((g) => g.tokens.length >= 2 && g.tokens[g.tokens.length - 1] === last);
      if (matches.length === 0 && c.titled) matches = persons.filter((g) => g.tokens[0] === last);
      // A first surname alone ("Sánchez" for "Marta Sánchez Ortuño"), only when it fits one name.
      if (matches.length === 0) {
        const middle = persons.filter((g) => g.tokens.length >= 3 && g.tokens.slice(1, -1).includes(last));
        if (middle.length === 1) matches = middle;
      }
    }
    if (matches.length > 0) {
      matches.sort((x, y) => lastSeen(y, c.start) - lastSeen(x, c.start));
      addTo(matches[0], c);
      continue;
    }
    const key = toks.join(' ');
    let g = groups.get(key);
    if (!g) {
      g = newGroup(key, c.kind, c);
      if (c.kind === 'person') persons.push(g);
    } else if (c.kind === 'person' && g.kind === 'other') g.kind = 'person';
    addTo(g, c);
  }

  // Two-word "names" that open an organisation's name are that organisation ("Bình Sơn").
  const orgs = [...groups.values()].filter((g) => g.kind === 'organisation');
  for (const g of [...groups.values()]) {
    if (g.kind !== 'person' && g.kind !== 'other') continue;
    const org = orgs.find((o) => o.key.startsWith(g.key + ' '));
    if (!org) continue;
    for (const m of g.mentions) {
      org.mentions.push(m);
      org.aliases.add(text.slice(m.start, m.end));
    }
    groups.delete(g.key);
    for (const m of mentions)
      if (m.key === g.key) {
        m.key = org.key;
        m.kind = 'organisation';
      }
  }

  const entities: ExtractedEntity[] = [];
  for (const g of groups.values()) {
    g.mentions.sort((a, b) => a.start - b.start);
    entities.push({
      name: g.name,
      kind: g.kind,
      key: g.key,
      aliases: [...g.aliases],
      mentions: g.mentions.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
    });
  }
  for (const m of mentions) m.kind = groups.get(m.key)?.kind ?? m.kind;
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions };
}
export { EntityIndex, entityAliasKeys, type DeskEntity } from './entity-index';
