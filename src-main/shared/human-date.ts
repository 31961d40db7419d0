/**
 * Dates for people. ISO 8601 writes a day whose year is not stated as "--04-21"; the
 * extractor keeps that form (it is what the matcher compares), but nobody should read
 * it: "21 April (year not stated)" is what the article said. Runs anywhere.
 */
/** Month names in English, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const month = (mm: string) => MONTHS[Number(mm) - 1] ?? mm;

/**
 * A date as people write it: "9 May 2025", "May 2025", "2025", "21 April (year not
 * stated)", "undated" for none; anything else as given.
 */
export function humanDate(d: string | null | undefined): string {
  if (!d) return 'undated';
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (m) return `${Number(m[3])} ${month(m[2]!)} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(d);
  if (m) return `${month(m[2]!)} ${m[1]}`;
  if (/^\d{4}$/.test(d)) return d;
  m = /^--(\d{2})-(\d{2})$/.exec(d);
  if (m) return `${Number(m[2])} ${month(m[1]!)} (year not stated)`;
  m = /^--(\d{2})$/.exec(d);
  if (m) return `${month(m[1]!)} (year not stated)`;
  return d;
}

/**
 * A value's readable form with yearless ISO dates written out: "--04-20 – --04-22"
 * becomes "20 April – 22 April (year not stated)". Other text is left as it is.
 */
export function humanDisplay(display: string): string {
  if (!/(^|[^\d-])--\d{2}/.test(display)) return display;
  const out = display
    .replace(
      /(^|[^\d-])--(\d{2})-(\d{2})\b/g,
      (_, pre: string, mm: string, dd: string) => `${pre}${Number(dd)} ${month(mm)}`,
    )
    .replace(/(^|[^\d-])--(\d{2})\b/g, (_, pre: string, mm: string) => `${pre}${month(mm)}`);
  return `${out} (year not stated)`;
}

/** Why a publication date an editor typed is not one (YYYY-MM-DD, YYYY-MM or YYYY, a real day), or null. */
export function publishedAtProblem(d: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (m) {
    const month = m[2] ? Number(m[2]) : 1;
    const day = m[3] ? Number(m[3]) : 1;
    const t = new Date(Date.UTC(Number(m[1]), month - 1, day));
    if (month >= 1 && month <= 12 && t.getUTCMonth() === month - 1 && t.getUTCDate() === day) return null;
  }
  return `"${d}" is not a publication date; give it as YYYY-MM-DD (2025-05-09), YYYY-MM or YYYY.`;
}
