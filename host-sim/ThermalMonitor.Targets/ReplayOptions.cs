using ThermalMonitor.Core.Config;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.Targets;

/// <summary>How to replay a profile.</summary>
public sealed record ReplayOptions
{
    /// <summary>
    /// Firmware configuration; null = the defaults (the documented bench hardware). Either way the
    /// replay switches the slow path off for a profile without coolant temperature
    /// (<see cref="ReplayConfiguration"/>); the result records the configuration used.
    /// </summary>
    public MonitorConfig? Config { get; init; }

    /// <summary>Seed of the simulated sensor noise; null = the profile's recorded seed.</summary>
    public ulong? SensorSeed { get; init; }

    /// <summary>Pace relative to real time (1 = real time); 0 = as fast as possible.</summary>
    public double Speed { get; init; }

    /// <summary>Keep per-sample series for plots (costs ~40 bytes per sample).</summary>
    public bool CollectTrace { get; init; } = true;

    /// <summary>
    /// How a board over the wire gets the samples: reduced bursts (INJR, default: a sixth of the
    /// bytes, no burst reduction on the board) or the raw bursts (INJ, the board reduces them).
    /// A protocol 1 board has no INJR and always gets bursts. The results are the same.
    /// </summary>
    public ThermalMonitor.Link.InjectForm Inject { get; init; } = ThermalMonitor.Link.InjectForm.Reduced;

    /// <summary>
    /// Gaps between rows longer than this (seconds) are replayed as one time jump, which the firmware
    /// sees (SAMPLE_GAP) as after a stall, instead of being interpolated over and expanded into samples.
    /// </summary>
    public double? MaxGapS { get; init; }

    /// <summary>
    /// Keep the firmware's pressure of every sample (<see cref="ReplayOutcome.PressurePa"/>, 4 bytes a
    /// sample), which the score's baseline needs; a replay of a long recording does without.
    /// </summary>
    public bool CollectPressure { get; init; } = true;

    /// <summary>
    /// The stretch (profile seconds) a decimated trace keeps at finer resolution: the report's close-up
    /// (<see cref="ThermalMonitor.Report.HtmlReport.CloseUpWindow"/>); null = none.
    /// </summary>
    public (double FromS, double ToS)? TraceFocus { get; init; }

    /// <summary>
    /// Telemetry the board sends during a replay over the wire, every this many milliseconds of
    /// profile time; 0 (default) = none, which a recording host needs. A dashboard asks for some.
    /// </summary>
    public int TelemetryPeriodMs { get; init; }

    /// <summary>Leak onset from the ground truth, when known: separates "before" noise statistics from the leak.</summary>
    public double? LeakOnsetS { get; init; }
}
