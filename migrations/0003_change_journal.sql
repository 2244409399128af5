-- The change journal behind `undo` and `log` (SPEC §3, "(v2) Undo and the log").
-- A command that changes records or settings runs as one change: a row of `changes`,
-- plus, for every record row it touched, that row's image from before the change.
-- Undo puts each touched row back to its first image (or removes it when it did not
-- exist), so the records are exactly as before, ids included.
--
-- The images are taken by triggers, while a row of change_recording names the change
-- being recorded. That row exists only inside the change's own transaction, so writes
-- by anything else (the sqlite3 shell, a migration, undo itself) journal nothing.
-- Triggers fire for the rows that ON DELETE CASCADE removes too, so a `delete` keeps
-- its interviews and calls. sqlite_sequence is never journaled: an id once used is
-- not used again, even after the row that had it is undone.
--
-- A later migration that rebuilds or alters a record table must give its journal table
-- the same columns and create its three triggers again (dropping a table drops its
-- triggers); a test compares the two.

CREATE TABLE changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    command     TEXT NOT NULL CHECK (length(command) > 0),
    summary     TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone = 0 OR undone = 1),
    undone_at   INTEGER CHECK ((undone = 1) = (undone_at IS NOT NULL))
) STRICT;

-- One row while a change is being recorded, none otherwise.
CREATE TABLE change_recording (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    change_id   INTEGER NOT NULL REFERENCES changes (id)
) STRICT;

-- One table of images per record table: its columns, all optional, after the change
-- and whether the row existed before it. A row touched twice in one change keeps its
-- first image (INSERT OR IGNORE on the primary key).

CREATE TABLE journal_applications (
    change_id   INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    existed     INTEGER NOT NULL CHECK (existed = 0 OR existed = 1),
    id          INTEGER NOT NULL,
    company     TEXT,
    role        TEXT,
    status      TEXT,
    applied_on  TEXT,
    url         TEXT,
    notes       TEXT,
    created_at  INTEGER,
    updated_at  INTEGER,
    PRIMARY KEY (change_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE journal_highlights (
    change_id       INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    existed         INTEGER NOT NULL CHECK (existed = 0 OR existed = 1),
    application_id  INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    text            TEXT,
    PRIMARY KEY (change_id, application_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE journal_interviews (
    change_id       INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    existed         INTEGER NOT NULL CHECK (existed = 0 OR existed = 1),
    id              INTEGER NOT NULL,
    application_id  INTEGER,
    held_at         INTEGER,
    tz              TEXT,
    country         TEXT,
    interviewer     TEXT,
    phone           TEXT,
    decision_by     TEXT,
    after_hours_ok  INTEGER,
    busy            TEXT,
    thanked_at      INTEGER,
    notes           TEXT,
    PRIMARY KEY (change_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE journal_call_attempts (
    change_id     INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    existed       INTEGER NOT NULL CHECK (existed = 0 OR existed = 1),
    id            INTEGER NOT NULL,
    interview_id  INTEGER,
    at            INTEGER,
    outcome       TEXT,
    callback_at   INTEGER,
    decision_by   TEXT,
    number        TEXT,
    notes         TEXT,
    PRIMARY KEY (change_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE journal_settings (
    change_id   INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    existed     INTEGER NOT NULL CHECK (existed = 0 OR existed = 1),
    key         TEXT NOT NULL,
    value       TEXT,
    PRIMARY KEY (change_id, key)
) STRICT, WITHOUT ROWID;

-- Each trigger selects from change_recording: outside a change that is no row, and
-- the trigger writes nothing. An inserted row did not exist before (existed = 0); an
-- updated or deleted one did, with OLD as its image. An update that moves a row's key
-- also marks the new key as not there before. NOT EXISTS keeps a row's first image;
-- it is not INSERT OR IGNORE, because a statement's own OR clause would override it.

CREATE TRIGGER journal_applications_insert AFTER INSERT ON applications BEGIN
    INSERT INTO journal_applications (change_id, existed, id)
        SELECT r.change_id, 0, NEW.id FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_applications WHERE change_id = r.change_id AND id = NEW.id);
END;
CREATE TRIGGER journal_applications_update AFTER UPDATE ON applications BEGIN
    INSERT INTO journal_applications (change_id, existed, id, company, role, status, applied_on, url, notes,
        created_at, updated_at)
        SELECT r.change_id, 1, OLD.id, OLD.company, OLD.role, OLD.status, OLD.applied_on, OLD.url, OLD.notes,
               OLD.created_at, OLD.updated_at
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_applications WHERE change_id = r.change_id AND id = OLD.id);
    INSERT INTO journal_applications (change_id, existed, id)
        SELECT r.change_id, 0, NEW.id FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_applications WHERE change_id = r.change_id AND id = NEW.id)
          AND (NEW.id IS NOT OLD.id);
END;
CREATE TRIGGER journal_applications_delete AFTER DELETE ON applications BEGIN
    INSERT INTO journal_applications (change_id, existed, id, company, role, status, applied_on, url, notes,
        created_at, updated_at)
        SELECT r.change_id, 1, OLD.id, OLD.company, OLD.role, OLD.status, OLD.applied_on, OLD.url, OLD.notes,
               OLD.created_at, OLD.updated_at
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_applications WHERE change_id = r.change_id AND id = OLD.id);
END;

CREATE TRIGGER journal_highlights_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO journal_highlights (change_id, existed, application_id, position)
        SELECT r.change_id, 0, NEW.application_id, NEW.position FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_highlights WHERE change_id = r.change_id
                          AND application_id = NEW.application_id AND position = NEW.position);
END;
CREATE TRIGGER journal_highlights_update AFTER UPDATE ON highlights BEGIN
    INSERT INTO journal_highlights (change_id, existed, application_id, position, text)
        SELECT r.change_id, 1, OLD.application_id, OLD.position, OLD.text
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_highlights WHERE change_id = r.change_id
                          AND application_id = OLD.application_id AND position = OLD.position);
    INSERT INTO journal_highlights (change_id, existed, application_id, position)
        SELECT r.change_id, 0, NEW.application_id, NEW.position FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_highlights WHERE change_id = r.change_id
                          AND application_id = NEW.application_id AND position = NEW.position)
          AND (NEW.application_id IS NOT OLD.application_id OR NEW.position IS NOT OLD.position);
END;
CREATE TRIGGER journal_highlights_delete AFTER DELETE ON highlights BEGIN
    INSERT INTO journal_highlights (change_id, existed, application_id, position, text)
        SELECT r.change_id, 1, OLD.application_id, OLD.position, OLD.text
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_highlights WHERE change_id = r.change_id
                          AND application_id = OLD.application_id AND position = OLD.position);
END;

CREATE TRIGGER journal_interviews_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO journal_interviews (change_id, existed, id)
        SELECT r.change_id, 0, NEW.id FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_interviews WHERE change_id = r.change_id AND id = NEW.id);
END;
CREATE TRIGGER journal_interviews_update AFTER UPDATE ON interviews BEGIN
    INSERT INTO journal_interviews (change_id, existed, id, application_id, held_at, tz, country, interviewer,
        phone, decision_by, after_hours_ok, busy, thanked_at, notes)
        SELECT r.change_id, 1, OLD.id, OLD.application_id, OLD.held_at, OLD.tz, OLD.country, OLD.interviewer,
               OLD.phone, OLD.decision_by, OLD.after_hours_ok, OLD.busy, OLD.thanked_at, OLD.notes
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_interviews WHERE change_id = r.change_id AND id = OLD.id);
    INSERT INTO journal_interviews (change_id, existed, id)
        SELECT r.change_id, 0, NEW.id FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_interviews WHERE change_id = r.change_id AND id = NEW.id)
          AND (NEW.id IS NOT OLD.id);
END;
CREATE TRIGGER journal_interviews_delete AFTER DELETE ON interviews BEGIN
    INSERT INTO journal_interviews (change_id, existed, id, application_id, held_at, tz, country, interviewer,
        phone, decision_by, after_hours_ok, busy, thanked_at, notes)
        SELECT r.change_id, 1, OLD.id, OLD.application_id, OLD.held_at, OLD.tz, OLD.country, OLD.interviewer,
               OLD.phone, OLD.decision_by, OLD.after_hours_ok, OLD.busy, OLD.thanked_at, OLD.notes
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_interviews WHERE change_id = r.change_id AND id = OLD.id);
END;

CREATE TRIGGER journal_call_attempts_insert AFTER INSERT ON call_attempts BEGIN
    INSERT INTO journal_call_attempts (change_id, existed, id)
        SELECT r.change_id, 0, NEW.id FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_call_attempts WHERE change_id = r.change_id AND id = NEW.id);
END;
CREATE TRIGGER journal_call_attempts_update AFTER UPDATE ON call_attempts BEGIN
    INSERT INTO journal_call_attempts (change_id, existed, id, interview_id, at, outcome, callback_at,
        decision_by, number, notes)
        SELECT r.change_id, 1, OLD.id, OLD.interview_id, OLD.at, OLD.outcome, OLD.callback_at,
               OLD.decision_by, OLD.number, OLD.notes
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_call_attempts WHERE change_id = r.change_id AND id = OLD.id);
    INSERT INTO journal_call_attempts (change_id, existed, id)
        SELECT r.change_id, 0, NEW.id FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_call_attempts WHERE change_id = r.change_id AND id = NEW.id)
          AND (NEW.id IS NOT OLD.id);
END;
CREATE TRIGGER journal_call_attempts_delete AFTER DELETE ON call_attempts BEGIN
    INSERT INTO journal_call_attempts (change_id, existed, id, interview_id, at, outcome, callback_at,
        decision_by, number, notes)
        SELECT r.change_id, 1, OLD.id, OLD.interview_id, OLD.at, OLD.outcome, OLD.callback_at,
               OLD.decision_by, OLD.number, OLD.notes
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_call_attempts WHERE change_id = r.change_id AND id = OLD.id);
END;

CREATE TRIGGER journal_settings_insert AFTER INSERT ON settings BEGIN
    INSERT INTO journal_settings (change_id, existed, key)
        SELECT r.change_id, 0, NEW.key FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_settings WHERE change_id = r.change_id AND key = NEW.key);
END;
CREATE TRIGGER journal_settings_update AFTER UPDATE ON settings BEGIN
    INSERT INTO journal_settings (change_id, existed, key, value)
        SELECT r.change_id, 1, OLD.key, OLD.value
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_settings WHERE change_id = r.change_id AND key = OLD.key);
    INSERT INTO journal_settings (change_id, existed, key)
        SELECT r.change_id, 0, NEW.key FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_settings WHERE change_id = r.change_id AND key = NEW.key)
          AND (NEW.key IS NOT OLD.key);
END;
CREATE TRIGGER journal_settings_delete AFTER DELETE ON settings BEGIN
    INSERT INTO journal_settings (change_id, existed, key, value)
        SELECT r.change_id, 1, OLD.key, OLD.value
        FROM change_recording AS r
        WHERE NOT EXISTS (SELECT 1 FROM journal_settings WHERE change_id = r.change_id AND key = OLD.key);
END;
