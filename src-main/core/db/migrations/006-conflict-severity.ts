/**
 * Schema v6: a conflict's consequence (0–1, see `desk/rank.ts`: how far apart the values
 * are, how many articles carry it, its kind), computed when it is detected, so the board's
 * "conflicts first" order ranks the most consequential disagreement of each status first
 * with the same index it always used. Existing conflicts get theirs at the next detection.
 */
export const sql = /* sql */ `
ALTER TABLE conflicts ADD COLUMN severity REAL NOT NULL DEFAULT 0;
`;
