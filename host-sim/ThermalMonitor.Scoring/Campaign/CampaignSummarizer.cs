using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>Aggregates campaign cases into one <see cref="DetectorSummary"/> per detector, in case order (so sums are exact repeats).</summary>
public static class CampaignSummarizer
{
    private const double SecondsPerDay = 86_400.0;

    /// <summary>The summary of detector <paramref name="name"/> over <paramref name="cases"/>.</summary>
    public static DetectorSummary Summarize(string name, IReadOnlyList<CaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        CaseResult[] world = [.. cases.Where(c => c.Spec.Kind is CaseKind.Nominal or CaseKind.Leak)];
        CaseResult[] leaks = [.. cases.Where(c => c.IsLeak)];
        var phenomena = new List<PhenomenonFalseAlarms>();
        foreach (Phenomena phenomenon in PhenomenaCatalog.Each)
        {
            phenomena.Add(FalseAlarms(
                PhenomenaCatalog.Name(phenomenon), name,
                [.. cases.Where(c => c.Spec.Kind == CaseKind.Ablation && c.Spec.Phenomena == phenomenon)]));
        }

        PhenomenonFalseAlarms all = FalseAlarms(PhenomenaCatalog.AllName, name, world);
        phenomena.Add(all);
        CaseResult[] detected = [.. leaks.Where(c => c.Detector(name).FirstLeakAlarm is not null)];
        return new DetectorSummary
        {
            Name = name,
            NominalDays = all.Days,
            FalseAlarms = all.FalseAlarms,
            FalseAlarmsByCause = all.ByCause,
            Phenomena = phenomena,
            Leaks = leaks.Length,
            Detected = detected.Length,
            MissedWithAlarmActive = leaks.Count(c => c.Detector(name) is { FirstLeakAlarm: null, AlarmActiveAtOnset: true }),
            Ratio = DistributionSummary.Of(detected.Where(c => c.BoundS > 0).Select(c => c.DelayS(name)!.Value / c.BoundS!.Value)),
            HoleClasses = [.. HoleSizeClass.All.Select(k => ClassStatistics(k, name, leaks))],
            MissedCases = [.. leaks.Where(c => c.Detector(name).FirstLeakAlarm is null).Select(c => c.Spec.Index)],
        };
    }

    private static PhenomenonFalseAlarms FalseAlarms(string phenomenon, string name, CaseResult[] cases)
    {
        var byCause = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int count = 0;
        double seconds = 0;
        foreach (CaseResult c in cases)
        {
            seconds += c.NominalS;
            DetectorCaseResult result = c.Detector(name);
            count += result.FalseAlarmCount;
            foreach ((string cause, int n) in result.FalseAlarmsByCause)
            {
                byCause[cause] = byCause.GetValueOrDefault(cause) + n;
            }
        }

        return new PhenomenonFalseAlarms(phenomenon, seconds / SecondsPerDay, count, byCause);
    }

    private static HoleClassStatistics ClassStatistics(HoleSizeClass holeClass, string name, CaseResult[] leaks)
    {
        CaseResult[] members = [.. leaks.Where(c => holeClass.Contains(c.Spec.HoleMm!.Value))];
        CaseResult[] detected = [.. members.Where(c => c.Detector(name).FirstLeakAlarm is not null)];
        CaseResult[] bounded = [.. detected.Where(c => c.BoundS > 0)];
        return new HoleClassStatistics(
            holeClass,
            members.Length,
            members.Length - detected.Length,
            members.Count(c => c.Detector(name) is { FirstLeakAlarm: null, AlarmActiveAtOnset: true }),
            DistributionSummary.Of(detected.Select(c => c.DelayS(name)!.Value)),
            DistributionSummary.Of(members.Where(c => c.BoundS is not null).Select(c => c.BoundS!.Value)),
            DistributionSummary.Of(bounded.Select(c => c.DelayS(name)!.Value / c.BoundS!.Value)),
            DistributionSummary.Of(bounded.Select(c => c.DelayS(name)!.Value - c.BoundS!.Value)));
    }
}
