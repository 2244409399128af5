-- Version 2 of the records (docs/rules.md §1): an interview's country and thank-you
-- note, a decision date named on a call, the outcome 'wrote' (a follow-up in writing,
-- which dials no number), the status 'ghosted', and the new settings.
-- SQLite cannot alter a CHECK constraint, so each record table is rebuilt and its rows
-- copied with their ids. AUTOINCREMENT keeps an id once used from being used again,
-- even after `undo` removes the row that had it.
-- Busy windows may now name weekdays ('Tue,Thu 14:00-15:00'), so they are joined with
-- ';' instead of ','.

CREATE TABLE applications_v2 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    company     TEXT NOT NULL CHECK (length(trim(company)) > 0),
    role        TEXT NOT NULL CHECK (length(trim(role)) > 0),
    status      TEXT NOT NULL DEFAULT 'applied'
                CHECK (status = 'applied' OR status = 'interviewing' OR status = 'offer'
                       OR status = 'accepted' OR status = 'rejected' OR status = 'withdrawn'
                       OR status = 'ghosted'),
    applied_on  TEXT NOT NULL CHECK (applied_on IS date(applied_on, '+0 days')),
    url         TEXT,
    notes       TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL CHECK (updated_at >= created_at)
) STRICT;
INSERT INTO applications_v2 (id, company, role, status, applied_on, url, notes, created_at, updated_at)
    SELECT id, company, role, status, applied_on, url, notes, created_at, updated_at FROM applications;

CREATE TABLE interviews_v2 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    held_at         INTEGER NOT NULL,
    tz              TEXT NOT NULL CHECK (length(tz) > 0),
    -- ISO 3166 code whose public holidays apply; NULL: derived from tz.
    country         TEXT CHECK (country IS NULL OR (length(country) = 2 AND country NOT GLOB '*[^A-Z]*')),
    interviewer     TEXT,
    phone           TEXT CHECK (phone IS NULL OR length(phone) > 0),
    decision_by     TEXT CHECK (decision_by IS NULL OR decision_by IS date(decision_by, '+0 days')),
    after_hours_ok  INTEGER NOT NULL DEFAULT 0 CHECK (after_hours_ok = 0 OR after_hours_ok = 1),
    -- Busy windows in tz, '[days ]HH:MM-HH:MM' joined by ';'; '' for none.
    busy            TEXT NOT NULL DEFAULT ''
                    CHECK (busy = '' OR (busy GLOB '*[0-9][0-9]:[0-9][0-9]-[0-9][0-9]:[0-9][0-9]'
                                         AND busy NOT GLOB '*[^0-9A-Za-z:;, -]*')),
    thanked_at      INTEGER,
    notes           TEXT
) STRICT;
INSERT INTO interviews_v2 (id, application_id, held_at, tz, interviewer, phone, decision_by, after_hours_ok, busy,
                           notes)
    SELECT id, application_id, held_at, tz, interviewer, phone, decision_by, after_hours_ok, replace(busy, ',', ';'),
           notes
    FROM interviews;

CREATE TABLE call_attempts_v2 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    outcome      TEXT NOT NULL
                 CHECK (outcome = 'reached' OR outcome = 'voicemail' OR outcome = 'no-answer'
                        OR outcome = 'bad-time' OR outcome = 'wrote'),
    callback_at  INTEGER,
    -- The date the interviewer named on a reached call: a new round of follow-up.
    decision_by  TEXT CHECK (decision_by IS NULL OR decision_by IS date(decision_by, '+0 days')),
    -- The number dialled; NULL only for 'wrote', which dials none.
    number       TEXT CHECK (number IS NULL OR length(number) > 0),
    notes        TEXT,
    CHECK (outcome <> 'bad-time' OR callback_at IS NOT NULL),
    CHECK ((outcome <> 'voicemail' AND outcome <> 'no-answer' AND outcome <> 'wrote') OR callback_at IS NULL),
    CHECK (callback_at IS NULL OR callback_at > at),
    CHECK (decision_by IS NULL OR outcome = 'reached'),
    CHECK ((outcome = 'wrote') = (number IS NULL))
) STRICT;
INSERT INTO call_attempts_v2 (id, interview_id, at, outcome, callback_at, number, notes)
    SELECT id, interview_id, at, outcome, callback_at, number, notes FROM call_attempts;

CREATE TABLE settings_v2 (
    key    TEXT PRIMARY KEY
           CHECK (key = 'name' OR key = 'timezone' OR key = 'business_hours' OR key = 'after_hours'
                  OR key = 'holidays' OR key = 'max_attempts' OR key = 'public_holidays'
                  OR key = 'my_hours' OR key = 'quiet_after' OR key = 'calendar_file' OR key = 'phone'),
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO settings_v2 (key, value) SELECT key, value FROM settings;

DROP TABLE call_attempts;
DROP TABLE interviews;
DROP TABLE applications;
DROP TABLE settings;
ALTER TABLE applications_v2 RENAME TO applications;
ALTER TABLE interviews_v2 RENAME TO interviews;
ALTER TABLE call_attempts_v2 RENAME TO call_attempts;
ALTER TABLE settings_v2 RENAME TO settings;

CREATE INDEX applications_by_status ON applications (status);
CREATE INDEX interviews_by_application ON interviews (application_id, held_at, id);
CREATE INDEX call_attempts_by_interview ON call_attempts (interview_id, at, id);
