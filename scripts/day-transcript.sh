#!/usr/bin/env bash
# Writes docs/a-day.md: a week of jobtrack in a terminal, every command with its real
# output, run by the built binary on a throw-away database.
#
#   scripts/day-transcript.sh [OUTPUT]         # default: docs/a-day.md
#   JOBTRACK=/path/to/jobtrack scripts/day-transcript.sh
#
# The binary is .build/debug/jobtrack unless $JOBTRACK names another (run `swift build`
# first). Every command runs with a fixed --now, TZ=America/Chicago, NO_COLOR=1 and
# LANG=C.UTF-8, against a database in a temporary folder, so the page is the same on
# every run and nothing of yours is read or written.
#
# It also checks what the page promises: every call time jobtrack suggests — in the
# `today` lines shown, and the call_at of `agenda --json` at each step, converted to
# Chicago time — falls between 08:00 and 20:00 on the user's clock. A time outside
# fails the script (exit 1) and no page is written.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobtrack="${JOBTRACK:-$root/.build/debug/jobtrack}"
output="${1:-$root/docs/a-day.md}"

if [[ ! -x "$jobtrack" ]]; then
    echo "day-transcript: no jobtrack binary at $jobtrack (run \`swift build\`, or set JOBTRACK)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "day-transcript: python3 is needed for the call-time check" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/jobtrack-day.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"

# Nothing of the caller's environment that could change an answer.
unset JOBTRACK_NOW XDG_DATA_HOME
export JOBTRACK_DB="$work/jobtrack.sqlite3"
export HOME="$work/home" TZ=America/Chicago NO_COLOR=1 LANG=C.UTF-8 LC_ALL=C.UTF-8

page="$work/a-day.md"
: >"$page"
failures=0

# A word as it would be typed at a prompt: bare when it is safe, else in double quotes.
shown() {
    local word="$1"
    if [[ "$word" =~ ^[A-Za-z0-9_./:+,@=%-]+$ ]]; then
        printf '%s' "$word"
    else
        word="${word//\\/\\\\}"
        word="${word//\"/\\\"}"
        word="${word//\$/\\\$}"
        word="${word//\`/\\\`}"
        printf '"%s"' "$word"
    fi
}

# A paragraph of narration.
say() {
    printf '%s\n\n' "$*" >>"$page"
}

# A heading for a new day.
day() {
    printf '## %s\n\n' "$*" >>"$page"
}

# Checks that a `today` output suggests no call outside 08:00-20:00 on the user's clock:
# the time that starts each call line, and "call today at HH:MM", "once more today at
# HH:MM" and "called back <day> at HH:MM" in the reasons (the interviewer's time, in
# brackets, is left out; "interviewed today at 10:00" is not a call).
check_today_text() {
    local now="$1" text="$2" line time hour
    while IFS= read -r line; do
        line="$(sed -E 's/\([^)]*their time\)//g' <<<"$line")"
        for time in $(grep -oE '^  [0-9]{2}:[0-9]{2}|(call|once more) today at [0-9]{2}:[0-9]{2}|called back [A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{1,2} at [0-9]{2}:[0-9]{2}' <<<"$line" \
                      | grep -oE '[0-9]{2}:[0-9]{2}$'); do
            hour="${time%%:*}"
            if ((10#$hour < 8 || 10#$hour >= 20)); then
                echo "day-transcript: at $now, today suggests a call at $time Chicago time: $line" >&2
                failures=$((failures + 1))
            fi
        done
    done <<<"$text"
}

# Checks every call_at of `agenda --json` at `now`, converted to America/Chicago.
check_agenda_json() {
    local now="$1"
    if ! "$jobtrack" agenda --json --now "$now" | python3 -c '
import json, sys
from datetime import datetime
from zoneinfo import ZoneInfo
now, bad = sys.argv[1], 0
for entry in json.load(sys.stdin):
    if entry["call_at"] is None:
        continue
    mine = datetime.fromisoformat(entry["call_at"]).astimezone(ZoneInfo("America/Chicago"))
    if not (8 <= mine.hour < 20):
        ident, call_at = entry["id"], entry["call_at"]
        print(f"day-transcript: at {now}, #{ident} call_at {call_at} is {mine:%a %H:%M} in Chicago", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
' "$now"; then
        failures=$((failures + 1))
    fi
}

# Runs `jobtrack ARGS… --now NOW` and writes the command and its output (stdout and
# stderr, as a terminal shows them) to the page.
run() {
    local now="$1"
    shift
    local status=0 text prompt="\$ jobtrack" word
    for word in "$@"; do prompt+=" $(shown "$word")"; done
    text="$("$jobtrack" "$@" --now "$now" 2>&1)" || status=$?
    {
        printf '```console\n%s\n' "$prompt"
        [[ -n "$text" ]] && printf '%s\n' "$text"
        printf '```\n\n'
        ((status == 0)) || printf '(exit status %d)\n\n' "$status"
    } >>"$page"
    if [[ "$1" == today ]]; then
        check_today_text "$now" "$text"
    fi
    check_agenda_json "$now"
}

# ---------------------------------------------------------------------------------

cat >>"$page" <<'EOF'
# A week in a terminal

Sam Rivera lives in Chicago and is looking for a data job. This week there are
interviewers in London and in Sydney — six hours ahead and seventeen hours ahead —
and a weekend in the middle. Every command below was run by the real `jobtrack`, and
every output is exactly what it printed.

This page is generated by [`scripts/day-transcript.sh`](../scripts/day-transcript.sh);
do not edit it by hand. The script runs each command with a fixed `--now` (the time in
each heading and paragraph), `TZ=America/Chicago` and `NO_COLOR=1`, on a throw-away
database, and fails if any call time jobtrack suggests falls outside 08:00–20:00 in
Chicago. The rules behind the answers are in [rules.md](rules.md); the commands in
[commands.md](commands.md).

EOF

day "Thursday, December 3"

say "**07:40.** First, who Sam is: the zone everything typed is read in, the name the call script uses, and the number the voicemail script reads out. Each setting prints its new value."
run "2026-12-03 07:40" config timezone America/Chicago
run "2026-12-03 07:40" config name "Sam Rivera"
run "2026-12-03 07:40" config phone "+1 312 555 0147"

say "**07:41.** Three applications. The highlights are what Sam will restate on the calls."
run "2026-12-03 07:41" add Northwind "Senior Data Engineer" --applied-on 2026-11-23 \
    --highlight "Cut the nightly batch from 6 hours to 40 minutes" --highlight "Led the move to streaming ingestion"
run "2026-12-03 07:41" add "Harbour Labs" "Platform Engineer" --applied-on 2026-11-24 \
    --highlight "Ran Kubernetes for 300 services"
run "2026-12-03 07:41" add "Fenwick & Lowe" "Analytics Engineer" --applied-on 2026-11-25 \
    --highlight "Built the dbt models behind the board's dashboard"

say "**07:42.** The interviews. Priya Shah interviewed Sam from London on Monday at 14:00 *her* time — \`their\` reads the time on the interviewer's clock (\`--tz\`), and the confirmation shows both clocks. She sits in a stand-up every weekday morning."
run "2026-12-03 07:42" interview 1 --at "2026-11-30 14:00 their" --tz Europe/London --with "Priya Shah" \
    --phone "+44 20 7946 0321" --busy "Mon-Fri 09:00-10:00"

say "Liam O'Connor in Sydney interviewed Sam at 10:00 on Wednesday, his time — which was Tuesday afternoon in Chicago. Two or three business days after *his* Wednesday is his Friday to Monday; Sydney's Friday morning is Chicago's Thursday afternoon."
run "2026-12-03 07:42" interview 2 --at "2026-12-02 10:00 their" --tz Australia/Sydney --with "Liam O'Connor" \
    --phone "+61 2 9876 5432"

say "Tom Hughes at Fenwick & Lowe, also in London, interviews Sam tomorrow at 10:00 Chicago time. A time typed without a suffix is on Sam's clock."
run "2026-12-03 07:42" interview 3 --at "fri 10:00" --tz Europe/London --with "Tom Hughes" \
    --phone "+44 20 7946 0958" --busy "Fri 15:00-16:00"

say "**07:50.** Coffee, and a typo."
run "2026-12-03 07:50" todya

say "jobtrack refuses it with one line and a suggestion. The morning question, spelled right:"
run "2026-12-03 07:50" today

say "Priya first: 08:00 in Chicago is 14:00 in London, well clear of her stand-up, and the last day of her window. What to say:"
run "2026-12-03 07:55" script 1

say "**08:04.** No answer; Sam leaves a voicemail — and logs it against the wrong application. The warning gives it away: 01:04 in Sydney is no time to have called anyone."
run "2026-12-03 08:04" voicemail 2

say "\`undo\` takes the last change back, exactly."
run "2026-12-03 08:05" undo

say "And the voicemail logged where it belongs:"
run "2026-12-03 08:05" voicemail 1 --note "Left name and number"

say "**16:00.** Friday 09:00 in Sydney. Liam picks up but is walking into a meeting: \"call me Monday at half nine\". His Monday, so \`their\` again — which lands on Sam's Sunday afternoon."
run "2026-12-03 16:00" call 2 --outcome bad-time --callback-at "mon 9:30 their" --note "In a meeting; call Monday morning"

day "Friday, December 4"

say "**07:50.** Priya has not called back, so the etiquette allows one more try — today, not a third."
run "2026-12-04 07:50" today

say "**08:12.** Sam reaches her. She expects to decide by Wednesday."
run "2026-12-04 08:12" call 1 --outcome reached --decision-by 2026-12-09 --note "Decision by Wednesday"

say "**08:20.** On reflection she said *Thursday*. To mend a call, Sam needs its id, which \`show\` prints."
run "2026-12-04 08:20" show 1

say "Sam types the first call id on the page, the voicemail's; jobtrack refuses, and changes nothing."
run "2026-12-04 08:21" edit-call 2 --decision-by 2026-12-10

say "Call 4 is the one. (Call 1 was the voicemail that \`undo\` took back; its id is never handed out again.)"
run "2026-12-04 08:21" edit-call 4 --decision-by 2026-12-10 --note "Decision by Thursday"

say "**11:30.** Back from the Fenwick & Lowe interview. \`today\` has no calls, but a thank-you note to send — on the day of the interview, or the next working day at the latest."
run "2026-12-04 11:30" today

say "Sam sends it, and records it."
run "2026-12-04 11:35" thanks 3

day "Saturday, December 5"

say "**09:00.** Nobody is called at the weekend."
run "2026-12-05 09:00" today

day "Sunday, December 6"

say "**10:00.** Except by arrangement: Liam's Monday morning is Sam's Sunday afternoon, and a time the interviewer chose is kept exactly."
run "2026-12-06 10:00" today

say "**16:25.** A callback they asked for needs no \"is now a good time?\"."
run "2026-12-06 16:25" script 2

say "**16:40.** The panel meets on Friday, his time."
run "2026-12-06 16:40" call 2 --outcome reached --decision-by 2026-12-11 --note "Panel meets Friday"

day "Monday, December 7"

say "**07:50.** Two decisions pending and one call not yet due: a quiet day."
run "2026-12-07 07:50" today

day "Tuesday, December 8"

say "**07:50.** Two business days after Friday's interview, Tom Hughes is due. 08:00 in Chicago is 14:00 in London."
run "2026-12-08 07:50" today
run "2026-12-08 08:03" voicemail 3

say "**08:30.** Where everything stands, and when each next call falls:"
run "2026-12-08 08:30" agenda

say "The week in numbers:"
run "2026-12-08 08:31" stats

say "And what was done, newest first — the voicemail that was undone is still listed, marked. The journal behind \`undo\` and \`log\` is explained in [undo.md](undo.md)."
run "2026-12-08 08:32" log --limit 8

if ((failures > 0)); then
    echo "day-transcript: $failures suggested call time(s) outside 08:00-20:00 in Chicago; $output not written" >&2
    exit 1
fi
mkdir -p "$(dirname "$output")"
mv "$page" "$output"
echo "day-transcript: wrote $output"
