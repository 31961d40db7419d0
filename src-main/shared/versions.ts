/**
 * Result types of the version methods: an article's versions, the claims a revision
 * left without a place, and what changed between two versions.
 * Runs anywhere: no Node, Electron or DOM imports.
 */
import type { ClaimKind } from './model';

export type LinkedBy = 'first' | 'url' | 'lead' | 'editor';

export interface VersionSummary {
  articleId: number;
  /** 1 for the first version imported. */
  number: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The "Updated" date the outlet printed, when it did. */
  updatedAt: string | null;
  importedAt: string;
  /** How the version joined the article: its address, its lead, or by hand. */
  linkedBy: LinkedBy;
  latest: boolean;
  claimCount: number;
}

/** A claim of an earlier version that has no place in the version after it. */
export interface OrphanClaim {
  claimId: number;
  /** The version it was on. */
  articleId: number;
  version: number;
  kind: ClaimKind;
  quote: string;
  display: string;
  sentence: string;
  /** Conflicts it took part in, with their status. */
  conflicts: { id: number; status: string }[];
  notes: number;
}

export interface ArticleVersions {
  /** The first version's id: the article's identity on this desk. */
  identityId: number;
  latestId: number;
  versions: VersionSummary[];
  orphans: OrphanClaim[];
}

export type ClaimChangeStatus = 'same' | 'changed' | 'orphan' | 'new';

/** One claim across two versions. */
export interface ClaimChange {
  status: ClaimChangeStatus;
  kind: ClaimKind;
  fromClaimId: number | null;
  toClaimId: number | null;
  fromQuote: string | null;
  toQuote: string | null;
  fromDisplay: string | null;
  toDisplay: string | null;
  /** Offsets into the older version's text (absent for a new claim). */
  fromStart: number | null;
  fromEnd: number | null;
  /** Offsets into the newer version's text (absent for an orphan). */
  toStart: number | null;
  toEnd: number | null;
}

/**
 * A run of the word diff. `same` and `added` runs carry offsets into the newer text,
 * `removed` runs into the older one; `claim` marks a run that is (part of) a claim
 * whose value changed, or one that has no place in the newer version.
 */
export interface DiffRun {
  kind: 'same' | 'added' | 'removed';
  text: string;
  claim?: 'changed' | 'orphan';
  claimId?: number;
}

export interface VersionDiff {
  from: VersionSummary;
  to: VersionSummary;
  /** "headline changed, 1 figure changed, 1 paragraph removed". */
  summary: string;
  headline: { from: string; to: string } | null;
  counts: {
    figuresChanged: number;
    datesChanged: number;
    otherClaimsChanged: number;
    paragraphsAdded: number;
    paragraphsRemoved: number;
    paragraphsEdited: number;
    orphans: number;
  };
  runs: DiffRun[];
  claims: ClaimChange[];
}

/** What linking a revision did to the claims of the version before it. */
export interface LinkReport {
  articleId: number;
  previousId: number;
  version: number;
  linkedBy: LinkedBy;
  carried: number;
  changed: number;
  orphans: number;
  /** Conflicts reopened because a value in them changed. */
  reopened: number[];
}
