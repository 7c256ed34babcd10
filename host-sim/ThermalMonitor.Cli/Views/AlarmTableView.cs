using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Profiles;

namespace ThermalMonitor.Cli.Views;

/// <summary>Alarms as a table, times from profile start and from the leak onset when it is known.</summary>
public static class AlarmTableView
{
    public static Table Build(IReadOnlyList<ResultAlarm> alarms, double? leakOnsetS)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Alarms[/]");
        table.AddColumn("seq");
        table.AddColumn("type");
        table.AddColumn("severity");
        table.AddColumn("channel");
        table.AddColumn("cause");
        table.AddColumn("raised (from start)");
        if (leakOnsetS is not null)
        {
            table.AddColumn("after leak onset");
        }

        table.AddColumn("cleared");
        foreach (ResultAlarm alarm in alarms)
        {
            var cells = new List<string>
            {
                alarm.Seq.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(alarm.Type),
                SeverityMarkup(alarm.Severity),
                Markup.Escape(alarm.Channel),
                Markup.Escape(alarm.Cause),
                Clock(alarm.TimeS),
            };
            if (leakOnsetS is { } onset)
            {
                double after = alarm.TimeS - onset;
                cells.Add(after >= 0 ? "+" + CommonOptions.FormatSeconds(after) : "[grey]before onset[/]");
            }

            cells.Add(alarm.ClearedTimeS is { } cleared ? Clock(cleared) : "[grey]—[/]");
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static readonly string Warning = MonitorDictionary.SeverityName(Severity.Warning);

    private static readonly string Caution = MonitorDictionary.SeverityName(Severity.Caution);

    public static string SeverityMarkup(string severity) =>
        severity == Warning ? $"[bold red]{Warning}[/]"
        : severity == Caution ? $"[bold yellow]{Caution}[/]"
        : Markup.Escape(severity);

    /// <summary>h:mm:ss.s from profile start.</summary>
    public static string Clock(double seconds)
    {
        var time = TimeSpan.FromSeconds(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds / 100}");
    }
}
