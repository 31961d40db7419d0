/**
 * Reading one file into an article: parse its format, then extract its claims. This is
 * the part of an import that can take long on a hostile or huge file, so it runs in a
 * worker (see `reader.ts`); storing the result stays on the desk's thread.
 */
import { extractArticle } from '../extract';
import type { ExtractionResult } from '../extract/types';
import { parseDocument, type ParsedDocument } from './formats';

export interface ReadArticle {
  doc: ParsedDocument;
  extraction: ExtractionResult;
}

export async function readArticle(name: string, bytes: Uint8Array): Promise<ReadArticle> {
  const doc = await parseDocument(name, bytes);
  const extraction = extractArticle({ text: doc.text, publishedAt: doc.meta.publishedAt ?? null });
  return { doc, extraction };
}
