#!/bin/bash
# Grade one marked row of a tuning set alone and print its breakdown (issue 11's reading of a
# row), with a temporary database and home:
#   bash scripts/grade_one.sh SET LINE     e.g. scripts/grade_one.sh probe12 40, docker-edge9 17
# SET is a docker-*.csv name without .csv, or a probe directory; LINE is the CSV line. Held-out
# and blind sets (MARKING.md, "Which sets are held out now") are refused: update the case
# pattern below when a probe is released or written.
SET=${1:?usage: grade_one.sh SET LINE}; LINE=${2:?usage: grade_one.sh SET LINE}
D=tests/fixtures/grade
case $SET in docker-holdout*|docker-edge40|docker-edge41|probe42|probe43) echo "$SET is held out or blind: not graded row by row" >&2; exit 1;; esac
if [ -d "$D/$SET" ]; then BANK=$D/$SET/probe.toml; CSV=$D/$SET/probe.csv; else BANK=banks/docker; CSV=$D/$SET.csv; fi
[ -f "$CSV" ] || { echo "no set $SET ($CSV)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
{ head -1 "$CSV"; sed -n "${LINE}p" "$CSV"; } > "$tmp/one.csv"
RECALL_DB=$tmp/r.db HOME=$tmp ${RECALL:-target/release/recall} grade "$BANK" --responses "$tmp/one.csv"
