/**
 * Folding for keys only: "Tô Lâm", "To Lam" and "TO LAM" share the key "to lam".
 * NFKD strips marks but does not decompose Đ/đ (or Icelandic Ð/ð), so those are
 * mapped explicitly. Never use a folded string for offsets: NFKD can change length
 * ("…" → "...").
 */
const MARKS = /\p{M}+/gu;
const D_STROKE = /[ĐÐđð]/g;
/** Letters NFKD leaves whole: the stroked and dotless ones, and ligatures. */
const UNDECOMPOSED: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  ı: 'i',
  Ø: 'O',
  ø: 'o',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ħ: 'H',
  ħ: 'h',
  Þ: 'Th',
  þ: 'th',
};
const UNDECOMPOSED_RE = /[ŁłıØøßÆæŒœĦħÞþ]/g;

export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(D_STROKE, (c) => (c === 'Đ' || c === 'Ð' ? 'D' : 'd'))
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c] ?? c)
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Folds one character at a time, keeping length: each UTF-16 unit maps to exactly
 * one unit, so offsets into the result are offsets into the input. Used to feed
 * tokenisers that split words at letters outside Latin-1.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length === 2) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFKD').replace(MARKS, '');
    if (ch === 'Đ' || ch === 'Ð') out += 'D';
    else if (ch === 'đ' || ch === 'ð') out += 'd';
    else if (UNDECOMPOSED[ch]?.length === 1) out += UNDECOMPOSED[ch];
    else out += base.length === 1 ? base : ch;
  }
  return out;
}
