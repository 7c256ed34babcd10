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
# Usage: tools/nanoclr/bench.sh [--repeat N]   (N runs, default 1; prints every run's BENCH lines, then a table beside the same program on .NET)
# Environment: NANOCLR_HOME, NANOCLR_TIMEOUT (s, default 900), NANOCLR_RUN_DIR (default $NANOCLR_HOME/run/bench),
#   NANOCLR_BENCH_HOST=0 to skip the .NET twin (bench/host).
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
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
printf '%s\n' "$HERE/bench/CoreBench.cs" "$HERE/bench/BenchPort.cs" "$TESTS/Support/BenchCounts.cs" "$TESTS/Support/LinkLines.cs" \
  "$TESTS/Support/SyntaxErrorConfigReader.cs" >"$WORK/bench-sources.txt"
log "compiling ThermalMonitor.Core and the benchmark"
nf_core "$WORK"
nf_csc "$WORK/CoreBench.exe" exe "$WORK/bench-sources.txt" "$CORE_DLL"
nf_mdp "$WORK/CoreBench.exe" "$WORK/CoreBench.pe" "$CORE_DLL"

# The ticks are wall-clock time. On a shared machine the interpreter may get only part of a core:
# the run's CPU time / wall time (bash `time`) gives that share, and "cpu-scaled" = wall x share is
# the estimate of what the same code costs with a core to itself (assumes even contention).
for ((r = 1; r <= REPEAT; r++)); do
  TIMEFORMAT='%R %U %S'
  { time run_nanoclr "${NANOCLR_TIMEOUT:-900}" "$WORK/run$r.log" "$CORLIB_PE" "$CORE_PE" "$WORK/CoreBench.pe" ; } 2>"$WORK/time$r.txt" \
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

# The same program on .NET (bench/host: CoreBench.cs compiled against the host build of the core):
# each figure's host twin, and how many times slower the interpreter is. The nanoCLR column is the
# last run's cpu-scaled figure.
if [[ "${NANOCLR_BENCH_HOST:-1}" == 1 ]]; then
  log "building and running the host twin (bench/host, .NET Release)"
  dotnet build "$HERE/bench/host/BenchHost.csproj" -c Release -nologo -v q -o "$WORK/host-bin" >"$WORK/host-build.log" 2>&1 \
    || { tail -20 "$WORK/host-build.log" >&2; die "the host twin did not build (log: $WORK/host-build.log)"; }
  dotnet "$WORK/host-bin/BenchHost.dll" >"$WORK/host.log" 2>&1 || die "the host twin failed (output: $WORK/host.log)"
  grep -q '^BENCH FAILED' "$WORK/host.log" && die "the host twin threw: $(grep '^BENCH FAILED' "$WORK/host.log")"
  printf '%-42s %12s %10s %8s\n' "item (us per item)" "nanoCLR" ".NET" "ratio"
  awk -v sh="$share" '
    FNR == NR { if ($1 == "BENCH" && $4 == "us") host[$2] = $3; next }
    $1 == "BENCH" && $4 == "us" && ($2 in host) {
      n = $3 * sh; h = host[$2]
      printf "%-42s %12.1f %10.2f %8s\n", $2, n, h, (h > 0 ? sprintf("%.0f", n / h) : "-")
    }' "$WORK/host.log" <(tr -d '\r' <"$WORK/run$REPEAT.log")
fi
