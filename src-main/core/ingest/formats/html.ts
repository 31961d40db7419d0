/**
 * Saved web pages: the article's main content through Readability over linkedom,
 * which builds a DOM without running scripts or fetching anything (no resource
 * loader exists in linkedom), so a hostile page is inert here.
 *
 * Metadata is read before Readability runs, because Readability strips the
 * scripts that carry JSON-LD. The body becomes paragraphs separated by blank
 * lines, each with its whitespace collapsed, which is the shape canonicalForHash
 * compares, so a page and a text copy of one article are recognised as one.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../../../shared/model';
import { isoDate } from './markdown';
import { guessOutlet, guessTitle } from './text';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['createElement']>;

interface JsonLdItem {
  [key: string]: unknown;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|Report)$/;

function jsonLdItems(doc: Doc): JsonLdItem[] {
  const out: JsonLdItem[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      const item = x as JsonLdItem;
      out.push(item);
      if (item['@graph']) visit(item['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still count.
    }
  }
  return out;
}

function typesOf(item: JsonLdItem): string[] {
  const t = item['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(x: unknown): string | null {
  if (typeof x === 'string' && x.trim() !== '') return x.trim();
  return null;
}

/** `author` / `publisher` in JSON-LD: a string, an object with name, or a list of either. */
function nameOf(x: unknown): string | null {
  if (Array.isArray(x)) {
    const names = x.map(nameOf).filter((n): n is string => n !== null);
    return names.length ? names.join(', ') : null;
  }
  if (x && typeof x === 'object') return str((x as JsonLdItem)['name']);
  return str(x);
}

function metaContent(doc: Doc, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = str(doc.querySelector(sel)?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

function httpUrl(x: string | null): string | null {
  if (!x) return null;
  try {
    const u = new URL(x);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function readMeta(doc: Doc): Partial<ArticleMeta> & { headline?: string } {
  const items = jsonLdItems(doc);
  const article = items.find((i) => typesOf(i).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage'));
  const meta: Partial<ArticleMeta> & { headline?: string } = {};

  const headline =
    str(article?.['headline']) ??
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    str(doc.querySelectorAll('h1').length === 1 ? doc.querySelector('h1')?.textContent : null);
  if (headline) meta.headline = headline.replace(/\s+/g, ' ');

  const date =
    isoDate(metaContent(doc, ['meta[property="article:published_time"]'])) ??
    isoDate(str(article?.['datePublished'])) ??
    isoDate(
      metaContent(doc, [
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[name="publish-date"]',
        'meta[itemprop="datePublished"]',
        'meta[name="DC.date.issued"]',
        'meta[name="dc.date"]',
      ]),
    ) ??
    isoDate(doc.querySelector('article time[datetime]')?.getAttribute('datetime')) ??
    isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (date) meta.publishedAt = date;

  const outlet =
    metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
    nameOf(article?.['publisher']) ??
    nameOf(items.find((i) => typesOf(i).includes('WebSite'))?.['name']);
  if (outlet) meta.outlet = outlet;

  const author =
    nameOf(article?.['author']) ??
    metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']);
  if (author && !/^https?:/.test(author)) meta.author = author;

  const url =
    httpUrl(str(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'))) ??
    httpUrl(metaContent(doc, ['meta[property="og:url"]'])) ??
    httpUrl(str(article?.['url'])) ??
    httpUrl(str(article?.['mainEntityOfPage']));
  if (url) meta.url = url;

  const lang = str(doc.documentElement?.getAttribute('lang'));
  if (lang) meta.language = lang.toLowerCase();
  return meta;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
]);
const CHROME =
  'nav, aside, footer, header, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [aria-hidden="true"], [hidden]';

/** Block structure to paragraphs: one per block element, <br> a line break inside one. */
function blocksToText(root: El): string {
  const paras: string[] = [];
  let cur = '';
  const flush = (): void => {
    const lines = cur
      .split('\n')
      .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((l) => l !== '');
    if (lines.length) paras.push(lines.join('\n'));
    cur = '';
  };
  const walk = (node: El): void => {
    for (const child of Array.from(node.childNodes) as El[]) {
      if (child.nodeType === 3) cur += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = child.tagName.toUpperCase();
        if (DROP.has(tag)) continue;
        if (tag === 'BR') cur += '\n';
        else if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

/** Without Readability's verdict: the article (or main, or body) minus page chrome. */
function fallbackBody(doc: Doc): El | null {
  const root = (doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body) as El | null;
  if (!root) return null;
  for (const el of Array.from(root.querySelectorAll(CHROME)) as El[]) el.remove();
  return root;
}

function sameText(a: string, b: string): boolean {
  const k = (s: string) =>
    s
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .toLowerCase();
  return k(a) === k(b);
}

/**
 * Nesting and size past which a page is not laid out for reading: Readability's scoring
 * walks up and down the tree for every paragraph, so 2,000 nested elements take tens of
 * seconds and 100,000 overflow the stack. Real article pages nest a few dozen deep and
 * hold a few thousand elements; the limits leave a wide margin above that.
 */
export const MAX_HTML_DEPTH = 400;
export const MAX_HTML_ELEMENTS = 60_000;

/** Tags a page may leave open (the parser closes them), so they do not count as nesting. */
const SELF_CLOSING =
  /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|td|th|tr|dt|dd|option|tbody|thead|tfoot|colgroup|rt|rp|optgroup)$/i;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/** How deep the markup nests and how many elements it opens, in one pass over the text. */
export function htmlShape(html: string): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of html.matchAll(TAG)) {
    if (m[1]) {
      if (!SELF_CLOSING.test(m[2])) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (m[3] || SELF_CLOSING.test(m[2])) continue;
    if (++depth > max) max = depth;
  }
  return { depth: max, elements };
}

const KEEP_TAG = /^(?:html|head|body|title|meta|link|script|style|noscript|template)$/i;

/**
 * A page too deep or too large to lay out, reduced to what reading needs: the head (title,
 * meta tags, JSON-LD) as written, every block boundary as a paragraph break, inline markup
 * dropped. The result is two levels deep whatever the input was.
 */
function flattenMarkup(html: string): string {
  return html
    .replace(TAG, (tag, _close: string, name: string) => {
      if (KEEP_TAG.test(name)) return tag;
      return BLOCK.has(name.toUpperCase()) || /^br$/i.test(name) ? '</p><p>' : '';
    })
    .replace(/(?:<\/p><p>\s*)+/g, '</p><p>');
}

export function parseHtml(html: string): { text: string; meta: Partial<ArticleMeta> } {
  const shape = htmlShape(html);
  if (shape.depth > MAX_HTML_DEPTH || shape.elements > MAX_HTML_ELEMENTS) html = flattenMarkup(html);
  const { document } = parseHTML(html);
  const { headline, ...meta } = readMeta(document);

  let body = '';
  let readTitle: string | null = null;
  let byline: string | null = null;
  try {
    // Readability mutates the document it is given; the metadata above is already read.
    const { document: copy } = parseHTML(html);
    for (const el of Array.from(copy.querySelectorAll('script, style, noscript, template')) as El[])
      el.remove();
    const result = new Readability(copy as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
    if (result?.content) {
      const { document: content } = parseHTML(`<!doctype html><html><body>${result.content}</body></html>`);
      body = blocksToText(content.body as El);
      readTitle = str(result.title);
      byline = str(result.byline);
      if (!meta.publishedAt) {
        const d = isoDate(result.publishedTime);
        if (d) meta.publishedAt = d;
      }
      if (!meta.outlet && str(result.siteName)) meta.outlet = str(result.siteName)!;
    }
  } catch {
    body = '';
  }
  if (body.trim() === '') {
    const { document: copy } = parseHTML(html);
    const root = fallbackBody(copy);
    if (root) body = blocksToText(root);
  }

  const title =
    headline ?? readTitle ?? str(document.querySelector('title')?.textContent) ?? guessTitle(body);
  // Readability drops a headline that repeats the title; put it back as the first line so
  // the text reads like the article and matches a text copy that starts with its headline.
  const firstPara = body.split('\n\n')[0] ?? '';
  const text = title && body && !sameText(firstPara, title) ? `${title}\n\n${body}` : body;

  if (title) meta.title = title.replace(/\s+/g, ' ').trim();
  if (!meta.author && byline) meta.author = byline.replace(/^by\s+/i, '');
  if (!meta.outlet) {
    const outlet = guessOutlet(text);
    if (outlet) meta.outlet = outlet;
  }
  return { text, meta };
}
