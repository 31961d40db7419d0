/**
 * PDF source notes without Electron: the HTML notes printed by Chromium through
 * playwright-core, the same engine the desktop app's printToPDF uses, so the CLI, the
 * browser mode and the app give one PDF. Chromium is found at CLAIMDESK_CHROMIUM or the
 * usual system paths; when there is none the message says what to install.
 *
 * The page is loaded with JavaScript off and no network: the notes' own Content
 * Security Policy already forbids both, this is the second lock.
 */
import { existsSync } from 'node:fs';
import { DeskError } from '../../shared/errors';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The Chromium to print with, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env['CLAIMDESK_CHROMIUM'];
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface PdfOptions {
  /** A Chromium executable; found on the system when absent. */
  executablePath?: string;
}

export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath || !existsSync(executablePath))
    throw new DeskError(
      'unavailable',
      `PDF notes need Chromium, and none was found${opts.executablePath ? ` at ${opts.executablePath}` : ` (looked at ${CANDIDATES.slice(0, 4).join(', ')})`}. ` +
        'Install Chromium (for example "apt install chromium"), or set CLAIMDESK_CHROMIUM to its path; ' +
        'the HTML notes print to PDF from any browser meanwhile.',
    );
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch (err) {
    throw new DeskError(
      'unavailable',
      `Chromium at ${executablePath} could not start to print the PDF: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font: 8px sans-serif; width: 100%; text-align: center; color: #555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
