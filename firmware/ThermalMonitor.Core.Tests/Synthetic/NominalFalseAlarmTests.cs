using ThermalMonitor.Sim;
using Xunit.Abstractions;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>
/// False alarms on 30 simulated nominal days (target 0): six independent 5-day runs, each with its
/// own orbit (β from full eclipses to high-beta seasons and the transitions between them), a daily
/// pump stop and restart, and its own sensor noise — run on both cores.
/// </summary>
public class NominalFalseAlarmTests(ITestOutputHelper output)
{
    private const double Day = 86400.0;
    private const double SegmentDays = 5.0;

    private static readonly PiecewiseLinear[] BetaSchedules =
    [
        PiecewiseLinear.Constant(0.0),
        PiecewiseLinear.Constant(45.0),
        PiecewiseLinear.Constant(75.0),
        new([(0.0, 0.0), (SegmentDays * Day, 80.0)]),
        new([(0.0, 80.0), (SegmentDays * Day, 0.0)]),
        new([(0.0, 60.0), (2 * Day, 75.0), (3 * Day, 75.0), (SegmentDays * Day, 20.0)]),
    ];

    [Fact]
    public void Thirty_nominal_days_raise_no_alarm_in_either_pipeline()
    {
        var replays = new LockstepReplay[BetaSchedules.Length];
        Parallel.For(0, BetaSchedules.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, segment =>
        {
            replays[segment] = LockstepReplay.Run(Segment(segment), SyntheticCases.Seed + (ulong)segment);
        });

        double days = replays.Sum(r => r.Samples) / 10.0 / Day;
        int fixedAlarms = replays.Sum(r => r.Fixed.Occurrences.Count);
        int referenceAlarms = replays.Sum(r => r.Reference.Occurrences.Count);
        output.WriteLine($"{days:F1} nominal days: {fixedAlarms} alarms (fixed point), {referenceAlarms} (reference); "
            + $"{fixedAlarms / days:F3} false alarms per day; residual sigma per segment: "
            + string.Join(", ", replays.Select(r => $"{r.NominalResidualPa.StandardDeviation:F0} Pa")));

        foreach (var replay in replays)
        {
            foreach (var occurrence in replay.Fixed.Occurrences)
            {
                output.WriteLine($"  {replay.Scenario.Name}: {occurrence} (t = {occurrence.RaisedSample / 10.0 / 3600:F2} h)");
            }
        }

        Assert.True(days >= 30.0, $"only {days} days simulated");
        foreach (var replay in replays)
        {
            Assert.True(replay.Fixed.Occurrences.Count == 0, $"{replay.Scenario.Name}: {string.Join("; ", replay.Fixed.Occurrences)}");
            ReferenceAgreementTests.AssertSameReadings(replay);
            ReferenceAgreementTests.AssertSameDecisions(replay);
            Assert.Equal(0, replay.InvariantFailures);
        }
    }

    private static Scenario Segment(int index) => new()
    {
        Name = $"nominal-30d-segment-{index}",
        DurationS = SegmentDays * Day,
        Orbit = new OrbitSettings { BetaDeg = BetaSchedules[index] },
        Pump = new PumpSettings
        {
            Switches = [.. Enumerable.Range(0, (int)SegmentDays).SelectMany(day => new[]
            {
                new PumpSwitch((day * Day) + (6 * 3600), false),
                new PumpSwitch((day * Day) + (6 * 3600) + 600, true),
            })],
        },
    };
}
