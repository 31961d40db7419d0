/**
 * Every import path ends here: bytes and a file name in, normalised article text
 * and what the file says about itself out. Pure: no database, no network.
 *
 * The format comes from magic bytes first (a PDF renamed .txt is still a PDF) and
 * the extension second; a file with neither is treated as text, strictly checked.
 * The text is normalised once (NFC, \n), so every format of one article reaches the
 * extractor in the same shape and canonicalForHash recognises copies.
 */
import type { ArticleMeta } from '../../../shared/model';
import { DeskError } from '../../../shared/errors';
import { MAX_ARTICLE_BYTES } from '../../../shared/contract';
import {
  checkSize,
  decodeText,
  invisibleCount,
  normaliseText,
  requireContent,
  requireWords,
  textMeta,
} from './text';
import { parseMarkdown } from './markdown';

export { normaliseText, canonicalForHash } from './text';
import { fetchArticle } from './fetch';
export { fetchArticle } from './fetch';
export type { FetchedFile } from './fetch';

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface ParsedDocument {
  /** Normalised (NFC, \n line ends): the text claims' offsets point into. */
  text: string;
  /** What the file says about itself; `title` is always set (the file name at worst). */
  meta: Partial<ArticleMeta>;
  format: DocumentFormat;
  /** Bidi controls and zero-width characters removed from the text. */
  invisible: number;
}

/** PDFs and Word files carry images; their text is still held to the article limit. */
const MAX_CONTAINER_BYTES = 5 * MAX_ARTICLE_BYTES;

function extension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first 1 KB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
/** The old binary Word format (OLE compound file). */
const isOle = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(<!--[\s\S]*?-->\s*)*/, '');
  return /^<(!doctype\s+html|html[\s>]|head[\s>])/i.test(head) || /<html[\s>]/i.test(text.slice(0, 1024));
}

function detect(name: string, bytes: Uint8Array): DocumentFormat {
  const ext = extension(name);
  if (isPdf(bytes)) return 'pdf';
  if (isZip(bytes)) {
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx' || ext === '') return 'docx';
    if (ext === 'odt' || ext === 'pages' || ext === 'epub' || ext === 'zip') {
      throw new DeskError(
        'bad_file',
        `${name} is a .${ext} file; save it as .docx, PDF or text to import it.`,
      );
    }
    return 'docx';
  }
  if (isOle(bytes) || ext === 'doc') {
    throw new DeskError('bad_file', `${name} is an old Word (.doc) file; save it as .docx to import it.`);
  }
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  return 'text';
}

function fromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]+$/, '').trim() || base;
}

export async function parseDocument(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new DeskError('bad_file', `${name} is empty.`);
  let format = detect(name, bytes);
  let text: string;
  let meta: Partial<ArticleMeta>;
  let invisible: number;

  if (format === 'pdf' || format === 'docx') {
    checkSize(name, bytes.length, MAX_CONTAINER_BYTES);
    // The parsers of containers and pages (mammoth, pdf.js, linkedom with Readability) load
    // on the first file that needs them: the import worker starts without them, and a drop
    // of plain-text articles never loads them at all.
    const raw =
      format === 'pdf'
        ? await (await import('./pdf')).pdfText(name, bytes)
        : await (await import('./docx')).docxText(name, bytes);
    invisible = invisibleCount(raw);
    text = normaliseText(raw);
    meta = textMeta(text);
  } else {
    const decoded = decodeText(name, bytes);
    invisible = invisibleCount(decoded);
    if (format === 'text' && extension(name) !== 'txt' && looksLikeHtml(decoded)) format = 'html';
    if (format === 'html') {
      const parsed = (await import('./html')).parseHtml(decoded);
      text = normaliseText(parsed.text);
      meta = { ...parsed.meta };
      if (meta.title) meta.title = meta.title.normalize('NFC');
    } else if (format === 'markdown') {
      const parsed = parseMarkdown(normaliseText(decoded));
      text = normaliseText(parsed.text);
      meta = parsed.meta;
    } else {
      // A UTF-8 BOM is dropped by the decoder; the text is otherwise kept as written.
      text = normaliseText(decoded);
      meta = textMeta(text);
    }
  }

  requireContent(name, text);
  checkSize(name, Buffer.byteLength(text, 'utf8'));
  requireWords(name, text);
  if (!meta.title) meta.title = fromFileName(name);
  return { text, meta, format, invisible };
}

/** URL import: fetch, then the path the content type picks; the page's own URL when it names none. */
export async function fetchDocument(url: string): Promise<ParsedDocument & { name: string; url: string }> {
  const file = await fetchArticle(url);
  const doc = await parseDocument(file.name, file.bytes);
  if (!doc.meta.url) doc.meta.url = file.url;
  return { ...doc, name: file.name, url: file.url };
}
