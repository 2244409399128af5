-- Applications, interviews, call attempts and settings (SPEC §1).
-- Instants are whole Unix seconds (UTC); each interview keeps its IANA zone in tz.
-- Dates are 'YYYY-MM-DD' text; date(x, '+0 days') IS x accepts only real calendar dates
-- (plain date() lets 02-30 through).
-- Enumerations are checked with = ... OR chains, not IN (...): SQLite builds a temporary
-- table for an IN list at every row it checks, which made each insert several times dearer.

CREATE TABLE applications (
    id          INTEGER PRIMARY KEY,
    company     TEXT NOT NULL CHECK (length(trim(company)) > 0),
    role        TEXT NOT NULL CHECK (length(trim(role)) > 0),
    status      TEXT NOT NULL DEFAULT 'applied'
                CHECK (status = 'applied' OR status = 'interviewing' OR status = 'offer'
                       OR status = 'accepted' OR status = 'rejected' OR status = 'withdrawn'),
    applied_on  TEXT NOT NULL CHECK (applied_on IS date(applied_on, '+0 days')),
    url         TEXT,
    notes       TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL CHECK (updated_at >= created_at)
) STRICT;

-- The rules load every open application at once.
CREATE INDEX applications_by_status ON applications (status);

-- The qualifications to restate on the call, in the order the user gave them.
CREATE TABLE highlights (
    application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position >= 0),
    text            TEXT NOT NULL CHECK (length(text) > 0),
    PRIMARY KEY (application_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE interviews (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    held_at         INTEGER NOT NULL,
    tz              TEXT NOT NULL CHECK (length(tz) > 0),
    interviewer     TEXT,
    phone           TEXT CHECK (phone IS NULL OR length(phone) > 0),
    decision_by     TEXT CHECK (decision_by IS NULL OR decision_by IS date(decision_by, '+0 days')),
    after_hours_ok  INTEGER NOT NULL DEFAULT 0 CHECK (after_hours_ok = 0 OR after_hours_ok = 1),
    -- Daily busy windows in tz, 'HH:MM-HH:MM' joined by commas; '' for none.
    busy            TEXT NOT NULL DEFAULT ''
                    CHECK (busy = '' OR (length(busy) % 12 = 11 AND busy NOT GLOB '*[^0-9:,-]*')),
    notes           TEXT
) STRICT;

-- The latest interview of each application, found without a sort.
CREATE INDEX interviews_by_application ON interviews (application_id, held_at, id);

CREATE TABLE call_attempts (
    id           INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    outcome      TEXT NOT NULL
                 CHECK (outcome = 'reached' OR outcome = 'voicemail' OR outcome = 'no-answer' OR outcome = 'bad-time'),
    callback_at  INTEGER,
    number       TEXT NOT NULL CHECK (length(number) > 0),
    notes        TEXT,
    CHECK (outcome <> 'bad-time' OR callback_at IS NOT NULL),
    CHECK ((outcome <> 'voicemail' AND outcome <> 'no-answer') OR callback_at IS NULL),
    CHECK (callback_at IS NULL OR callback_at > at)
) STRICT;

CREATE INDEX call_attempts_by_interview ON call_attempts (interview_id, at, id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY
           CHECK (key = 'name' OR key = 'timezone' OR key = 'business_hours' OR key = 'after_hours'
                  OR key = 'holidays' OR key = 'max_attempts'),
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
