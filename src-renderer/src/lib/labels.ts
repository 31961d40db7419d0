/**
 * Words and symbols for kinds and statuses. Every badge pairs its colour with a
 * symbol and a word, so nothing is told by colour alone.
 */
import { humanDate } from '../../../src-main/shared/human-date';
import type { ClaimKind, ConflictKind, ConflictStatus } from '../../../src-main/shared/model';

export const CLAIM_KIND_LABEL: Record<ClaimKind, string> = {
  figure: 'Figure',
  count: 'Count',
  date: 'Date',
  time: 'Time of day',
  novelty: 'Novelty',
  trend: 'Trend',
  attribution: 'Attribution',
  event: 'Event',
};

/** A short mark shown in the reader next to highlighted claims. */
export const CLAIM_KIND_SHORT: Record<ClaimKind, string> = {
  figure: 'fig',
  count: 'cnt',
  date: 'date',
  time: 'time',
  novelty: 'new',
  trend: 'trend',
  attribution: 'attr',
  event: 'evt',
};

export const CONFLICT_KIND_LABEL: Record<ConflictKind, string> = {
  figure_mismatch: 'figure mismatch',
  trend_contradiction: 'trend contradiction',
  novelty_vs_precedent: 'novelty vs precedent',
  date_mismatch: 'date mismatch',
  count_mismatch: 'count mismatch',
  manual: 'editor flag',
};

export const STATUS_LABEL: Record<ConflictStatus, string> = {
  suggested: 'suggested',
  open: 'open',
  confirmed: 'confirmed',
  dismissed: 'dismissed',
  resolved: 'resolved',
};

export const STATUS_ICON: Record<ConflictStatus, string> = {
  suggested: '?',
  open: '●',
  confirmed: '!',
  dismissed: '–',
  resolved: '✓',
};

/** "⚑ novelty vs precedent · suggested" */
export function conflictBadgeText(kind: ConflictKind, status: ConflictStatus): string {
  return `⚑ ${CONFLICT_KIND_LABEL[kind]} · ${STATUS_LABEL[status]}`;
}

/** "2025-05-09" → "9 May 2025"; anything else is shown as written. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  // Partial dates ("2025-05", "--04-21") written out, never printed as ISO fragments.
  if (!m) return humanDate(iso);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** One formatter for every count: toLocaleString() builds a new one per call, which a long list feels. */
let numbers: Intl.NumberFormat | undefined;

export function plural(n: number, one: string, many = `${one}s`): string {
  numbers ??= new Intl.NumberFormat();
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}
