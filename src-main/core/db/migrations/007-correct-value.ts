/**
 * A resolution names a value, not a claim: `correct_side` and `correct_value` record
 * the value cluster an editor judged right (see `shared/value-clusters.ts`), so every
 * article giving that value, including ones imported later, counts as right, and the
 * notes name all their outlets. `correct_claim_id` stays, holding one claim of the
 * cluster. Resolutions written before keep their claim; their side is filled in here
 * and their value is read from that claim until they are resolved again.
 */
export const sql = /* sql */ `
ALTER TABLE conflicts ADD COLUMN correct_side TEXT CHECK (correct_side IS NULL OR correct_side IN ('a', 'b'));
ALTER TABLE conflicts ADD COLUMN correct_value TEXT;
UPDATE conflicts SET correct_side = (
  SELECT x.side FROM conflict_claims x WHERE x.conflict_id = conflicts.id AND x.claim_id = conflicts.correct_claim_id
) WHERE correct_claim_id IS NOT NULL;
`;
