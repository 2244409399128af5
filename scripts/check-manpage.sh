#!/bin/sh
# Fails unless the man page names every subcommand that the binary's --help lists,
# so a command added to jobtrack cannot be missing from jobtrack.1.
# Usage: scripts/check-manpage.sh path/to/jobtrack path/to/jobtrack.1
set -eu
bin=$1
page=$2
[ -s "$page" ] || { echo "check-manpage: $page is missing or empty" >&2; exit 1; }
# The SUBCOMMANDS section of --help: two spaces, then the name; "today (default)" too.
names=$("$bin" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p')
[ -n "$names" ] || { echo "check-manpage: $bin --help lists no subcommands" >&2; exit 1; }
missing=0
count=0
for name in $names; do
    count=$((count + 1))
    # generate-manual writes each subcommand as an item of the page's list: ".It Em NAME".
    if ! grep -qx ".It Em $name" "$page"; then
        echo "check-manpage: $page does not describe '$name'" >&2
        missing=$((missing + 1))
    fi
done
[ "$missing" -eq 0 ] || exit 1
echo "$page describes all $count subcommands"
