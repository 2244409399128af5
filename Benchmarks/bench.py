#!/usr/bin/env python3
"""jobtrack benchmarks: `make bench` runs this and writes bench/results.md.

Builds the release binary in .build-bench, a Foundation "hello" with swiftc (the floor of
any Swift process here), synthetic databases of 1,000, 10,000 and 100,000 applications
through `jobtrack import`, and Taskwarrior task lists of the same sizes in a throw-away
TASKDATA. Then times every command over repeated runs after a warm-up, in one run on one
machine, and reports medians, spread, ratios and peak memory; last, `json-decode-bench`
reads an export of the largest database with the byte parser and with `JSONDecoder`. Python 3 standard library
only; installs taskwarrior, time and sqlite3 with apt-get when they are missing.

    python3 Benchmarks/bench.py [--quick] [--sizes 1000,10000,100000] [--no-callgrind]
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import synthetic  # noqa: E402

SCRATCH = os.path.join(ROOT, ".build-bench")
WORK = os.path.join(SCRATCH, "bench-work")
RESULTS = os.path.join(ROOT, "bench", "results.md")
# The Makefile's release build: what `make install` installs is what is measured.
RELEASE_FLAGS = ["-c", "release", "--static-swift-stdlib"]
NOW = synthetic.NOW
DEVNULL = os.open(os.devnull, os.O_RDWR)
# Reads an export with JSONParser, or with JSONDecoder into typed structs (Benchmarks/JSONDecodeBench).
DECODE_BENCH = "json-decode-bench"
DECODE_MODES = [("parser", "`JSONParser.parse` into a `JSONValue` tree"),
                ("parser-typed", "`JSONParser.parse`, then the tree checked into typed structs"),
                ("decodable", "`JSONDecoder` into the same typed `Decodable` structs")]


def log(text):
    print(text, flush=True)


def run(argv, **kwargs):
    return subprocess.run(argv, check=True, **kwargs)


# MARK: tools

def ensure_tools():
    wanted = [("task", "taskwarrior"), ("/usr/bin/time", "time"), ("sqlite3", "sqlite3"),
              ("valgrind", "valgrind")]
    missing = [package for command, package in wanted if shutil.which(command) is None]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        sys.exit("bench: missing %s; install them (apt-get install -y %s)" % (", ".join(missing), " ".join(missing)))
    log("installing %s" % ", ".join(missing))
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=environment, stdout=DEVNULL)
    run(["apt-get", "install", "-y", "-q", *missing], env=environment, stdout=DEVNULL)


def build():
    log("building the release binary in .build-bench")
    run(["swift", "build", *RELEASE_FLAGS, "--scratch-path", SCRATCH, "--product", "jobtrack"], cwd=ROOT)
    run(["swift", "build", *RELEASE_FLAGS, "--scratch-path", SCRATCH, "--product", DECODE_BENCH], cwd=ROOT)
    folder = subprocess.run(["swift", "build", *RELEASE_FLAGS, "--scratch-path", SCRATCH, "--show-bin-path"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    hello_source = os.path.join(WORK, "hello.swift")
    with open(hello_source, "w") as file:
        file.write('import Foundation\n\n// The floor: a process that loads Foundation and prints a line.\n'
                   'print("hello, \\(ProcessInfo.processInfo.processName)")\n')
    hello = os.path.join(WORK, "hello")
    run(["swiftc", "-O", hello_source, "-o", hello])
    # The same hello linked as jobtrack's release is (statically), to read the floor against.
    static_hello = os.path.join(WORK, "hello-static")
    run(["swiftc", "-O", "-static-stdlib", hello_source, "-o", static_hello], stderr=DEVNULL)
    return os.path.join(folder, "jobtrack"), hello, static_hello


# MARK: timing

def spawn(argv, env=None, stdin=None):
    """Runs argv with stdout and stderr to /dev/null; returns (seconds, max RSS in KiB, exit code)."""
    actions = [(os.POSIX_SPAWN_DUP2, DEVNULL, 1), (os.POSIX_SPAWN_DUP2, DEVNULL, 2)]
    if stdin is not None:
        actions.append((os.POSIX_SPAWN_OPEN, 0, stdin, os.O_RDONLY, 0))
    started = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env if env is not None else os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


class Measurement:
    def __init__(self, name, times, rss):
        self.name, self.times, self.rss = name, sorted(times), max(rss)

    @property
    def median(self):
        return statistics.median(self.times)

    def quantile(self, q):
        index = q * (len(self.times) - 1)
        low = int(index)
        high = min(low + 1, len(self.times) - 1)
        return self.times[low] + (self.times[high] - self.times[low]) * (index - low)


def measure(name, argv, runs, warmup=3, env=None, prepare=None, stdin=None, peak_memory=True):
    times, rss = [], []
    for index in range(warmup + runs):
        if prepare:
            prepare()
        elapsed, maxrss, code = spawn(argv, env, stdin)
        if code != 0:
            result = subprocess.run(argv, env=env, capture_output=True, text=True)
            sys.exit("bench: %s failed (exit %d): %s" % (name, code, (result.stderr or result.stdout)[-500:]))
        if index >= warmup:
            times.append(elapsed)
            rss.append(maxrss)
    # wait4's ru_maxrss after posix_spawn (vfork) starts from this Python process's own
    # high-water mark, so peak memory comes from GNU time, whose child starts small.
    peak = None
    if peak_memory:
        if prepare is not None:
            prepare()
        peak = time_rss(argv, env)
    measurement = Measurement(name, times, [peak or 0])
    log("  %-34s median %8.1f ms  (p25 %.1f, p75 %.1f, min %.1f; %d runs)  max RSS %.1f MB"
        % (name, measurement.median * 1000, measurement.quantile(0.25) * 1000, measurement.quantile(0.75) * 1000,
           measurement.times[0] * 1000, runs, measurement.rss / 1024))
    return measurement


def measure_together(commands, runs, warmup=3):
    """`measure` for several commands at once, their runs taken in turn: a ratio of two
    of them is then not also a ratio of two moments of a shared machine, whose speed
    drifts by tens of percent over minutes. `commands` is a list of (name, argv, env);
    returns their Measurements in that order."""
    times = [[] for _ in commands]
    for index in range(warmup + runs):
        for (name, argv, env), kept in zip(commands, times):
            elapsed, _, code = spawn(argv, env)
            if code != 0:
                result = subprocess.run(argv, env=env, capture_output=True, text=True)
                sys.exit("bench: %s failed (exit %d): %s" % (name, code, (result.stderr or result.stdout)[-500:]))
            if index >= warmup:
                kept.append(elapsed)
    measurements = []
    for (name, argv, env), kept in zip(commands, times):
        measurement = Measurement(name, kept, [time_rss(argv, env) or 0])
        log("  %-34s median %8.1f ms  (p25 %.1f, p75 %.1f, min %.1f; %d runs, in turn)  max RSS %.1f MB"
            % (name, measurement.median * 1000, measurement.quantile(0.25) * 1000,
               measurement.quantile(0.75) * 1000, measurement.times[0] * 1000, runs, measurement.rss / 1024))
        measurements.append(measurement)
    return measurements


def remove_database(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def time_rss(argv, env=None):
    """Max RSS in KiB as GNU time -v reports it, as a cross-check of wait4's figure."""
    result = subprocess.run(["/usr/bin/time", "-v", *argv], env=env, capture_output=True, text=True)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return int(match.group(1)) if match else None


def callgrind(argv, env=None, output=None):
    """Instructions executed, as valgrind's callgrind counts them (repeatable, unlike wall time)."""
    output = output or os.path.join(WORK, "callgrind.out")
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + output, *argv],
                            env=env, capture_output=True, text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    return int(match.group(1)) if match else None


# MARK: the run

# What `today --json` spends its instructions on: (label, pattern of the function's
# symbol in `callgrind_annotate --inclusive=yes`), inclusive counts, largest first.
PROFILE_PARTS = [
    ("start-up before `run()`: loader, runtime, argument parsing", None),
    ("loading histories (`Repository.forEachFollowUpHistory`, less what `today` does with each)", None),
    ("  of which SQLite stepping rows (`sqlite3_step`)", r"\?\?\?:sqlite3_step \["),
    ("rows to the engine's facts (`FactsMapper.facts`)", r"FactsMapperV5facts3for.*tKF \["),
    ("the rules (`FollowUpEngine.assess`)", r"EngineV6assess_3now\S*tF \["),
    ("wording reasons (`Reason.appendText`, into the JSON bytes)", r"ReasonO10appendText2to\S* \["),
    ("writing JSON (`JSONWriter.write`), reasons included", r"JSONWriterO5write_2to\S* \["),
]


def profile(output):
    """Inclusive instruction counts of the parts of PROFILE_PARTS, from one callgrind output."""
    # From the root folder, so that every function is named by its full path (from the
    # repository, callgrind_annotate shortens some paths and drops their object file).
    try:
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no", "--threshold=100",
                               os.path.abspath(output)],
                              capture_output=True, text=True, check=True, cwd="/").stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    counts = {}
    total = re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", text)

    def largest(pattern):
        # A function can be listed more than once (its inlined copies): the largest is the whole.
        found = [int(m.replace(",", "")) for m in re.findall(r"^\s*([\d,]+) \([^)]*\)\s+\S*" + pattern, text, re.M)]
        return max(found) if found else None

    run = largest(r"TodayV3runyyKF \[")
    for label, pattern in PROFILE_PARTS:
        if pattern is not None and largest(pattern) is not None:
            counts[label] = largest(pattern)
    if total and run:
        counts[PROFILE_PARTS[0][0]] = int(total.group(1).replace(",", "")) - run
    # The walk hands each history to the closure of `Tracker.forEachOpenEntry`, which
    # assesses it for `today`: loading is the walk less that closure.
    walk = largest(r"RepositoryV22forEachFollowUpHistory\S*KF \[")
    body = largest(r"TrackerV16forEachOpenEntry\S*ApplicationHistoryV\S*KXEfU_ \[")
    if walk and body:
        counts[PROFILE_PARTS[1][0]] = walk - body
    return counts


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as file:
        for line in file:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as file:
        memory = int(file.readline().split()[1]) / 1024 / 1024
    def version(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "not found"
    return [
        ("date", datetime.datetime.now().astimezone().isoformat(timespec="seconds")),
        ("kernel", "%s %s %s" % (platform.system(), platform.release(), platform.machine())),
        ("CPU", "%s, %d logical cores" % (cpu, os.cpu_count())),
        ("memory", "%.1f GiB" % memory),
        ("load average at start", "%.2f %.2f %.2f" % os.getloadavg()),
        ("swift", version(["swift", "--version"])),
        ("sqlite3 shell", version(["sqlite3", "--version"]).split(" ")[0]),
        ("taskwarrior", version(["task", "--version"])),
        ("python", platform.python_version()),
    ]


def main():
    parser = argparse.ArgumentParser(description="jobtrack benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for trying the script out")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--no-callgrind", action="store_true")
    parser.add_argument("--output", default=RESULTS)
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    fast_runs = 8 if options.quick else 40
    slow_runs = 3 if options.quick else 10

    os.makedirs(WORK, exist_ok=True)
    ensure_tools()
    jobtrack, hello, static_hello = build()
    about = machine()
    log("machine: " + "; ".join("%s %s" % pair for pair in about))

    results = {}  # (command, size) -> Measurement
    shells = {}  # size -> the sqlite3 shell's best way to run the query
    counts = {}
    databases = {}
    env = dict(os.environ, TZ="America/New_York")
    env.pop("JOBTRACK_DB", None)
    env.pop("JOBTRACK_NOW", None)

    log("floor (the dynamic hello is measured again in turn with `today` at the smallest size)")
    results[("hello", 0)] = measure("Foundation hello", [hello], fast_runs * 2, warmup=5)
    results[("hello static", 0)] = measure("Foundation hello, linked statically", [static_hello], fast_runs * 2,
                                           warmup=5)

    for size in sizes:
        log("%d applications" % size)
        document = os.path.join(WORK, "applications-%d.json" % size)
        synthetic.write_document(document, size, seed=size)
        with open(document) as file:
            data = json.load(file)
        counted = {"applications": len(data["applications"]),
                   "interviews": sum(len(a["interviews"]) for a in data["applications"]),
                   "calls": sum(len(i["calls"]) for a in data["applications"] for i in a["interviews"])}
        del data
        states = {}
        db = os.path.join(WORK, "jobtrack-%d.sqlite3" % size)
        databases[size] = db
        runs = slow_runs if size >= 100000 else max(5, slow_runs)
        results[("import", size)] = measure(
            "import %d" % size, [jobtrack, "import", document, "--db", db, "--now", NOW], runs, warmup=1,
            env=env, prepare=lambda: remove_database(db))
        today = [jobtrack, "today", "--json", "--db", db, "--now", NOW]
        agenda = json.loads(subprocess.run([jobtrack, "agenda", "--json", "--all", "--db", db, "--now", NOW],
                                           env=env, capture_output=True, check=True).stdout)
        for entry in agenda:
            states[entry["state"]] = states.get(entry["state"], 0) + 1
        due = [entry["id"] for entry in agenda if entry["state"] in ("due", "overdue") and entry["phone"]]
        counts[size] = dict(counted, **{
            "today": len(json.loads(subprocess.run(today, env=env, capture_output=True, check=True).stdout)),
            "states": states,
        })
        many = fast_runs if size < 100000 else slow_runs
        page = os.path.join(os.path.dirname(db), "report-%d.html" % size)
        # The reads the targets compare with one another (and with the floor, at the
        # smallest size), their runs taken in turn.
        together = [
            ("today --json", today, env),
            ("agenda --json", [jobtrack, "agenda", "--json", "--db", db, "--now", NOW], env),
            ("stats --json", [jobtrack, "stats", "--json", "--db", db, "--now", NOW], env),
            ("report", [jobtrack, "report", "--output", page, "--db", db, "--now", NOW], env),
        ]
        if size == min(sizes):
            together.append(("Foundation hello", [hello], None))
        measured = measure_together(together, many)
        for command, measurement in zip(("today", "agenda", "stats", "report"), measured):
            results[(command, size)] = measurement
        if size == min(sizes):
            results[("hello", 0)] = measured[-1]
        target = due[len(due) // 2]
        results[("show", size)] = measure("show %d" % target, [jobtrack, "show", str(target), "--db", db, "--now", NOW],
                                          fast_runs, env=env)
        # The sqlite3 shell reading the rows `today` reads, with one query: the best of two output modes.
        query = ("SELECT a.id, a.company, a.role, a.status, i.held_at, i.tz, i.interviewer, i.phone, i.decision_by, "
                 "i.after_hours_ok, i.busy, c.at, c.outcome, c.callback_at "
                 "FROM applications a LEFT JOIN interviews i ON i.application_id = a.id "
                 "LEFT JOIN call_attempts c ON c.interview_id = i.id "
                 "WHERE a.status IN ('applied', 'interviewing') ORDER BY a.id, i.held_at, i.id, c.at, c.id")
        shell = [shutil.which("sqlite3"), "-readonly", db, query]
        shell_json = [shutil.which("sqlite3"), "-readonly", "-json", db, query]
        plain = measure("sqlite3 shell, one query", shell, many, env=env)
        as_json = measure("sqlite3 shell -json, one query", shell_json, many, env=env)
        results[("sqlite3", size)] = min(plain, as_json, key=lambda m: m.median)
        shells[size] = shell if plain.median <= as_json.median else shell_json
        # One write, last: it adds a call to the database the reads above used.
        results[("call", size)] = measure(
            "call %d (one write)" % target,
            [jobtrack, "call", str(target), "--outcome", "no-answer", "--db", db, "--now", NOW, "--note", "bench"],
            fast_runs, env=env)

    # Taskwarrior, with its defaults but for confirmation, in a throw-away TASKDATA.
    taskwarrior = {}
    task_envs = {}
    task = shutil.which("task")
    for size in [s for s in sizes if s in (10000, 100000)]:
        log("taskwarrior, %d tasks" % size)
        tasks = os.path.join(WORK, "tasks-%d.json" % size)
        with open(tasks, "w") as file:
            file.write(synthetic.taskwarrior_tasks(size, seed=size))
        data_folder = os.path.join(WORK, "taskdata-%d" % size)
        rc = os.path.join(WORK, "taskrc-%d" % size)
        with open(rc, "w") as file:
            file.write("data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=99.99.99\n" % data_folder)
        task_env = dict(env, TASKRC=rc, TASKDATA=data_folder)
        task_envs[size] = task_env

        def fresh():
            shutil.rmtree(data_folder, ignore_errors=True)
            os.makedirs(data_folder)

        # Three runs even at 100,000 (about 7 s each): the import target's denominator
        # was one run, which moved by a quarter from one `make bench` to the next.
        taskwarrior[("task import", size)] = measure(
            "task import %d" % size, [task, "import", tasks], 3, warmup=0,
            env=task_env, prepare=fresh, peak_memory=size < 100000)
        if size == 10000:
            taskwarrior[("task next", size)] = measure("task next", [task, "next"], slow_runs, warmup=2, env=task_env)

    # The byte parser against a typed Decodable import, on an export of the largest database.
    decoding = {}
    largest = max(sizes)
    export = os.path.join(WORK, "export-%d.json" % largest)
    decode_bench = os.path.join(os.path.dirname(jobtrack), DECODE_BENCH)
    log("JSON import: parser against Decodable, export of %d applications" % largest)
    with open(export, "wb") as file:
        run([jobtrack, "export", "--db", databases[largest]], env=env, stdout=file)
    for mode, _ in DECODE_MODES:
        decoding[mode] = measure("decode %s" % mode, [decode_bench, mode, export], slow_runs, warmup=1, env=env)

    instructions = {}
    profiles = {}
    if not options.no_callgrind:
        log("callgrind (instructions executed)")
        instructions["hello"] = callgrind([hello])
        instructions["hello static"] = callgrind([static_hello])
        for size in [s for s in sizes if s <= 10000]:
            db = databases[size]
            kept = os.path.join(WORK, "callgrind-today-%d.out" % size)
            instructions["today %d" % size] = callgrind([jobtrack, "today", "--json", "--db", db, "--now", NOW], env,
                                                        output=kept)
            profiles[size] = profile(kept)
            instructions["agenda %d" % size] = callgrind([jobtrack, "agenda", "--json", "--db", db, "--now", NOW], env)
            instructions["sqlite3 %d" % size] = callgrind(shells[size], env)
        if ("task next", 10000) in taskwarrior:
            instructions["task next 10000"] = callgrind([task, "next"], task_envs[10000])
        for mode, _ in DECODE_MODES:
            instructions["decode %s %d" % (mode, largest)] = callgrind([decode_bench, mode, export], env)
        log("  " + ", ".join("%s: %s" % pair for pair in instructions.items()))

    peak_time_v = None

    decoded = (largest, os.path.getsize(export), decoding)
    write_results(options.output, about, sizes, results, taskwarrior, counts, instructions, peak_time_v, options,
                  decoded, profiles)
    log("wrote %s" % os.path.relpath(options.output, ROOT))


# MARK: the report

def ms(seconds):
    return "%.1f" % (seconds * 1000)


def write_results(path, about, sizes, results, taskwarrior, counts, instructions, peak_time_v, options,
                  decoded=None, profiles=None):
    profiles = profiles or {}
    floor = results[("hello", 0)].median
    lines = ["# jobtrack benchmarks", "",
             "Generated by `make bench` (`Benchmarks/bench.py`%s); do not edit by hand. Release build, "
             "wall-clock medians of repeated runs after a warm-up, all in one run on one machine. At each "
             "size the reads the targets compare (`today`, `agenda`, `stats`, `report`, and at the smallest "
             "size the floor) take their runs in turn, so that a ratio is not also one of two moments of a "
             "shared machine. Ratios are of medians. Spread is the 25th–75th percentile. Peak memory is the maximum resident set "
             "size of one more run under `/usr/bin/time -v`, in MB." % (" --quick" if options.quick else ""), "",
             "## Machine", ""]
    lines += ["* %s: %s" % pair for pair in about]
    lines += ["", "## Data", "",
              "Synthetic applications (`Benchmarks/synthetic.py`, seeded) imported through `jobtrack import`; "
              "states spread over all of docs/rules.md §2 at now = %s." % NOW, "",
              "| applications | interviews | calls | today lists | states |", "|---:|---:|---:|---:|---|"]
    for size in sizes:
        c = counts[size]
        lines.append("| %d | %d | %d | %d | %s |" % (c["applications"], c["interviews"], c["calls"], c["today"],
                     ", ".join("%s %d" % item for item in sorted(c["states"].items()))))
    lines += ["", "## Timings", "",
              "Floor: a Foundation \"hello\" built with `swiftc -O`: median %s ms (p25–p75 %s–%s)%s."
              % (ms(floor), ms(results[("hello", 0)].quantile(.25)), ms(results[("hello", 0)].quantile(.75)),
                 ", %.1f M instructions" % (instructions["hello"] / 1e6) if instructions.get("hello") else ""),
              "",
              "jobtrack's release build links the Swift runtime and Foundation statically (the Makefile's "
              "`RELEASE_FLAGS`); the floor stays the dynamic hello the targets name. The same hello linked "
              "statically: median %s ms%s." % (
                  ms(results[("hello static", 0)].median),
                  ", %.1f M instructions" % (instructions["hello static"] / 1e6)
                  if instructions.get("hello static") else ""), "",
              "Instructions are callgrind's count of one run (`valgrind --tool=callgrind`), repeatable where "
              "wall times on a shared machine drift.", "",
              "| size | command | median ms | p25–p75 ms | min ms | × floor | × sqlite3 query | peak MB | instructions |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]

    def counted(name):
        count = instructions.get(name)
        return "%.1f M" % (count / 1e6) if count else ""

    for size in sizes:
        shell = results[("sqlite3", size)].median
        for command in ("today", "agenda", "stats", "report", "show", "call", "import", "sqlite3"):
            m = results.get((command, size))
            if m is None:
                continue
            label = {"today": "`today --json`", "agenda": "`agenda --json`", "stats": "`stats --json`",
                     "report": "`report` (the HTML page)", "show": "`show <id>`",
                     "call": "`call` (one write)", "import": "`import` (whole file)",
                     "sqlite3": "sqlite3 shell, one query (best mode)"}[command]
            lines.append("| %d | %s | %s | %s–%s | %s | %.2f | %.2f | %.1f | %s |" % (
                size, label, ms(m.median), ms(m.quantile(.25)), ms(m.quantile(.75)), ms(m.times[0]),
                m.median / floor, m.median / shell, m.rss / 1024, counted("%s %d" % (command, size))))
    for (name, size), m in sorted(taskwarrior.items(), key=lambda item: (item[0][1], item[0][0])):
        lines.append("| %d | Taskwarrior `%s` | %s | %s–%s | %s | %.2f | | %s | %s |" % (
            size, name, ms(m.median), ms(m.quantile(.25)), ms(m.quantile(.75)), ms(m.times[0]),
            m.median / floor, "%.1f" % (m.rss / 1024) if m.rss else "—", counted("%s %d" % (name, size))))
    if instructions:
        lines += ["", "Instructions executed (callgrind; repeatable where wall times drift): " +
                  ", ".join("%s %.1f M" % (name, count / 1e6) for name, count in instructions.items()
                            if count and not name.startswith("decode ")) +
                  (" — today at 1,000 is %.2f× hello's count." % (instructions["today 1000"] / instructions["hello"])
                   if instructions.get("today 1000") and instructions.get("hello") else "")]

    if decoded:
        lines += decoding_section(*decoded, instructions)

    lines += ["", "## Targets", "",
              "Ratios are of medians of this run; instruction counts are callgrind's. A target not met names "
              "what stands in the way, from the profile below.", "",
              "| target | measured | met | what stands in the way |", "|---|---:|:---:|---|"]
    parts = profiles.get(10000) or profiles.get(max([s for s in profiles] or [0])) or {}
    biggest = sorted(((count, label) for label, count in parts.items() if not label.startswith("  ")), reverse=True)
    in_the_way = "; ".join("%s %.0f M" % (label, count / 1e6) for count, label in biggest[:3])

    def target(text, value, limit, unit="×", why=None):
        met = value <= limit
        lines.append("| %s | %.2f%s | %s | %s |" % (text, value, unit, "yes" if met else "**no**",
                                                    "" if met else (why if why is not None else in_the_way)))

    def missing(text, reason):
        lines.append("| %s | — | not measured | %s |" % (text, reason))

    def get(command, size):
        return results.get((command, size))

    def millions(name):
        return instructions.get(name, 0) / 1e6

    t10 = get("today", 10000).median if get("today", 10000) else None
    if t10:
        target("`today --json` at 10,000 ≤ 3× floor", t10 / floor, 3)
        target("`today --json` at 10,000 ≤ 1× sqlite3 shell's best query", t10 / get("sqlite3", 10000).median, 1)
        if ("task next", 10000) in taskwarrior:
            target("`today --json` at 10,000 ≤ 0.25× Taskwarrior `task next` (10,000 tasks)",
                   t10 / taskwarrior[("task next", 10000)].median, 0.25)
        if instructions.get("today 10000"):
            target("`today --json` at 10,000 ≤ 120 M instructions", millions("today 10000"), 120, " M")
    if get("today", 1000):
        target("`today --json` at 1,000 ≤ 1.4× floor", get("today", 1000).median / floor, 1.4,
               why=("start-up %.0f M of %.0f M instructions (hello: %.0f M)" % (
                   profiles[1000].get(PROFILE_PARTS[0][0], 0) / 1e6, millions("today 1000"), millions("hello"))
                    if profiles.get(1000) else None))
        if instructions.get("today 1000"):
            target("`today --json` at 1,000 ≤ 40 M instructions", millions("today 1000"), 40,
                   " M", why=("start-up %.0f M; the rest: %s" % (
                       profiles[1000].get(PROFILE_PARTS[0][0], 0) / 1e6,
                       "; ".join("%s %.0f M" % (label, count / 1e6) for count, label in sorted(
                           ((c, l) for l, c in profiles[1000].items()
                            if not l.startswith("  ") and l != PROFILE_PARTS[0][0]), reverse=True)[:2]))
                              if profiles.get(1000) else None))
    if t10 and get("agenda", 10000):
        target("`agenda --json` at 10,000 ≤ 1.3× `today --json` at 10,000", get("agenda", 10000).median / t10, 1.3,
               why="agenda writes every open application (%d entries against today's %d)%s" % (
                   sum(n for state, n in counts[10000]["states"].items() if state != "closed"), counts[10000]["today"],
                   "; in instructions %.2f×: the wall time also pays for the memory agenda touches, keeping every entry to sort it"
                   % (instructions["agenda 10000"] / instructions["today 10000"])
                   if instructions.get("agenda 10000") and instructions.get("today 10000") else ""))
    if get("import", 100000) and ("task import", 100000) in taskwarrior:
        target("`import` of 100,000 ≤ 0.3× Taskwarrior `task import` of 100,000",
               get("import", 100000).median / taskwarrior[("task import", 100000)].median, 0.3,
               why="SQLite's inserts, index upkeep and CHECKs about half the instructions, each application's "
                   "JSON tree about 45%%; the kernel's page zeroing and WAL writes (peak %.0f MB)"
                   % (get("import", 100000).rss / 1024))
    if get("today", 100000):
        target("`today --json` at 100,000: peak memory ≤ 80 MB", get("today", 100000).rss / 1024, 80, " MB",
               why="the entries `today` lists are held, each with its history, until they are sorted")
        if t10:
            target("`today --json` at 100,000 ≤ 10× its 10,000 time", get("today", 100000).median / t10, 10)
    for command in ("stats", "report"):
        if get(command, 10000) and t10:
            why = ("assesses every open application as `agenda` does, then reads the stats rows and writes "
                   "the page" if command == "report" else "its own queries over every application")
            target("`%s` at 10,000 ≤ 2× `today --json` at 10,000 (the report issue)" % command,
                   get(command, 10000).median / t10, 2, why=why)
            target("`%s` at 10,000 ≤ 1.5× `today --json` at 10,000" % command, get(command, 10000).median / t10, 1.5,
                   why=why)
        else:
            missing("`%s` at 10,000 ≤ 1.5× `today --json` at 10,000" % command, "no `%s` command in this build" % command)

    if parts:
        lines += ["", "## Profile of `today --json` (callgrind, this run)", "",
                  "Inclusive instructions of each part; parts overlap where one calls another (reasons are "
                  "worded while the JSON is written).", "",
                  "| part | 1,000 | 10,000 |", "|---|---:|---:|"]
        for label, _ in PROFILE_PARTS:
            row = [profiles.get(size, {}) or {} for size in (1000, 10000)]
            lines.append("| %s | %s | %s |" % (label, *[
                "%.1f M" % (p[label] / 1e6) if label in p else "—" for p in row]))
        lines.append("| all | %s | %s |" % tuple(
            "%.1f M" % millions("today %d" % size) if instructions.get("today %d" % size) else "—"
            for size in (1000, 10000)))

    notes = os.path.join(HERE, "NOTES.md")
    if os.path.exists(notes):
        with open(notes) as file:
            lines += ["", file.read().strip()]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        file.write("\n".join(lines) + "\n")


def decoding_section(size, file_bytes, decoding, instructions):
    """The byte parser against a typed `Decodable` import, with the verdict the figures give."""
    lines = ["", "## JSON import: byte parser against `Decodable`", "",
             "`json-decode-bench` (Benchmarks/JSONDecodeBench, release) reads `jobtrack export` of the %s-"
             "application database (%.1f MB) three ways: each process reads the file, decodes it and counts "
             "the records. The import itself walks the parser's tree into its batch, so like for like is "
             "\"parser, then typed\" against `Decodable`." % (format(size, ","), file_bytes / 1e6), "",
             "| reading | median ms | p25–p75 ms | instructions | peak MB |", "|---|---:|---:|---:|---:|"]
    for mode, label in DECODE_MODES:
        m = decoding[mode]
        count = instructions.get("decode %s %d" % (mode, size))
        lines.append("| %s | %s | %s–%s | %s | %.1f |" % (
            label, ms(m.median), ms(m.quantile(.25)), ms(m.quantile(.75)),
            "%.0f M" % (count / 1e6) if count else "—", m.rss / 1024))
    parser, decodable = decoding["parser-typed"], decoding["decodable"]
    wall = decodable.median / parser.median
    counted = [instructions.get("decode %s %d" % (mode, size)) for mode in ("parser-typed", "decodable")]
    ratio = counted[1] / counted[0] if all(counted) else None

    def faster(x):
        return "the byte parser %.2f× faster" % x if x >= 1 else "`Decodable` %.2f× faster" % (1 / x)

    measures = ["wall time: %s" % faster(wall)] + (["instructions: %s" % faster(ratio)] if ratio else [])
    # A clear margin: a quarter or more, the same way on every measure.
    ratios = [wall] + ([ratio] if ratio else [])
    if all(r >= 1.25 for r in ratios):
        verdict = "keep the byte parser"
    elif all(r <= 1 / 1.25 for r in ratios):
        verdict = "switch the import to `Decodable`"
    else:
        verdict = "no clear margin either way"
    lines += ["", "Parser then typed against `Decodable`: %s; peak memory %.0f MB against %.0f MB. "
              "Verdict (a clear margin is 1.25× or more on every measure): **%s**." % (
                  "; ".join(measures), parser.rss / 1024, decodable.rss / 1024, verdict)]
    return lines


if __name__ == "__main__":
    main()
