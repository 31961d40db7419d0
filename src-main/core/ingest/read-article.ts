/**
 * Reading one file into an article: parse its format, then extract its claims. This is
 * the part of an import that can take long on a hostile or huge file, so it runs in a
 * worker (see `reader.ts`); storing the result stays on the desk's thread.
 *
 * An article may hold at most MAX_ARTICLE_CLAIMS claims. A text under the size limit can
 * still be a data list of hundreds of thousands of figures (a register of 800,000 years
 * is 19 MB): extracting it takes a minute and gigabytes, and matching it more. Such a file
 * is refused by name before extraction when it names more numbers than an article may
 * hold claims (one linear pass), and after it when its claims are still too many.
 */
import { extractArticle } from '../extract';
import type { ExtractionResult } from '../extract/types';
import { DeskError } from '../../shared/errors';
import { parseDocument, type ParsedDocument } from './formats';

export interface ReadArticle {
  doc: ParsedDocument;
  extraction: ExtractionResult;
}

export const MAX_ARTICLE_CLAIMS = 200_000;

/** Numbers in `text`: runs of digits, "1,800" and "2.5" counting once. Stops past `limit`. */
export function countNumbers(text: string, limit = Infinity): number {
  let count = 0;
  let inNumber = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!inNumber) {
        inNumber = true;
        if (++count > limit) return count;
      }
    } else if (inNumber && (c === 44 || c === 46)) {
      const next = text.charCodeAt(i + 1);
      inNumber = next >= 48 && next <= 57;
    } else inNumber = false;
  }
  return count;
}

const many = (n: number) => n.toLocaleString('en');

export async function readArticle(name: string, bytes: Uint8Array): Promise<ReadArticle> {
  const doc = await parseDocument(name, bytes);
  if (countNumbers(doc.text, MAX_ARTICLE_CLAIMS) > MAX_ARTICLE_CLAIMS)
    throw new DeskError(
      'too_large',
      `${name} names more than ${many(MAX_ARTICLE_CLAIMS)} numbers, more claims than one article may hold here (it reads as a data list); it was not imported.`,
    );
  const extraction = extractArticle({ text: doc.text, publishedAt: doc.meta.publishedAt ?? null });
  if (extraction.claims.length > MAX_ARTICLE_CLAIMS)
    throw new DeskError(
      'too_large',
      `${name} holds ${many(extraction.claims.length)} claims, more than the ${many(MAX_ARTICLE_CLAIMS)} one article may hold here; it was not imported.`,
    );
  return { doc, extraction };
}
