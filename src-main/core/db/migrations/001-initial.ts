/**
 * Schema v1: every word of DESIGN.md. Shipped migrations are never edited;
 * later changes go in new numbered files.
 */
export const sql = /* sql */ `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  outlet TEXT,
  author TEXT,
  url TEXT,
  published_at TEXT,
  language TEXT,
  source TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT 'text',
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL,
  extracted_at TEXT,
  extractor_version INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL DEFAULT 0
);

-- Import order: the next position is max(position) + 1, read through this index
-- (without it every import scans all article texts).
CREATE INDEX articles_position ON articles(position);

CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'sentence')),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  boilerplate INTEGER NOT NULL DEFAULT 0,
  boilerplate_reason TEXT,
  CHECK (start >= 0 AND "end" >= start)
);
CREATE INDEX passages_article ON passages(article_id, start);

-- The editor's boilerplate choices, by span, so they survive re-extraction.
CREATE TABLE passage_marks (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  boilerplate INTEGER NOT NULL,
  PRIMARY KEY (article_id, start, "end")
);

CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'other')),
  key TEXT NOT NULL UNIQUE
);

CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_key ON entity_aliases(key);

CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'matcher' CHECK (origin IN ('matcher', 'editor')),
  -- Derived, kept by refreshFacts() so the board pages through an index instead of
  -- aggregating claims and conflicts for every fact on every scroll.
  claim_count INTEGER NOT NULL DEFAULT 0,
  -- 0 waiting for a decision, 1 confirmed, 2 resolved, 3 dismissed, 9 no conflict.
  conflict_rank INTEGER NOT NULL DEFAULT 9,
  -- Where the fact first appears: article position * 1e7 + offset.
  first_position INTEGER
);
CREATE INDEX facts_board ON facts(conflict_rank, label) WHERE claim_count > 0;
CREATE INDEX facts_label ON facts(label) WHERE claim_count > 0;
CREATE INDEX facts_position ON facts(first_position) WHERE claim_count > 0;

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  quote TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  subject TEXT,
  scope TEXT,
  value TEXT NOT NULL CHECK (json_valid(value)),
  boilerplate INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL DEFAULT 'extractor' CHECK (origin IN ('extractor', 'editor')),
  -- An editor's deletion or correction is kept so re-extraction respects it.
  deleted INTEGER NOT NULL DEFAULT 0,
  edited INTEGER NOT NULL DEFAULT 0,
  fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
  -- Set when an editor moved the claim: the matcher then leaves it where it is.
  fact_pinned INTEGER NOT NULL DEFAULT 0,
  UNIQUE (article_id, kind, start, "end")
);
CREATE INDEX claims_article ON claims(article_id, start);
CREATE INDEX claims_fact ON claims(fact_id);

CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

CREATE TABLE claim_entities (
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX claim_entities_entity ON claim_entities(entity_id);

CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'suggested'
    CHECK (status IN ('suggested', 'open', 'confirmed', 'dismissed', 'resolved')),
  explanation TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'detector' CHECK (origin IN ('detector', 'editor')),
  -- A suggestion the detector no longer makes; kept when an editor decided on it.
  stale INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  correct_claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
  correct_neither INTEGER NOT NULL DEFAULT 0,
  evidence TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX conflicts_status ON conflicts(status, kind);
CREATE INDEX conflicts_fact ON conflicts(fact_id);

CREATE TABLE conflict_claims (
  conflict_id INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  side TEXT NOT NULL CHECK (side IN ('a', 'b')),
  PRIMARY KEY (conflict_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX conflict_claims_claim ON conflict_claims(claim_id);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  target_type TEXT NOT NULL CHECK (target_type IN ('conflict', 'claim', 'article', 'fact')),
  target_id INTEGER NOT NULL,
  body TEXT NOT NULL,
  editor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notes_target ON notes(target_type, target_id);

-- Append-only: rows are never updated or deleted (triggers below). Undo and redo
-- are new rows that point at the action they reverse.
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id INTEGER,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  reverses INTEGER REFERENCES history(id)
);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
