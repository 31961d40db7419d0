/**
 * Drafts under review: an article can be marked as a draft (several per desk). A
 * draft is not coverage: matching and detection leave its claims out, and it is
 * checked claim by claim against the other articles instead. An editor's verdict on
 * a draft claim (with evidence and a note) overrides the computed one.
 */
export const sql = /* sql */ `
CREATE TABLE drafts (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  marked_at TEXT NOT NULL,
  marked_by TEXT NOT NULL
);

CREATE TABLE draft_verdicts (
  claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('supported', 'contradicted', 'unverified')),
  evidence TEXT,
  note TEXT,
  editor TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
