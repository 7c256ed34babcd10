#!/usr/bin/env bash
# Runs the firmware's on-device tests (firmware/ThermalMonitor.Device.Tests, NFUnitTest classes) on
# the genuine nanoCLR built by tools/nanoclr/build.sh, under the genuine UnitTestLauncher:
#   1. csc (C# 9, NoStdLib, mscorlib 1.17.11) compiles ThermalMonitor.Core from the Compile items of
#      ThermalMonitor.Core.nfproj, and NFUnitTest from those of NFUnitTest.nfproj;
#   2. the metadata processor turns both into .pe files;
#   3. the nanoCLR runs mscorlib + UnitTestLauncher + TestFramework + ThermalMonitor.Core + NFUnitTest;
#   4. the launcher's "Test passed|failed|skipped,<Class>.<Method>.<n>,<detail>" lines are parsed.
# The nanoCLR exits 0 whatever happens, so the verdict comes from the output: every case must pass
# (a skipped case is reported, not failed) and the number of cases must equal the number of
# [Setup]/[TestMethod]/[DataRow]/[Cleanup] cases declared in the sources (a run that breaks off fails).
#
# Usage: tools/nanoclr/run.sh [-v|--verbose] [--filter TEXT]
#   -v          print every case line (default: failures, skips and the summary)
#   --filter T  only report cases whose name contains T (all cases still run; the count check is off)
# Environment: NANOCLR_HOME (as for build.sh), NANOCLR_TIMEOUT (seconds, default 900),
#              NANOCLR_RUN_DIR (work directory, default $NANOCLR_HOME/run/device-tests).
# Exit code: 0 all cases passed, 1 a case failed or the run was incomplete, 2 setup/compile error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"
die() { printf '[nanoclr] error: %s\n' "$*" >&2; exit 2; }

VERBOSE=0; FILTER=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -v|--verbose) VERBOSE=1 ;;
    --filter) [[ $# -ge 2 ]] || die "--filter needs a value"; FILTER="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

need_cmd dotnet timeout awk
load_manifest
find_csc

CORE_PROJ="$REPO/firmware/ThermalMonitor.Core/ThermalMonitor.Core.nfproj"
TEST_PROJ="$REPO/firmware/ThermalMonitor.Device.Tests/NFUnitTest.nfproj"
[[ -f "$CORE_PROJ" && -f "$TEST_PROJ" ]] || die "cannot find $CORE_PROJ and $TEST_PROJ"
WORK="${NANOCLR_RUN_DIR:-$NANOCLR_HOME/run/device-tests}"
rm -rf "$WORK"; mkdir -p "$WORK"
T0=$SECONDS

TF_DLL="$ASM_DIR/nanoFramework.TestFramework.dll"
[[ -f "$TF_DLL" && -f "$ASM_DIR/nanoFramework.UnitTestLauncher.pe" ]] || die "TestFramework/UnitTestLauncher missing in $ASM_DIR: rerun tools/nanoclr/build.sh"

NF_CSC_EXTRA=()
log "compiling ThermalMonitor.Core ($(nfproj_sources "$CORE_PROJ" | wc -l) files) and NFUnitTest"
nf_core "$WORK"
nfproj_sources "$TEST_PROJ" >"$WORK/test-sources.txt"
nf_csc "$WORK/NFUnitTest.dll" library "$WORK/test-sources.txt" "$CORE_DLL" "$TF_DLL"
nf_mdp "$WORK/NFUnitTest.dll" "$WORK/NFUnitTest.pe" "$CORE_DLL" "$TF_DLL"
T_BUILD=$((SECONDS - T0))

# Cases the launcher will report: per method, one per [DataRow] (a [TestMethod] with rows counts only
# its rows), else one for [TestMethod]; plus one per [Setup] and [Cleanup].
EXPECTED="$(awk '
  /^[[:space:]]*\[/ {
    if ($0 ~ /\[DataRow\(/) dr++
    if ($0 ~ /\[TestMethod\]/) tm = 1
    if ($0 ~ /\[Setup\]/) su++
    if ($0 ~ /\[Cleanup\]/) cu++
    next
  }
  /^[[:space:]]*public[[:space:]]/ { n += (dr > 0 ? dr : tm) + su + cu; dr = 0; tm = 0; su = 0; cu = 0 }
  END { print n + 0 }' $(grep -l '\[TestClass\]' $(cat "$WORK/test-sources.txt")))"

log "running on the nanoCLR (timeout ${NANOCLR_TIMEOUT:-900} s)"
T1=${EPOCHREALTIME/[.,]/}
set +e
(run_nanoclr "${NANOCLR_TIMEOUT:-900}" "$WORK/nanoclr.log" \
  "$CORLIB_PE" "$ASM_DIR/nanoFramework.UnitTestLauncher.pe" "$ASM_DIR/nanoFramework.TestFramework.pe" \
  "$CORE_PE" "$WORK/NFUnitTest.pe")
RUN_RC=$?
set -e
T_RUN=$(( (${EPOCHREALTIME/[.,]/} - T1) / 1000 ))

tr -d '\r' <"$WORK/nanoclr.log" | grep -E '^Test (passed|failed|skipped),' >"$WORK/cases.txt" || true
[[ -z "$FILTER" ]] || { grep -F -- "$FILTER" "$WORK/cases.txt" >"$WORK/cases.filtered" || true; mv "$WORK/cases.filtered" "$WORK/cases.txt"; }
PASSED=$(grep -c '^Test passed,' "$WORK/cases.txt" || true)
FAILED=$(grep -c '^Test failed,' "$WORK/cases.txt" || true)
SKIPPED=$(grep -c '^Test skipped,' "$WORK/cases.txt" || true)
TOTAL=$((PASSED + FAILED + SKIPPED))

if [[ $VERBOSE -eq 1 ]]; then
  # "Test passed,Class.Method.n,ticks": ticks are 100 ns units measured on the nanoCLR.
  awk -F, '$1 == "Test passed" { printf "  PASS %-90s %8.1f ms\n", $2, $3 / 10000; next } { print "  " $0 }' "$WORK/cases.txt"
else
  grep -E '^Test (failed|skipped),' "$WORK/cases.txt" | sed 's/^/  /' || true
fi

VERDICT=0
if [[ $RUN_RC -ne 0 ]]; then
  log "the nanoCLR run did not complete (see above; output: $WORK/nanoclr.log)"; VERDICT=1
fi
if [[ $FAILED -gt 0 ]]; then VERDICT=1; fi
if [[ -z "$FILTER" && $TOTAL -ne $EXPECTED ]]; then
  SETUPS="$(awk '
    /^[[:space:]]*\[Setup\]/ { su = 1; next }
    su && /^[[:space:]]*public[[:space:]]/ { sub(/\(.*/, ""); print "." $NF "."; su = 0 }' $(cat "$WORK/test-sources.txt"))"
  if [[ -n "$SETUPS" ]] && grep '^Test skipped,' "$WORK/cases.txt" | grep -qF -- "$SETUPS"; then
    log "note: $TOTAL cases reported, $EXPECTED declared (a [Setup] skipped its class)"
  else
    log "incomplete run: $TOTAL cases reported, $EXPECTED declared in the sources (output: $WORK/nanoclr.log)"; VERDICT=1
  fi
fi
[[ $TOTAL -gt 0 ]] || VERDICT=1

printf 'nanoCLR device tests: %d passed, %d failed, %d skipped of %d (%d declared); build %d s, run %d ms; %s\n' \
  "$PASSED" "$FAILED" "$SKIPPED" "$TOTAL" "$EXPECTED" "$T_BUILD" "$T_RUN" "$([[ $VERDICT -eq 0 ]] && echo PASS || echo FAIL)"
exit $VERDICT
