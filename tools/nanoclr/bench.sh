#!/usr/bin/env bash
# Times the portable core on the genuine nanoCLR built by tools/nanoclr/build.sh:
# LeakMonitor.Step over synthesized noisy raw bursts (µs per Step), a breakdown by stage (burst
# reduction, conversion, detection, rest = validation/alarms/telemetry), one BoardLink INJ and INJR
# line through the test port (inj_line_*, injr_line_*), and each line kind broken down on a
# driver-like port (BenchPort): (a) receive + framing + check, (b) parse, (c) Step, (d) OK reply,
# and whole through a BoardLink (*_line_board).
# The program is tools/nanoclr/bench/CoreBench.cs and BenchPort.cs plus the on-device tests' Support
# helpers (BenchCounts, LinkLines, SyntaxErrorConfigReader), compiled like run.sh compiles the tests.
#
# Usage: tools/nanoclr/bench.sh [--repeat N]   (N runs, default 1; prints every run's BENCH lines)
# Environment: NANOCLR_HOME, NANOCLR_TIMEOUT (s, default 900), NANOCLR_RUN_DIR (default $NANOCLR_HOME/run/bench).
# Times are of the host running the nanoCLR interpreter (Release build), not of an ESP32.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"

REPEAT=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeat) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--repeat needs a positive number"; REPEAT="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

need_cmd dotnet timeout
load_manifest
find_csc

WORK="${NANOCLR_RUN_DIR:-$NANOCLR_HOME/run/bench}"
rm -rf "$WORK"; mkdir -p "$WORK"
TESTS="$REPO/firmware/ThermalMonitor.Device.Tests"
NF_CSC_EXTRA=()
nfproj_sources "$REPO/firmware/ThermalMonitor.Core/ThermalMonitor.Core.nfproj" >"$WORK/core-sources.txt"
printf '%s\n' "$HERE/bench/CoreBench.cs" "$HERE/bench/BenchPort.cs" "$TESTS/Support/BenchCounts.cs" "$TESTS/Support/LinkLines.cs" \
  "$TESTS/Support/SyntaxErrorConfigReader.cs" >"$WORK/bench-sources.txt"
log "compiling ThermalMonitor.Core and the benchmark"
nf_csc "$WORK/ThermalMonitor.Core.dll" library "$WORK/core-sources.txt"
nf_csc "$WORK/CoreBench.exe" exe "$WORK/bench-sources.txt" "$WORK/ThermalMonitor.Core.dll"
nf_mdp "$WORK/ThermalMonitor.Core.dll" "$WORK/ThermalMonitor.Core.pe"
nf_mdp "$WORK/CoreBench.exe" "$WORK/CoreBench.pe" "$WORK/ThermalMonitor.Core.dll"

# The ticks are wall-clock time. On a shared machine the interpreter may get only part of a core:
# the run's CPU time / wall time (bash `time`) gives that share, and "cpu-scaled" = wall x share is
# the estimate of what the same code costs with a core to itself (assumes even contention).
for ((r = 1; r <= REPEAT; r++)); do
  TIMEFORMAT='%R %U %S'
  { time run_nanoclr "${NANOCLR_TIMEOUT:-900}" "$WORK/run$r.log" "$CORLIB_PE" "$WORK/ThermalMonitor.Core.pe" "$WORK/CoreBench.pe" ; } 2>"$WORK/time$r.txt" \
    || { cat "$WORK/time$r.txt" >&2; exit 1; }
  if grep -q '^BENCH FAILED' "$WORK/run$r.log"; then die "the benchmark threw: $(grep '^BENCH FAILED' "$WORK/run$r.log") (output: $WORK/run$r.log)"; fi
  grep -q '^BENCH step ' "$WORK/run$r.log" || die "the benchmark printed no result (output: $WORK/run$r.log)"
  read -r wall user sys < <(tail -1 "$WORK/time$r.txt")
  share="$(awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { x = (u + s) / w; if (x > 1) x = 1; printf "%.3f", x }')"
  echo "run $r: nanoCLR process wall ${wall} s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') s, cpu share ${share}"
  tr -d '\r' <"$WORK/run$r.log" | grep -E '^BENCH ' | sed 's/^BENCH //' | awk -v r="$r" -v sh="$share" '
    $3 == "us" { printf "run %d: %-42s %9.1f us wall  %9.1f us cpu-scaled  (%s)\n", r, $1, $2, $2 * sh, $4; next }
    { print "run " r ": " $0 }'
done
