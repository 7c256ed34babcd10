#!/usr/bin/env python3
"""Raw ADC counts at the pressure input (GPIO36), recovered from the board's telemetry.

TLM and STATUS do not carry raw counts, but TLM carries the pressure (p_pa) and the supply the
firmware used for it (sup_uv), and the firmware's conversion is exact integer arithmetic
(firmware/ThermalMonitor.Core/Conversion/PressureTransducer.cs, AdcCalibration.cs). Running it
backwards gives the reduced burst mean in counts to about 0.01 count. Used by the per-board ADC
calibration in hardware/README.md:

    thermal-sim board monitor --format jsonl --target serial:/dev/ttyUSB0@921600 \\
        | python3 hardware/tlm_counts.py --config board-config.json

It reads `board monitor --format jsonl` (the telemetry objects' fields) or TLM lines as the board
sends them (a serial terminal's log).

--config takes the board's configuration as printed by
`thermal-sim board config get --target ... > board-config.json` (its calibration knots and pressure
parameters); without it the built-in defaults (ParameterTable, MonitorConfig) are assumed.
Python 3 standard library only.
"""

import argparse
import json
import re
import statistics
import sys

DEFAULTS = {
    "pressureFullScalePa": 500000,
    "pressureZeroOffsetPa": 0,
    "pressureZeroPpm": 100000,
    "pressureSpanPpm": 800000,
    "pressureDividerPpm": 500000,
    "adcCalKnotCount": 3,
    "adcCalCounts": [175, 2900, 4095],
    "adcCalMicrovolts": [150000, 2450000, 3150000],
}

FIELD = re.compile(r"\b(p_pa|sup_uv|st|t)=(-?\w+)")


def load_config(path):
    config = dict(DEFAULTS)
    if path:
        with open(path, encoding="ascii") as f:
            text = f.read().strip()
        # Accept the bare document or a whole "CFG <ref> {...}*XXXX" line.
        text = text[text.index("{"): text.rindex("}") + 1]
        config.update(json.loads(text))
    n = config["adcCalKnotCount"]
    config["knots"] = list(zip(config["adcCalCounts"][:n], config["adcCalMicrovolts"][:n]))
    return config


def pin_microvolts(p_pa, sup_uv, c):
    """Inverse of PressureTransducer: pressure and supply -> pin voltage (uV)."""
    ratio_ppb = c["pressureZeroPpm"] * 1000 + (p_pa - c["pressureZeroOffsetPa"]) * c["pressureSpanPpm"] * 1000 / c["pressureFullScalePa"]
    output_uv = ratio_ppb * sup_uv / 1e9
    return output_uv * c["pressureDividerPpm"] / 1e6


def counts_at(pin_uv, knots):
    """Inverse of AdcCalibration: pin voltage -> counts, end segments extended like the firmware."""
    segment = 0
    while segment < len(knots) - 2 and pin_uv >= knots[segment + 1][1]:
        segment += 1
    (c0, v0), (c1, v1) = knots[segment], knots[segment + 1]
    return c0 + (pin_uv - v0) * (c1 - c0) / (v1 - v0)


def telemetry_fields(line):
    """p_pa, sup_uv, st and t of a telemetry line, as strings; {} for any other line."""
    if line.startswith("{"):
        item = json.loads(line)
        if item.get("kind") != "telemetry":
            return {}
        return {key: str(value) for key, value in item["fields"].items() if key in ("p_pa", "sup_uv", "st", "t")}
    return dict(FIELD.findall(line)) if " TLM " in line else {}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", help="the board's configuration (thermal-sim board config get > file)")
    parser.add_argument("--average", type=int, default=10, help="TLM lines in the running mean (default 10)")
    args = parser.parse_args()
    config = load_config(args.config)
    recent = []
    for line in sys.stdin:
        fields = telemetry_fields(line)
        if "p_pa" not in fields or "sup_uv" not in fields:
            continue
        pin_uv = pin_microvolts(int(fields["p_pa"]), int(fields["sup_uv"]), config)
        counts = counts_at(pin_uv, config["knots"])
        recent = (recent + [counts])[-args.average:]
        spread = statistics.pstdev(recent) if len(recent) > 1 else 0.0
        status = fields.get("st", "?")
        note = "" if status.startswith("A") else f"  (pressure channel {status[0]}: reading outside its live band, still usable here)"
        print(f"t={fields.get('t', '?')} pin={pin_uv / 1000:9.3f} mV  counts={counts:8.2f}  "
              f"mean of last {len(recent)}={statistics.fmean(recent):8.2f} sd={spread:5.2f}{note}", flush=True)


if __name__ == "__main__":
    main()
