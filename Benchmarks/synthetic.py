"""Synthetic jobtrack data: import documents (docs/commands.md §3 JSON) and Taskwarrior tasks.

Used by Benchmarks/bench.py and by the fault tests (Tests/faults/faults.py). Python 3
standard library only. Everything is seeded, so the same arguments give the same file.

Every application is built to land in one follow-up state of docs/rules.md §2 at NOW, spread over
all of them (closed, not_interviewed, callback_scheduled, due, overdue, followed_up,
tried_twice, awaiting_reply, too_soon, waiting_on_decision, no_number). All but the
not_interviewed share have one or two interviews and zero to three call attempts.
"""

import json
import random
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo

# Wednesday 2026-12-02 10:30 in New York: the benchmark's and the fault tests' "now".
NOW = "2026-12-02T10:30:00-05:00"
NOW_DT = datetime.fromisoformat(NOW)

ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London",
         "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Soylent", "Stark", "Wayne",
             "Wonka", "Cyberdyne", "Tyrell", "Aperture", "Massive Dynamic", "Oscorp"]
ROLES = ["Staff Engineer", "Product Manager", "Backend Developer", "Designer", "Data Engineer",
         "Site Reliability Engineer", "Engineering Manager", "QA Lead"]
NAMES = ["Dana Smith", "Lee Chen", "Sam Patel", "Kim Lee", "Ola Berg", "Ana García", "Yuki Tanaka",
         "Chris Müller", "Priya Nair", "Tom O'Brien"]
HIGHLIGHTS = ["Shipped a payments platform at scale", "Led a team of five through a re-architecture",
              "Ten years of Go and PostgreSQL", "Cut cloud costs by 40%", "Mentored eight engineers"]

# State -> weight. Each scenario below produces that state at NOW.
STATES = [("closed", 10), ("not_interviewed", 5), ("callback_scheduled", 8), ("due", 14),
          ("overdue", 12), ("followed_up", 12), ("tried_twice", 8), ("awaiting_reply", 8),
          ("too_soon", 10), ("waiting_on_decision", 8), ("no_number", 5)]


def _iso(dt):
    return dt.isoformat(timespec="seconds")


def _business_days_before(day, count):
    """The date `count` business days (Mon-Fri) before `day`."""
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _at(day, hour, minute, zone):
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def application(index, rng):
    """One application object as `show --json` prints it, without id and follow_up."""
    state = rng.choices([s for s, _ in STATES], weights=[w for _, w in STATES])[0]
    zone_name = rng.choice(ZONES)
    zone = ZoneInfo(zone_name)
    today = NOW_DT.astimezone(zone).date()
    phone = "+1 555 %04d" % rng.randrange(10000)
    interviewer = rng.choice(NAMES)
    status = "interviewing"
    decision_by = None
    calls = []

    def held(days_back):
        day = _business_days_before(today, days_back) if days_back > 0 else today
        return _at(day, rng.choice([9, 10, 11, 14, 15]), rng.choice([0, 30]), zone)

    def call(at, outcome, callback_at=None):
        calls.append({"at": _iso(at), "outcome": outcome, "callback_at": callback_at and _iso(callback_at),
                      "number": phone, "notes": None})

    interview_at = held(2)
    if state == "closed":
        status = rng.choice(["offer", "accepted", "rejected", "withdrawn"])
        interview_at = held(rng.randrange(1, 30))
    elif state == "not_interviewed":
        status = "applied"
    elif state == "too_soon":
        interview_at = held(rng.choice([0, 1]))
        if interview_at > NOW_DT:
            interview_at = held(1)
    elif state in ("due", "no_number"):
        interview_at = held(rng.choice([2, 3]))
    elif state == "overdue":
        interview_at = held(rng.randrange(4, 15))
    elif state == "waiting_on_decision":
        interview_at = held(rng.randrange(1, 6))
        decision_by = (today + timedelta(days=rng.randrange(1, 10))).isoformat()
    elif state == "followed_up":
        interview_at = held(rng.randrange(3, 10))
        first = interview_at + timedelta(days=2, hours=1)
        if rng.random() < 0.5:
            call(first, "no-answer")
            first += timedelta(hours=3)
        call(min(first, NOW_DT - timedelta(minutes=5)), "reached")
    elif state == "tried_twice":
        interview_at = held(rng.randrange(5, 12))
        first = interview_at + timedelta(days=2, hours=1)
        call(first, "voicemail")
        call(first + timedelta(days=1), rng.choice(["voicemail", "no-answer"]))
    elif state == "awaiting_reply":
        interview_at = held(2)
        call(NOW_DT - timedelta(minutes=rng.randrange(1, 60)), "voicemail")
    elif state == "callback_scheduled":
        interview_at = held(rng.randrange(3, 8))
        at = interview_at + timedelta(days=2)
        callback = _at(today + timedelta(days=rng.randrange(1, 5)), 14, 0, zone)
        call(min(at, NOW_DT - timedelta(minutes=1)), rng.choice(["bad-time", "reached"]), callback)

    interviews = []
    if state != "not_interviewed":
        if rng.random() < 0.3:
            # An earlier round, superseded by the latest one.
            earlier = interview_at - timedelta(days=rng.randrange(7, 30))
            interviews.append({"held_at": _iso(earlier), "tz": zone_name, "interviewer": rng.choice(NAMES),
                               "phone": phone, "decision_by": None, "after_hours_ok": False, "busy": [],
                               "notes": "first round", "calls": []})
        busy = ["09:00-10:00"] if rng.random() < 0.3 else []
        interviews.append({"held_at": _iso(interview_at), "tz": zone_name, "interviewer": interviewer,
                           "phone": None if state == "no_number" else phone, "decision_by": decision_by,
                           "after_hours_ok": rng.random() < 0.1, "busy": busy,
                           "notes": None, "calls": calls})
    applied = (interview_at - timedelta(days=rng.randrange(5, 40))).date().isoformat()
    return {
        "company": "%s %d" % (rng.choice(COMPANIES), index),
        "role": rng.choice(ROLES),
        "status": status,
        "applied_on": applied,
        "url": "https://jobs.example.com/%d" % index if rng.random() < 0.5 else None,
        "notes": "synthetic application %d" % index,
        "highlights": rng.sample(HIGHLIGHTS, rng.randrange(0, 3)),
        "interviews": interviews,
    }


def document(count, seed=1):
    """The docs/commands.md §3 import document with `count` applications."""
    rng = random.Random(seed)
    apps = []
    for index in range(1, count + 1):
        app = application(index, rng)
        app["id"] = index
        apps.append(app)
    return {"format": "jobtrack", "version": 1,
            "settings": {"timezone": "America/New_York", "name": "Alex Doe"},
            "applications": apps}


def write_document(path, count, seed=1):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(document(count, seed), file, ensure_ascii=False)


def taskwarrior_tasks(count, seed=1):
    """`count` pending Taskwarrior tasks for `task import`, one JSON object a line, with
    due dates, projects, tags and priorities spread like a busy list."""
    rng = random.Random(seed)
    base = NOW_DT.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    lines = []
    for index in range(count):
        due = base + timedelta(days=rng.randrange(-10, 20), hours=rng.randrange(0, 24))
        entry = base - timedelta(days=rng.randrange(1, 60))
        task = {
            "uuid": "%08x-0000-4000-8000-%012x" % (seed, index),
            "status": "pending",
            "description": "Call %s about %s at %s %d" % (rng.choice(NAMES), rng.choice(ROLES),
                                                         rng.choice(COMPANIES), index),
            "entry": entry.strftime("%Y%m%dT%H%M%SZ"),
            "due": due.strftime("%Y%m%dT%H%M%SZ"),
            "project": rng.choice(["jobs", "jobs.followup", "jobs.interview"]),
            "tags": rng.sample(["call", "email", "urgent", "remote"], rng.randrange(0, 3)),
        }
        if rng.random() < 0.3:
            task["priority"] = rng.choice(["H", "M", "L"])
        lines.append(json.dumps(task))
    return "\n".join(lines) + "\n"
