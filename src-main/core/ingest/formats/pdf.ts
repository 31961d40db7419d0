/**
 * PDFs with a text layer through pdfjs-dist (legacy build, for Node). A PDF holds
 * positioned runs of glyphs, not paragraphs: lines are rebuilt from runs sharing a
 * baseline, paragraphs from vertical gaps wider than the usual line spacing or from
 * a first-line indent, and a paragraph that runs over a page break is rejoined when
 * the page's last line is full. Page numbers alone on a line are dropped.
 *
 * Nothing in the file is executed: eval is off, fonts are not loaded into a page.
 */
import { DeskError } from '../../../shared/errors';
import { maxOf } from '../../../shared/extremes';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

const PAGE_NUMBER = /^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function runsToLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - r.y) <= Math.max(g[0]!.size, r.size) * 0.4) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of g) {
      // pdfjs gives spaces as their own runs in some files and as gaps in others.
      const gap = r.x - end;
      if (text !== '' && gap > r.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
      text += r.str;
      end = Math.max(end, r.x + r.width);
    }
    const size = median(g.map((r) => r.size));
    return { text: text.replace(/\s+/g, ' ').trim(), x: g[0]!.x, y: g[0]!.y, right: end, size };
  });
}

function joinLines(a: string, b: string): string {
  // A line ending in a hyphen after a letter continues the word ("newly-" + "established").
  return /\p{L}-$/u.test(a) ? a + b : `${a} ${b}`;
}

export async function pdfText(name: string, bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the buffer it is given.
  const data = new Uint8Array(bytes);
  let pages: Line[][];
  try {
    const pdf = await getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      verbosity: 0,
    }).promise;
    try {
      pages = [];
      for (let i = 1; i <= pdf.numPages; i++) {
        const page = await pdf.getPage(i);
        const content = await page.getTextContent();
        const runs: Run[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          // Glyphs without a Unicode mapping come out as control characters (NUL for an emoji).
          // eslint-disable-next-line no-control-regex -- removing control characters is the point.
          const str = item.str.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
          if (str === '') continue;
          const [a, b, , , x, y] = item.transform as number[];
          // Rotated text (margins, watermarks) is not part of the running text.
          if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
          runs.push({
            str,
            x: x!,
            y: y!,
            width: item.width,
            size: Math.hypot(a!, b!) || item.height,
          });
        }
        const lines = runsToLines(runs).filter((l) => l.text !== '');
        while (lines.length && PAGE_NUMBER.test(lines[0]!.text)) lines.shift();
        while (lines.length && PAGE_NUMBER.test(lines[lines.length - 1]!.text)) lines.pop();
        pages.push(lines);
        page.cleanup();
      }
    } finally {
      await pdf.destroy();
    }
  } catch (err) {
    if (err instanceof DeskError) throw err;
    const e = err as Error;
    if (e.name === 'PasswordException') {
      throw new DeskError(
        'bad_file',
        `${name} is password-protected; save an unprotected copy to import it.`,
      );
    }
    throw new DeskError('bad_file', `${name} cannot be read as a PDF (${e.message}).`);
  }

  const all = pages.flat();
  if (all.every((l) => l.text.trim() === '')) {
    throw new DeskError(
      'bad_file',
      `${name} has no text layer (scanned PDF?); run it through OCR or import a text copy instead.`,
    );
  }
  const left = median(all.map((l) => l.x));
  const fullWidth = maxOf(all.map((l) => l.right - left));

  const paras: string[] = [];
  let cur = '';
  let prev: Line | null = null;
  for (const lines of pages) {
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y);
    const spacing = median(gaps.filter((g) => g > 0));
    lines.forEach((line, i) => {
      const indented = line.x - left > line.size * 1.2;
      let breakBefore: boolean;
      if (prev === null) breakBefore = true;
      else if (i === 0) {
        // Over a page break: one paragraph only when the last line ran to the margin.
        breakBefore = prev.right - left < fullWidth * 0.8 || indented;
      } else {
        const gap = lines[i - 1]!.y - line.y;
        breakBefore = gap > spacing * 1.4 || gap > line.size * 1.9 || indented || gap < 0;
      }
      if (breakBefore) {
        if (cur) paras.push(cur);
        cur = line.text;
      } else cur = joinLines(cur, line.text);
      prev = line;
    });
  }
  if (cur) paras.push(cur);
  return paras.join('\n\n');
}
