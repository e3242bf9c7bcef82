#!/usr/bin/env bash
# Scale benchmarks (BENCHMARKS.md, "Scale" and "Start-up"): recall against a bare toml +
# serde parse of the same banks, measured in one run so a noisy machine moves both alike.
#
#   scripts/bench.sh [DIR] [QUESTIONS] [REVIEWS] [RUNS]
#
# DIR (default /tmp/recall-bench) holds the corpus, made by examples/gen_corpus when it
# is missing (QUESTIONS 100000, REVIEWS 1000000 by default). Each timing is the median of
# RUNS (default 5) runs, interleaved with the baseline's. Nothing in the repository is
# written; the corpus database is only ever used through copies. For the growth table,
# run it at 10,000, 100,000 and 1,000,000 questions (the last with fewer runs).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/recall-bench}
questions=${2:-100000}
reviews=${3:-1000000}
runs=${4:-5}

cargo build --release --quiet --bin recall \
  --example gen_corpus --example bare_parse --example first_question --example record_latency
bin=target/release
# RECALL=path/to/recall measures another build (an older one, for a before and after).
recall=${RECALL:-$bin/recall}
if [ ! -f "$dir/recall.db" ] || [ ! -d "$dir/banks" ]; then
  rm -rf "$dir"
  $bin/examples/gen_corpus --questions "$questions" --reviews "$reviews" --out "$dir"
fi
banks=$dir/banks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A question every corpus has, for `recall card`.
# (Every command of a pipe reads its whole input: `pipefail` would stop the script when
# `head` closed a pipe still being written.)
first_bank=$(find "$banks" -name '*.toml' | sort | sed -n 1p)
card_key=$(grep -m2 '^id = ' "$first_bank" | sed 's/^id = "\(.*\)"/\1/' | paste -sd/)

now_ms() { date +%s%3N; }
# Milliseconds one run of "$@" takes, its input at its end and its output discarded.
time_ms() { local t0; t0=$(now_ms); "$@" </dev/null >/dev/null 2>&1 || true; echo $(( $(now_ms) - t0 )); }
# Milliseconds of processor time (user + system) one run of "$@" takes: perf's task
# clock where perf is installed, else /usr/bin/time's (in steps of 10 ms).
if perf stat -x, -e task-clock true >/dev/null 2>&1; then
  cpu_ms() { perf stat -x, -e task-clock "$@" 2>&1 >/dev/null </dev/null | awk -F, '/task-clock/ {printf "%.1f", $1}'; }
else
  cpu_ms() { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null </dev/null | tail -1 | awk '{printf "%d", ($1 + $2) * 1000}'; }
fi
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
# Peak resident memory of "$@" in MB.
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null </dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }

# Time to the first question: until the drill prints `[1 of N]` (its input an open pipe).
first_question() { $bin/examples/first_question '[1 of' "$recall" --db "$1" drill --plain "$banks"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A samples
add() { samples[$1]+="$2"$'\n'; }
for run in $(seq "$runs"); do
  add bare "$($bin/examples/bare_parse "$banks" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')"
  # check: a new database has no cache (cold); the second check is served from it (warm).
  rm -f "$work"/check.db*
  add check_cold "$(time_ms "$recall" --db "$work/check.db" check "$banks")"
  add check_warm "$(time_ms "$recall" --db "$work/check.db" check "$banks")"
  # drill: first run against a new, empty database (no cache yet).
  rm -f "$work"/new.db*
  add drill_new "$(first_question "$work/new.db")"
  # drill with the reviews: first run (no cache yet), then warm runs (nothing changed):
  # to the first question, and the whole process when its input ends there.
  rm -f "$work"/big.db*
  cp "$dir/recall.db" "$work/big.db"
  add drill_big_first "$(first_question "$work/big.db")"
  add drill_warm "$(first_question "$work/big.db")"
  # The first session of a study day ends with the day's health check of the database
  # (PRAGMA quick_check, in proportion to the log); the next ones do not.
  add drill_day_first "$(time_ms "$recall" --db "$work/big.db" drill --plain "$banks")"
  add drill_whole "$(time_ms "$recall" --db "$work/big.db" drill --plain "$banks")"
  add drill_cpu "$(cpu_ms "$recall" --db "$work/big.db" drill --plain "$banks")"
  # stats: the first run reads the year's reviews from the database (and keeps them
  # beside it, in recall.db.recent-reviews); the next ones continue that file.
  add stats_first "$(time_ms "$recall" --db "$work/big.db" stats "$banks")"
  add stats "$(time_ms "$recall" --db "$work/big.db" stats "$banks")"
  add due "$(time_ms "$recall" --db "$work/big.db" due "$banks")"
  add card "$(time_ms "$recall" --db "$work/big.db" card "$card_key" --bank-path "$banks")"
  add list "$(time_ms "$recall" --db "$work/big.db" list "$banks")"
done
med() { printf '%s' "${samples[$1]}" | median; }
bare=$(med bare)
rlabel="$(( reviews / 1000 ))k reviews"

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $(find "$banks" -name '*.toml' | wc -l) files, $(du -sm "$banks" | cut -f1) MB, $questions questions; $(sqlite3 "$dir/recall.db" 'select count(*) from review' 2>/dev/null || echo "$reviews") reviews"
echo "median of $runs runs, in ms; ratio = time / bare toml+serde parse (issue 12's targets in brackets)"
printf '%-52s %8s %7s\n' measurement ms ratio
row() { printf '%-52s %8s %7s\n' "$1" "$2" "$(ratio "$2" "$bare")"; }
row "bare toml+serde parse (baseline)" "$bare"
row "recall check, no cache (<= 1.0)" "$(med check_cold)"
row "recall check, cached" "$(med check_warm)"
row "drill to 1st question, new db (<= 1.0)" "$(med drill_new)"
row "drill to 1st question, $rlabel, 1st run" "$(med drill_big_first)"
row "drill to 1st question, warm (<= 0.05)" "$(med drill_warm)"
row "drill, whole process, warm, the day's first" "$(med drill_day_first)"
row "drill, whole process, warm (<= 0.10)" "$(med drill_whole)"
row "drill, whole process, warm: CPU (user + sys)" "$(med drill_cpu)"
row "recall stats, $rlabel, 1st run" "$(med stats_first)"
row "recall stats, $rlabel (<= 300 ms)" "$(med stats)"
row "recall due, $rlabel (<= 60 ms)" "$(med due)"
row "recall card $card_key" "$(med card)"
row "recall list" "$(med list)"

# Peak memory, one run each: check on a new database (no cache) then again (cached);
# the rest warm, after the day's first session (the drill reads the end of its input
# after its first question).
rm -f "$work"/mem*.db*
check_cold_mb=$(peak_mb "$recall" --db "$work/memcheck.db" check "$banks")
check_warm_mb=$(peak_mb "$recall" --db "$work/memcheck.db" check "$banks")
cp "$dir/recall.db" "$work/mem.db"
"$recall" --db "$work/mem.db" drill --plain "$banks" </dev/null >/dev/null 2>&1 || true
stats_first_mb=$(peak_mb "$recall" --db "$work/mem.db" stats "$banks")
echo "peak memory (MB): check no cache $check_cold_mb, check cached $check_warm_mb," \
  "drill warm (<= 64) $(peak_mb "$recall" --db "$work/mem.db" drill --plain "$banks")," \
  "stats 1st run $stats_first_mb," \
  "stats $(peak_mb "$recall" --db "$work/mem.db" stats "$banks")," \
  "due $(peak_mb "$recall" --db "$work/mem.db" due "$banks")," \
  "card $(peak_mb "$recall" --db "$work/mem.db" card "$card_key" --bank-path "$banks")," \
  "list $(peak_mb "$recall" --db "$work/mem.db" list "$banks")," \
  "bare parse $(peak_mb $bin/examples/bare_parse "$banks")"
cp "$dir/recall.db" "$work/record.db"
$bin/examples/record_latency "$work/record.db" 300
echo "peak memory (MB): record 300 answers $(peak_mb $bin/examples/record_latency "$work/record.db" 300)"
