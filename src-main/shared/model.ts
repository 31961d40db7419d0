/**
 * The words of Claimdesk as data: what the core stores and the renderer shows.
 * Runs anywhere: no Node, Electron or DOM imports.
 */

export type ClaimKind = 'figure' | 'count' | 'date' | 'time' | 'novelty' | 'trend' | 'attribution' | 'event';
export const CLAIM_KINDS: readonly ClaimKind[] = [
  'figure',
  'count',
  'date',
  'time',
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
 * What a number, date or time is about, read from its sentence: the measured property
 * and the qualifiers that keep two values from being one fact (holder, place, period,
 * as-of moment, unit rate), with the source the article cites for it.
 */
export interface ClaimFrame {
  /** What the value measures or counts, in the article's words: "killed", "death toll", "depth", "distance from dorne". */
  property: string | null;
  /** Content words of the value's clause, lower case: what the matcher weighs by rarity. */
  terms: string[];
  /** Folded key of whose value it is (a company, a team, a country), when named. */
  holder: string | null;
  /** Folded key of where it applies ("in Dorne"), when named. */
  place: string | null;
  /** The period the value is about ("2023"), when stated. */
  period: string | null;
  /** The day a running tally holds at, when the sentence names it (ISO date). */
  asOf: string | null;
  /** Whether the value is a tally that grows as reporting goes on ("the toll rose to", "at least", "so far"). */
  running: boolean;
  /** Who the article cites for it: "the health ministry", "police". */
  source: string | null;
  /** A rate's denominator: "share" in "€38.50 a share", "day" in "per day". */
  per: string | null;
  /**
   * How far a count had got when the value was read ("95% counted" in "with 95% of ballots
   * counted, Civic Renewal had 32.1%"): a share at one stage of counting is not the final one.
   */
  progress?: string | null;
}

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
  /** A range's upper end in base units ("7-9%", "between £45m and £60m"); `amount` is then its lower end. */
  to?: number;
  approx: Approximation;
  /** The period the figure is about: "2023", "2022-01..2022-06", null when unstated. */
  period: string | null;
  /** What it measures: "trade turnover", "investment", "population". */
  metric: string | null;
  /** Between whom / of whom: folded entity keys, e.g. ["vietnam", "azerbaijan"]. */
  parties: string[];
  frame?: ClaimFrame;
  display: string;
}

export interface CountValue {
  type: 'count';
  count: number;
  /** The counted noun, singular, lower case: "visit", "student", "agreement". */
  noun: string;
  /** A range's upper end ("between 300 and 400 people"); `count` is then its lower end. */
  to?: number;
  approx: Approximation;
  period: string | null;
  frame?: ClaimFrame;
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

/** A time of day as written, with its zone and, where the zone allows, the same moment in UTC. */
export interface TimeValue {
  type: 'time';
  /** Minutes after midnight on the clock as written. */
  minutes: number;
  /** "GMT", "CET", "local", "EST-5"…; null when none is named. */
  zone: string | null;
  /** The zone's offset from UTC in minutes (local time minus UTC), when known. */
  offset: number | null;
  /** The same moment in UTC, minutes after midnight, when the offset is known. */
  utc: number | null;
  frame?: ClaimFrame;
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
  | FigureValue
  | CountValue
  | DateValue
  | TimeValue
  | NoveltyValue
  | TrendValue
  | AttributionValue
  | EventValue;

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
