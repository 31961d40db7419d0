/**
 * The words of Claimdesk as data: what the core stores and the renderer shows.
 * Runs anywhere: no Node, Electron or DOM imports.
 */

export type ClaimKind = 'figure' | 'count' | 'date' | 'novelty' | 'trend' | 'attribution' | 'event';
export const CLAIM_KINDS: readonly ClaimKind[] = [
  'figure',
  'count',
  'date',
  'novelty',
  'trend',
  'attribution',
  'event',
];

export type PassageKind = 'paragraph' | 'sentence';

export type ConflictKind =
  | 'figure_mismatch'
  | 'trend_contradiction'
  | 'novelty_vs_precedent'
  | 'date_mismatch'
  | 'count_mismatch'
  | 'manual';
export const CONFLICT_KINDS: readonly ConflictKind[] = [
  'figure_mismatch',
  'trend_contradiction',
  'novelty_vs_precedent',
  'date_mismatch',
  'count_mismatch',
  'manual',
];

export type ConflictStatus = 'suggested' | 'open' | 'confirmed' | 'dismissed' | 'resolved';
export const CONFLICT_STATUSES: readonly ConflictStatus[] = [
  'suggested',
  'open',
  'confirmed',
  'dismissed',
  'resolved',
];

export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** How a stated number relates to the true one ("over 5,000", "roughly $160 million"). */
export type Approximation = 'exact' | 'about' | 'over' | 'under' | 'at_least' | 'at_most';

/**
 * Normalised values, one shape per claim kind. `display` is what an editor reads;
 * the other fields are what a program compares.
 */
export interface FigureValue {
  type: 'figure';
  /** The amount in base units: "$594.6 million" → 594600000. */
  amount: number;
  /** "USD", "EUR", "VND"… for money; null otherwise. */
  currency: string | null;
  /** "%", "tonnes", "km", "people"…; null for money. */
  unit: string | null;
  approx: Approximation;
  /** The period the figure is about: "2023", "2022-01..2022-06", null when unstated. */
  period: string | null;
  /** What it measures: "trade turnover", "investment", "population". */
  metric: string | null;
  /** Between whom / of whom: folded entity keys, e.g. ["vietnam", "azerbaijan"]. */
  parties: string[];
  display: string;
}

export interface CountValue {
  type: 'count';
  count: number;
  /** The counted noun, singular, lower case: "visit", "student", "agreement". */
  noun: string;
  approx: Approximation;
  period: string | null;
  display: string;
}

export type DateGranularity = 'day' | 'month' | 'year' | 'decade' | 'range';

export interface DateValue {
  type: 'date';
  /** ISO start of the date: "2025-05-07", "2025-05", "1959", "1980" (decade start). */
  date: string;
  /** ISO end for ranges ("April 20-22" → end "2025-04-22"); null otherwise. */
  end: string | null;
  granularity: DateGranularity;
  /** Weekday named in the text ("Wednesday"), null when none. */
  weekday: string | null;
  /** "early", "late", "mid" for "early 1980s"; null otherwise. */
  part: 'early' | 'mid' | 'late' | null;
  /** What happened on that date, when the sentence says: "visit", "meeting", "talks". */
  event: string | null;
  display: string;
}

export type NoveltyScope =
  | { kind: 'unqualified' }
  | { kind: 'since'; year: number | null; text: string }
  | { kind: 'in_years'; years: number; text: string }
  | { kind: 'modern_history'; text: string }
  | { kind: 'other'; text: string };

export interface NoveltyValue {
  type: 'novelty';
  /** The wording: "first-ever", "first time", "never before", "historic"… */
  phrase: string;
  /** Whether the wording asserts that nothing like it happened before (first, never) or only praises (historic). */
  strength: 'first' | 'superlative';
  scope: NoveltyScope;
  /** What is claimed to be first: "visit", "trip", "meeting". */
  event: string | null;
  display: string;
}

export interface TrendValue {
  type: 'trend';
  direction: 'up' | 'down' | 'flat';
  /** "trade turnover", "exports", "trade exchanges". */
  metric: string | null;
  /** "in recent years", "2024", "since 2020"; null when unstated. */
  window: string | null;
  display: string;
}

export interface AttributionValue {
  type: 'attribution';
  speaker: string;
  verb: string;
  display: string;
}

export interface EventValue {
  type: 'event';
  /** "visit", "meeting", "talks", "signing". */
  event: string;
  /** Folded key of who did it, when known. */
  actor: string | null;
  /** Folded key of where, when known. */
  place: string | null;
  /** When, as in DateValue.date, when the sentence says. */
  date: string | null;
  display: string;
}

export type ClaimValue =
  FigureValue | CountValue | DateValue | NoveltyValue | TrendValue | AttributionValue | EventValue;

/** W3C TextQuoteSelector + TextPositionSelector, so a claim can be re-anchored. */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ArticleMeta {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  language: string | null;
}
