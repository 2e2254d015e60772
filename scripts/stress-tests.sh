#!/usr/bin/env bash
# stress-tests.sh — the test suite on a loaded machine, as a newcomer's or CI's may be.
#
#   scripts/stress-tests.sh LOAD suite N     README's test command (cargo test --locked) N times
#   scripts/stress-tests.sh LOAD alone N     each test of scripts/waiting-tests.txt N times, one
#                                            test at a time (cargo nextest -j 1 --stress-count N)
#   scripts/stress-tests.sh LOAD threads1    the suite once with --test-threads=1
#
# LOAD is idle, cpu1 or cpu2: nothing else, or Debian's stress-ng keeping one or both cores
# busy while the tests run. Timing faults hide in different ones (a test that races a worker
# can fail idle and pass under load). Prints one line a run and a closing "N passed, M failed";
# the logs go to target/stress/. Needs stress-ng and cargo-nextest for the loaded and alone runs.
set -uo pipefail
cd "$(dirname "$0")/.."

load=${1:?idle, cpu1 or cpu2}
mode=${2:?suite, alone or threads1}
count=${3:-1}
logs=target/stress
mkdir -p "$logs"

stressor=
case "$load" in
  idle) ;;
  cpu1|cpu2)
    command -v stress-ng >/dev/null || { echo "stress-ng is not installed (apt-get install stress-ng)"; exit 2; }
    stress-ng --cpu "${load#cpu}" --timeout 0 --quiet &
    stressor=$!
    ;;
  *) echo "LOAD: idle, cpu1 or cpu2"; exit 2 ;;
esac
trap '[ -n "$stressor" ] && kill "$stressor" 2>/dev/null; wait 2>/dev/null' EXIT

# Build first, so the runs time the tests and not the compiler.
cargo test --locked --no-run -q 2>"$logs/build.log" || { cat "$logs/build.log"; exit 1; }

passed=0 failed=0
run() {
  local name=$1; shift
  local log="$logs/$load-$name.log" started=$SECONDS
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1)); echo "$load $name: ok in $((SECONDS - started)) s"
  else
    failed=$((failed + 1)); echo "$load $name: FAILED in $((SECONDS - started)) s (log: $log)"
    grep -E "^test .* FAILED|panicked at|FAIL \[" "$log" | head -20
  fi
}

case "$mode" in
  suite)
    for i in $(seq "$count"); do run "suite-$i" cargo test --locked; done ;;
  threads1)
    run threads1 cargo test --locked -- --test-threads=1 ;;
  alone)
    filter=$(grep -v '^#' scripts/waiting-tests.txt | sed 's/.*/test(=&)/' | paste -sd'|' | sed 's/|/ | /g')
    run "alone-x$count" cargo nextest run --locked --no-fail-fast -j 1 --stress-count "$count" -E "$filter" ;;
  *) echo "mode: suite, alone or threads1"; exit 2 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
