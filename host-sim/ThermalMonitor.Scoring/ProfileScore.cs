using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Scoring;

/// <summary>One library profile replayed and judged.</summary>
public sealed record ProfileScore
{
    public required string Profile { get; init; }

    public required Expectation Expectation { get; init; }

    public required ReplayOutcome Outcome { get; init; }

    /// <summary>Unmet expectations; empty = passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>First DEPRESSURIZATION raise after the leak onset, seconds after it; null if none or no leak.</summary>
    public double? DelayS { get; init; }

    /// <summary>Information bound at the configured false-alarm interval (docs/physics.md §5.3/§5.5); null if not computable.</summary>
    public double? BoundS { get; init; }

    public double? Ratio => DelayS is { } delay && BoundS is { } bound && bound > 0 ? delay / bound : null;

    /// <summary>Alarm raises the expectation does not call for, per simulated day.</summary>
    public required double FalseAlarmsPerDay { get; init; }

    /// <summary>For profiles that expect a SENSOR_FAULT: raised on the right channel with the right reason; null otherwise.</summary>
    public bool? SensorFaultCorrect { get; init; }

    public double? BaselineDelayS { get; init; }

    public required double BaselineFalseAlarmsPerDay { get; init; }

    public bool Passed => Failures.Count == 0;
}
