/**
 * What the matcher reads (claims as stored in the desk) and what it proposes
 * (facts and conflict suggestions). Pure data: the desk decides what to keep.
 */
import type { ClaimKind, ClaimValue, ConflictKind } from '../../shared/model';

export interface MatchClaim {
  id: number;
  articleId: number;
  /** Article publication date, YYYY-MM-DD or null. */
  publishedAt: string | null;
  kind: ClaimKind;
  start: number;
  end: number;
  quote: string;
  sentence: string;
  sentenceStart: number;
  subject: string | null;
  scope: string | null;
  value: ClaimValue;
  /** Folded entity keys (desk-wide, after alias merging). */
  entityKeys: string[];
}

export interface FactDraft {
  /** Stable key so re-matching finds the same fact again (e.g. "figure|trade turnover|2023|azerbaijan,vietnam"). */
  key: string;
  label: string;
  claimIds: number[];
}

export interface ConflictDraft {
  /** Stable key: the same disagreement found again gets the same key (kind + fact for value disputes, else kind + sorted claim ids per side). */
  key: string;
  kind: ConflictKind;
  /** One sentence that names the values. */
  explanation: string;
  factKey: string;
  sideA: number[];
  sideB: number[];
  /**
   * For one-conflict-per-fact disagreements: the values in dispute, normalised and
   * sorted. The key is then the fact's, and a new value reopens a decided conflict.
   */
  values?: string[];
}

export interface MatchResult {
  facts: FactDraft[];
  conflicts: ConflictDraft[];
}
