/**
 * Marks the passages that are not the article's own prose: photo captions and
 * credits, bare image file names, "See more" blocks of related-article teasers,
 * bylines, agency sign-offs and the scraped " date YYYY-MM-DD" header. They stay in
 * the desk (the reader shows them dimmed) but claims inside them are flagged so the
 * matcher leaves them out.
 */

export type BoilerplateReason =
  'caption' | 'credit' | 'image-file' | 'teaser' | 'byline' | 'sign-off' | 'dateline-meta';

/** A line that opens a block of links to other stories: everything after it is teaser. */
const TEASER_HEAD =
  /^(?:see more|read more|related(?: news| articles?| stories| posts)?|more (?:news|stories)|you may (?:also )?like|also read|recommended|further reading|latest news|most read)\s*:?$/i;

const IMAGE_FILE = /^[^\s/\\]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif)$/i;
const PHOTO_TAIL = /\((?:photo|image|picture|pic|credit|photo credit|source: photo)s?\b[^()]*\)\s*$/i;
const PHOTO_LABEL =
  /(?:^|[.\s])(?:photo|image|picture|credit|photo credit)s?\s*:\s*[\p{L}\p{N}. /&-]{1,40}$/iu;
const BYLINE =
  /^(?:by|story by|reported by|written by|words by|reporter|reporters|author|editing by|edited by)\b[:\s]+\p{Lu}[\p{L}\p{M}.'’ ,-]{1,80}$/iu;
const AGENCY_ALONE = /^[—–-]?\s*\(?[A-Z]{2,8}(?:\/[A-Z]{2,8})*\)?\s*(?:\/\.)?$/;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|all rights reserved/i;

/** Reason a whole paragraph is boilerplate, or null when it is prose. */
export function paragraphBoilerplate(line: string): BoilerplateReason | null {
  if (IMAGE_FILE.test(line)) return 'image-file';
  if (AGENCY_ALONE.test(line)) return 'sign-off';
  if (line.length <= 120 && BYLINE.test(line)) return 'byline';
  if (COPYRIGHT.test(line) && line.length < 200) return 'credit';
  if (PHOTO_TAIL.test(line) || PHOTO_LABEL.test(line)) return 'caption';
  return null;
}

export function isTeaserHead(line: string): boolean {
  return TEASER_HEAD.test(line);
}

/** Reason a single sentence is boilerplate inside a prose paragraph ("(Photo: VNA)", "— VNS"). */
export function sentenceBoilerplate(sentence: string): BoilerplateReason | null {
  if (/^\((?:photo|image|credit|source)s?\b[^()]*\)$/i.test(sentence)) return 'credit';
  if (/^(?:photo|image|credit)s?\s*:/i.test(sentence) && sentence.length < 80) return 'credit';
  if (AGENCY_ALONE.test(sentence)) return 'sign-off';
  if (IMAGE_FILE.test(sentence)) return 'image-file';
  return null;
}
