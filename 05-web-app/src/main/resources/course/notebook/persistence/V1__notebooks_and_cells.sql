-- Schema version 1: notebooks and their cells.
-- A released migration never changes: a later version adds a new file instead.

CREATE TABLE notebooks (
    id      TEXT    NOT NULL PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    created TEXT    NOT NULL,
    updated TEXT    NOT NULL
);

CREATE TABLE cells (
    notebook_id     TEXT    NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    type            TEXT    NOT NULL CHECK (type IN ('code', 'markdown')),
    source          TEXT    NOT NULL,
    execution_count INTEGER,
    PRIMARY KEY (notebook_id, id),
    UNIQUE (notebook_id, position)
);
