#!/usr/bin/env bash
# The shared configuration vectors (firmware/test-vectors/config-documents.json) through the ESP32's
# real reader on the genuine nanoCLR built by tools/nanoclr/build.sh, compared with the host build:
#   1. vectors/host (a .NET console tool, not in ThermalMonitor.sln) sends every vector, on a fresh
#      board each, to the host build of BoardLink with the host twin reader (JsonConfigReader,
#      System.Text.Json) the way host-sim/ThermalMonitor.Link.Tests/Link/ConfigDocumentTests.cs does
#      (ConfigJson.Commands: one framed CFG SET, or CFG STAGE parts + CFG COMMIT when longer than a
#      line), then a CFG GET; records every byte the board wrote after its boot lines, checks the
#      reply against the vector's accept/error/field, and writes the framed lines as hex in C#
#      string chunks (one per library assembly: the metadata processor allows 64 KB of strings each);
#   2. csc (C# 9, NoStdLib, mscorlib 1.17.11) + MDP compile ThermalMonitor.Core (its .nfproj Compile
#      items), the chunks, and vectors/device/VectorsRunner.cs with
#      firmware/ThermalMonitor.Device/Board/NanoJsonConfigReader.cs (the only file taken from the
#      device app) against the Collections, Text, Streams and nanoFramework.Json built by build.sh;
#      the nanoCLR feeds the same lines to BoardLink with NanoJsonConfigReader the same way;
#   3. the host tool compares per vector: one line per vector whose output differs (its reply, or its
#      CFG GET, on both sides) and "nanoCLR config vectors: N of M identical".
#
# Usage: tools/nanoclr/vectors.sh
# Environment: NANOCLR_HOME (as for build.sh), NANOCLR_TIMEOUT (s, default 600),
#              NANOCLR_RUN_DIR (work directory, default $NANOCLR_HOME/run/vectors).
# Exit code: 0 every vector identical, 1 a vector differs or the run broke off, 2 setup/compile error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"
die() { printf '[nanoclr] error: %s\n' "$*" >&2; exit 2; }

case "${1:-}" in
  "") ;;
  -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown option '$1' (try --help)" ;;
esac

need_cmd dotnet timeout
load_manifest
find_csc

WORK="${NANOCLR_RUN_DIR:-$NANOCLR_HOME/run/vectors}"
rm -rf "$WORK"; mkdir -p "$WORK/core" "$WORK/chunks" "$WORK/runner"
T0=$SECONDS
VECTORS="$REPO/firmware/test-vectors/config-documents.json"
READER="$REPO/firmware/ThermalMonitor.Device/Board/NanoJsonConfigReader.cs"
[[ -f "$VECTORS" && -f "$READER" ]] || die "cannot find $VECTORS and $READER"
LIBS=(nanoFramework.System.Collections nanoFramework.System.Text System.IO.Streams nanoFramework.Json)
LIB_DLLS=(); LIB_PES=()
for l in "${LIBS[@]}"; do
  [[ -f "$ASM_DIR/$l.dll" && -f "$ASM_DIR/$l.pe" ]] || die "$l missing in $ASM_DIR: run tools/nanoclr/build.sh without --no-libs"
  LIB_DLLS+=("$ASM_DIR/$l.dll"); LIB_PES+=("$ASM_DIR/$l.pe")
done

# 1. Host half.
log "building the host tool (tools/nanoclr/vectors/host)"
dotnet build "$HERE/vectors/host/VectorsHost.csproj" -c Release -nologo -v q -o "$WORK/host-bin" >"$WORK/host-build.log" 2>&1 \
  || { tail -30 "$WORK/host-build.log" >&2; die "building the host tool failed (log: $WORK/host-build.log)"; }
HOST_TOOL=(dotnet "$WORK/host-bin/VectorsHost.dll")
"${HOST_TOOL[@]}" gen --vectors "$VECTORS" --out "$WORK/gen" | sed 's/^/[host] /' >&2 || die "generating the vector lines failed"

# 2. nanoCLR half.
NF_CSC_EXTRA=()
log "compiling ThermalMonitor.Core, the vector chunks and the runner"
nf_core "$WORK/core"
mapfile -t chunks <"$WORK/gen/chunks.txt"
refs=(); pes=()
for c in "${chunks[@]}"; do
  mkdir -p "$WORK/chunks/$c"
  printf '%s\n' "$WORK/gen/chunks/$c.cs" >"$WORK/chunks/$c/sources.txt"
  nf_csc "$WORK/chunks/$c/$c.dll" library "$WORK/chunks/$c/sources.txt"
  nf_mdp "$WORK/chunks/$c/$c.dll" "$WORK/chunks/$c/$c.pe"
  refs+=("$WORK/chunks/$c/$c.dll"); pes+=("$WORK/chunks/$c/$c.pe")
done
printf '%s\n' "$HERE/vectors/device/VectorsRunner.cs" "$HERE/device/BoardOutput.cs" "$READER" "$WORK/gen/VectorData.cs" >"$WORK/runner/sources.txt"
nf_csc "$WORK/runner/VectorsRunner.exe" exe "$WORK/runner/sources.txt" "$CORE_DLL" "${LIB_DLLS[@]}" "${refs[@]}"
nf_mdp "$WORK/runner/VectorsRunner.exe" "$WORK/runner/VectorsRunner.pe" "$CORE_DLL" "${LIB_DLLS[@]}" "${refs[@]}"

log "running on the nanoCLR"
T1=${EPOCHREALTIME/[.,]/}
set +e
(run_nanoclr "${NANOCLR_TIMEOUT:-600}" "$WORK/nanoclr.log" "$CORLIB_PE" "${LIB_PES[@]}" "$CORE_PE" "${pes[@]}" "$WORK/runner/VectorsRunner.pe")
set -e
T_RUN=$(( (${EPOCHREALTIME/[.,]/} - T1) / 1000 ))

# 3. Compare.
set +e
"${HOST_TOOL[@]}" compare --dir "$WORK/gen" --log "$WORK/nanoclr.log"
rc=$?
set -e
[[ $rc -le 1 ]] || die "comparing failed"
log "build + run $((SECONDS - T0)) s (nanoCLR run ${T_RUN} ms); files in $WORK"
exit $rc
