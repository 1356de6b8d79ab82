-- Version 1: documents, their claims, and the batches that wrote them.
--
-- Each row keeps the full serialised model object in `body` (JSON) so nothing
-- is lost; the other columns duplicate the fields people filter and list by.

-- One row per `Store::add_batch` call that added something. `documents` and
-- `claims` are the counts the batch wrote, recorded in the same transaction,
-- so a reader can check that no batch is half present.
CREATE TABLE batches (
    id        INTEGER PRIMARY KEY,
    added_at  TEXT    NOT NULL,
    documents INTEGER NOT NULL,
    claims    INTEGER NOT NULL
);

-- `ordinal` keeps insertion order stable for listings and reloads.
-- `claim_count` is written with the document so a partial claim set is
-- detectable.
CREATE TABLE documents (
    ordinal      INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    source       TEXT    NOT NULL,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,
    words        INTEGER NOT NULL,
    duplicate_of TEXT,
    added_at     TEXT    NOT NULL,
    batch        INTEGER NOT NULL REFERENCES batches(id),
    claim_count  INTEGER NOT NULL,
    body         TEXT    NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE INDEX documents_batch ON documents(batch);

-- `seq` is the claim's position in the document's claim list; claim ids are
-- indexed but not required unique, so an analyzer bug cannot block a batch.
-- A rowid table, not WITHOUT ROWID: claim rows are about 1 KB, far above the
-- size where clustering on the key pays (reload was 2x slower that way).
CREATE TABLE claims (
    doc  TEXT    NOT NULL REFERENCES documents(id),
    seq  INTEGER NOT NULL,
    id   TEXT    NOT NULL,
    kind TEXT    NOT NULL,
    body TEXT    NOT NULL,
    UNIQUE (doc, seq)
);
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_kind ON claims(kind);
