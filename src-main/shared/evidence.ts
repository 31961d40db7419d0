/**
 * Evidence on a decision as data: a list of items, each a source an editor relied on —
 * a web address, what it is ("State Statistics, table 4") and, where it helps, the
 * passage quoted from it. Exports turn each address into a link, so an address is only
 * accepted when it is a web page (http or https): anything else ("javascript:", a file
 * path, a typo) is refused with a message naming the item.
 *
 * Runs anywhere: the window checks items as they are typed, the core before it stores them.
 */
import { DeskError } from './errors';

/**
 * The WHATWG URL parser: present in every runtime this file runs in (Node, the window),
 * though the plain ES library types this folder is checked against do not declare it.
 */
declare const URL: new (input: string) => { readonly protocol: string; readonly href: string };

export interface EvidenceItem {
  /** A web address (http or https), or null for an offline source (a phone call, a printed report). */
  url: string | null;
  /** What the source is; may be empty when the address says it all. */
  title: string;
  /** A passage quoted from the source, or null. */
  passage: string | null;
}

export interface EvidenceInput {
  url?: string | null | undefined;
  title?: string | undefined;
  passage?: string | null | undefined;
}

export const MAX_EVIDENCE_ITEMS = 50;

/** The reason a web address cannot be a link, or null when it can. */
export function evidenceUrlProblem(url: string): string | null {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return `"${url}" is not a web address; give it in full, starting with https:// or http://.`;
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    return `"${url}" is a ${protocol.replace(/:$/, '')}: address; only web addresses (https:// or http://) can be evidence links.`;
  return null;
}

/** Checks and tidies evidence items; throws a DeskError naming the first bad item. */
export function normaliseEvidence(items: readonly EvidenceInput[]): EvidenceItem[] {
  if (items.length > MAX_EVIDENCE_ITEMS)
    throw new DeskError('invalid_input', `At most ${MAX_EVIDENCE_ITEMS} evidence items per decision.`);
  const out: EvidenceItem[] = [];
  items.forEach((item, i) => {
    const url = item.url?.trim() || null;
    const title = item.title?.trim() ?? '';
    const passage = item.passage?.trim() || null;
    if (!url && !title && !passage) return; // an empty row of the form
    if (url) {
      const problem = evidenceUrlProblem(url);
      if (problem) throw new DeskError('invalid_input', `Evidence item ${i + 1}: ${problem}`);
    }
    if (!url && !title)
      throw new DeskError(
        'invalid_input',
        `Evidence item ${i + 1}: say what the quoted passage comes from (a title or a web address).`,
      );
    out.push({ url: url ? new URL(url).href : null, title, passage });
  });
  return out;
}

/**
 * Evidence written as text (the command line's `--evidence`, older desks): one item per
 * line, a web address at the start or the end of the line split from its description
 * ("https://stat.example/trade/ — State Statistics, table 4"). Addresses are not checked
 * here; `normaliseEvidence` does that.
 */
export function evidenceFromText(text: string): EvidenceInput[] {
  const out: EvidenceInput[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\S+:\/\/\S+)\s*(.*)$/.exec(line) ?? /^(.*?)\s+(\S+:\/\/\S+)$/.exec(line);
    if (!m) {
      out.push({ title: line });
      continue;
    }
    const [url, rest] = /:\/\//.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    out.push({ url, title: rest.replace(/^[\s—–\-:|,;]+|[\s—–\-:|,;]+$/g, '') });
  }
  return out;
}

/** Evidence items read from the desk (a JSON array); anything unreadable reads as none. */
export function parseStoredEvidence(json: string | null): EvidenceItem[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
      .map((x) => ({
        url: typeof x['url'] === 'string' && x['url'] ? x['url'] : null,
        title: typeof x['title'] === 'string' ? x['title'] : '',
        passage: typeof x['passage'] === 'string' && x['passage'] ? x['passage'] : null,
      }));
  } catch {
    return [];
  }
}

/**
 * Items for evidence stored only as text (written before evidence items, or by a tool
 * that writes the text column): split as `evidenceFromText` does, an address that is no
 * web address kept in the title as words, never as a link.
 */
export function evidenceFromLegacy(text: string | null): EvidenceItem[] {
  if (!text?.trim()) return [];
  return evidenceFromText(text).map((e) => {
    const url = e.url && !evidenceUrlProblem(e.url) ? e.url : null;
    const title = url || !e.url ? (e.title ?? '') : [e.url, e.title].filter((x) => x).join(' — ');
    return { url, title, passage: null };
  });
}

/** One line per item, for plain-text places (CSV cells, the older evidence column). */
export function evidenceText(items: readonly EvidenceItem[]): string {
  return items
    .map((e) => [e.title, e.url, e.passage ? `“${e.passage}”` : null].filter((x) => x).join(' — '))
    .join('\n');
}

/** Whether an address may become a link: http or https, parsed as a URL. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  return evidenceUrlProblem(url) ? null : new URL(url).href;
}
