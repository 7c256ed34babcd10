#!/usr/bin/env bash
# Byte-for-byte fidelity of the portable core on the genuine nanoCLR built by tools/nanoclr/build.sh:
# the core's events, telemetry and link output on windows of library profiles, compared with the
# host build (.NET, ThermalMonitor.Core.Host).
#   1. fidelity/host (a .NET console tool, not in ThermalMonitor.sln) turns each window of a
#      host-sim/profiles/*.csv.gz profile into the framed command lines a host sends a board in
#      REPLAY mode (CommandFrame + InjectCommand + ReplaySampleStream: ACK ALL, MODE REPLAY, CFG GET,
#      TLM 1000, MODE REPLAY, one INJ (or INJR) per sample, ACK of the first alarm, a corrupted line, HELLO,
#      ALARMS, ACK ALL, ACK 999, MODE LIVE), feeds them to the host build of BoardLink over a
#      MemoryBytePort and records every byte the board wrote; it also writes the lines as C# string
#      constants, one per library assembly (the metadata processor allows 64 KB of strings per assembly);
#   2. csc (C# 9, NoStdLib, mscorlib 1.17.11) + MDP compile ThermalMonitor.Core, the chunks and
#      fidelity/device/FidelityRunner.cs, and the nanoCLR feeds the same lines to BoardLink the
#      same way (same buffers, board clock = line number x 100 ms) and prints every byte as hex;
#   3. the host tool compares: one line per window; exit 0 only if every window is identical.
#
# Usage: tools/nanoclr/fidelity.sh [--window NAME=PROFILE@FROM_S+SAMPLES[/reduced]]...
#   default windows: progress-ms21 from 3540 s (leak onset 3600 s), soyuz-ms22 from 10740 s (onset
#   10800 s), fault-temp-stuck from 5980 s (fault 6000-6300 s), progress-ms22-nominal from 1800 s,
#   iss-2015-false-alarm-glitch from 10770 s (glitch at 10800 s), fault-pressure-open from 5990 s,
#   all with the samples as INJ (raw bursts); and soyuz-ms22 from 10740 s and fault-temp-stuck from
#   5980 s again with the samples as INJR (bursts reduced on the host): "/reduced" after a window.
# Environment: NANOCLR_HOME (as for build.sh), NANOCLR_TIMEOUT (s per window, default 600),
#              NANOCLR_RUN_DIR (work directory, default $NANOCLR_HOME/run/fidelity; compiled chunks
#              are cached there by content).
# Exit code: 0 all windows identical, 1 a window differs or its run broke off, 2 setup/compile error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"
die() { printf '[nanoclr] error: %s\n' "$*" >&2; exit 2; }

WINDOWS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --window) [[ $# -ge 2 ]] || die "--window needs NAME=PROFILE@FROM_S+SAMPLES[/reduced]"; WINDOWS+=(--window "$2"); shift ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

need_cmd dotnet timeout sha256sum
load_manifest
find_csc

WORK="${NANOCLR_RUN_DIR:-$NANOCLR_HOME/run/fidelity}"
mkdir -p "$WORK/cache"
rm -rf "$WORK/gen" "$WORK/core" "$WORK/windows"
mkdir -p "$WORK/core" "$WORK/windows"
T0=$SECONDS

# 1. Host half: build the tool, generate the windows and the host build's output.
log "building the host tool (tools/nanoclr/fidelity/host)"
dotnet build "$HERE/fidelity/host/FidelityHost.csproj" -c Release -nologo -v q -o "$WORK/host-bin" >"$WORK/host-build.log" 2>&1 \
  || { tail -30 "$WORK/host-build.log" >&2; die "building the host tool failed (log: $WORK/host-build.log)"; }
HOST_TOOL=(dotnet "$WORK/host-bin/FidelityHost.dll")
"${HOST_TOOL[@]}" gen --profiles "$REPO/host-sim/profiles" --out "$WORK/gen" ${WINDOWS[@]+"${WINDOWS[@]}"} | sed 's/^/[host] /' >&2 \
  || die "generating the windows failed"

# 2. nanoCLR half: the core once, then per window its chunks (cached by content), the runner, a run.
NF_CSC_EXTRA=()
log "compiling ThermalMonitor.Core"
nf_core "$WORK/core"

# compile_chunk CS: WORK/cache/<sha>/<name>.{dll,pe}; prints the directory.
compile_chunk() {
  local cs="$1" name sha dir
  name="$(basename "$cs" .cs)"
  sha="$(sha256sum "$cs" | cut -c1-16)"
  dir="$WORK/cache/$name-$sha"
  if [[ ! -s "$dir/$name.pe" ]]; then
    rm -rf "$dir"; mkdir -p "$dir"
    printf '%s\n' "$cs" >"$dir/sources.txt"
    nf_csc "$dir/$name.dll" library "$dir/sources.txt"
    nf_mdp "$dir/$name.dll" "$dir/$name.pe"
  fi
  printf '%s\n' "$dir"
}

VERDICT=0; TOTAL_SAMPLES=0; TOTAL_LINES=0; TOTAL_OUT=0; N=0; SUMMARY=()
mapfile -t WINDOW_NAMES <"$WORK/gen/windows.txt"
for w in "${WINDOW_NAMES[@]}"; do
  gen="$WORK/gen/$w"; wd="$WORK/windows/$w"; mkdir -p "$wd"
  mapfile -t chunks <"$gen/chunks.txt"
  log "window $w: compiling ${#chunks[@]} line chunks and the runner"
  # Two compilers at a time (each csc + MDP is a few seconds of mostly start-up).
  pids=()
  for c in "${chunks[@]}"; do
    ( compile_chunk "$gen/chunks/$c.cs" >"$wd/$c.dir" ) &
    pids+=($!)
    if [[ ${#pids[@]} -ge 2 ]]; then wait "${pids[0]}" || die "compiling chunk of $w failed"; pids=("${pids[@]:1}"); fi
  done
  for p in ${pids[@]+"${pids[@]}"}; do wait "$p" || die "compiling chunk of $w failed"; done
  refs=(); pes=()
  for c in "${chunks[@]}"; do d="$(cat "$wd/$c.dir")"; refs+=("$d/$c.dll"); pes+=("$d/$c.pe"); done
  printf '%s\n' "$HERE/fidelity/device/FidelityRunner.cs" "$HERE/device/BoardOutput.cs" "$gen/WindowData.cs" >"$wd/sources.txt"
  nf_csc "$wd/FidelityRunner.exe" exe "$wd/sources.txt" "$CORE_DLL" "${refs[@]}"
  nf_mdp "$wd/FidelityRunner.exe" "$wd/FidelityRunner.pe" "$CORE_DLL" "${refs[@]}"

  log "window $w: running on the nanoCLR"
  T1=${EPOCHREALTIME/[.,]/}
  set +e
  (run_nanoclr "${NANOCLR_TIMEOUT:-600}" "$wd/nanoclr.log" "$CORLIB_PE" "$CORE_PE" "${pes[@]}" "$wd/FidelityRunner.pe")
  set -e
  T_RUN=$(( (${EPOCHREALTIME/[.,]/} - T1) / 1000 ))
  set +e
  line="$("${HOST_TOOL[@]}" compare --dir "$gen" --log "$wd/nanoclr.log")"
  rc=$?
  set -e
  [[ $rc -le 1 && -n "$line" ]] || die "comparing window $w failed"
  [[ $rc -eq 0 ]] || VERDICT=1
  echo "$line; nanoCLR run ${T_RUN} ms"
  SUMMARY+=("$line")
  # shellcheck disable=SC1090
  source <(sed 's/^\([a-z_]*\)=\(.*\)$/M_\1='"'"'\2'"'"'/' "$gen/meta.txt")
  TOTAL_SAMPLES=$((TOTAL_SAMPLES + M_samples)); TOTAL_LINES=$((TOTAL_LINES + M_lines)); TOTAL_OUT=$((TOTAL_OUT + M_out_bytes)); N=$((N + 1))
done

[[ $N -gt 0 ]] || die "no window was generated"
printf 'nanoCLR fidelity: %d windows, %d samples (INJ or INJR lines), %d lines in, %d bytes out from the host build; %s in %d s\n' \
  "$N" "$TOTAL_SAMPLES" "$TOTAL_LINES" "$TOTAL_OUT" "$([[ $VERDICT -eq 0 ]] && echo 'all identical, PASS' || echo 'DIFFERENCES, FAIL')" "$((SECONDS - T0))"
exit $VERDICT
