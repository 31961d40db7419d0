/**
 * What the extractor hands to the desk, and what the matcher reads back.
 * Offsets are UTF-16 indices into the article's stored (NFC, `\n`) text.
 */
import type { Anchor, ClaimKind, ClaimValue, EntityKind, PassageKind } from '../../shared/model';

export interface ExtractInput {
  /** The article's normalised text, exactly as stored. */
  text: string;
  /** YYYY-MM-DD, the reference for "Wednesday" or "May 8". Null when unknown. */
  publishedAt: string | null;
}

export interface ExtractedPassage {
  kind: PassageKind;
  start: number;
  end: number;
  boilerplate: boolean;
  /** Why it was marked: "caption", "teaser", "byline", "sign-off", "credit". */
  boilerplateReason: string | null;
}

export interface EntityMention {
  start: number;
  end: number;
  /** The surface form as written: "Tô Lâm", "To Lam", "Lâm". */
  text: string;
}

export interface ExtractedEntity {
  /** The longest, best-written name seen in the article: "Tô Lâm". */
  name: string;
  kind: EntityKind;
  /** Folded key of `name` (see shared/fold.ts). */
  key: string;
  /** Every surface form seen, folded keys included in aliases table. */
  aliases: string[];
  mentions: EntityMention[];
}

export interface ExtractedClaim extends Anchor {
  kind: ClaimKind;
  /** Offsets of the sentence the claim sits in. */
  sentenceStart: number;
  sentenceEnd: number;
  /** Subject or metric in plain words: "Vietnam–Azerbaijan trade turnover", "Tô Lâm's visit". */
  subject: string | null;
  /** Novelty scope / trend window / figure period in words, or null. */
  scope: string | null;
  value: ClaimValue;
  /** Keys of the article's entities (ExtractedEntity.key) the claim is about. */
  entityKeys: string[];
  /** True when the claim sits in a boilerplate passage. */
  boilerplate: boolean;
}

export interface ExtractionResult {
  passages: ExtractedPassage[];
  claims: ExtractedClaim[];
  entities: ExtractedEntity[];
}
