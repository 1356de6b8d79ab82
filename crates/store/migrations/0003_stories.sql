-- Version 3: the story index (crates/stories), kept so that new documents
-- extend the stories without grouping everything again. Written in the same
-- transaction as the documents it groups.

-- Every term the index has seen, by its id, with the number of documents
-- holding it.
CREATE TABLE story_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT    NOT NULL UNIQUE,
    df   INTEGER NOT NULL
);

-- One row per story, the serialised `crosscheck_stories::Story` (documents,
-- dates, title, term profile, the story it was merged into).
CREATE TABLE stories (
    number INTEGER PRIMARY KEY,
    body   TEXT    NOT NULL
);

-- `documents` (the count the frequencies rest on) and `settings` (JSON).
CREATE TABLE story_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The story a document first joined (its current story follows merges).
ALTER TABLE documents ADD COLUMN story INTEGER;
CREATE INDEX documents_story ON documents(story);
