using ThermalMonitor.Core.Reference;
using ThermalMonitor.Profiles;
using ThermalMonitor.Sim;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Scoring;

/// <summary>
/// Replays library profiles and judges each: the ground-truth expectations, detection delay next to
/// the information bound, false alarms per day, sensor-fault correctness, and the same for the
/// plain baseline (red low limit with persistence).
/// </summary>
public static class Scoreboard
{
    private const double SecondsPerDay = 86400.0;

    public static ProfileScore Score(LibraryEntry entry, ReplayOptions options, IProgress<ReplayProgress>? progress = null, CancellationToken cancellation = default)
    {
        Profile profile = ProfileCsv.Read(entry.ProfilePath);
        Expectation expectation = ExpectationFile.Read(entry.ExpectPath);
        RecordedScenario? recorded = File.Exists(entry.ScenarioPath) ? ScenarioJson.Read(entry.ScenarioPath) : null;
        ReplayOutcome outcome = CoreReplayer.Run(profile, options with { LeakOnsetS = expectation.LeakOnsetS }, progress, cancellation);
        return Judge(profile, expectation, recorded, outcome);
    }

    public static ProfileScore Judge(Profile profile, Expectation expectation, RecordedScenario? recorded, ReplayOutcome outcome)
    {
        ReplayResult result = outcome.Result;
        double days = Math.Max(result.DurationS, 1.0) / SecondsPerDay;
        double periodS = outcome.Derived.SamplePeriodMs / 1000.0;
        double? onsetS = expectation.LeakOnsetS;

        ResultAlarm? firstLeakAlarm = onsetS is null ? null : result.Alarms
            .Where(a => a.Type == AlarmNames.Depressurization && a.TimeS >= onsetS)
            .OrderBy(a => a.TimeS)
            .FirstOrDefault();
        int unexpected = result.Alarms.Count(a => !IsExpected(a, expectation));

        IReadOnlyList<long> baselineRaises = BaselineDetector.Raises(outcome.PressurePa, outcome.Derived.RedLowPa, outcome.Derived.LimitPersistSamples);
        double firstSampleS = profile.RowCount > 0 ? profile.FirstRow.TimeS : 0;
        double? baselineDelay = null;
        int baselineFalse = 0;
        foreach (long raise in baselineRaises)
        {
            double timeS = firstSampleS + (raise * periodS);
            if (onsetS is { } onset && timeS >= onset)
            {
                baselineDelay ??= timeS - onset;
            }
            else
            {
                baselineFalse++;
            }
        }

        return new ProfileScore
        {
            Profile = profile.Name,
            Expectation = expectation,
            Outcome = outcome,
            Failures = ExpectationChecker.Check(expectation, result),
            DelayS = firstLeakAlarm is null ? null : firstLeakAlarm.TimeS - onsetS,
            BoundS = BoundS(recorded, onsetS, outcome),
            FalseAlarmsPerDay = unexpected / days,
            SensorFaultCorrect = SensorFaultCorrect(expectation, result),
            BaselineDelayS = baselineDelay,
            BaselineFalseAlarmsPerDay = baselineFalse / days,
        };
    }

    /// <summary>
    /// The clairvoyant delay: the leak's pressure trajectory (the recorded scenario run with and
    /// without its leak), the noise measured in this replay before the leak, the configured false-alarm interval.
    /// </summary>
    private static double? BoundS(RecordedScenario? recorded, double? onsetS, ReplayOutcome outcome)
    {
        if (recorded is null || onsetS is not { } onset || !(outcome.NoiseSigmaPa > 0))
        {
            return null;
        }

        IReadOnlyList<double> shiftPa = LeakTrajectory.PressureShiftPa(recorded.Scenario, onset);
        double periodS = recorded.Scenario.OutputPeriodMs / 1000.0;
        int? samples = InformationBound.DelaySamples(shiftPa, outcome.NoiseSigmaPa, outcome.Derived.FalseAlarmIntervalSamples);
        return samples * periodS;
    }

    /// <summary>
    /// True positives: an alarm the expectation calls for, or any DEPRESSURIZATION once the loop is
    /// leaking (a leak that grows, as in ISS P6 2013, rightly raises again). Everything else is false.
    /// </summary>
    private static bool IsExpected(ResultAlarm alarm, Expectation expectation) =>
        (alarm.Type == AlarmNames.Depressurization && expectation.LeakOnsetS is { } onset && alarm.TimeS >= onset)
        || expectation.ExpectedAlarms.Any(e => e.Type == alarm.Type && e.Channel == alarm.Channel
            && alarm.TimeS >= e.NotBeforeS && alarm.TimeS <= e.NotBeforeS + e.WithinS);

    private static bool? SensorFaultCorrect(Expectation expectation, ReplayResult result)
    {
        var expectedFaults = expectation.ExpectedAlarms.Where(e => e.Type == AlarmNames.SensorFault).ToList();
        if (expectedFaults.Count == 0)
        {
            return null;
        }

        return expectedFaults.All(e => result.Alarms.Any(a => a.Type == AlarmNames.SensorFault && a.Channel == e.Channel
                && (e.Reason is null || a.Cause == e.Reason)))
            && result.Alarms.Where(a => a.Type == AlarmNames.SensorFault).All(a => expectedFaults.Any(e => e.Channel == a.Channel));
    }
}
