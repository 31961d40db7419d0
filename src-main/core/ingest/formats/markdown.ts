/**
 * Markdown articles: front matter (title, date, outlet, url, author) read as plain
 * `key: value` lines, since clipping tools write nothing fancier and a YAML parser
 * would be a dependency for five keys. The front matter leaves the text; heading
 * markers do too, so the stored text reads like the article and matches its other copies.
 */
import type { ArticleMeta } from '../../../shared/model';
import { guessOutlet, guessTitle, datePrefix } from './text';

const FRONT = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) {
    const inner = t.slice(1, -1);
    return t[0] === '"' ? inner.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner.replace(/''/g, "'");
  }
  return t;
}

export function parseFrontMatter(text: string): { fields: Record<string, string>; body: string } {
  const m = FRONT.exec(text);
  if (!m) return { fields: {}, body: text };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = unquote(kv[2]!);
  }
  return { fields, body: text.slice(m[0].length) };
}

/** A date as YYYY-MM-DD when the value starts with one. */
export function isoDate(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return m ? m[1]! : null;
}

export function parseMarkdown(normalised: string): { text: string; meta: Partial<ArticleMeta> } {
  const { fields, body } = parseFrontMatter(normalised);
  const title = fields['title'] || guessTitle(body, true);
  const text = body.replace(/^\n+/, '').replace(/^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1');
  const meta: Partial<ArticleMeta> = {};
  if (title) meta.title = title;
  const date = isoDate(fields['date'] ?? fields['published'] ?? fields['published_at']) ?? datePrefix(text);
  if (date) meta.publishedAt = date;
  const outlet = fields['outlet'] || fields['source'] || fields['site'] || guessOutlet(text);
  if (outlet) meta.outlet = outlet;
  if (fields['url']) meta.url = fields['url'];
  if (fields['author']) meta.author = fields['author'];
  if (fields['lang'] || fields['language']) meta.language = fields['lang'] || fields['language']!;
  return { text, meta };
}
