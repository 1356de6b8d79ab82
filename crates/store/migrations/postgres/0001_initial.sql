-- Version 1 on PostgreSQL: the tables of ../0001_initial.sql in PostgreSQL's
-- dialect (BIGINT for SQLite's INTEGER, identity columns for rowids).
-- Batch ids are given by the store (max + 1 under the writer lock), not by
-- a sequence, so they count up without gaps as on SQLite.

CREATE TABLE batches (
    id        BIGINT PRIMARY KEY,
    added_at  TEXT   NOT NULL,
    documents BIGINT NOT NULL,
    claims    BIGINT NOT NULL
);

CREATE TABLE documents (
    ordinal      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT   NOT NULL UNIQUE,
    source       TEXT   NOT NULL,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,
    words        BIGINT NOT NULL,
    duplicate_of TEXT,
    added_at     TEXT   NOT NULL,
    batch        BIGINT NOT NULL REFERENCES batches(id),
    claim_count  BIGINT NOT NULL,
    body         TEXT   NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE INDEX documents_batch ON documents(batch);

CREATE TABLE claims (
    doc  TEXT   NOT NULL REFERENCES documents(id),
    seq  BIGINT NOT NULL,
    id   TEXT   NOT NULL,
    kind TEXT   NOT NULL,
    body TEXT   NOT NULL,
    UNIQUE (doc, seq)
);
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_kind ON claims(kind);
