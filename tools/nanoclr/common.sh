# Shared helpers for tools/nanoclr/build.sh, run.sh and bench.sh (sourced, not run).
# shellcheck shell=bash

NANOCLR_HOME="${NANOCLR_HOME:-$HOME/.cache/thermalmonitor/nanoclr}"
NANOCLR_MANIFEST="$NANOCLR_HOME/manifest.env"

log() { printf '[nanoclr] %s\n' "$*" >&2; }
die() { printf '[nanoclr] error: %s\n' "$*" >&2; exit 1; }

need_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' is not installed (needed by $(basename "$0"))"
  done
}

# The Roslyn compiler of the active .NET SDK (csc.dll, run with `dotnet`).
find_csc() {
  local ver base
  ver="$(dotnet --version 2>/dev/null)" || die "'dotnet --version' failed: install the .NET SDK (10.0)"
  base="$(dotnet --list-sdks | awk -v v="$ver" '$1 == v { sub(/^\[/, "", $2); sub(/\]$/, "", $2); print $2; exit }')"
  [[ -n "$base" ]] || die "cannot find the directory of .NET SDK $ver"
  CSC_DLL="$base/$ver/Roslyn/bincore/csc.dll"
  [[ -f "$CSC_DLL" ]] || die "the C# compiler is missing: $CSC_DLL"
}

# nfproj_sources NFPROJ: the files of every <Compile Include="..."> in a classic .nfproj and in the
# shared .projitems it imports, as absolute paths, one per line (classic projects do not glob).
nfproj_sources() {
  local proj="$1" dir item imp
  dir="$(cd "$(dirname "$proj")" && pwd)"
  { grep -o '<Compile Include="[^"]*"' "$proj" || true; } | sed 's/^<Compile Include="//; s/"$//' | tr '\\' '/' |
    while IFS= read -r item; do printf '%s/%s\n' "$dir" "$item"; done
  { grep -o '<Import Project="[^"]*\.projitems"' "$proj" || true; } | sed 's/^<Import Project="//; s/"$//' | tr '\\' '/' |
    while IFS= read -r imp; do
      local pi_dir
      pi_dir="$(cd "$dir/$(dirname "$imp")" && pwd)"
      { grep -o '<Compile Include="[^"]*"' "$dir/$imp" || true; } | sed 's/^<Compile Include="//; s/"$//; s/\$(MSBuildThisFileDirectory)//' | tr '\\' '/' |
        while IFS= read -r item; do printf '%s/%s\n' "$pi_dir" "$item"; done
    done
}

# nf_csc OUT TARGET SOURCES_FILE [REF.dll ...] -- compile nanoFramework C# (C# 9, no standard
# library, mscorlib from the CoreLibrary package) into OUT (.dll or .exe); TARGET is library|exe.
# Extra csc options can be given in NF_CSC_EXTRA (array).
nf_csc() {
  local out="$1" target="$2" sources="$3"; shift 3
  local args=(-noconfig -nostdlib+ -nologo -langversion:9 -optimize+ -deterministic -debug:portable
              -define:NANOFRAMEWORK_1_0\;TRACE -target:"$target" -out:"$out" -r:"$CORLIB_DLL")
  local r
  for r in "$@"; do args+=(-r:"$r"); done
  args+=(${NF_CSC_EXTRA[@]+"${NF_CSC_EXTRA[@]}"})
  local f
  while IFS= read -r f; do
    [[ -f "$f" ]] || die "source file listed but missing: $f"
    args+=("$f")
  done <"$sources"
  dotnet "$CSC_DLL" "${args[@]}" >"$out.csc.log" 2>&1 || { cat "$out.csc.log" >&2; die "csc failed for $(basename "$out") (log: $out.csc.log)"; }
}

# nf_mdp IN.dll|exe OUT.pe [DEP.dll ...] -- convert an assembly into a nanoFramework .pe with the
# metadata processor; every dependency other than mscorlib must be given for -loadHints.
nf_mdp() {
  local in="$1" out="$2"; shift 2
  local args=(-loadHints mscorlib "$CORLIB_DLL")
  local d
  for d in "$@"; do
    local n
    n="$(basename "$d")"; n="${n%.*}"
    args+=(-loadHints "$n" "$d")
  done
  args+=(-parse "$in" -compile "$out" false)
  dotnet "$MDP_DLL" "${args[@]}" >"$out.mdp.log" 2>&1 || { cat "$out.mdp.log" >&2; die "metadata processor failed for $(basename "$in") (log: $out.mdp.log)"; }
  [[ -s "$out" ]] || { cat "$out.mdp.log" >&2; die "metadata processor wrote no $out"; }
}

# nf_core DIR -- the portable core from the <Compile Include> items of ThermalMonitor.Core.nfproj,
# compiled (nf_csc) and converted (nf_mdp) into DIR; sets CORE_DLL and CORE_PE. Uses $REPO.
nf_core() {
  local dir="$1"
  mkdir -p "$dir"
  nfproj_sources "$REPO/firmware/ThermalMonitor.Core/ThermalMonitor.Core.nfproj" >"$dir/core-sources.txt"
  CORE_DLL="$dir/ThermalMonitor.Core.dll"; CORE_PE="$dir/ThermalMonitor.Core.pe"
  nf_csc "$CORE_DLL" library "$dir/core-sources.txt"
  nf_mdp "$CORE_DLL" "$CORE_PE"
}

load_manifest() {
  [[ -f "$NANOCLR_MANIFEST" ]] || die "no nanoCLR build in $NANOCLR_HOME: run tools/nanoclr/build.sh first (or set NANOCLR_HOME)"
  # shellcheck disable=SC1090
  source "$NANOCLR_MANIFEST"
  local v
  for v in NANOCLR_EXE CORLIB_DLL CORLIB_PE MDP_DLL ASM_DIR; do
    [[ -e "${!v:-/nonexistent}" ]] || die "$v (${!v:-unset}) from $NANOCLR_MANIFEST is missing: rerun tools/nanoclr/build.sh"
  done
}

# run_nanoclr TIMEOUT_S LOG PE... -- run the nanoCLR on the given assemblies, output to LOG.
run_nanoclr() {
  local t="$1" logf="$2"; shift 2
  local rc=0
  timeout "$t" "$NANOCLR_EXE" "$@" >"$logf" 2>&1 || rc=$?
  if [[ $rc -eq 124 ]]; then die "the nanoCLR did not finish within ${t}s (output so far: $logf)"; fi
  if [[ $rc -ne 0 ]]; then tail -20 "$logf" >&2; die "the nanoCLR exited with code $rc (output: $logf)"; fi
  # The program's output sits between "Ready." and "Done."; without "Done." the run broke off.
  grep -qE $'^Done\\.\r?$' "$logf" || { tail -20 "$logf" >&2; die "the nanoCLR run ended without 'Done.' (output: $logf)"; }
}
