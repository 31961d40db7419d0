/**
 * URL import: one GET with a time limit, the body capped at the article size limit,
 * and a file name whose extension tells parseDocument which path to take. Failures
 * say whether the machine is offline, the server refused, or the page is too big.
 */
import { DeskError } from '../../../shared/errors';
import { MAX_ARTICLE_BYTES } from '../../../shared/contract';

export interface FetchedFile {
  name: string;
  bytes: Uint8Array;
  /** The address after redirects: the article's URL. */
  url: string;
  contentType: string;
}

const EXT_BY_TYPE: [RegExp, string][] = [
  [/html|xhtml/, '.html'],
  [/pdf/, '.pdf'],
  [/wordprocessingml/, '.docx'],
  [/markdown/, '.md'],
  [/text\/plain/, '.txt'],
];

/** Codes Node's fetch reports when no connection could be made at all. */
const OFFLINE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|UND_ERR_CONNECT/;

function fileName(url: URL, contentType: string): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '') || url.hostname;
  const safe = last.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120) || 'article';
  const ext = EXT_BY_TYPE.find(([re]) => re.test(contentType))?.[1];
  if (!ext || safe.toLowerCase().endsWith(ext)) return safe;
  return `${safe.replace(/\.(html?|php|aspx?|jsp)$/i, '')}${ext}`;
}

export async function fetchArticle(url: string, timeoutMs = 20_000): Promise<FetchedFile> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeskError('invalid_input', `${url} is not a web address.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DeskError('invalid_input', `${url} is not an http(s) address.`);
  }
  let res: Response;
  try {
    res = await fetch(parsed, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' },
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const detail = e.cause?.code ?? e.cause?.message ?? e.message;
    const why =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `no answer within ${Math.round(timeoutMs / 1000)} s`
        : detail;
    // Node reports every connection failure as "fetch failed"; the cause names it.
    const offline = OFFLINE.test(`${detail} ${e.message}`) || e.message === 'fetch failed' || why !== detail;
    throw new DeskError(
      'offline',
      offline
        ? `Could not fetch ${url}: the machine appears to be offline (${why}).`
        : `Could not fetch ${url}: ${why}.`,
    );
  }
  if (!res.ok) {
    throw new DeskError(
      'bad_file',
      `Could not fetch ${url}: the server answered ${res.status} ${res.statusText}.`,
    );
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  const tooLarge = () =>
    new DeskError(
      'too_large',
      `${url} is too large to import (more than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB).`,
    );
  if (declared > MAX_ARTICLE_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_ARTICLE_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const contentType = (res.headers.get('content-type') ?? '').toLowerCase();
  const finalUrl = res.url || parsed.href;
  return { name: fileName(new URL(finalUrl), contentType), bytes, url: finalUrl, contentType };
}
