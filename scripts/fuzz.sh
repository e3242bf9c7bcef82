#!/usr/bin/env bash
# Runs the cargo-fuzz targets one after another, each for SECONDS (default 600), at low
# priority, and prints one summary line per target. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: every target in fuzz/Cargo.toml)
#
# cargo fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain use them.
# The corpus grows in fuzz/corpus/<target>/ (not committed); a crash is saved in
# fuzz/artifacts/<target>/ and the script exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^recall-fuzz$')
fi
command -v cargo-fuzz >/dev/null || { echo "cargo install cargo-fuzz first" >&2; exit 2; }
export RUSTC_BOOTSTRAP=1
status=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/logs"
  seeds=()
  [ -d "tests/fuzz-regressions/$target" ] && seeds+=("tests/fuzz-regressions/$target")
  log="fuzz/logs/$target.log"
  start=$(date +%s)
  nice -n 10 cargo fuzz run -O "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" -dict=fuzz/dict/bank.dict -rss_limit_mb=2048 -timeout=10 \
    >"$log" 2>&1
  code=$?
  took=$(( $(date +%s) - start ))
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1)
  cov=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9A-Za-z]+')
  if [ $code -eq 0 ]; then
    echo "$target: clean after ${took}s; ${done_line:-no summary}; $cov"
  else
    echo "$target: FAILED (exit $code) after ${took}s; see $log and fuzz/artifacts/$target/"
    status=1
  fi
done
exit $status
