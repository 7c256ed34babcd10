#!/usr/bin/env bash
# Builds a genuine .NET nanoFramework runtime for Linux, out of tree, from pinned public sources:
#   * the POSIX nanoCLR (nf-interpreter targets/posix, CMake + Ninja, Release),
#   * the metadata processor (MDP, .dll -> .pe) as two generated SDK-style net10.0 projects over
#     the upstream sources (mustache-sharp compiled in, Mono.Cecil from NuGet),
#   * mscorlib 1.17.11 (NuGet package nanoFramework.CoreLibrary, used as shipped),
#   * nanoFramework.TestFramework + UnitTestLauncher, System.Collections, System.Text,
#     System.IO.Streams and nanoFramework.Json, compiled with csc (C# 9, NoStdLib) and the MDP.
# Everything lands in $NANOCLR_HOME (default ~/.cache/thermalmonitor/nanoclr); nothing is written
# into the repository. See tools/nanoclr/README.md.
#
# Usage: tools/nanoclr/build.sh [--force] [--no-libs]
#   --force    rebuild every piece (default: pieces whose stamp matches the pins are kept)
#   --no-libs  skip Collections/Text/Streams/Json (the firmware's tests need only the TestFramework)
# Sources: for each repository an environment variable may name a local clone or bare git directory
# that contains the pinned commit (e.g. NF_INTERPRETER_SRC=~/src/nf-interpreter); otherwise the
# pinned commit is fetched from the public GitHub URL.
set -euo pipefail

# ---- pins: the one place to change versions -------------------------------------------------
# name|env var|public URL|commit|paths to extract (empty = whole tree)
PINS=(
  "nf-interpreter|NF_INTERPRETER_SRC|https://github.com/nanoframework/nf-interpreter.git|a3e8139a1ba778e33ca81b023099765eada6c456|"
  "metadata-processor|NF_MDP_SRC|https://github.com/nanoframework/metadata-processor.git|4541b46b25b6ddca89514c6627aa9973021b36d6|MetadataProcessor.Shared MetadataProcessor.Console MetadataProcessor.Core LICENSE.md"
  "mustache-sharp|MUSTACHE_SHARP_SRC|https://github.com/jehugaleahsa/mustache-sharp.git|eada46d86b1284d73dbab2965c81d19a2f0ece6e|MustacheSharp UNLICENSE.txt"
  "TestFramework|NF_TESTFRAMEWORK_SRC|https://github.com/nanoframework/nanoFramework.TestFramework.git|d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4|source/TestFramework source/TestFrameworkShared source/UnitTestLauncher LICENSE.md"
  "System.Collections|NF_COLLECTIONS_SRC|https://github.com/nanoframework/System.Collections.git|c334f95df155fb0546fc1461cd1b143afd637121|nanoFramework.System.Collections LICENSE.md"
  "System.Text|NF_TEXT_SRC|https://github.com/nanoframework/System.Text.git|a231e6e090940b21dc8a1593ffc09179f08ff1b0|nanoFramework.System.Text LICENSE.md"
  "System.IO.Streams|NF_STREAMS_SRC|https://github.com/nanoframework/System.IO.Streams.git|e6d0ae8b640fa2b1b701f671801c662d16d9cd00|System.IO.Streams LICENSE.md"
  "nanoFramework.Json|NF_JSON_SRC|https://github.com/nanoframework/nanoFramework.Json.git|76f1016c32e9507e7207669718aabcd4ecb0af3b|nanoFramework.Json key.snk LICENSE.md"
)
CORELIB_VERSION=1.17.11          # NuGet nanoFramework.CoreLibrary; its mscorlib.pe checksum 0x1549C856 matches the nanoCLR above
MONO_CECIL_VERSION=0.11.6        # what metadata-processor v3.0.100 references
DRAWING_COMMON_VERSION=9.0.19    # compile-time only (bitmap resources, unused here)
# Assembly versions of the libraries built here = the NuGet packages built from those commits.
TESTFRAMEWORK_VERSION=3.0.77
COLLECTIONS_VERSION=1.5.75
TEXT_VERSION=1.3.42
STREAMS_VERSION=1.1.96
JSON_VERSION=2.2.203
# -----------------------------------------------------------------------------------------------

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"

FORCE=0; LIBS=1
for a in "$@"; do
  case "$a" in
    --force) FORCE=1 ;;
    --no-libs) LIBS=0 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$a' (try --help)" ;;
  esac
done

need_cmd git tar cmake ninja dotnet timeout
command -v c++ >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 || command -v clang++ >/dev/null 2>&1 || die "no C++ compiler (install g++ or clang)"
find_csc

SRC_DIR="$NANOCLR_HOME/src"; GIT_CACHE="$NANOCLR_HOME/git"; STAMPS="$NANOCLR_HOME/stamps"
ASM_DIR="$NANOCLR_HOME/assemblies"
mkdir -p "$SRC_DIR" "$GIT_CACHE" "$STAMPS" "$ASM_DIR"
T0=$SECONDS

pin_field() { # pin_field NAME FIELD(2..5)
  local p
  for p in "${PINS[@]}"; do
    [[ "${p%%|*}" == "$1" ]] && { cut -d'|' -f"$2" <<<"$p"; return; }
  done
  die "internal: no pin named $1"
}
stamp_ok() { [[ $FORCE -eq 0 && -f "$STAMPS/$1" && "$(cat "$STAMPS/$1")" == "$2" ]]; }
stamp_set() { printf '%s\n' "$2" >"$STAMPS/$1"; }

# fetch_src NAME: extract the pinned commit of NAME into $SRC_DIR/NAME.
fetch_src() {
  local name="$1" var url commit paths gitdir given
  var="$(pin_field "$name" 2)"; url="$(pin_field "$name" 3)"
  commit="$(pin_field "$name" 4)"; paths="$(pin_field "$name" 5)"
  if stamp_ok "src-$name" "$commit" && [[ -d "$SRC_DIR/$name" ]]; then return; fi
  given="${!var:-}"
  if [[ -n "$given" ]]; then
    gitdir="$(git -C "$given" rev-parse --absolute-git-dir 2>/dev/null)" \
      || die "$var=$given is not a git clone or bare git directory"
    git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null \
      || die "$var=$given does not contain commit $commit of $name (git fetch it there, or unset $var)"
  else
    gitdir="$GIT_CACHE/$name.git"
    if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      log "fetching $name $commit from $url (set $var to use a local clone)"
      [[ -d "$gitdir" ]] || git init -q --bare "$gitdir"
      if ! git --git-dir="$gitdir" fetch -q --depth 1 "$url" "$commit" 2>/dev/null; then
        git --git-dir="$gitdir" fetch -q "$url" '+refs/heads/*:refs/remotes/origin/*' \
          || die "cannot fetch $url (no network? set $var to a local clone)"
      fi
      git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null \
        || die "$url has no commit $commit"
    fi
  fi
  log "extracting $name @ ${commit:0:12}"
  rm -rf "$SRC_DIR/$name"; mkdir -p "$SRC_DIR/$name"
  # shellcheck disable=SC2086  # paths is a space-separated list on purpose
  # (stderr kept aside: a partial mirror may complain about blobs outside the extracted paths)
  git --git-dir="$gitdir" archive "$commit" -- $paths 2>"$SRC_DIR/$name.archive.log" | tar -x -C "$SRC_DIR/$name" \
    || { cat "$SRC_DIR/$name.archive.log" >&2; die "git archive of $name @ $commit failed"; }
  stamp_set "src-$name" "$commit"
}

# ---- 1. nanoCLR (POSIX host target) ----------------------------------------------------------
build_nanoclr() {
  local commit bdir
  commit="$(pin_field nf-interpreter 4)"
  bdir="$NANOCLR_HOME/build/nanoclr"
  if stamp_ok nanoclr "$commit" && [[ -x "$bdir/bin/nanoFramework.nanoCLR.test" ]]; then
    log "nanoCLR: up to date"; return
  fi
  fetch_src nf-interpreter
  local t=$SECONDS jobs="${NANOCLR_JOBS:-$(nproc)}"
  log "nanoCLR: configuring and building (Release, Ninja, $jobs jobs; a few minutes)"
  rm -rf "$bdir"; mkdir -p "$NANOCLR_HOME/build"
  cmake -S "$SRC_DIR/nf-interpreter/targets/posix" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    >"$NANOCLR_HOME/build/nanoclr.log" 2>&1 || { tail -30 "$NANOCLR_HOME/build/nanoclr.log" >&2; die "cmake configure of the nanoCLR failed (log: $NANOCLR_HOME/build/nanoclr.log)"; }
  cmake --build "$bdir" -j "$jobs" >>"$NANOCLR_HOME/build/nanoclr.log" 2>&1 \
    || { grep -m 20 -i 'error' "$NANOCLR_HOME/build/nanoclr.log" >&2 || true; die "building the nanoCLR failed (log: $NANOCLR_HOME/build/nanoclr.log)"; }
  [[ -x "$bdir/bin/nanoFramework.nanoCLR.test" && -f "$bdir/lib/nanoFramework.nanoCLR.so" ]] \
    || die "the nanoCLR build produced no bin/nanoFramework.nanoCLR.test + lib/nanoFramework.nanoCLR.so in $bdir"
  stamp_set nanoclr "$commit"
  log "nanoCLR: built in $((SECONDS - t)) s"
}

# ---- 2. metadata processor ---------------------------------------------------------------------
build_mdp() {
  local key pdir
  key="$(pin_field metadata-processor 4)+$(pin_field mustache-sharp 4)+$MONO_CECIL_VERSION"
  pdir="$NANOCLR_HOME/mdp"
  if stamp_ok mdp "$key" && [[ -f "$pdir/bin/nanoFramework.Tools.MetadataProcessor.dll" ]]; then
    log "metadata processor: up to date"; return
  fi
  fetch_src metadata-processor
  fetch_src mustache-sharp
  local t=$SECONDS mdp_src="$SRC_DIR/metadata-processor" mus_src="$SRC_DIR/mustache-sharp/MustacheSharp"
  log "metadata processor: generating net10.0 projects and building"
  rm -rf "$pdir"; mkdir -p "$pdir/Core" "$pdir/Console"
  # Stop MSBuild from walking up into whatever directory tree NANOCLR_HOME sits in.
  printf '<Project />\n' >"$pdir/Directory.Build.props"
  printf '<Project />\n' >"$pdir/Directory.Build.targets"
  printf '<Project />\n' >"$pdir/Directory.Packages.props"
  cat >"$pdir/Core/MetadataProcessor.Core.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Generated by ThermalMonitor tools/nanoclr/build.sh: metadata-processor's
       MetadataProcessor.Shared sources (upstream item list) + mustache-sharp compiled in. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>nanoFramework.Tools.MetadataProcessor.Core</AssemblyName>
    <RootNamespace>nanoFramework.Tools.MetadataProcessor.Core</RootNamespace>
    <EnableDefaultItems>false</EnableDefaultItems>
    <GenerateAssemblyInfo>false</GenerateAssemblyInfo>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS0618;CS0162;CS0168;CS0219;CS0414;CS0649;CS1591;CA1416;CA2022;SYSLIB0011;SYSLIB0051;NU1603</NoWarn>
    <GenerateResourceUsePreserializedResources>false</GenerateResourceUsePreserializedResources>
  </PropertyGroup>
  <Import Project="$mdp_src/MetadataProcessor.Shared/MetadataProcessor.Shared.projitems" />
  <ItemGroup>
    <Compile Include="$mdp_src/MetadataProcessor.Core/Properties/AssemblyInfo.cs" />
    <Compile Include="$mus_src/**/*.cs" />
    <EmbeddedResource Include="$mus_src/Properties/Resources.resx" LogicalName="Mustache.Properties.Resources.resources" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Mono.Cecil" Version="$MONO_CECIL_VERSION" />
    <PackageReference Include="System.Drawing.Common" Version="$DRAWING_COMMON_VERSION" />
  </ItemGroup>
</Project>
EOF
  cat >"$pdir/Console/MetadataProcessor.Console.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Generated by ThermalMonitor tools/nanoclr/build.sh: metadata-processor's console front end. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <AssemblyName>nanoFramework.Tools.MetadataProcessor</AssemblyName>
    <RootNamespace>nanoFramework.Tools.MetadataProcessor.Console</RootNamespace>
    <EnableDefaultItems>false</EnableDefaultItems>
    <GenerateAssemblyInfo>false</GenerateAssemblyInfo>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <RollForward>Major</RollForward>
    <NoWarn>\$(NoWarn);CS0618;CS0162;CS0168;CS0219;CA1416;SYSLIB0011;NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$mdp_src/MetadataProcessor.Console/Program.cs" />
    <Compile Include="$mdp_src/MetadataProcessor.Console/Properties/AssemblyInfo.cs" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="../Core/MetadataProcessor.Core.csproj" />
    <PackageReference Include="Mono.Cecil" Version="$MONO_CECIL_VERSION" />
  </ItemGroup>
</Project>
EOF
  dotnet build "$pdir/Console/MetadataProcessor.Console.csproj" -c Release -o "$pdir/bin" -nologo -v:q \
    >"$pdir/build.log" 2>&1 || { grep -E 'error|warning NU' "$pdir/build.log" | head -30 >&2; die "building the metadata processor failed (log: $pdir/build.log)"; }
  [[ -f "$pdir/bin/nanoFramework.Tools.MetadataProcessor.dll" ]] || die "metadata processor build produced no nanoFramework.Tools.MetadataProcessor.dll"
  stamp_set mdp "$key"
  log "metadata processor: built in $((SECONDS - t)) s"
}

# ---- 3. mscorlib from NuGet ------------------------------------------------------------------------
restore_corelib() {
  local rdir="$NANOCLR_HOME/corelib-restore" pkgs="$NANOCLR_HOME/packages"
  CORLIB_DIR="$pkgs/nanoframework.corelibrary/$CORELIB_VERSION/lib"
  CORLIB_DLL="$CORLIB_DIR/mscorlib.dll"
  if [[ -f "$CORLIB_DLL" && -f "$CORLIB_DIR/mscorlib.pe" ]]; then log "mscorlib $CORELIB_VERSION: present"; return; fi
  log "mscorlib: restoring NuGet nanoFramework.CoreLibrary $CORELIB_VERSION"
  mkdir -p "$rdir"
  printf '<Project />\n' >"$rdir/Directory.Build.props"
  printf '<Project />\n' >"$rdir/Directory.Build.targets"
  printf '<Project />\n' >"$rdir/Directory.Packages.props"
  cat >"$rdir/corelib-restore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Throwaway project: only restores the nanoFramework mscorlib package into ../packages.
       NU1701 (package restored for .NET Framework) is expected: its lib is not meant for .NET. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RestorePackagesPath>$pkgs</RestorePackagesPath>
    <NoWarn>\$(NoWarn);NU1701</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="nanoFramework.CoreLibrary" Version="[$CORELIB_VERSION]" />
  </ItemGroup>
</Project>
EOF
  dotnet restore "$rdir/corelib-restore.csproj" -nologo -v:q >"$rdir/restore.log" 2>&1 \
    || { tail -20 "$rdir/restore.log" >&2; die "restoring nanoFramework.CoreLibrary $CORELIB_VERSION failed (log: $rdir/restore.log)"; }
  [[ -f "$CORLIB_DLL" && -f "$CORLIB_DIR/mscorlib.pe" ]] || die "package nanoFramework.CoreLibrary $CORELIB_VERSION has no lib/mscorlib.dll + mscorlib.pe"
}

# ---- 4. nanoFramework class libraries (csc + MDP) ----------------------------------------------------
MDP_DLL="$NANOCLR_HOME/mdp/bin/nanoFramework.Tools.MetadataProcessor.dll"

# build_lib PIN_NAME NFPROJ(rel. to src) ASSEMBLY TARGET VERSION [DEP_ASSEMBLY ...]
build_lib() {
  local pin="$1" nfproj="$2" asm="$3" target="$4" version="$5"; shift 5
  local ext=dll; [[ "$target" == exe ]] && ext=exe
  local key deps=() d
  key="$(pin_field "$pin" 4)+$version+$(cksum <"$CORLIB_DLL" | cut -d' ' -f1)+$(cksum <"$MDP_DLL" | cut -d' ' -f1)"
  for d in "$@"; do
    deps+=("$ASM_DIR/$d.dll"); [[ -f "$ASM_DIR/$d.dll" ]] || deps[-1]="$ASM_DIR/$d.exe"
    key+="+$(cksum <"${deps[-1]}" | cut -d' ' -f1)"
  done
  if stamp_ok "asm-$asm" "$key" && [[ -f "$ASM_DIR/$asm.pe" ]]; then log "$asm: up to date"; return; fi
  fetch_src "$pin"
  local proj="$SRC_DIR/$pin/$nfproj" obj="$NANOCLR_HOME/obj/$asm"
  [[ -f "$proj" ]] || die "$pin: project $nfproj not found in the extracted sources"
  rm -rf "$obj"; mkdir -p "$obj"
  nfproj_sources "$proj" >"$obj/sources.txt"
  # The upstream builds take the assembly version from Nerdbank.GitVersioning; set it explicitly.
  if ! grep -qs 'AssemblyVersion(' $(cat "$obj/sources.txt"); then
    printf '[assembly: System.Reflection.AssemblyVersion("%s.0")]\n' "$version" >"$obj/AssemblyVersion.g.cs"
    echo "$obj/AssemblyVersion.g.cs" >>"$obj/sources.txt"
  fi
  # Strong-name signing as upstream (SignAssembly + AssemblyOriginatorKeyFile): mscorlib grants
  # InternalsVisibleTo to these assemblies by public key.
  NF_CSC_EXTRA=()
  if grep -q '<SignAssembly>true</SignAssembly>' "$proj"; then
    local kf
    kf="$(sed -n 's:.*<AssemblyOriginatorKeyFile>\(.*\)</AssemblyOriginatorKeyFile>.*:\1:p' "$proj" | head -1 | tr '\\' '/')"
    [[ -n "$kf" && -f "$(dirname "$proj")/$kf" ]] || die "$asm: SignAssembly is set but the key file '$kf' is missing"
    NF_CSC_EXTRA=(-keyfile:"$(dirname "$proj")/$kf")
  fi
  if grep -q '<AllowUnsafeBlocks>true</AllowUnsafeBlocks>' "$proj"; then NF_CSC_EXTRA+=(-unsafe+); fi
  log "$asm $version: csc + metadata processor"
  nf_csc "$obj/$asm.$ext" "$target" "$obj/sources.txt" ${deps[@]+"${deps[@]}"}
  nf_mdp "$obj/$asm.$ext" "$obj/$asm.pe" ${deps[@]+"${deps[@]}"}
  cp "$obj/$asm.$ext" "$obj/$asm.pe" "$ASM_DIR/"
  stamp_set "asm-$asm" "$key"
}

restore_corelib
build_mdp
cp "$CORLIB_DIR/mscorlib.dll" "$CORLIB_DIR/mscorlib.pe" "$ASM_DIR/"

build_lib TestFramework source/TestFramework/nanoFramework.TestFramework.nfproj nanoFramework.TestFramework library "$TESTFRAMEWORK_VERSION"
build_lib TestFramework source/UnitTestLauncher/nanoFramework.UnitTestLauncher.nfproj nanoFramework.UnitTestLauncher exe "$TESTFRAMEWORK_VERSION" nanoFramework.TestFramework
if [[ $LIBS -eq 1 ]]; then
  build_lib System.Collections nanoFramework.System.Collections/nanoFramework.System.Collections.nfproj nanoFramework.System.Collections library "$COLLECTIONS_VERSION"
  build_lib System.Text nanoFramework.System.Text/nanoFramework.System.Text.nfproj nanoFramework.System.Text library "$TEXT_VERSION"
  build_lib System.IO.Streams System.IO.Streams/System.IO.Streams.nfproj System.IO.Streams library "$STREAMS_VERSION" nanoFramework.System.Text
  build_lib nanoFramework.Json nanoFramework.Json/nanoFramework.Json.nfproj nanoFramework.Json library "$JSON_VERSION" nanoFramework.System.Collections nanoFramework.System.Text System.IO.Streams
fi

build_nanoclr

# A wrapper that finds the runtime's shared library.
cat >"$NANOCLR_HOME/nanoclr" <<EOF
#!/usr/bin/env bash
# Runs the POSIX nanoCLR built by tools/nanoclr/build.sh: nanoclr mscorlib.pe [Lib.pe ...] App.pe
export LD_LIBRARY_PATH="$NANOCLR_HOME/build/nanoclr/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
exec "$NANOCLR_HOME/build/nanoclr/bin/nanoFramework.nanoCLR.test" "\$@"
EOF
chmod +x "$NANOCLR_HOME/nanoclr"

cat >"$NANOCLR_MANIFEST" <<EOF
# Written by tools/nanoclr/build.sh; read by run.sh and bench.sh.
NANOCLR_EXE='$NANOCLR_HOME/nanoclr'
MDP_DLL='$MDP_DLL'
CORLIB_DLL='$ASM_DIR/mscorlib.dll'
CORLIB_PE='$ASM_DIR/mscorlib.pe'
ASM_DIR='$ASM_DIR'
NF_INTERPRETER_COMMIT='$(pin_field nf-interpreter 4)'
CORELIB_VERSION='$CORELIB_VERSION'
EOF

# Smoke test: the runtime loads mscorlib (and the libraries built here, whose native checksums must
# match the interpreter's tables) and runs a program that uses them, ending with "Done.".
CORLIB_DLL="$ASM_DIR/mscorlib.dll"; NANOCLR_EXE="$NANOCLR_HOME/nanoclr"
SMOKE="$NANOCLR_HOME/obj/smoke"; rm -rf "$SMOKE"; mkdir -p "$SMOKE"
SMOKE_REFS=(); SMOKE_PES=("$ASM_DIR/mscorlib.pe"); SMOKE_EXPECT='smoke: 42'
if [[ $LIBS -eq 1 ]]; then
  for a in nanoFramework.System.Collections nanoFramework.System.Text System.IO.Streams nanoFramework.Json; do
    SMOKE_REFS+=("$ASM_DIR/$a.dll"); SMOKE_PES+=("$ASM_DIR/$a.pe")
  done
  cat >"$SMOKE/Smoke.cs" <<'EOF'
public static class Smoke
{
    public static void Main()
    {
        try
        {
            var table = new System.Collections.Hashtable();
            table["answer"] = 6 * 7;
            var text = new System.Text.StringBuilder("smoke: ").Append((int)table["answer"]).ToString();
            var json = nanoFramework.Json.JsonConvert.SerializeObject(table);
            var back = (System.Collections.Hashtable)nanoFramework.Json.JsonConvert.DeserializeObject(
                json, typeof(System.Collections.Hashtable));
            var stream = new System.IO.MemoryStream();
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            stream.Write(bytes, 0, bytes.Length);
            System.Console.WriteLine(text + " json " + json + " " + back["answer"] + " stream " + stream.Length);
        }
        catch (System.Exception e) { System.Console.WriteLine("smoke failed: " + e.GetType().FullName + ": " + e.Message); }
    }
}
EOF
  SMOKE_EXPECT='smoke: 42 json {"answer":42} 42 stream 13'
else
  cat >"$SMOKE/Smoke.cs" <<'EOF'
public static class Smoke { public static void Main() { System.Console.WriteLine("smoke: " + (6 * 7)); } }
EOF
fi
echo "$SMOKE/Smoke.cs" >"$SMOKE/sources.txt"
NF_CSC_EXTRA=()
nf_csc "$SMOKE/Smoke.exe" exe "$SMOKE/sources.txt" ${SMOKE_REFS[@]+"${SMOKE_REFS[@]}"}
nf_mdp "$SMOKE/Smoke.exe" "$SMOKE/Smoke.pe" ${SMOKE_REFS[@]+"${SMOKE_REFS[@]}"}
run_nanoclr 120 "$SMOKE/run.log" "${SMOKE_PES[@]}" "$SMOKE/Smoke.pe"
grep -q "^$SMOKE_EXPECT" "$SMOKE/run.log" || { cat "$SMOKE/run.log" >&2; die "smoke test: the nanoCLR did not print '$SMOKE_EXPECT' (output: $SMOKE/run.log)"; }
log "smoke test passed on the nanoCLR: $SMOKE_EXPECT"

log "ready in $((SECONDS - T0)) s: $NANOCLR_HOME ($(du -sh "$NANOCLR_HOME" | cut -f1)); runtime $NANOCLR_HOME/nanoclr, assemblies $ASM_DIR"
