using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>
/// A campaign's result (<see cref="CampaignRunner.Run"/>): its options, the loops drawn, every case,
/// and per detector configuration the summary. Deterministic for the options (whatever
/// <see cref="CampaignOptions.Parallelism"/>); <see cref="CampaignJson"/> writes it byte for byte the
/// same. Assert on it, e.g. <c>result.Detectors["v2"].FalseAlarmsPerDay</c>.
/// </summary>
public sealed record CampaignResult
{
    /// <summary>The options the campaign ran with.</summary>
    public required CampaignOptions Options { get; init; }

    /// <summary>False-alarm interval (samples) of the information bound: v2's configured one.</summary>
    public required long BoundFalseAlarmIntervalSamples { get; init; }

    /// <summary>Firmware sample period, ms.</summary>
    public required int SamplePeriodMs { get; init; }

    /// <summary>The loops, by index.</summary>
    public required IReadOnlyList<LoopDraw> Loops { get; init; }

    /// <summary>Every case, in plan order.</summary>
    public required IReadOnlyList<CaseResult> Cases { get; init; }

    /// <summary>Per detector configuration, in the options' order.</summary>
    public required IReadOnlyDictionary<string, DetectorSummary> Detectors { get; init; }

    /// <summary>The leak cases.</summary>
    public IEnumerable<CaseResult> LeakCases => Cases.Where(c => c.IsLeak);
}
