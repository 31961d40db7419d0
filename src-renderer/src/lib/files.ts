/**
 * Reads files chosen or dropped in the window for articles:import. Text is sent
 * as UTF-8 when it decodes cleanly; anything else (Word, PDF, text in another
 * encoding) goes as base64 so the core sees the real bytes and can name the problem.
 */
export interface FilePayload {
  name: string;
  data: string;
  encoding: 'utf8' | 'base64';
}

const TEXT = /\.(txt|md|markdown|text|html?|csv|json)$/i;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

async function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  // jsdom's Blob lacks arrayBuffer(); FileReader works everywhere.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export async function readFile(file: File): Promise<FilePayload> {
  const bytes = await bytesOf(file);
  if (TEXT.test(file.name)) {
    try {
      const data = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (!data.includes('\u0000')) return { name: file.name, data, encoding: 'utf8' };
    } catch {
      // Not UTF-8: fall through and let the core report it by name.
    }
  }
  return { name: file.name, data: toBase64(bytes), encoding: 'base64' };
}
