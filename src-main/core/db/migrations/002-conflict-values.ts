/**
 * Schema v2: a conflict remembers the values in dispute, so that an editor's decision
 * survives new coverage. A conflict is keyed by its fact (not by its claims' ids):
 * an article that repeats one side joins the decided conflict; one that brings a new
 * value reopens it, and the reason is kept.
 */
export const sql = /* sql */ `
ALTER TABLE conflicts ADD COLUMN value_sig TEXT;
ALTER TABLE conflicts ADD COLUMN reopen_reason TEXT;
`;
