/**
 * What the draft check returns: a verdict for every claim of a draft under review,
 * with the source passages that support or contradict it. Runs anywhere.
 */
import type { ClaimKind } from './model';

export type VerdictStatus = 'supported' | 'contradicted' | 'unverified';
export const VERDICT_STATUSES: readonly VerdictStatus[] = ['supported', 'contradicted', 'unverified'];

export interface DraftSummary {
  id: number;
  title: string;
  source: string;
  outlet: string | null;
  markedAt: string;
  markedBy: string;
}

/** One source claim set beside a draft claim. */
export interface DraftSource {
  claimId: number;
  article: { id: number; title: string; source: string; outlet: string | null };
  quote: string;
  sentence: string;
  /** Whether the source's value is compatible with the draft's. */
  agrees: boolean;
}

/** An editor's verdict, which overrides the computed one. */
export interface EditorVerdict {
  status: VerdictStatus;
  evidence: string | null;
  note: string | null;
  editor: string;
  updatedAt: string;
}

export interface DraftClaimVerdict {
  id: number;
  kind: ClaimKind;
  start: number;
  end: number;
  quote: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The verdict in force: the editor's when set, else the computed one. */
  status: VerdictStatus;
  /** What the check found from the sources. */
  computed: VerdictStatus;
  /** One sentence saying why, naming the values and outlets. */
  why: string;
  /** Independent outlets stating a compatible value. */
  agreeingOutlets: number;
  /** Independent outlets stating an incompatible value (or a precedent against a "first"). */
  disagreeingOutlets: number;
  sources: DraftSource[];
  editor: EditorVerdict | null;
}

export interface DraftCheck {
  draft: DraftSummary;
  text: string;
  counts: Record<VerdictStatus, number>;
  /** Every claim of the draft, in text order. */
  claims: DraftClaimVerdict[];
  /** Claims needing attention, contradicted first, then unverified, each in text order. */
  attention: number[];
}
