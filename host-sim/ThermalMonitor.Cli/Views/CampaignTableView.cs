using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Scoring;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Cli.Views;

/// <summary>The campaign's console summary: every detector side by side.</summary>
public static class CampaignTableView
{
    private const int MissedListed = 20;

    /// <summary>Writes the summary, false alarms per phenomenon, leaks per hole size and the first missed leaks.</summary>
    public static void Write(IAnsiConsole console, CampaignResult result)
    {
        IReadOnlyList<string> names = result.Options.Detectors;
        DetectorSummary[] s = [.. names.Select(n => result.Detectors[n])];

        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Campaign[/] (randomized world, firmware core in process)");
        summary.AddColumn("");
        foreach (string name in names)
        {
            summary.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        summary.AddRow(Cells("nominal days (full world)", s.Select(x => F(x.NominalDays, 2))));
        summary.AddRow(Cells("false DEPRESSURIZATION alarms", s.Select(x => x.FalseAlarms.ToString(CultureInfo.InvariantCulture))));
        summary.AddRow(Cells("[bold]false alarms per day[/]", s.Select(x => "[bold]" + F(x.FalseAlarmsPerDay, 2) + "[/]"), escape: false));
        foreach (string cause in s.SelectMany(x => x.FalseAlarmsByCause.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            summary.AddRow(Cells("  of which " + cause, s.Select(x => x.FalseAlarmsByCause.GetValueOrDefault(cause).ToString(CultureInfo.InvariantCulture))));
        }

        summary.AddRow(Cells("leaks detected / total", s.Select(x => $"{x.Detected} / {x.Leaks}")));
        summary.AddRow(Cells("  missed with a false alarm up at the onset", s.Select(x => x.MissedWithAlarmActive.ToString(CultureInfo.InvariantCulture))));
        summary.AddRow(Cells("delay / bound: median, p90, worst", s.Select(x => $"{F(x.Ratio.Median, 1)}, {F(x.Ratio.P90, 1)}, {F(x.Ratio.Worst, 1)}")));
        console.Write(summary);

        var phenomena = new Table().Border(TableBorder.Rounded).Title("[bold]False alarms per day, per phenomenon[/] (ablation; 'all' = full world)");
        phenomena.AddColumn("phenomenon");
        phenomena.AddColumn(new TableColumn("days").RightAligned());
        foreach (string name in names)
        {
            phenomena.AddColumn(new TableColumn(Markup.Escape(name) + " alarms").RightAligned());
            phenomena.AddColumn(new TableColumn(Markup.Escape(name) + " per day").RightAligned());
        }

        foreach (PhenomenonFalseAlarms p in s[0].Phenomena)
        {
            var cells = new List<string> { Markup.Escape(p.Phenomenon), F(p.Days, 2) };
            foreach (DetectorSummary x in s)
            {
                PhenomenonFalseAlarms q = x.Phenomenon(p.Phenomenon);
                cells.Add(q.FalseAlarms.ToString(CultureInfo.InvariantCulture));
                cells.Add(F(q.PerDay, 2));
            }

            phenomena.AddRow(cells.ToArray());
        }

        console.Write(phenomena);

        var classes = new Table().Border(TableBorder.Rounded).Title("[bold]Leaks per hole size[/] (detected: delay / bound median, p90, worst; delay − bound median)");
        classes.AddColumn("hole");
        foreach (string name in names)
        {
            classes.AddColumn(new TableColumn(Markup.Escape(name) + " missed (alarm up)/leaks").RightAligned());
            classes.AddColumn(new TableColumn(Markup.Escape(name) + " ratio").RightAligned());
            classes.AddColumn(new TableColumn(Markup.Escape(name) + " excess").RightAligned());
        }

        for (int k = 0; k < HoleSizeClass.All.Count; k++)
        {
            var cells = new List<string> { Markup.Escape(HoleSizeClass.All[k].Label) };
            foreach (DetectorSummary x in s)
            {
                HoleClassStatistics c = x.HoleClasses[k];
                cells.Add($"{c.Missed} ({c.MissedWithAlarmActive})/{c.Count}");
                cells.Add($"{F(c.Ratio.Median, 1)}, {F(c.Ratio.P90, 1)}, {F(c.Ratio.Worst, 1)}");
                cells.Add(double.IsFinite(c.ExcessS.Median) ? CommonOptions.FormatSeconds(c.ExcessS.Median) : "—");
            }

            classes.AddRow(cells.ToArray());
        }

        console.Write(classes);
        CaseResult[] missed = [.. result.LeakCases.Where(c => names.Any(n => c.Detector(n).FirstLeakAlarm is null))];
        foreach (CaseResult c in missed.Take(MissedListed))
        {
            LoopDraw loop = result.Loops[c.Spec.LoopIndex];
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  missed by {string.Join(", ", names.Where(n => c.Detector(n).FirstLeakAlarm is null).Select(n => c.Detector(n).AlarmActiveAtOnset == true ? n + " (false alarm up at onset)" : n))}: case {c.Spec.Index}, "
                + $"{c.Spec.HoleMm:0.###} mm at {CommonOptions.FormatSeconds(c.Spec.OnsetS!.Value)}, loop {loop.LoopIndex} "
                + $"({loop.NominalPressureKpa:0} kPa, swing {100 * loop.SwingFraction:0.#} %, {loop.InventoryLiters:0.#} L, logger {loop.LoggerPeriodMs} ms, "
                + $"noise {loop.PressureNoiseKpa:0.##} kPa, step {loop.PressureStepKpa:0.###} kPa, lag {loop.SensorLagMin:0.#} min)")));
        }

        if (missed.Length > MissedListed)
        {
            console.MarkupLine($"  … and {missed.Length - MissedListed} more missed leak(s) (all in the JSON and the report)");
        }
    }

    private static string[] Cells(string label, IEnumerable<string> values, bool escape = true) =>
        [escape ? Markup.Escape(label) : label, .. values.Select(v => escape ? Markup.Escape(v) : v)];

    private static string F(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";
}
