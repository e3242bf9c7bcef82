#!/usr/bin/env python3
"""Checks that docs/courses.md's DuckDB queries give the figures `recall items` gives.

    python3 scripts/check_duckdb.py target/debug/recall target/debug/examples/gen_corpus [DIR]

Makes a class of six learners with gen_corpus (one database each, learners quicker and
slower to forget), exports five logs as Parquet and one as CSV with `recall log export`,
runs every ```sql block of docs/courses.md in DuckDB in order, and compares the last three
(figures per question version, picks per choice, what each rubric concept did) with
`recall items --log ... --json` on the same files. Exits 1, listing the differences, when they disagree. Needs the duckdb
package (`pip install duckdb`; .ci/run installs it).
"""

import json
import math
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import duckdb

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOW = "2026-11-28T09:00:00Z"
LEARNERS = 6


def run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stderr}")
    return result.stdout


def sql_blocks():
    text = (ROOT / "docs" / "courses.md").read_text()
    return re.findall(r"```sql\n(.*?)```", text, re.S)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    recall, gen_corpus = (pathlib.Path(p).resolve() for p in sys.argv[1:3])
    work = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(work),
        "RECALL_NOW": NOW,
        "RECALL_CONFIG": str(work / "no-config.toml"),
        "NO_COLOR": "1",
    }
    run([gen_corpus, "--questions", "120", "--reviews", "12000", "--learners",
         str(LEARNERS), "--files", "2", "--out", work], env)
    parquet, csv = [], []
    for learner in range(LEARNERS):
        db = work / f"learner-{learner:02}.db"
        if learner < LEARNERS - 1:
            out, fmt = work / f"learner-{learner:02}.parquet", "parquet"
            parquet.append(str(out))
        else:
            out, fmt = work / f"learner-{learner:02}.csv", "csv"
            csv.append(str(out))
        run([recall, "--db", db, "log", "export", "--format", fmt, "-o", out], env)

    logs = [arg for f in parquet + csv for arg in ("--log", f)]
    report = json.loads(run([recall, "--db", work / "none.db", "items", work / "banks",
                             "--json", "--min-attempts", "1", *logs], env))
    assert report["units"] == "learners", report["units"]

    con = duckdb.connect()
    con.execute("SET VARIABLE parquet_files = ?", [parquet])
    con.execute("SET VARIABLE csv_files = ?", [csv])
    blocks = sql_blocks()
    results = []
    for block in blocks:
        for statement in filter(str.strip, block.split(";")):
            con.execute(statement)
            if con.description is not None:
                names = [d[0] for d in con.description]
                results.append([dict(zip(names, row)) for row in con.fetchall()])
    figure_rows, pick_rows, concept_rows = results[-3], results[-2], results[-1]
    figures = {(r["bank"], r["question"], r["version"]): r for r in figure_rows}
    picks = {}
    for r in pick_rows:
        bank, question, version, choice, count = r.values()
        picks.setdefault((bank, question, version), {})[choice] = count
    counted = ["matched", "missed", "negated", "unmatched_passing", "matched_failing"]
    concepts = {}
    for r in concept_rows:
        concepts.setdefault((r["bank"], r["question"], r["version"]), []).append(
            [r[name] for name in counted])

    problems = []
    failed = set()
    for item in report["items"]:
        key = (item["bank"], item["question"], item["version"])
        before = len(problems)
        row = figures.pop(key, None)
        if row is None:
            problems.append(f"{key}: not in DuckDB's figures")
            continue
        for name in ["attempts", "learners"]:
            if item[name] != row[name]:
                problems.append(f"{key} {name}: recall {item[name]}, DuckDB {row[name]}")
        for name, column in [("facility", "facility"), ("right", "right"),
                             ("correlation", "correlation"), ("efficiency", "efficiency"),
                             ("upper_lower", "upper_lower"), ("median_ms", "median_ms")]:
            value = None if row[column] is None else float(row[column])
            if not close(item[name], value):
                problems.append(f"{key} {name}: recall {item[name]}, DuckDB {value}")
        if item["choices"]:
            recall_picks = {c["letter"]: c["picks"] for c in item["choices"] if c["picks"]}
            if recall_picks != picks.get(key, {}):
                problems.append(f"{key} picks: recall {recall_picks}, DuckDB {picks.get(key)}")
        recall_concepts = [[c[name] for name in counted] for c in item["concepts"]]
        duckdb_concepts = concepts.pop(key, [])
        if recall_concepts != duckdb_concepts:
            problems.append(f"{key} concepts: recall {recall_concepts}, "
                            f"DuckDB {duckdb_concepts}")
        if len(problems) > before:
            failed.add(key)
    problems += [f"{key}: only in DuckDB's figures" for key in figures]
    problems += [f"{key}: concepts only in DuckDB's" for key in concepts]
    failed |= set(figures) | set(concepts)

    checked = len(report["items"])
    choices = sum(len(i["choices"]) for i in report["items"])
    counted_concepts = sum(len(i["concepts"]) for i in report["items"])
    if problems:
        print("\n".join(problems[:20]))
        print(f"{checked - len(failed)} passed, {len(failed)} failed")
        sys.exit(1)
    print(f"recall items and DuckDB agree on {checked} question versions of "
          f"{report['learners']} learners ({report['attempts']} answers, {choices} choices, "
          f"{counted_concepts} rubric concepts)")


if __name__ == "__main__":
    main()
