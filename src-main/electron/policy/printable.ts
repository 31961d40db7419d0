/**
 * Source notes are printed to PDF by loading their HTML into a hidden window. The HTML
 * holds text from the articles (titles, quotes, links), so that window must not fetch,
 * run or navigate anything: scripts are off in its preferences, and this policy, put
 * first in the document, forbids every load but inline styles and embedded images.
 */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * The HTML with the print policy as the first element the parser meets. The document's
 * own doctype goes first (without one the page would render in quirks mode); its <html>
 * and <head> tags that follow are merged into the ones the policy opened, as parsers do.
 */
export function printableHtml(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const body = html.replace(/^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype[^>]*>)?/i, '');
  return `<!doctype html>${meta}${body}`;
}
