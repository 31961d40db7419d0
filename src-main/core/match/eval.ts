/**
 * Scores what a desk found against a gold file (format of
 * ../shared/corpus/seeds-gold.json): conflicts found, must-not-flag pairs violated,
 * alias groups resolved to one entity, boilerplate marked and kept out of conflicts.
 *
 * A gold side names an article by the start of its file name and a sentence by a
 * fragment; both compare on folded text (case, diacritics, whitespace and
 * punctuation spacing ignored), so curly quotes or "Việt Nam" vs "Viet Nam" in a
 * gold file do not decide a score.
 */
import { foldKey } from '../../shared/fold';

export interface EvalClaim {
  side: 'a' | 'b' | string;
  sentence: string;
  articleSource: string;
  /** The claim's own words within `sentence` (offsets into it); absent for claims scored by sentence only. */
  quoteStart?: number;
  quoteEnd?: number;
}

export interface EvalConflict {
  kind: string;
  claims: EvalClaim[];
  /** Dismissed, stale and editor-made conflicts are not suggestions: absent means a suggestion. */
  suggestion?: boolean;
}

export interface EvalInput {
  conflicts: EvalConflict[];
  aliasGroups?: string[][];
  boilerplateSentences?: Array<{ articleSource: string; sentence: string }>;
}

export interface GoldSide {
  article: string;
  sentence_contains: string;
}

export interface GoldPair {
  id: string;
  kind?: string;
  why?: string;
  a: GoldSide;
  b: GoldSide;
}

export interface GoldFile {
  about?: string;
  conflicts?: Array<GoldPair & { kind: string }>;
  must_not_flag?: GoldPair[];
  /** Real differences that are not errors: a suggestion on one counts neither for nor against. */
  neutral?: GoldPair[];
  aliases?: string[][];
  boilerplate?: GoldSide[];
}

export interface EvalRow {
  id: string;
  type: 'conflict' | 'must_not_flag' | 'neutral' | 'noise' | 'alias' | 'boilerplate';
  kind: string;
  ok: boolean;
  detail: string;
}

export interface EvalResult {
  rows: EvalRow[];
  conflictsExpected: number;
  conflictsFound: number;
  recall: number;
  /** Found with the gold's kind (a found conflict of another kind still counts for recall). */
  kindMatches: number;
  violations: number;
  /** Suggestions the detector made (dismissed, stale and editor-made conflicts excluded). */
  suggestions: number;
  /** Suggestions that are the first to cover a gold conflict or a neutral disagreement. */
  useful: number;
  /** useful / suggestions: a second suggestion for one disagreement counts as noise. */
  precision: number;
  aliasesOk: number;
  aliasesTotal: number;
  boilerplateOk: number;
  boilerplateTotal: number;
}

/** Folding for comparisons: foldKey without spaces, so whitespace and punctuation spacing never matter. */
function fold(text: string): string {
  return foldKey(text).replace(/ /g, '');
}

/**
 * Folds text character by character, remembering where each folded character came
 * from, so a gold phrase found in folded text maps back to offsets in the original.
 */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      from.push(i);
    }
    i += ch.length;
  }
  return { folded, from };
}

function baseName(source: string): string {
  const parts = source.split(/[\\/]/);
  return parts[parts.length - 1] ?? source;
}

/** Where the gold phrase stands in the sentence, as [start, end) offsets; null when absent. */
function phraseSpan(sentence: string, phrase: string): { start: number; end: number } | null {
  const { folded, from } = foldWithMap(sentence);
  const want = fold(phrase);
  if (!want) return null;
  const at = folded.indexOf(want);
  if (at < 0) return null;
  return { start: from[at]!, end: from[at + want.length - 1]! + 1 };
}

/**
 * A claim stands for a gold side when it comes from the side's article, its sentence
 * holds the gold phrase, and (when the claim's own words are known) those words
 * overlap the phrase: a claim about another number in the same sentence is not the side.
 */
function matches(claim: EvalClaim, side: GoldSide): boolean {
  if (!baseName(claim.articleSource).startsWith(side.article)) return false;
  const span = phraseSpan(claim.sentence, side.sentence_contains);
  if (!span) return false;
  if (claim.quoteStart === undefined || claim.quoteEnd === undefined) return true;
  return claim.quoteStart < span.end && claim.quoteEnd > span.start;
}

/** Opposite sides: one claim matching `a` on one side and one matching `b` on the other. */
function opposes(conflict: EvalConflict, a: GoldSide, b: GoldSide): boolean {
  const sides = (g: GoldSide) => new Set(conflict.claims.filter((c) => matches(c, g)).map((c) => c.side));
  const sa = sides(a);
  const sb = sides(b);
  for (const x of sa) for (const y of sb) if (x !== y) return true;
  return false;
}

function describe(conflict: EvalConflict): string {
  const bySide = new Map<string, string[]>();
  for (const c of conflict.claims) {
    const words =
      c.quoteStart !== undefined && c.quoteEnd !== undefined
        ? c.sentence.slice(c.quoteStart, c.quoteEnd)
        : c.sentence.slice(0, 40);
    const list = bySide.get(c.side) ?? [];
    list.push(`${baseName(c.articleSource).slice(0, 2)}:"${words}"`);
    bySide.set(c.side, list);
  }
  return [...bySide.values()].map((l) => l.slice(0, 3).join(', ')).join('  vs  ');
}

function sideText(s: GoldSide): string {
  return `${s.article}:"${s.sentence_contains}"`;
}

export function scoreAgainstGold(input: EvalInput, gold: GoldFile): EvalResult {
  const rows: EvalRow[] = [];
  const suggestions = input.conflicts.filter((c) => c.suggestion !== false);
  const expected = gold.conflicts ?? [];
  let found = 0;
  let kindMatches = 0;
  for (const g of expected) {
    const hits = suggestions.filter((c) => opposes(c, g.a, g.b));
    const sameKind = hits.some((c) => c.kind === g.kind);
    if (hits.length > 0) found++;
    if (sameKind) kindMatches++;
    rows.push({
      id: g.id,
      type: 'conflict',
      kind: g.kind,
      ok: hits.length > 0,
      detail:
        hits.length === 0
          ? `missed ${sideText(g.a)} vs ${sideText(g.b)}`
          : sameKind
            ? 'found'
            : `found as ${hits[0].kind}`,
    });
  }
  let violations = 0;
  for (const g of gold.must_not_flag ?? []) {
    const bad = suggestions.filter((c) => opposes(c, g.a, g.b));
    if (bad.length > 0) violations++;
    rows.push({
      id: g.id,
      type: 'must_not_flag',
      kind: '',
      ok: bad.length === 0,
      detail: bad.length === 0 ? 'not flagged' : `flagged as ${bad.map((c) => c.kind).join(', ')}`,
    });
  }
  let aliasesOk = 0;
  const groups = (input.aliasGroups ?? []).map((g) => new Set(g.map(fold)));
  (gold.aliases ?? []).forEach((names, i) => {
    const wanted = names.map(fold);
    const ok = groups.some((g) => wanted.every((n) => g.has(n)));
    if (ok) aliasesOk++;
    const partial = groups.find((g) => wanted.some((n) => g.has(n)));
    const missing = partial ? names.filter((n) => !partial.has(fold(n))) : names;
    rows.push({
      id: `A${i + 1}`,
      type: 'alias',
      kind: '',
      ok,
      detail: ok ? names.join(' = ') : `not one entity: ${missing.join(', ')}`,
    });
  });
  let boilerplateOk = 0;
  const marked = input.boilerplateSentences ?? [];
  (gold.boilerplate ?? []).forEach((side, i) => {
    const isMarked = marked.some((m) => matches({ side: '', ...m }, side));
    const inConflict = suggestions.some(
      (c) =>
        c.claims.some((x) => matches(x, side)) &&
        c.claims.some((x) => !baseName(x.articleSource).startsWith(side.article)),
    );
    const ok = isMarked && !inConflict;
    if (ok) boilerplateOk++;
    rows.push({
      id: `B${i + 1}`,
      type: 'boilerplate',
      kind: '',
      ok,
      detail: !isMarked
        ? `not marked: ${sideText(side)}`
        : inConflict
          ? 'in a cross-article conflict'
          : 'marked',
    });
  });
  // Precision: each gold conflict or neutral disagreement credits one suggestion; a
  // second suggestion for the same disagreement, or one covering none, is noise.
  const credited = new Set<string>();
  const pairs: GoldPair[] = [...expected, ...(gold.neutral ?? [])];
  let useful = 0;
  for (const c of suggestions) {
    const covers = pairs.filter((g) => opposes(c, g.a, g.b));
    const fresh = covers.filter((g) => !credited.has(g.id));
    if (fresh.length > 0) {
      useful++;
      for (const g of covers) credited.add(g.id);
      continue;
    }
    rows.push({
      id: '-',
      type: 'noise',
      kind: c.kind,
      ok: false,
      detail: covers.length > 0 ? `again ${covers.map((g) => g.id).join(',')}: ${describe(c)}` : describe(c),
    });
  }
  for (const g of gold.neutral ?? []) {
    rows.push({
      id: g.id,
      type: 'neutral',
      kind: '',
      ok: true,
      detail: credited.has(g.id) ? 'suggested' : 'not suggested',
    });
  }
  return {
    rows,
    suggestions: suggestions.length,
    useful,
    precision: suggestions.length === 0 ? 1 : useful / suggestions.length,
    conflictsExpected: expected.length,
    conflictsFound: found,
    recall: expected.length === 0 ? 1 : found / expected.length,
    kindMatches,
    violations,
    aliasesOk,
    aliasesTotal: (gold.aliases ?? []).length,
    boilerplateOk,
    boilerplateTotal: (gold.boilerplate ?? []).length,
  };
}

/** A plain-text table; the last line is `recall=<0.xx> violations=<n> precision=<0.xx>` for scripts. */
export function formatEvalTable(result: EvalResult): string {
  const lines: string[] = [];
  const idW = Math.max(4, ...result.rows.map((r) => r.id.length));
  const typeW = 13;
  const kindW = Math.max(4, ...result.rows.map((r) => r.kind.length));
  lines.push(`${'id'.padEnd(idW)}  ${'check'.padEnd(typeW)}  ${'kind'.padEnd(kindW)}  ok    detail`);
  for (const r of result.rows) {
    lines.push(
      `${r.id.padEnd(idW)}  ${r.type.padEnd(typeW)}  ${r.kind.padEnd(kindW)}  ${(r.ok ? 'yes' : 'NO').padEnd(4)}  ${r.detail}`,
    );
  }
  lines.push('');
  lines.push(
    `conflicts found ${result.conflictsFound}/${result.conflictsExpected} (same kind ${result.kindMatches}); ` +
      `aliases ok ${result.aliasesOk}/${result.aliasesTotal}; boilerplate ok ${result.boilerplateOk}/${result.boilerplateTotal}`,
  );
  lines.push(
    `suggestions ${result.suggestions}, of which useful ${result.useful} (a gold conflict or a neutral disagreement, each credited once)`,
  );
  lines.push(
    `recall=${result.recall.toFixed(2)} violations=${result.violations} precision=${result.precision.toFixed(2)}`,
  );
  return lines.join('\n');
}
