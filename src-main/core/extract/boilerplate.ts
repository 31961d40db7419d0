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
  /^(?:also on\b.{0,40}|related coverage|more on this story|more from\b.{0,40}|see more|read more|related(?: news| articles?| stories| posts)?|more (?:news|stories)|you may (?:also )?like|also read|recommended|further reading|latest news|most read)\s*:?$/i;

const IMAGE_FILE = /^[^\s/\\]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif)$/i;
const PHOTO_TAIL = /\((?:photo|image|picture|pic|credit|photo credit|source: photo)s?\b[^()]*\)\s*$/i;
const PHOTO_LABEL =
  /(?:^|[.\s])(?:photo|image|picture|credit|photo credit)s?\s*:\s*[\p{L}\p{N}. /&-]{1,40}$/iu;
const BYLINE =
  /^(?:by|story by|reported by|reporting by|additional reporting by|writing by|written by|words by|text|photos? by|reporter|reporters|author|editing by|edited by)\b[:\s]+\p{Lu}[\p{L}\p{M}.'’ ,;/&-]{1,100}$/iu;
/**
 * "By Wednesday evening, six people were still missing": a sentence that opens with "By"
 * and a day or a time of day, not a byline.
 */
function prose(line: string): boolean {
  return /^by\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|noon|midnight|nightfall|dawn|midday|mid-morning|mid-afternoon|late|early)\b/i.test(
    line,
  );
}
const AGENCY_ALONE = /^[—–-]?\s*\(?[A-Z]{2,8}(?:\/[A-Z]{2,8})*\)?\s*(?:\/\.)?$/;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|all rights reserved/i;

/** A single link to another story: "See also: Why …", "Read more: …". */
const TEASER_LINE = /^(?:see also|read more|read also|related|more|also read|watch)\s*:\s*\S/i;
/** Sign-offs naming the outlet: "— BTV News, Bozkaya bureau". */
const SIGN_OFF_LINE = /^[—–-]\s*\p{Lu}[^.!?]{0,60}$/u;
/** Publication footers: newsletters, "X is produced by …", follow-us lines. */
const FOOTER =
  /^(?:subscribe\b|sign up\b|follow us\b|download (?:our|the) app\b)|\bnewsletter\b.{0,80}$|^[\p{Lu}][^.]{0,60}\bis (?:produced|published|edited) by\b/iu;

/** Reason a whole paragraph is boilerplate, or null when it is prose. */
export function paragraphBoilerplate(line: string): BoilerplateReason | null {
  if (TEASER_LINE.test(line) && line.length < 200) return 'teaser';
  if (SIGN_OFF_LINE.test(line)) return 'sign-off';
  if (line.length < 300 && FOOTER.test(line)) return 'credit';
  if (IMAGE_FILE.test(line)) return 'image-file';
  if (AGENCY_ALONE.test(line)) return 'sign-off';
  if (line.length <= 140 && BYLINE.test(line) && !prose(line)) return 'byline';
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
