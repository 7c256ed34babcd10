#!/usr/bin/env bash
# Scoped mutation run (Stryker.NET) of the firmware core's decision code: Detection/, Alarms/,
# Validation/ of firmware/ThermalMonitor.Core, tested by firmware/ThermalMonitor.Core.Tests.
# Documented in tools/mutation/README.md. Not part of CI.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: tools/mutation/run-core-mutation.sh [--survivors] [--concurrency N] [--out DIR] [SCOPE...]
  SCOPE   Detection | Alarms | Validation | a file under firmware/ThermalMonitor.Core, e.g.
          Detection/PersistentCondition.cs (several allowed; default: Detection Alarms Validation)
  --survivors   also list every surviving / uncovered mutant (file:line, mutator, replacement)
  --concurrency N  test processes at once (default 1: the machine is shared; use the core count on an idle one)
  --out DIR     Stryker output folder (default: StrykerOutput/<date-time> at the repository root)
  --report FILE only print the tables of an existing mutation-report.json (no run)
USAGE
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
survivors=0
concurrency=1
out=""
report=""
scopes=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --survivors) survivors=1 ;;
    --out) out="$2"; shift ;;
    --concurrency) concurrency="$2"; shift
      case "$concurrency" in (""|*[!0-9]*|0) echo "error: --concurrency takes a whole number of processes, 1 or more (got '$concurrency')" >&2; exit 2 ;; esac ;;
    --report) report="$2"; shift ;;
    -*) usage >&2; exit 2 ;;
    *) scopes+=("$1") ;;
  esac
  shift
done
[ ${#scopes[@]} -gt 0 ] || scopes=(Detection Alarms Validation)

# Tests left out of mutation runs (they all run in dotnet test / CI as usual). Stryker compiles
# every mutant of the whole core into the assembly under test (--mutate only chooses which are
# tested), and with per-test coverage a mutant is tested by every test that executes it, so every
# test that steps the whole pipeline runs again for almost each mutant, slower than usual. Left out:
#  - Synthetic.*: hours of simulated loop through the core and the double reference in lockstep
#    (the 30 nominal days alone take 167 s, the 24 h orbits 11-13 s, each leak/fault case 1-3 s);
#    they would kill mutants (the reference no longer shares decision classes with the core),
#    but at minutes per mutant;
#  (the serial protocol's tests, which drive the monitor through BoardLink at about 22 s per
#  mutant, now live in host-sim/ThermalMonitor.Link.Tests, outside the project under test);
#  - Monitoring.ZeroAllocationTests: it counts the bytes the instrumented assembly allocates, not
#    those of the firmware (with it and the replays in, the initial run reported a failing test).
filter='FullyQualifiedName!~ThermalMonitor.Core.Tests.Synthetic.'
filter+='&FullyQualifiedName!~ThermalMonitor.Core.Tests.Monitoring.ZeroAllocationTests'

print_tables() {
  python3 - "$1" "$survivors" <<'PY'
import json, sys, collections
path, show_survivors = sys.argv[1], sys.argv[2] == "1"
report = json.load(open(path, encoding="utf-8"))
statuses = ("Killed", "Survived", "Timeout", "NoCoverage")
rows, folders = [], collections.OrderedDict()
def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else float("nan")
def short(name):
    name = name.replace("\\", "/")
    i = name.find("ThermalMonitor.Core/")
    return name[i + len("ThermalMonitor.Core/"):] if i >= 0 else name
total = collections.Counter()
for name, f in sorted(report["files"].items(), key=lambda kv: short(kv[0])):
    c = collections.Counter(m["status"] for m in f["mutants"])
    if sum(c[s] for s in statuses) == 0:
        continue
    rows.append((short(name), c))
    folder = short(name).split("/")[0]
    folders.setdefault(folder, collections.Counter()).update(c)
    total.update(c)
fmt = "{:<40} {:>6} {:>8} {:>7} {:>10} {:>7}"
print(fmt.format("file", "killed", "survived", "timeout", "nocoverage", "score"))
for name, c in rows:
    print(fmt.format(name, c["Killed"], c["Survived"], c["Timeout"], c["NoCoverage"], "%.1f%%" % score(c)))
print()
for name, c in list(folders.items()) + [("total", total)]:
    print(fmt.format(name + ("/" if name != "total" else ""), c["Killed"], c["Survived"], c["Timeout"], c["NoCoverage"], "%.1f%%" % score(c)))
other = {k: v for k, v in total.items() if k not in statuses}
if other:
    print("not counted:", ", ".join("%s %d" % kv for kv in sorted(other.items())))
if show_survivors:
    print()
    for name, f in sorted(report["files"].items(), key=lambda kv: short(kv[0])):
        for m in sorted(f["mutants"], key=lambda m: m["location"]["start"]["line"]):
            if m["status"] in ("Survived", "NoCoverage"):
                print("%s:%d %s %s: %s" % (short(name), m["location"]["start"]["line"], m["status"],
                      m["mutatorName"], (m.get("replacement") or "").replace("\n", " ")[:100]))
PY
}

if [ -n "$report" ]; then
  print_tables "$report"
  exit 0
fi

mutate=()
for scope in "${scopes[@]}"; do
  scope="${scope%/}"
  case "$scope" in
    Detection|Alarms|Validation) mutate+=(--mutate "**/$scope/*.cs") ;;
    Detection/*.cs|Alarms/*.cs|Validation/*.cs)
      [ -f "$root/firmware/ThermalMonitor.Core/$scope" ] || { echo "error: no file firmware/ThermalMonitor.Core/$scope" >&2; exit 2; }
      mutate+=(--mutate "**/$scope") ;;
    *) echo "error: scope '$scope' is not Detection, Alarms, Validation or a .cs file in one of them" >&2; usage >&2; exit 2 ;;
  esac
done

[ -n "$out" ] || out="$root/StrykerOutput/$(date +%Y-%m-%d.%H-%M-%S)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

cd "$root"
dotnet tool restore >/dev/null
start=$(date +%s)
# Stryker runs from the test project; --project names the project under test among its
# references: ThermalMonitor.Core.Host, whose Compile items are the linked core files.
cd "$root/firmware/ThermalMonitor.Core.Tests"
dotnet tool run dotnet-stryker -- \
  --project ThermalMonitor.Core.Host.csproj \
  --test-project ThermalMonitor.Core.Tests.csproj \
  "${mutate[@]}" \
  --test-case-filter "$filter" \
  --concurrency "$concurrency" \
  --reporter json --reporter html --reporter progress \
  --skip-version-check \
  --log-to-file \
  --output "$out"
elapsed=$(( $(date +%s) - start ))

echo
version="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["tools"]["dotnet-stryker"]["version"])' "$root/.config/dotnet-tools.json")"
echo "$(date -u +%Y-%m-%d), Stryker.NET $version, commit $(git -C "$root" rev-parse --short HEAD), scope: ${scopes[*]}"
echo "filter: $filter"
printf 'run time: %dh%02dm\n' $((elapsed / 3600)) $((elapsed % 3600 / 60))
print_tables "$out/reports/mutation-report.json"
echo "html report: $out/reports/mutation-report.html"
