/**
 * Word files through mammoth's raw-text extraction: one paragraph per Word paragraph,
 * separated by blank lines. Embedded images and styles are ignored; nothing is fetched.
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { DeskError } from '../../../shared/errors';

/**
 * The most a Word file may unpack to. A long report with images unpacks to a few tens of
 * megabytes; a zip bomb of 1 MB claims gigabytes, and mammoth would inflate all of it in
 * memory before reading a word.
 */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * The total size a zip's central directory declares for its entries, or null when the
 * file has no readable directory (mammoth then reports it as not a Word document). The
 * directory is read, not trusted blindly: ZIP64 sizes (0xFFFFFFFF) count as over the limit,
 * and each deflated entry is inflated with a cap on its output, so an entry whose directory
 * understates its size is measured by what it really unpacks to (Infinity past the cap)
 * before mammoth would inflate all of it in memory.
 */
export function declaredUnpackedBytes(bytes: Uint8Array, limit = MAX_DOCX_UNPACKED_BYTES): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    if (total + size > limit) return total + size;
    total += Math.max(size, inflatedBytes(bytes, view, at, limit - total));
    if (total > limit) return total;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/**
 * What the deflated entry whose directory record starts at `at` really unpacks to,
 * inflating at most `cap` bytes (Infinity past it). 0 for a stored entry or one that
 * cannot be inflated: its declared size stands, and mammoth reports a broken entry itself.
 */
function inflatedBytes(bytes: Uint8Array, view: DataView, at: number, cap: number): number {
  const method = view.getUint16(at + 10, true);
  const packed = view.getUint32(at + 20, true);
  const local = view.getUint32(at + 42, true);
  if (method !== 8 || local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return 0;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + packed));
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1) }).byteLength;
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? Infinity : 0;
  }
}

export async function docxText(name: string, bytes: Uint8Array): Promise<string> {
  const unpacked = declaredUnpackedBytes(bytes);
  if (unpacked !== null && unpacked > MAX_DOCX_UNPACKED_BYTES)
    throw new DeskError(
      'too_large',
      `${name} unpacks to ${Number.isFinite(unpacked) ? `${Math.round(unpacked / 1024 / 1024)} MB` : `more than ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB`}, more than the ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB a Word document may hold here; it was not imported.`,
    );
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
