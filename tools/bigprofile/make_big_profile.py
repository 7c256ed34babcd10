#!/usr/bin/env python3
"""Writes a large Profile CSV v1 (thermal-monitor/profile-csv@1) for measuring the replay's memory.

Default: 8,500,000 rows at 10 Hz (236 h), about 200 MB, no cabin column. A steady loop at about
280 kPa with a slow orbital temperature cycle, small deterministic wiggles (no randomness, so the
same arguments give the same bytes), and a leak that starts at 80 % of the run.

    python3 tools/bigprofile/make_big_profile.py /tmp/big.csv [--rows 8500000]
"""
import argparse
import math
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the CSV to write (never commit it)")
    parser.add_argument("--rows", type=int, default=8_500_000, help="data rows at 10 Hz (default 8,500,000)")
    args = parser.parse_args()
    if args.rows < 2:
        print("error: --rows: expected at least 2", file=sys.stderr)
        return 2

    onset_s = 0.8 * args.rows / 10.0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# format: thermal-monitor/profile-csv@1\n")
        out.write("# name: big-profile\n")
        out.write(f"# description: synthetic {args.rows / 36_000:.0f} h profile at 10 Hz for memory "
                  "measurements (tools/bigprofile); leak from 80 % of the run\n")
        out.write("# start_utc: 2026-01-01T00:00:00Z\n")
        out.write("# sensor_seed: 12345\n")
        out.write("# period_ms: 100\n")
        out.write("time_s,pressure_kpa,temp_c\n")
        lines = []
        for i in range(args.rows):
            t_s = i / 10.0
            # 92-minute orbit drives temperature; pressure follows it weakly (thermal expansion).
            phase = 2 * math.pi * t_s / 5520.0
            temp_c = 10.0 + 8.0 * math.sin(phase) + 0.02 * ((i * 7919) % 101 - 50) / 50
            pressure_kpa = 281.0 + 1.5 * math.sin(phase) + 0.3 * ((i * 104729) % 97 - 48) / 48
            if t_s > onset_s:
                pressure_kpa = max(30.0, pressure_kpa - 0.05 * (t_s - onset_s))
            lines.append(f"{t_s:.1f},{pressure_kpa:.3f},{temp_c:.3f}\n")
            if len(lines) == 100_000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
