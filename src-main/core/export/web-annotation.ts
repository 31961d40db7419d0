/**
 * The editor's decisions and notes as W3C Web Annotations (JSON-LD), the format
 * Hypothesis and other annotation tools read: an AnnotationCollection whose first
 * page holds one annotation per claim in each decided conflict (motivation
 * `assessing`) and one per note (`commenting`). Each target names the article (its
 * URL, or a stable urn from its content hash when it has none) with a
 * TextQuoteSelector and a TextPositionSelector, so a reader can re-anchor the claim.
 *
 * TextPositionSelector counts Unicode code points, not the UTF-16 units JavaScript
 * strings index by; positions are converted.
 */
import type { Db } from '../db/open';
import {
  decisionText,
  loadExport,
  verdict,
  type ArticleRec,
  type ClaimRec,
  type ExportModel,
  type ExportOptions,
  type NoteRec,
} from './model';
import { safeHref } from '../../shared/evidence';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A code-point offset for a UTF-16 offset into `text`. */
export function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair is the same code point as its high half.
    if (!(
      c >= 0xdc00 &&
      c <= 0xdfff &&
      i > 0 &&
      text.charCodeAt(i - 1) >= 0xd800 &&
      text.charCodeAt(i - 1) <= 0xdbff
    ))
      n++;
  }
  return n;
}

export function articleIri(a: ArticleRec): string {
  return a.url ?? `urn:claimdesk:article:${a.contentHash}`;
}

/** Most articles have no character outside the BMP; their offsets need no conversion. */
const astral = new WeakMap<ArticleRec, boolean>();
function position(a: ArticleRec, utf16: number): number {
  let has = astral.get(a);
  if (has === undefined) {
    has = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(a.text);
    astral.set(a, has);
  }
  return has ? codePointOffset(a.text, utf16) : utf16;
}

function target(m: ExportModel, c: ClaimRec) {
  const a = m.article(c.articleId);
  return {
    source: articleIri(a),
    selector: [
      { type: 'TextQuoteSelector', exact: c.quote, prefix: c.prefix, suffix: c.suffix },
      {
        type: 'TextPositionSelector',
        start: position(a, c.start),
        end: position(a, c.end),
      },
    ],
  };
}

const person = (name: string | null) => ({ type: 'Person', name: name ?? 'Unknown editor' });

/** The editor's verdict on one claim as a tag: what a reader filters on. */
function tag(v: boolean | null, status: string): string {
  if (v === true) return 'accurate';
  if (v === false) return 'inaccurate';
  if (status === 'dismissed') return 'no-conflict';
  return 'disputed';
}

export function webAnnotations(m: ExportModel): object {
  const items: object[] = [];
  for (const c of m.conflicts) {
    if (c.status !== 'confirmed' && c.status !== 'dismissed' && c.status !== 'resolved') continue;
    for (const claimId of [...c.sideA, ...c.sideB]) {
      const claim = m.claim(claimId);
      items.push({
        id: `urn:claimdesk:conflict:${c.id}:claim:${claimId}`,
        type: 'Annotation',
        motivation: 'assessing',
        created: c.updatedAt,
        creator: person(c.editor),
        body: [
          {
            type: 'TextualBody',
            purpose: 'assessing',
            format: 'text/plain',
            value: decisionText(m, c, claimId),
          },
          { type: 'TextualBody', purpose: 'tagging', value: tag(verdict(c, claimId), c.status) },
          // Each evidence address as a linked resource, so a reader of the annotation can follow it.
          ...c.evidenceItems
            .filter((e) => safeHref(e.url))
            .map((e) => ({ type: 'SpecificResource', purpose: 'linking', source: safeHref(e.url) })),
        ],
        target: target(m, claim),
      });
    }
  }
  const note = (n: NoteRec, targets: object[]) => ({
    id: `urn:claimdesk:note:${n.id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: n.createdAt,
    creator: person(n.editor),
    body: { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: n.body },
    target: targets.length === 1 ? targets[0] : targets,
  });
  const seen = new Set<number>();
  const once = (n: NoteRec) => !seen.has(n.id) && seen.add(n.id);
  for (const a of m.articles) {
    for (const n of a.notes.filter(once)) items.push(note(n, [{ source: articleIri(a) }]));
    for (const c of a.claims) for (const n of c.notes.filter(once)) items.push(note(n, [target(m, c)]));
  }
  for (const c of m.conflicts) {
    const targets = [...c.sideA, ...c.sideB].map((id) => target(m, m.claim(id)));
    for (const n of c.notes.filter(once)) items.push(note(n, targets));
  }
  return {
    '@context': ANNO_CONTEXT,
    id: 'urn:claimdesk:annotations',
    type: 'AnnotationCollection',
    label: 'Claimdesk decisions and notes',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function exportWebAnnotations(db: Db, opts: ExportOptions): string {
  return `${JSON.stringify(webAnnotations(loadExport(db, opts)), null, 2)}\n`;
}
