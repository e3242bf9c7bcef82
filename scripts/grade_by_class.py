#!/usr/bin/env python3
"""Agreement of `recall grade` with a marked answer set, per class of answer.

Reads a marked set (CSV with the columns question, response, expected, class, as in
tests/fixtures/grade/docker-dev.csv; see MARKING.md there), checks it (four fields a row,
`pass` or `fail`, a known class, and with --banks every question a text question of those
banks), grades it with `recall grade --format json`, or reads a saved run of that, and
prints a Markdown table per class: answers, agreement, false passes (answers marked fail
that recall passed) and false fails (answers marked pass that recall failed), then all.

It measures; it changes nothing. Rows are matched to recall's verdicts by CSV line, and
the question on each line is checked to be the same.

Usage:
  python3 scripts/grade_by_class.py SET.csv [--recall BINARY] [--banks DIR]
  python3 scripts/grade_by_class.py SET.csv --json RUN.json [--banks DIR]

Defaults: --recall target/release/recall, --banks banks.
"""

import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import tomllib

CLASSES = [
    "correct", "paraphrase", "terse", "typo", "non-native", "partial", "off-topic",
    "reversed", "opposite-advice", "stuffing", "factual-error", "negated-model", "path-token",
    # docker-edge.csv, the edge cases of issue 11 (see MARKING.md)
    "neg-scope-content", "neg-after-head", "polarity-model-negated", "polarity-model-plain",
    "relation-reversed", "synonym", "of-phrase", "misconception", "bare-list", "repeated",
    "loopback", "long-interview", "typo-inflection",
]
TEXT_KINDS = {"short_answer", "scenario", "interview"}


def text_questions(banks):
    """The `BANK/QUESTION` ids of the text questions in the banks under `banks`."""
    ids = set()
    for path in glob.glob(os.path.join(banks, "**", "*.toml"), recursive=True):
        with open(path, "rb") as f:
            bank = tomllib.load(f)
        for q in bank.get("question", []):
            if q.get("kind") in TEXT_KINDS:
                ids.add(f"{bank['bank']['id']}/{q['id']}")
    return ids


def read_set(path, known):
    """The marked rows as (line, question, expected pass, class); exits on a bad row."""
    rows, problems = [], []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        end = reader.line_num
        if header != ["question", "response", "expected", "class"]:
            sys.exit(f"{path}:1: header must be question,response,expected,class; found {header}")
        for record in reader:
            # recall numbers a row by the line it starts on.
            line, end = end + 1, reader.line_num
            if len(record) != 4:
                problems.append(f"{path}:{line}: {len(record)} fields, not 4")
                continue
            question, response, expected, klass = record
            if known is not None and question not in known:
                problems.append(f"{path}:{line}: no text question {question!r} in the banks")
            if expected not in ("pass", "fail"):
                problems.append(f"{path}:{line}: expected {expected!r} is not pass or fail")
            if klass not in CLASSES:
                problems.append(f"{path}:{line}: unknown class {klass!r}")
            if not response.strip() or "\n" in response:
                problems.append(f"{path}:{line}: the response is empty or spans lines")
            rows.append((line, question, expected == "pass", klass))
    if problems:
        sys.exit("\n".join(problems))
    return rows


def verdicts(path, recall, banks, saved):
    """recall's verdict per CSV line, as {line: (question, passed)}."""
    if saved:
        with open(saved, encoding="utf-8") as f:
            graded = json.load(f)
    else:
        run = subprocess.run(
            [recall, "grade", banks, "--responses", path, "--format", "json"],
            capture_output=True, text=True,
        )
        # Exit 1 only says that some verdicts disagree; 2 is a real error.
        if run.returncode not in (0, 1):
            sys.exit(f"{recall} grade failed ({run.returncode}):\n{run.stderr}")
        graded = json.loads(run.stdout)
    return {g["line"]: (g["question"], g["pass"]) for g in graded}


def table(rows, graded):
    """The Markdown table of agreement, false passes and false fails per class."""
    out = [
        "| class | answers | agree | false passes | false fails |",
        "|---|---:|---:|---:|---:|",
    ]

    def cells(name, subset):
        n = len(subset)
        agree = sum(1 for _, want, got in subset if want == got)
        wrong = [got for _, want, got in subset if not want]
        right = [got for _, want, got in subset if want]
        fp = sum(1 for got in wrong if got)
        ff = sum(1 for got in right if not got)
        pct = lambda a, b: f"{100 * a / b:.0f}%" if b else "-"
        return (
            f"| {name} | {n} | {agree} ({pct(agree, n)}) | "
            f"{fp} of {len(wrong)} ({pct(fp, len(wrong))}) | "
            f"{ff} of {len(right)} ({pct(ff, len(right))}) |"
        )

    joined = []
    for line, question, want, klass in rows:
        if line not in graded:
            sys.exit(f"recall gave no verdict for line {line}")
        got_question, got = graded[line]
        if got_question != question:
            sys.exit(f"line {line}: recall graded {got_question!r}, the set says {question!r}")
        joined.append((klass, want, got))
    for klass in CLASSES:
        subset = [j for j in joined if j[0] == klass]
        if subset:
            out.append(cells(klass, subset))
    out.append(cells("**all**", joined))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", help="the marked CSV")
    parser.add_argument("--recall", default="target/release/recall")
    parser.add_argument("--banks", default="banks")
    parser.add_argument("--json", help="a saved `recall grade --format json` run of the set")
    args = parser.parse_args()
    known = text_questions(args.banks) if os.path.isdir(args.banks) else None
    rows = read_set(args.set, known)
    graded = verdicts(args.set, args.recall, args.banks, args.json)
    print(table(rows, graded))


if __name__ == "__main__":
    main()
