#!/usr/bin/env bash
# Peak resident memory and wall time of a replay of a large profile, with and without --report.
# Usage: tools/bigprofile/measure.sh [rows]   (default 8,500,000 rows, about 200 MB of CSV)
# Needs GNU time (/usr/bin/time; Debian package "time"). Writes the profile to a scratch directory.
set -euo pipefail
rows=${1:-8500000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

python3 "$here/make_big_profile.py" "$scratch/big.csv" --rows "$rows"
echo "profile: $rows rows, $(du -m "$scratch/big.csv" | cut -f1) MB"
dotnet build "$repo/host-sim/ThermalMonitor.Cli" -c Release -v q -nologo >/dev/null
cli="$repo/host-sim/ThermalMonitor.Cli/bin/Release/net10.0/thermal-sim"

measure() {
    local label=$1; shift
    /usr/bin/time -f "%M %e" -o "$scratch/time" "$cli" replay "$scratch/big.csv" "$@" >"$scratch/out" 2>&1 \
        || { echo "error: the replay ($label) failed:" >&2; tail -5 "$scratch/out" >&2; exit 1; }
    read -r kb seconds <"$scratch/time"
    printf '%-16s peak RSS %8d KB (%5d MB), %7.1f s\n' "$label" "$kb" $((kb / 1024)) "$seconds"
}

measure "replay" --json "$scratch/result.json"
measure "with --report" --json "$scratch/result-report.json" --report "$scratch/report.html"
cmp -s "$scratch/result.json" "$scratch/result-report.json" || echo "warning: the two replays' results differ" >&2
