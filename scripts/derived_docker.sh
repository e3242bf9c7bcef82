#!/usr/bin/env bash
# Derived rubrics of long model answers, measured on the Docker marked sets: the shipped
# banks are copied into a temporary directory with every `keywords`, `pass`,
# `[[question.misconception]]` and `[[question.example]]` removed, so recall derives each
# text question's rubric from its model answer, and each marked set is graded against
# that copy by scripts/grade_by_class.py (agreement, false passes and false fails per
# class). Only the answers to questions whose model answer has 60 words or more are
# graded (29 of the 48 text questions; --all grades every answer). See BENCHMARKS.md,
# "Derived rubrics of long model answers".
#
# It measures; it changes nothing in banks/ or in the sets.
#
# Usage:
#   scripts/derived_docker.sh [--recall BINARY] [--all] [SET.csv ...]
# Defaults: target/release/recall; the tuning sets docker-dev..dev4 and
# docker-holdout..holdout5 (each printed, then all of them together).
set -euo pipefail

cd "$(dirname "$0")/.."
recall=target/release/recall
min_words=60
sets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --recall) recall=$2; shift 2 ;;
        --all) min_words=0; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) sets+=("$1"); shift ;;
    esac
done
if [[ ${#sets[@]} -eq 0 ]]; then
    for name in dev dev2 dev3 dev4 holdout holdout2 holdout3 holdout4 holdout5; do
        sets+=("tests/fixtures/grade/docker-$name.csv")
    done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$min_words" "${sets[@]}" <<'PY'
import csv, glob, json, os, sys, tomllib

out, min_words, sets = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
STRIP = {"keywords", "pass", "misconception", "example"}


def value(v):
    """`v` as a TOML value (strings as JSON strings, which TOML reads the same)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + " }"
    raise SystemExit(f"cannot write {v!r} as TOML")


def table(header, d):
    lines = [header]
    for k, v in d.items():
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v) and k != "choices":
            raise SystemExit(f"unexpected array of tables {k!r}")
        lines.append(f"{json.dumps(k)} = {value(v)}")
    return "\n".join(lines)


long = set()
os.makedirs(os.path.join(out, "banks"))
for path in sorted(glob.glob("banks/**/*.toml", recursive=True)):
    with open(path, "rb") as f:
        bank = tomllib.load(f)
    parts = [table("[bank]", bank["bank"])]
    for q in bank.get("question", []):
        if "model_answer" in q and len(q["model_answer"].split()) >= min_words:
            long.add(f"{bank['bank']['id']}/{q['id']}")
        kept = {k: v for k, v in q.items() if k not in STRIP or "model_answer" not in q}
        parts.append(table("[[question]]", kept))
    name = os.path.basename(path)
    with open(os.path.join(out, "banks", name), "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")

for i, path in enumerate(sets):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    kept = [rows[0]] + [r for r in rows[1:] if r[0] in long]
    with open(os.path.join(out, f"{i:02}-{os.path.basename(path)}"), "w", newline="",
              encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(kept)
PY

all=$tmp/all.csv
for set in "$tmp"/[0-9][0-9]-*.csv; do
    name=${set##*/}
    echo "### ${name#*-}"
    echo
    python3 scripts/grade_by_class.py "$set" --recall "$recall" --banks "$tmp/banks"
    echo
    if [[ ! -f $all ]]; then head -1 "$set" >"$all"; fi
    tail -n +2 "$set" >>"$all"
done
if [[ ${#sets[@]} -gt 1 ]]; then
    echo "### all of them"
    echo
    python3 scripts/grade_by_class.py "$all" --recall "$recall" --banks "$tmp/banks"
fi
