/**
 * Word files through mammoth's raw-text extraction: one paragraph per Word paragraph,
 * separated by blank lines. Embedded images and styles are ignored; nothing is fetched.
 */
import mammoth from 'mammoth';
import { DeskError } from '../../../shared/errors';

export async function docxText(name: string, bytes: Uint8Array): Promise<string> {
  let raw: string;
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    raw = result.value;
  } catch (err) {
    throw new DeskError('bad_file', `${name} cannot be read as a Word document (${(err as Error).message}).`);
  }
  // mammoth ends every paragraph with "\n\n"; empty Word paragraphs add nothing to read.
  return raw
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t\u00a0]+$/gm, '').replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .join('\n\n');
}
