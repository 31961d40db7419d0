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
}

export interface EvalConflict {
  kind: string;
  claims: EvalClaim[];
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

export interface GoldFile {
  about?: string;
  conflicts?: Array<{ id: string; kind: string; why?: string; a: GoldSide; b: GoldSide }>;
  must_not_flag?: Array<{ id: string; why?: string; a: GoldSide; b: GoldSide }>;
  aliases?: string[][];
  boilerplate?: GoldSide[];
}

export interface EvalRow {
  id: string;
  type: 'conflict' | 'must_not_flag' | 'alias' | 'boilerplate';
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
  /**
   * Reported conflicts that hold at least one gold conflict, over all reported. Only
   * meaningful where the gold lists every conflict (synthetic corpora).
   */
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

function baseName(source: string): string {
  const parts = source.split(/[\\/]/);
  return parts[parts.length - 1] ?? source;
}

function matches(claim: EvalClaim, side: GoldSide): boolean {
  if (!baseName(claim.articleSource).startsWith(side.article)) return false;
  return fold(claim.sentence).includes(fold(side.sentence_contains));
}

function holds(conflict: EvalConflict, a: GoldSide, b: GoldSide): boolean {
  return conflict.claims.some((c) => matches(c, a)) && conflict.claims.some((c) => matches(c, b));
}

/** Opposite sides: one claim matching `a` on one side and one matching `b` on the other. */
function opposes(conflict: EvalConflict, a: GoldSide, b: GoldSide): boolean {
  const sides = (g: GoldSide) => new Set(conflict.claims.filter((c) => matches(c, g)).map((c) => c.side));
  const sa = sides(a);
  const sb = sides(b);
  for (const x of sa) for (const y of sb) if (x !== y) return true;
  return false;
}

function sideText(s: GoldSide): string {
  return `${s.article}:"${s.sentence_contains}"`;
}

export function scoreAgainstGold(input: EvalInput, gold: GoldFile): EvalResult {
  const rows: EvalRow[] = [];
  const expected = gold.conflicts ?? [];
  let found = 0;
  let kindMatches = 0;
  for (const g of expected) {
    const hits = input.conflicts.filter((c) => holds(c, g.a, g.b));
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
    const bad = input.conflicts.filter((c) => opposes(c, g.a, g.b));
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
    const inConflict = input.conflicts.some(
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
  const useful = input.conflicts.filter((c) => expected.some((g) => holds(c, g.a, g.b))).length;
  return {
    rows,
    precision: input.conflicts.length === 0 ? 1 : useful / input.conflicts.length,
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

/** A plain-text table; the last line is `recall=<0.xx> violations=<n>` for scripts. */
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
  lines.push(`recall=${result.recall.toFixed(2)} violations=${result.violations}`);
  return lines.join('\n');
}
