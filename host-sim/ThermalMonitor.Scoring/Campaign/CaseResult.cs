using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>One campaign case run (<see cref="CaseRunner"/>): the world it drew, what the measurement allowed, what each detector did.</summary>
public sealed record CaseResult
{
    /// <summary>The planned case.</summary>
    public required CaseSpec Spec { get; init; }

    /// <summary>Logger period of the recording, ms.</summary>
    public required int LoggerPeriodMs { get; init; }

    /// <summary>Rows the logger wrote.</summary>
    public required long Rows { get; init; }

    /// <summary>Phase of the β cycle at the case's start, degrees (0 without β seasons).</summary>
    public required double BetaPhaseDeg { get; init; }

    /// <summary>Heater and set-point steps in the case.</summary>
    public required int HeaterSteps { get; init; }

    /// <summary>Pump stops in the case.</summary>
    public required int PumpStops { get; init; }

    /// <summary>Single-row glitches written (both channels).</summary>
    public required int Glitches { get; init; }

    /// <summary>Firmware samples replayed (a leak case stops once every detector has alarmed).</summary>
    public required long SamplesReplayed { get; init; }

    /// <summary>Nominal time of the case, s: all of it without a leak, the time before the onset with one.</summary>
    public required double NominalS { get; init; }

    /// <summary>When the loop became empty, s from the start; null if it did not.</summary>
    public double? EmptyAtS { get; init; }

    /// <summary>
    /// Per-sample standard deviation of (firmware-converted − true) pressure on the healthy twin, Pa
    /// (white-noise equivalent); null without a leak.
    /// </summary>
    public double? MeasurementSigmaPa { get; init; }

    /// <summary>Long-run standard deviation of the same difference (batch means), Pa: the σ of the bound; null without a leak.</summary>
    public double? LongRunSigmaPa { get; init; }

    /// <summary>Information bound (clairvoyant delay) of the leak, s; null without a leak or when the case ended first.</summary>
    public double? BoundS { get; init; }

    /// <summary>One result per detector, in the campaign's detector order.</summary>
    public required IReadOnlyList<DetectorCaseResult> Detectors { get; init; }

    /// <summary>Whether the case has a leak.</summary>
    public bool IsLeak => Spec.Kind == CaseKind.Leak;

    /// <summary>The detector named <paramref name="name"/>.</summary>
    public DetectorCaseResult Detector(string name) => Detectors.Single(d => d.Detector == name);

    /// <summary>Detection delay of <paramref name="name"/>, s after the onset; null if it missed or there is no leak.</summary>
    public double? DelayS(string name) =>
        Spec.OnsetS is { } onset && Detector(name).FirstLeakAlarm is { } alarm ? Math.Max(0, alarm.TimeS - onset) : null;
}
