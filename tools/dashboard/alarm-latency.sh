#!/usr/bin/env bash
# The board -> host leg of an alarm's way to the page (issue 13), on the virtual board.
# Usage: tools/dashboard/alarm-latency.sh [runs]   (default 5)
# Each run: a virtual board living Progress MS-21 at --speed 600 (its WARNING and CAUTION come about
# 6 s in) under strace, which stamps every write(2) of the board's process; thermal-sim dashboard on
# its device path; curl following the page stream. For each alarm's first line (re=0) it prints the
# time from the board's write(2) that ends the line to the host's "time" (the moment the host read
# the line, milliseconds, the same clock). The other leg, host -> page drawn, is printed by the
# dashboard's browser test 2 (window.alarmDisplayLatencyMs). Needs strace (apt-get install strace).
# strace stamps a write at its entry and slows each syscall of the board a little: the figure
# includes that cost. The host's time is cut to the millisecond (not rounded), so a figure may be
# up to 1 ms low, even below zero.
set -euo pipefail
runs=${1:-5}
case "$runs" in ''|*[!0-9]*) echo "error: runs '$runs': expected a whole number" >&2; exit 2;; esac
command -v strace >/dev/null || { echo "error: strace not found (apt-get install strace)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scratch=$(mktemp -d)
pids=()
# SIGTERM, not SIGINT: a script's background jobs start with SIGINT ignored.
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 2; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; [ -n "${KEEP:-}" ] || rm -rf "$scratch"; }
trap cleanup EXIT

dotnet build "$repo/host-sim/ThermalMonitor.Cli" -c Release -v q -nologo >/dev/null
cli="$repo/host-sim/ThermalMonitor.Cli/bin/Release/net10.0/thermal-sim"

for run in $(seq 1 "$runs"); do
    dir="$scratch/$run"
    mkdir -p "$dir"
    strace -f -ttt -e trace=write,writev,pwrite64 -s 256 -o "$dir/board.strace" \
        "$cli" board virtual --live progress-ms21 --speed 600 --link "$dir/tty" >"$dir/board.out" 2>&1 &
    board=$!
    pids+=($board)
    for _ in $(seq 150); do [ -e "$dir/tty" ] && break; sleep 0.2; done
    [ -e "$dir/tty" ] || { echo "error: run $run: the virtual board made no device: $(cat "$dir/board.out")" >&2; exit 1; }
    "$cli" dashboard --target "serial:$dir/tty" --listen 127.0.0.1:0 >"$dir/dashboard.out" 2>&1 &
    dashboard=$!
    pids+=($dashboard)
    for _ in $(seq 150); do grep -q "^dashboard: " "$dir/dashboard.out" 2>/dev/null && break; sleep 0.2; done
    url=$(sed -n 's/^dashboard: //p' "$dir/dashboard.out" | sed 's/?.*//')
    [ -n "$url" ] || { echo "error: run $run: the dashboard did not start: $(cat "$dir/dashboard.out")" >&2; exit 1; }
    # Until both alarms have been seen (they come ~6 s in), at most 60 s.
    timeout 60 curl -sN "${url}api/events" >"$dir/events" &
    curl_pid=$!
    for _ in $(seq 600); do [ "$(grep -c '"type":"ALARM".*"re":0' "$dir/events" 2>/dev/null || true)" -ge 2 ] && break; sleep 0.1; done
    kill "$curl_pid" 2>/dev/null || true
    kill -TERM "$dashboard" 2>/dev/null || true
    # The board itself (strace's child) is asked to end, so it removes its device.
    pkill -TERM -P "$board" 2>/dev/null || true
    for _ in $(seq 100); do { kill -0 "$board" || kill -0 "$dashboard"; } 2>/dev/null || break; sleep 0.1; done
    kill -9 "$board" "$dashboard" 2>/dev/null || true
    pkill -9 -f -- "--link $dir/tty" 2>/dev/null || true
    python3 - "$dir/board.strace" "$dir/events" "$run" <<'PY'
import datetime, json, re, sys
trace, events, run = sys.argv[1], sys.argv[2], sys.argv[3]
# Each write: (time, pid, fd, bytes as the board wrote them).
writes = []
pattern = re.compile(r'^(\d+)\s+(\d+\.\d+) (?:write|pwrite64)\((\d+), "((?:[^"\\]|\\.)*)"')
for line in open(trace, encoding='utf-8', errors='replace'):
    m = pattern.match(line)
    if m:
        text = bytes(m.group(4), 'utf-8').decode('unicode_escape')
        writes.append((float(m.group(2)), int(m.group(1)), int(m.group(3)), text))
alarms = []
for line in open(events, encoding='utf-8', errors='replace'):
    if line.startswith('data: '):
        data = json.loads(line[6:])
        if data.get('type') == 'ALARM' and data['fields'].get('re') == 0:
            alarms.append(data)
if not alarms:
    print(f"run {run}: no alarm reached the page stream"); sys.exit(1)
for alarm in alarms:
    start = f"{alarm['seq']} ALARM "
    ended = None
    for i, (t, pid, fd, text) in enumerate(writes):
        if start in text:
            # The line ends at the first newline from there on, in this write or a later one to the same fd.
            tail = text[text.index(start):]
            if '\n' in tail:
                ended = t
            else:
                ended = next((t2 for (t2, p2, f2, x2) in writes[i + 1:] if f2 == fd and '\n' in x2), None)
            break
    received = datetime.datetime.strptime(alarm['time'], '%Y-%m-%dT%H:%M:%S.%fZ').replace(tzinfo=datetime.timezone.utc).timestamp()
    if ended is None:
        print(f"run {run}: {alarm['fields']['sev']} #{alarm['seq']}: its write was not found in the trace")
    else:
        print(f"run {run}: {alarm['fields']['sev']:8} line {alarm['seq']}: board wrote -> host read {1000 * (received - ended):6.1f} ms")
PY
done
