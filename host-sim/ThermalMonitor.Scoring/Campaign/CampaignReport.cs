using System.Globalization;
using ThermalMonitor.Report;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>The campaign result as a self-contained HTML page (<see cref="HtmlReport.RenderCampaign"/>), detectors side by side.</summary>
public static class CampaignReport
{
    /// <summary>The page of <paramref name="result"/>; like the JSON it holds no wall-clock time.</summary>
    public static string Render(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return HtmlReport.RenderCampaign(View(result));
    }

    /// <summary>The page's content: facts, leak points, false alarms per phenomenon, and the tables.</summary>
    public static CampaignView View(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        CampaignOptions o = result.Options;
        IReadOnlyList<string> detectors = o.Detectors;
        DetectorSummary first = result.Detectors[detectors[0]];
        return new CampaignView
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Randomized-world campaign, seed {o.Seed}"),
            Facts =
            [
                new("seed", Text(o.Seed)),
                new("loops", Text(o.Loops)),
                new("nominal days", Number(o.NominalDays, 2)),
                new("leaks", Text(o.Leaks)),
                new("ablation days per phenomenon", Number(o.AblationDays, 2)),
                new("detectors", string.Join(", ", detectors)),
                new("cases", Text(result.Cases.Count)),
                new("bound false-alarm interval", Text(result.BoundFalseAlarmIntervalSamples) + " samples"),
            ],
            Detectors = detectors,
            Leaks = [.. result.LeakCases.Select(c => new CampaignLeakPoint(
                string.Create(CultureInfo.InvariantCulture, $"case {c.Spec.Index}, loop {c.Spec.LoopIndex}"),
                c.Spec.HoleMm!.Value, c.BoundS, [.. detectors.Select(c.DelayS)]))],
            FalseAlarms = [.. first.Phenomena.Select(p => new CampaignRateRow(
                p.Phenomenon,
                PhenomenaCatalog.Describe(PhenomenaCatalog.Parse(p.Phenomenon)),
                p.Days,
                [.. detectors.Select(d => result.Detectors[d].Phenomenon(p.Phenomenon).FalseAlarms)]))],
            Tables = [Summary(result), HoleClasses(result), Missed(result), Loops(result)],
        };
    }

    private static CampaignTable Summary(CampaignResult result)
    {
        IReadOnlyList<string> detectors = result.Options.Detectors;
        DetectorSummary[] s = [.. detectors.Select(d => result.Detectors[d])];
        var rows = new List<IReadOnlyList<string>>
        {
            Row("nominal days (full world)", s.Select(x => Number(x.NominalDays, 2))),
            Row("false DEPRESSURIZATION alarms", s.Select(x => Text(x.FalseAlarms))),
            Row("false alarms per day", s.Select(x => Number(x.FalseAlarmsPerDay, 2))),
        };
        foreach (string cause in s.SelectMany(x => x.FalseAlarmsByCause.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(Row("  of which " + cause, s.Select(x => Text(x.FalseAlarmsByCause.GetValueOrDefault(cause)))));
        }

        rows.Add(Row("leaks", s.Select(x => Text(x.Leaks))));
        rows.Add(Row("detected", s.Select(x => Text(x.Detected))));
        rows.Add(Row("missed", s.Select(x => Text(x.Missed))));
        rows.Add(Row("  of which with a false alarm still up at the onset", s.Select(x => Text(x.MissedWithAlarmActive))));
        rows.Add(Row("delay / bound, median", s.Select(x => Number(x.Ratio.Median, 2))));
        rows.Add(Row("delay / bound, 90th percentile", s.Select(x => Number(x.Ratio.P90, 2))));
        rows.Add(Row("delay / bound, worst", s.Select(x => Number(x.Ratio.Worst, 2))));
        return new CampaignTable(
            "summary", "Summary", "Full-world nominal time: the nominal days plus every leak case before its onset.",
            ["", .. detectors], rows);
    }

    private static CampaignTable HoleClasses(CampaignResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (int k = 0; k < HoleSizeClass.All.Count; k++)
        {
            foreach (string d in result.Options.Detectors)
            {
                HoleClassStatistics c = result.Detectors[d].HoleClasses[k];
                rows.Add(
                [
                    c.Class.Label, d, Text(c.Count), Text(c.Missed), Text(c.MissedWithAlarmActive),
                    Seconds(c.BoundS.Median), Seconds(c.DelayS.Median), Seconds(c.DelayS.P90), Seconds(c.DelayS.Worst),
                    Number(c.Ratio.Median, 2), Number(c.Ratio.P90, 2), Number(c.Ratio.Worst, 2),
                    Seconds(c.ExcessS.Median), Seconds(c.ExcessS.P90), Seconds(c.ExcessS.Worst),
                ]);
            }
        }

        return new CampaignTable(
            "hole-classes", "Leaks per hole size",
            "Over the detected leaks: delay, delay / bound and delay − bound (median, 90th percentile, worst). Bound: median over the class's leaks.",
            ["hole", "detector", "leaks", "missed", "of which alarm up", "bound med", "delay med", "delay p90", "delay worst",
             "ratio med", "ratio p90", "ratio worst", "excess med", "excess p90", "excess worst"],
            rows, NumericFrom: 2);
    }

    private static CampaignTable Missed(CampaignResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (CaseResult c in result.LeakCases)
        {
            string[] missedBy = [.. result.Options.Detectors.Where(d => c.Detector(d).FirstLeakAlarm is null)];
            string[] alarmUp = [.. missedBy.Where(d => c.Detector(d).AlarmActiveAtOnset == true)];
            if (missedBy.Length == 0)
            {
                continue;
            }

            LoopDraw loop = result.Loops[c.Spec.LoopIndex];
            rows.Add(
            [
                Text(c.Spec.Index), string.Join(", ", missedBy), alarmUp.Length == 0 ? "—" : string.Join(", ", alarmUp),
                Text(c.Spec.LoopIndex), Number(c.Spec.HoleMm!.Value, 3),
                Seconds(c.Spec.OnsetS), Seconds(c.BoundS), Number(loop.NominalPressureKpa, 0), Number(loop.LowestPressureKpa, 0),
                Number(100 * loop.SwingFraction, 1), Number(loop.InventoryLiters, 1), Number(loop.AccumulatorGasLiters, 2),
                Text(loop.LoggerPeriodMs), Number(loop.PressureNoiseKpa, 2), Number(loop.PressureStepKpa, 3), Number(loop.SensorLagMin, 1),
                Text(string.Join(", ", c.Detectors.Where(d => d.FalseAlarmCount > 0).Select(d => $"{d.Detector} {d.FalseAlarmCount}"))),
            ]);
        }

        return new CampaignTable(
            "missed", "Missed leaks",
            "Leak cases without a DEPRESSURIZATION raise at or after the onset, with their loop's main parameters. 'Alarm up': the detector's (false) alarm was still active at the onset, so the leak raised nothing new.",
            ["case", "missed by", "alarm up", "loop", "hole mm", "onset", "bound", "P nom kPa", "P low kPa", "swing %", "liquid L", "gas L",
             "logger ms", "p noise kPa", "p step kPa", "lag min", "false alarms before"],
            rows, NumericFrom: 3);
    }

    private static CampaignTable Loops(CampaignResult result) => new(
        "loops", "The loops",
        "Every drawn parameter is in the JSON (loops[]); these are the main ones. Swing: peak to peak over the whole temperature span.",
        ["loop", "P nom kPa", "n", "liquid L", "β_T 1e-3/K", "swing %", "gas L", "reserve L", "mean °C", "orbit ±°C",
         "τ loop min", "lag min", "β amp °", "logger ms", "p noise kPa", "coloured %", "p step kPa", "T noise °C", "drift kPa/d"],
        [.. result.Loops.Select(l => (IReadOnlyList<string>)
        [
            Text(l.LoopIndex), Number(l.NominalPressureKpa, 0), Number(l.PolytropicIndex, 2), Number(l.InventoryLiters, 1),
            Number(l.ThermalExpansionPerK * 1e3, 2), Number(100 * l.SwingFraction, 1), Number(l.AccumulatorGasLiters, 2),
            Number(l.AccumulatorReserveLiters, 2), Number(l.MeanTempC, 1), Number(l.OrbitAmplitudeC, 1), Number(l.ThermalTimeConstantMin, 1),
            Number(l.SensorLagMin, 1), Number(l.BetaAmplitudeDeg, 0), Text(l.LoggerPeriodMs), Number(l.PressureNoiseKpa, 2),
            Number(100 * l.PressureNoiseColouredFraction, 0), Number(l.PressureStepKpa, 3), Number(l.TempNoiseC, 3), Number(l.PressureDriftKpaPerDay, 2),
        ])]);

    private static IReadOnlyList<string> Row(string label, IEnumerable<string> cells) => [label, .. cells];

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Text(string value) => value;

    private static string Number(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";

    private static string Seconds(double? seconds) =>
        seconds is { } s && double.IsFinite(s) ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "—";
}
