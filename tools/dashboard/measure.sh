#!/usr/bin/env bash
# The dashboard page's memory and CPU while it follows a board at --speed 600 (issue 13).
# Usage: tools/dashboard/measure.sh [seconds] [replay|live]   (default 600 s: 100 h of profile at 600x; replay)
# Starts a 100 h generated profile (Soyuz MS-22 preset, leak at 3 h) and then
#   replay: thermal-sim replay <profile> --target virtual --speed 600 --dashboard (the page follows the replay);
#   live:   a virtual board living the profile at 600x and thermal-sim dashboard on it;
# and headless Chromium (Debian's) on the page; samples /proc every 10 s. Prints the browser's
# processes' PSS and RSS and their CPU, and the dashboard's (in replay mode: the replay process,
# which serves the page, without its virtual board).
set -euo pipefail
seconds=${1:-600}
mode=${2:-replay}
[ "$mode" = replay ] || [ "$mode" = live ] || { echo "error: mode '$mode': expected replay or live" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
chromium=${THERMAL_CHROMIUM:-/usr/lib/chromium/chromium}
[ -x "$chromium" ] || { echo "error: no Chromium at $chromium (apt-get install chromium, or set THERMAL_CHROMIUM)" >&2; exit 2; }
scratch=$(mktemp -d)
pids=()
# SIGTERM, not SIGINT: a script's background jobs start with SIGINT ignored, so kill -INT would
# reach nobody and the kill -9 below would skip the programs' cleanup.
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 3; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT

dotnet build "$repo/host-sim/ThermalMonitor.Cli" -c Release -v q -nologo >/dev/null
cli="$repo/host-sim/ThermalMonitor.Cli/bin/Release/net10.0/thermal-sim"
hours=$(( (seconds * 600 + 3599) / 3600 + 1 ))
"$cli" generate --preset soyuz-ms22 --duration-h "$hours" --out "$scratch/long.csv.gz" >/dev/null
if [ "$mode" = live ]; then
    "$cli" board virtual --live "$scratch/long.csv.gz" --speed 600 --link "$scratch/tty" >"$scratch/board.out" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do [ -e "$scratch/tty" ] && break; sleep 0.2; done
    "$cli" dashboard --target "serial:$scratch/tty" --listen 127.0.0.1:0 >"$scratch/dashboard.out" 2>&1 &
else
    NO_COLOR=1 "$cli" replay "$scratch/long.csv.gz" --target virtual --speed 600 --dashboard=127.0.0.1:0 >"$scratch/dashboard.out" 2>&1 &
fi
dashboard=$!
pids+=($dashboard)
for _ in $(seq 300); do grep -q "^dashboard: " "$scratch/dashboard.out" 2>/dev/null && break; sleep 0.2; done
url=$(sed -n 's/^dashboard: //p' "$scratch/dashboard.out")
[ -n "$url" ] || { echo "error: the dashboard did not start:" >&2; cat "$scratch/dashboard.out" >&2; exit 1; }
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$scratch/profile" --remote-debugging-port=0 "$url" >"$scratch/chromium.out" 2>&1 &
browser=$!
pids+=($browser)

tree() { # the process and its descendants
    local root=$1; echo "$root"
    for child in $(cat /proc/"$root"/task/*/children 2>/dev/null); do tree "$child"; done
}
kb() { awk -v k="$2" '$1 == k":" { s += $2 } END { print s + 0 }' $(for p in $1; do echo /proc/$p/$3; done) 2>/dev/null; }
ticks() { local t=0; for p in $1; do t=$((t + $(awk '{ print $14 + $15 }' /proc/"$p"/stat 2>/dev/null || echo 0))); done; echo $t; }

hz=$(getconf CLK_TCK)
printf '%6s %12s %12s %10s %12s\n' "s" "browser PSS" "browser RSS" "processes" "dashboard RSS"
start_browser=$(ticks "$(tree $browser)"); start_dashboard=$(ticks $dashboard); started=$(date +%s)
peak_pss=0
for ((t = 0; t <= seconds; t += 10)); do
    procs=$(tree $browser)
    pss=$(kb "$procs" Pss smaps_rollup); rss=$(kb "$procs" VmRSS status); drss=$(kb $dashboard VmRSS status)
    (( pss > peak_pss )) && peak_pss=$pss
    printf '%6d %9d KB %9d KB %10d %9d KB\n' "$t" "$pss" "$rss" "$(echo "$procs" | wc -w)" "$drss"
    (( t < seconds )) && sleep 10
done
elapsed=$(( $(date +%s) - started ))
browser_cpu=$(( $(ticks "$(tree $browser)") - start_browser )); dashboard_cpu=$(( $(ticks $dashboard) - start_dashboard ))
[ "$mode" = replay ] && { echo "the replay's last progress line:"; grep "samples/s" "$scratch/dashboard.out" | tail -1; }
echo "over ${elapsed} s ($mode): browser CPU $(awk -v c=$browser_cpu -v h=$hz -v e=$elapsed 'BEGIN { printf "%.1f s (%.1f%% of one core)", c/h, 100*c/h/e }'), dashboard CPU $(awk -v c=$dashboard_cpu -v h=$hz -v e=$elapsed 'BEGIN { printf "%.1f s (%.1f%% of one core)", c/h, 100*c/h/e }'); browser PSS peak ${peak_pss} KB"
