-- Schema version 2: the outputs of each cell's last run, and the compile errors of an error output.
-- type 'stream': name is stdout or stderr, text the text; type 'result': text is the value;
-- type 'error': name is the outcome (COMPILE_ERROR, EXCEPTION, ...), text the message.

CREATE TABLE outputs (
    notebook_id TEXT    NOT NULL,
    cell_id     TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    type        TEXT    NOT NULL CHECK (type IN ('stream', 'result', 'error')),
    name        TEXT,
    text        TEXT    NOT NULL,
    PRIMARY KEY (notebook_id, cell_id, position),
    FOREIGN KEY (notebook_id, cell_id) REFERENCES cells (notebook_id, id) ON DELETE CASCADE
);

CREATE TABLE compile_errors (
    notebook_id     TEXT    NOT NULL,
    cell_id         TEXT    NOT NULL,
    output_position INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    line            INTEGER NOT NULL,
    col             INTEGER NOT NULL,
    message         TEXT    NOT NULL,
    PRIMARY KEY (notebook_id, cell_id, output_position, position),
    FOREIGN KEY (notebook_id, cell_id, output_position)
        REFERENCES outputs (notebook_id, cell_id, position) ON DELETE CASCADE
);
