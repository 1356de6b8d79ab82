-- Version 3 on PostgreSQL: the story index, as ../0003_stories.sql.

CREATE TABLE story_terms (
    id   BIGINT PRIMARY KEY,
    term TEXT   NOT NULL UNIQUE,
    df   BIGINT NOT NULL
);

CREATE TABLE stories (
    number BIGINT PRIMARY KEY,
    body   TEXT   NOT NULL
);

CREATE TABLE story_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

ALTER TABLE documents ADD COLUMN story BIGINT;
CREATE INDEX documents_story ON documents(story);
