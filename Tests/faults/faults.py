#!/usr/bin/env python3
"""Fault tests for jobtrack: crashes, concurrency, undo, hostile arguments, read-only and full disks.

    python3 Tests/faults/faults.py --bin PATH/jobtrack [--short] [--seed N] [--only NAME,...]

`make faults` runs the full form; `make test` runs `--short`. Python 3 standard library
and the `sqlite3` shell only. Seeded: a failure prints the seed and the exact command line,
and the same seed replays the same cases. Exits 1 on any failure; a test the machine
cannot run (no mount, no import command yet) is skipped with its reason printed.
"""

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Benchmarks"))
import synthetic  # noqa: E402

NOW = synthetic.NOW
INTERVIEW_AT = "2026-11-30T10:00-05:00"
PHONE = "+1 555 0100"

failures = []
skips = []


def fail(test, message):
    failures.append("%s: %s" % (test, message))
    print("  FAIL %s" % message, flush=True)


def skip(test, reason):
    skips.append("%s: %s" % (test, reason))
    print("  SKIP %s" % reason, flush=True)


class Jobtrack:
    def __init__(self, binary):
        self.binary = binary
        self.env = dict(os.environ)
        for key in ("JOBTRACK_DB", "JOBTRACK_NOW"):
            self.env.pop(key, None)
        self.env["TZ"] = "America/New_York"

    def argv(self, db, *args):
        return [self.binary, *args, "--db", db]

    def run(self, db, *args, timeout=120):
        return subprocess.run(self.argv(db, *args), capture_output=True, env=self.env, timeout=timeout)

    def popen(self, db, *args):
        return subprocess.Popen(self.argv(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)

    def must(self, db, *args):
        result = self.run(db, *args)
        if result.returncode != 0:
            raise RuntimeError("setup failed: %s: %s" % (" ".join(args), result.stderr.decode(errors="replace")))
        return result


def query(db, sql):
    connection = sqlite3.connect(db, timeout=30)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def check_database(test, db):
    """integrity_check ok and foreign_key_check empty; returns False after reporting."""
    integrity = query(db, "PRAGMA integrity_check")
    if integrity != [("ok",)]:
        fail(test, "integrity_check: %r" % integrity[:3])
        return False
    foreign = query(db, "PRAGMA foreign_key_check")
    if foreign:
        fail(test, "foreign_key_check: %r" % foreign[:3])
        return False
    return True


def dump(db):
    result = subprocess.run(["sqlite3", db, ".dump"], capture_output=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError("sqlite3 .dump failed: %s" % result.stderr.decode(errors="replace"))
    return result.stdout


def one_line(stderr):
    text = stderr.decode("utf-8", errors="replace")
    return text.endswith("\n") and text.count("\n") == 1 and text.strip() != ""


def new_database(jobtrack, folder, name="jobtrack.sqlite3", applications=1):
    """A database with `applications` applications, each interviewed with a phone."""
    db = os.path.join(folder, name)
    jobtrack.must(db, "config", "timezone", "America/New_York")
    for _ in range(applications):
        created = json.loads(jobtrack.must(db, "add", "Acme", "Engineer", "--json", "--now", NOW).stdout)
        jobtrack.must(db, "interview", str(created["id"]), "--at", INTERVIEW_AT, "--with", "Dana",
                      "--phone", PHONE, "--now", NOW)
    return db


def call_args(app_id, note):
    return ("call", str(app_id), "--outcome", "reached", "--now", NOW, "--note", note)


# MARK: kill -9 during a stream of calls

def test_kill_calls(jobtrack, folder, rounds, rng):
    test = "kill -9 during call writes"
    print("%s (%d kills)" % (test, rounds), flush=True)
    db = new_database(jobtrack, folder)
    started = time.monotonic()
    jobtrack.must(db, *call_args(1, "timing"))
    duration = time.monotonic() - started
    confirmed = {"timing"}
    killed = survived = 0
    serial = 0
    for round_number in range(rounds):
        # A short stream of writes; the last one is killed at a random moment of its life.
        for _ in range(rng.randrange(0, 3)):
            serial += 1
            note = "w%d" % serial
            result = jobtrack.run(db, *call_args(1, note))
            if result.returncode == 0:
                confirmed.add(note)
            else:
                fail(test, "an unkilled call failed: %s" % result.stderr.decode(errors="replace").strip())
        serial += 1
        note = "w%d" % serial
        process = jobtrack.popen(db, *call_args(1, note))
        time.sleep(rng.uniform(0, duration * 1.3))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        if process.returncode == 0:
            confirmed.add(note)
            survived += 1
        elif process.returncode == -signal.SIGKILL:
            killed += 1
        else:
            fail(test, "call exited %d before the kill" % process.returncode)
        if not check_database(test, db):
            return
        present = {row[0] for row in query(db, "SELECT notes FROM call_attempts")}
        lost = confirmed - present
        if lost:
            fail(test, "round %d: calls that reported success are missing: %s" % (round_number, sorted(lost)[:5]))
            return
    # The database still takes writes after all that.
    if jobtrack.run(db, *call_args(1, "after")).returncode != 0:
        fail(test, "a call after the kills failed")
    print("  ok: %d killed mid-run, %d finished first; %d confirmed writes all present"
          % (killed, survived, len(confirmed)), flush=True)


# MARK: kill -9 during an import

def test_kill_import(jobtrack, folder, rounds, size, rng):
    test = "kill -9 during import"
    print("%s (%d kills, %d applications an import)" % (test, rounds, size), flush=True)
    document = synthetic.document(size, seed=rng.randrange(1 << 30))

    def write_source(number):
        # Each import its own companies: an import skips applications already there.
        for application in document["applications"]:
            application["company"] = application["company"].split(" #")[0] + " #%d" % number
        path = os.path.join(folder, "import-%d.json" % number)
        with open(path, "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False)
        return path

    source = write_source(0)
    expected_interviews = sum(len(a["interviews"]) for a in document["applications"])
    expected_calls = sum(len(i["calls"]) for a in document["applications"] for i in a["interviews"])

    db = new_database(jobtrack, folder, "import.sqlite3")
    started = time.monotonic()
    result = jobtrack.run(db, "import", source, "--now", NOW)
    duration = time.monotonic() - started
    if result.returncode != 0:
        fail(test, "a plain import failed: %s" % result.stderr.decode(errors="replace").strip())
        return
    imports = 1
    killed = 0
    for round_number in range(rounds):
        process = jobtrack.popen(db, "import", write_source(round_number + 1), "--now", NOW)
        time.sleep(rng.uniform(0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        if process.returncode == 0:
            imports += 1
        elif process.returncode == -signal.SIGKILL:
            killed += 1
        else:
            fail(test, "import exited %d before the kill" % process.returncode)
        if not check_database(test, db):
            return
        applications, interviews, calls = query(
            db, "SELECT (SELECT count(*) FROM applications), (SELECT count(*) FROM interviews),"
                " (SELECT count(*) FROM call_attempts)")[0]
        # The setup application, its interview, and whole imports only.
        whole = (applications - 1) // size
        if (applications - 1) % size or interviews - 1 != whole * expected_interviews \
                or calls != whole * expected_calls:
            fail(test, "round %d: a partial import: %d applications, %d interviews, %d calls"
                 % (round_number, applications, interviews, calls))
            return
        if whole < imports:
            fail(test, "round %d: %d imports reported success, %d are in the database"
                 % (round_number, imports, whole))
            return
        imports = whole  # a killed import may have committed just before the signal
    print("  ok: %d killed mid-run (an import takes %.2f s); every import all there or not at all (%d whole)"
          % (killed, duration, imports), flush=True)


# MARK: kill -9 during undo

def export_json(jobtrack, db):
    return jobtrack.must(db, "export", "--format", "json", "--now", NOW).stdout


def latest_change(jobtrack, db):
    return json.loads(jobtrack.must(db, "log", "--limit", "1", "--json", "--now", NOW).stdout)[0]


def test_kill_undo(jobtrack, folder, rounds, size, rng):
    """An undo killed at any moment leaves the import or its undoing, never part of either."""
    test = "kill -9 during undo"
    print("%s (%d kills, undoing an import of %d applications)" % (test, rounds, size), flush=True)
    source = os.path.join(folder, "undo-import.json")
    synthetic.write_document(source, size)
    db = new_database(jobtrack, folder, "undo.sqlite3")
    without = export_json(jobtrack, db)  # the records once the import is undone

    def imported():
        jobtrack.must(db, "import", source, "--now", NOW)
        return export_json(jobtrack, db), latest_change(jobtrack, db)

    with_import, change = imported()
    started = time.monotonic()
    jobtrack.must(db, "undo", "--now", NOW)
    duration = time.monotonic() - started
    if export_json(jobtrack, db) != without:
        fail(test, "an undo that was not killed did not give back the records before the import")
        return
    with_import, change = imported()
    killed = finished = 0
    for round_number in range(rounds):
        process = jobtrack.popen(db, "undo", "--now", NOW)
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        if process.returncode == -signal.SIGKILL:
            killed += 1
        elif process.returncode != 0:
            fail(test, "undo exited %d before the kill" % process.returncode)
            return
        if not check_database(test, db):
            return
        records = export_json(jobtrack, db)
        latest = latest_change(jobtrack, db)
        if latest["id"] != change["id"]:
            fail(test, "round %d: the latest change is %r, not the import %r" % (round_number, latest, change))
            return
        if records == without and latest["undone"]:
            finished += 1
            with_import, change = imported()  # import again for the next round
        elif records == with_import and not latest["undone"]:
            if process.returncode == 0:
                fail(test, "round %d: undo reported success but the import is still there" % round_number)
                return
        else:
            fail(test, "round %d: after the kill the records are neither the import nor its undoing "
                       "(the log says undone=%r; %d bytes of export)" % (round_number, latest["undone"], len(records)))
            return
    print("  ok: %d of %d killed mid-run (an undo takes %.2f s); the import found undone %d times, whole %d times,"
          " never half" % (killed, rounds, duration, finished, rounds - finished), flush=True)


# MARK: two undos at once

def test_concurrent_undo(jobtrack, folder, rounds):
    """Two undos run at the same moment undo the two latest changes, one each."""
    test = "two undos at once"
    print("%s (%d rounds)" % (test, rounds), flush=True)
    db = new_database(jobtrack, folder, "undo-race.sqlite3")
    for round_number in range(rounds):
        states = [export_json(jobtrack, db)]
        for step in range(2):
            jobtrack.must(db, *call_args(1, "race %d.%d" % (round_number, step)))
            states.append(export_json(jobtrack, db))
        # Started back to back, so that they contend for the journal's latest change.
        processes = [jobtrack.popen(db, "undo", "--json", "--now", NOW) for _ in range(2)]
        outputs = [process.communicate(timeout=120) for process in processes]
        undone = []
        for process, (stdout, stderr) in zip(processes, outputs):
            if process.returncode != 0:
                fail(test, "round %d: an undo exited %d: %s"
                     % (round_number, process.returncode, stderr.decode(errors="replace").strip()))
                return
            undone.append(json.loads(stdout)["id"])
        if len(set(undone)) != 2:
            fail(test, "round %d: both undos undid change %r" % (round_number, undone[0]))
            return
        newest = json.loads(jobtrack.must(db, "log", "--limit", "2", "--json", "--now", NOW).stdout)
        if sorted(undone) != sorted(entry["id"] for entry in newest) or not all(e["undone"] for e in newest):
            fail(test, "round %d: the undos undid %r, the log's two newest are %r" % (round_number, undone, newest))
            return
        if not check_database(test, db):
            return
        if export_json(jobtrack, db) != states[0]:
            fail(test, "round %d: the records are not as two changes back" % round_number)
            return
    print("  ok: %d rounds, each undoing the two latest changes once each" % rounds, flush=True)


# MARK: concurrent writers

def test_concurrent(jobtrack, folder, writers, calls_each):
    test = "%d concurrent writers" % writers
    print("%s (%d calls each)" % (test, calls_each), flush=True)
    db = new_database(jobtrack, folder, "concurrent%d.sqlite3" % writers, applications=writers)
    problems = []

    def writer(number):
        for index in range(calls_each):
            # Half the writers share application 1, so they contend for the same rows too.
            app_id = 1 if number % 2 == 0 else number + 1
            note = "p%d-%d" % (number, index)
            result = jobtrack.run(db, *call_args(app_id, note), timeout=300)
            if result.returncode != 0 or b"locked" in result.stderr:
                problems.append("%s: exit %d: %s" % (note, result.returncode,
                                                     result.stderr.decode(errors="replace").strip()))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    for problem in problems[:5]:
        fail(test, problem)
    if not check_database(test, db):
        return
    recorded = query(db, "SELECT count(*) FROM call_attempts WHERE notes LIKE 'p%'")[0][0]
    if recorded != writers * calls_each:
        fail(test, "%d calls recorded of %d" % (recorded, writers * calls_each))
    elif not problems:
        print("  ok: %d calls recorded, none refused, in %.1f s" % (recorded, elapsed), flush=True)


# MARK: fuzzing the arguments

DATES = ["2026-12-02", "today", "tomorrow", "yesterday", "+3d", "-2d", "2026-02-29", "2024-02-29", "2026-13-01",
         "2026-00-10", "0000-01-01", "9999-12-31", "+99999d", "-99999d", "+0d", "1d", "2026-1-2", "20261202",
         "+9223372036854775807d", "-9223372036854775808d", "TODAY", " today ", "2026-12-02Z"]
TIMES = ["09:30", "9:30", "23:59:59", "24:00", "12:60", "00:00", "1:2", "12:00:60", "-1:00", "99:99"]
DATETIMES = ["now", "2026-12-02T14:00", "2026-12-02 14:00", "tomorrow 9:30", "14:00", "2026-12-01T10:00-05:00",
             "2026-12-01T10:00Z", "2026-12-01T10:00:00.123+05:30", "2026-12-01T10:00+25:00", "2026-12-01T10:00+0530",
             "2026-12-01T", "T10:00", "2026-03-08T02:30", "2026-11-01T01:30", "1970-01-01T00:00Z",
             "-9999-01-01T00:00Z", "292277026596-12-04T15:30:07Z", "yesterday 25:00", "+1d 10:00", "now "]
ZONES = ["America/New_York", "Europe/London", "UTC", "Etc/GMT+14", "Asia/Kathmandu", "Mars/Olympus",
         "america/new_york", "../../etc/passwd", "EST5EDT", "GMT+5", "", " ", "Europe/Lond", "Z", "+05:00"]
WINDOWS = ["09:00-12:00", "12:00-09:00", "00:00-24:00", "09:00-09:00", "9-12", "09:00-12:00,13:00-14:00",
           "23:00-23:59", "00:00-00:01", "09:00 - 12:00", "--", "09:00-", "-12:00"]
PHONES = [PHONE, "+15550100", "555-0100", "(555) 0100", "", "abc", "++1", "0" * 40, "+1 555 0199", "١٢٣٤",
          "+44 20 7946 0000", "tel:+15550100"]
IDS = ["1", "2", "3", "0", "-1", "999999", "9223372036854775807", "9223372036854775808", "1.5", "0x1", "abc",
       "", "01", "+1", " 1", "1e3", "٣"]
STATUSES = ["applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "Offer", "closed", "", "open"]
OUTCOMES = ["reached", "voicemail", "no-answer", "bad-time", "no_answer", "Reached", "", "busy"]
CONFIG_KEYS = ["name", "timezone", "business_hours", "after_hours", "holidays", "max_attempts", "colour", "",
               "NAME"]
CONFIG_VALUES = ["Alex Doe", "America/New_York", "Mars/Base", "09:00-17:00", "17:00-09:00", "08:00-20:00",
                 "2026-12-25", "2026-12-25,2027-01-01", "2026-13-25", "2", "0", "-1", "99999999999999999999", "abc",
                 ""]
TEXTS = ["Acme", "Staff Engineer", "Zoë Ångström", "東京株式会社", "مهندس", "👩‍💻🚀", "e\u0301", "\u200b", "\u202eevil",
         "'; DROP TABLE applications; --", "%s%n%x", "\\N", "\t", " ", "", "-", "--", "--json", "a\nb",
         "https://example.com/?q=1&r=2"]
UNICODE = "aZ09 -+:.,/TZé東🚀\u0301\u200b\u202e'\"\\%;\t"


def mutate(rng, text):
    chars = list(text)
    for _ in range(rng.randrange(1, 4)):
        operation = rng.randrange(5)
        position = rng.randrange(len(chars) + 1)
        if operation == 0:
            chars.insert(position, rng.choice(UNICODE))
        elif operation == 1 and chars:
            del chars[min(position, len(chars) - 1)]
        elif operation == 2 and chars:
            chars[min(position, len(chars) - 1)] = rng.choice(UNICODE)
        elif operation == 3:
            chars = chars[:position]
        else:
            chars = chars + chars[position:]
    return "".join(chars)


def value(rng, pool):
    choice = rng.random()
    if choice < 0.6:
        return rng.choice(pool)
    if choice < 0.9:
        return mutate(rng, rng.choice(pool))
    if choice < 0.95:
        return rng.choice(UNICODE) * rng.choice([1000, 20000])  # long, up to 80 kB of UTF-8
    return rng.choice(TEXTS)


def datetime_value(rng):
    if rng.random() < 0.2:
        return "%s %s" % (rng.choice(DATES), rng.choice(TIMES))
    return value(rng, DATETIMES)


# Each command: positional generators, then options (name, generator or None for a flag).
def commands(jobtrack):
    text = lambda rng: value(rng, TEXTS)  # noqa: E731
    ident = lambda rng: value(rng, IDS)  # noqa: E731
    date = lambda rng: value(rng, DATES)  # noqa: E731
    table = {
        "add": ([text, text], [("--applied-on", date), ("--url", text), ("--note", text), ("--highlight", text),
                               ("--highlight", text)]),
        "list": ([], [("--status", lambda rng: value(rng, STATUSES))]),
        "show": ([ident], []),
        "edit": ([ident], [("--company", text), ("--role", text), ("--applied-on", date), ("--url", text),
                           ("--note", text)]),
        "status": ([ident, lambda rng: value(rng, STATUSES)], []),
        "delete": ([ident], [("--yes", None)]),
        "interview": ([ident], [("--at", datetime_value), ("--at", datetime_value), ("--with", text),
                                ("--phone", lambda rng: value(rng, PHONES)), ("--tz", lambda rng: value(rng, ZONES)),
                                ("--decision-by", date), ("--after-hours-ok", None),
                                ("--busy", lambda rng: value(rng, WINDOWS)),
                                ("--busy", lambda rng: value(rng, WINDOWS)), ("--note", text)]),
        "call": ([ident], [("--outcome", lambda rng: value(rng, OUTCOMES)),
                           ("--outcome", lambda rng: value(rng, OUTCOMES)), ("--at", datetime_value),
                           ("--callback-at", datetime_value), ("--number", lambda rng: value(rng, PHONES)),
                           ("--note", text)]),
        "voicemail": ([ident], [("--at", datetime_value), ("--note", text)]),
        "today": ([], []),
        "agenda": ([], [("--all", None)]),
        "script": ([ident], []),
        "config": ([lambda rng: value(rng, CONFIG_KEYS), lambda rng: value(rng, CONFIG_VALUES)], []),
    }
    table["export"] = ([], [("--format", lambda rng: value(rng, ["json", "csv", "ics", "xml", ""]))])
    table["import"] = ([lambda rng: rng.choice(["@broken", "@broken", "@missing", "@folder"])],
                       [("--format", lambda rng: value(rng, ["json", "csv", "JSON", "xml", ""]))])
    table["backup"] = ([lambda rng: rng.choice(["@existing", "@folder", "@missing-folder"])], [])
    return table


def broken_import(rng, path):
    """A jobtrack JSON or CSV document with something wrong in it, written to `path`."""
    if rng.random() < 0.5:
        document = synthetic.document(rng.randrange(1, 4), seed=rng.randrange(1000))
        application = rng.choice(document["applications"])
        field = rng.choice(["company", "role", "status", "applied_on", "highlights", "interviews", "format",
                            "version", "settings"])
        bad = rng.choice(["", None, 42, "2026-02-30", "not a status", ["x"], {"x": 1}, "\u0000",
                          [{"held_at": "yesterday-ish", "tz": "Mars/Base", "calls": [{"outcome": "maybe"}]}]])
        if field in ("format", "version", "settings"):
            document[field] = bad
        else:
            application[field] = bad
        text = json.dumps(document, ensure_ascii=False)
        if rng.random() < 0.3:
            text = text[:rng.randrange(len(text))]
    else:
        rows = ["company,role,status,applied_on", "Acme,Engineer,applied,2026-12-01",
                "\"Globex,Inc\",\"PM\"\"x\",offer,2026-02-30", "Initech,,applied,2026-12-01",
                "Hooli,Dev,someday,2026-12-01", "a,b,c,d,e,f", "\"unterminated,Dev,applied,2026-12-01"]
        text = "\n".join([rows[0]] + rng.sample(rows[1:], rng.randrange(1, len(rows))))
        if rng.random() < 0.3:
            text = "company,role,unknown\nA,B,C\n"
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def fuzz_case(rng, table, folder):
    name = rng.choice(sorted(table))
    positionals, options = table[name]
    args = [name]
    for generate in positionals:
        if rng.random() < 0.9:
            args.append(generate(rng))
    for option, generate in options:
        if rng.random() < 0.5:
            args.append(option)
            if generate is not None:
                args.append(generate(rng))
    if rng.random() < 0.05:
        args.insert(rng.randrange(1, len(args) + 1), rng.choice(["--bogus", "-x", "extra", "--now"]))
    if rng.random() < 0.3:
        args += ["--now", datetime_value(rng)]
    else:
        args += ["--now", NOW]
    if rng.random() < 0.5:
        args.append("--json")
    resolved = []
    for arg in args:
        if arg == "@broken":
            path = os.path.join(folder, "broken.%s" % rng.choice(["json", "csv"]))
            broken_import(rng, path)
            resolved.append(path)
        elif arg == "@missing":
            resolved.append(os.path.join(folder, "no-such-file.json"))
        elif arg == "@folder":
            resolved.append(folder)
        elif arg == "@existing":
            resolved.append(os.path.join(folder, "existing.bak"))
        elif arg == "@missing-folder":
            resolved.append(os.path.join(folder, "no", "such", "folder", "x.bak"))
        else:
            resolved.append(arg)
    return resolved


def test_fuzz(jobtrack, folder, cases, rng):
    test = "argument fuzz"
    print("%s (%d cases)" % (test, cases), flush=True)
    pristine = os.path.join(folder, "fuzz-pristine.sqlite3")
    new_database(jobtrack, folder, "fuzz-pristine.sqlite3", applications=3)
    jobtrack.must(pristine, "call", "2", "--outcome", "voicemail", "--at", "2026-12-02T09:00", "--now", NOW)
    jobtrack.must(pristine, "config", "name", "Alex Doe")
    with open(os.path.join(folder, "existing.bak"), "w") as file:
        file.write("not yours")
    db = os.path.join(folder, "fuzz.sqlite3")

    def restore():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copyfile(pristine, db)
        return dump(db)

    before = restore()
    table = commands(jobtrack)
    refusals = accepted = 0
    for case in range(cases):
        args = fuzz_case(rng, table, folder)
        shown = " ".join(repr(a) if len(a) < 80 else "<%d chars>" % len(a) for a in args)
        try:
            result = jobtrack.run(db, *args, timeout=60)
        except subprocess.TimeoutExpired:
            fail(test, "case %d hung: %s" % (case, shown))
            before = restore()
            continue
        code = result.returncode
        if code < 0 or code >= 128:
            fail(test, "case %d crashed (exit %d): %s\n    %s" % (case, code, shown,
                                                               result.stderr.decode(errors="replace")[-300:]))
            before = restore()
            continue
        after = dump(db)
        if code != 0:
            refusals += 1
            if not one_line(result.stderr):
                fail(test, "case %d: refusal without exactly one stderr line: %s\n    %r"
                     % (case, shown, result.stderr[:400]))
            if after != before:
                fail(test, "case %d: refused (%s) but the database changed: %s"
                     % (case, result.stderr.decode(errors="replace").strip(), shown))
                before = restore()
        else:
            accepted += 1
            if args[-1] == "--json" and args[0] not in ("export",) and "--help" not in args:
                try:
                    json.loads(result.stdout)
                except ValueError:
                    fail(test, "case %d: --json printed something that is not JSON: %s" % (case, shown))
            if after != before:
                before = restore()
        if os.path.exists(os.path.join(folder, "existing.bak")):
            with open(os.path.join(folder, "existing.bak")) as file:
                if file.read() != "not yours":
                    fail(test, "case %d: backup overwrote an existing file: %s" % (case, shown))
        for leftover in ("no-such-file.json",):
            path = os.path.join(folder, leftover)
            if os.path.exists(path):
                os.remove(path)
    if not check_database(test, db):
        return
    print("  ok: %d refused with one line and the database unchanged, %d accepted, no crash"
          % (refusals, accepted), flush=True)


# MARK: read-only database and full disk

def mount(*args):
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def umount(path):
    subprocess.run(["umount", "-l", path], capture_output=True)


def expect_refusal(test, jobtrack, db, args, words):
    result = jobtrack.run(db, *args)
    message = result.stderr.decode(errors="replace").strip()
    if result.returncode == 0:
        fail(test, "%s succeeded" % args[0])
        return False
    if result.returncode >= 128 or result.returncode < 0:
        fail(test, "%s crashed (exit %d): %s" % (args[0], result.returncode, message))
        return False
    if not one_line(result.stderr):
        fail(test, "%s: not one line on stderr: %r" % (args[0], result.stderr[:400]))
        return False
    if not any(word in message.lower() for word in words):
        fail(test, "%s: the error does not say why: %s" % (args[0], message))
        return False
    print("  %s refused: %s" % (args[0], message), flush=True)
    return True


def test_read_only(jobtrack, folder):
    test = "read-only database"
    print(test, flush=True)
    root = os.path.join(folder, "readonly")
    os.makedirs(root)
    db = new_database(jobtrack, root)
    before = dump(db)
    words = ("read-only", "readonly", "read only", "permission", "unable to open", "cannot", "can't")
    writes = [("add", "Globex", "PM", "--now", NOW), call_args(1, "ro"), ("config", "name", "X")]
    if os.geteuid() != 0:
        os.chmod(db, 0o400)
        os.chmod(root, 0o500)
        how = "chmod 0400 file, 0500 folder"
    elif mount("--bind", root, root) and mount("-o", "remount,bind,ro", root):
        how = "read-only bind mount (root ignores file modes)"
    else:
        umount(root)
        skip(test, "running as root and a read-only bind mount is not permitted here")
        return
    print("  made read-only by %s" % how, flush=True)
    try:
        for args in writes:
            expect_refusal(test, jobtrack, db, args, words)
    finally:
        if os.geteuid() != 0:
            os.chmod(root, 0o700)
            os.chmod(db, 0o600)
        else:
            umount(root)
    if dump(db) != before:
        fail(test, "the database changed")
    check_database(test, db)


def fill(root, leave):
    """Fills the file system at `root` with a filler file, leaving about `leave` bytes free."""
    path = os.path.join(root, "filler")
    filler = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(filler, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(filler)
    os.truncate(path, max(0, os.path.getsize(path) - leave))
    return path


def test_full_disk(jobtrack, folder):
    test = "full disk"
    print(test, flush=True)
    root = os.path.join(folder, "full")
    os.makedirs(root)
    if not mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", root):
        skip(test, "mounting a small tmpfs is not permitted here (needs root or CAP_SYS_ADMIN)")
        return
    try:
        db = new_database(jobtrack, root)
        before = dump(db)
        words = ("full", "space")
        long_note = "x" * 100000
        source = os.path.join(folder, "full-import.json")
        synthetic.write_document(source, 2000)
        # No room even for SQLite's shared-memory file, then room for it but not for the write.
        for leave, phase in ((0, "no room to open"), (80000, "full during the write")):
            print("  %s:" % phase, flush=True)
            filler = fill(root, leave)
            expect_refusal(test, jobtrack, db, ("add", "Globex", "PM", "--note", long_note, "--now", NOW), words)
            expect_refusal(test, jobtrack, db, call_args(1, long_note), words)
            expect_refusal(test, jobtrack, db, ("import", source, "--now", NOW), words)
            os.remove(filler)
            if dump(db) != before:
                fail(test, "%s: the database changed" % phase)
            check_database(test, db)
        # Room again: the same database takes the write.
        result = jobtrack.run(db, *call_args(1, "after"))
        if result.returncode != 0:
            fail(test, "after freeing space a call failed: %s" % result.stderr.decode(errors="replace").strip())
        check_database(test, db)
    finally:
        umount(root)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the jobtrack binary")
    parser.add_argument("--short", action="store_true", help="the short form run by `make test`")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--only", default="", help="comma-separated: calls,import,undo,concurrent,fuzz,readonly,full")
    options = parser.parse_args()
    seed = options.seed if options.seed is not None else random.randrange(1 << 31)
    if shutil.which("sqlite3") is None:
        print("faults: the sqlite3 shell is needed (apt-get install sqlite3)", file=sys.stderr)
        return 2
    jobtrack = Jobtrack(os.path.abspath(options.bin))
    only = set(filter(None, options.only.split(",")))
    short = options.short
    print("fault tests (%s form), seed %d — replay with --seed %d" % ("short" if short else "full", seed, seed))
    started = time.monotonic()
    outcomes = {"passed": 0, "failed": 0, "skipped": 0}
    folder = tempfile.mkdtemp(prefix="jobtrack-faults-")
    try:
        plan = [
            ("calls", lambda rng: test_kill_calls(jobtrack, folder, 12 if short else 60, rng)),
            ("import", lambda rng: test_kill_import(jobtrack, folder, 6 if short else 50,
                                                    1000 if short else 3000, rng)),
            ("undo", lambda rng: test_kill_undo(jobtrack, folder, 4 if short else 40, 500 if short else 3000, rng)),
            ("undo", lambda rng: test_concurrent_undo(jobtrack, folder, 3 if short else 30)),
            ("concurrent", lambda rng: test_concurrent(jobtrack, folder, 2, 20 if short else 300)),
            ("concurrent", lambda rng: test_concurrent(jobtrack, folder, 4, 15 if short else 200)),
            ("fuzz", lambda rng: test_fuzz(jobtrack, folder, 250 if short else 3000, rng)),
            ("readonly", lambda rng: test_read_only(jobtrack, folder)),
            ("full", lambda rng: test_full_disk(jobtrack, folder)),
        ]
        for index, (name, run) in enumerate(plan):
            if only and name not in only:
                continue
            failed_before, skipped_before = len(failures), len(skips)
            try:
                run(random.Random(seed * 31 + index))
            except Exception as error:  # a broken harness is a failure too, with its cause
                fail(name, "%s: %s" % (type(error).__name__, error))
            if len(failures) > failed_before:
                outcomes["failed"] += 1
            elif len(skips) > skipped_before:
                outcomes["skipped"] += 1
            else:
                outcomes["passed"] += 1
    finally:
        for path in (os.path.join(folder, "readonly"), os.path.join(folder, "full")):
            if os.path.ismount(path):
                umount(path)
        shutil.rmtree(folder, ignore_errors=True)
    elapsed = time.monotonic() - started
    print()
    for item in skips:
        print("skipped: %s" % item)
    if failures:
        print("%d fault test failure(s) in %.0f s (seed %d):" % (len(failures), elapsed, seed))
        for item in failures:
            print("  " + item.splitlines()[0])
    else:
        print("fault tests passed in %.0f s (seed %d)" % (elapsed, seed))
    print("faults: %(passed)d passed, %(failed)d failed, %(skipped)d skipped" % outcomes)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
