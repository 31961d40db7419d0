/**
 * Article versions: a revised article imported again joins the article it revises.
 *  - article_versions: which articles are versions of one article (identity_id is the
 *    first version's id), which are superseded (hidden from the board and from
 *    matching, kept for the version view), how each was linked, the "Updated" date
 *    the outlet stated.
 *  - claim_versions: where each claim of a superseded version went in the next one:
 *    the same claim, a changed value (a new claim linked to the old), or an orphan,
 *    with the conflicts it was part of then.
 *  - article_marks: sampled hashes of an article's lead, by outlet, so that a revision
 *    finds its article through an index instead of reading every text on the desk.
 *  - articles.canonical_url: the address with tracking parameters and fragments removed.
 */
export const sql = /* sql */ `
CREATE TABLE article_versions (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  identity_id INTEGER NOT NULL,
  superseded INTEGER NOT NULL DEFAULT 0,
  linked_by TEXT NOT NULL CHECK (linked_by IN ('first', 'url', 'lead', 'editor')),
  linked_at TEXT NOT NULL,
  updated_at TEXT
);
CREATE INDEX article_versions_identity ON article_versions(identity_id);

CREATE TABLE claim_versions (
  from_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  to_article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  to_claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('same', 'changed', 'orphan')),
  method TEXT,
  score REAL,
  -- The conflicts the old claim took part in when the revision came (JSON array of ids).
  conflict_ids TEXT,
  PRIMARY KEY (from_claim_id, to_article_id)
) WITHOUT ROWID;
CREATE INDEX claim_versions_to_article ON claim_versions(to_article_id, status);
CREATE INDEX claim_versions_to_claim ON claim_versions(to_claim_id);

CREATE TABLE article_marks (
  mark INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (mark, article_id)
) WITHOUT ROWID;
CREATE INDEX article_marks_article ON article_marks(article_id);

ALTER TABLE articles ADD COLUMN canonical_url TEXT;
CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
`;
