using Spectre.Console;
using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// <c>board monitor</c>'s output: every line the board sends, one line each, in the chosen
/// <see cref="MonitorFormat"/>; an alarm the board re-sends until it is acknowledged is shown once
/// (per session and number). Text is styled on a terminal and written as it is when piped, where
/// Spectre would wrap it at the assumed width; JSON lines go to standard output unstyled.
/// </summary>
public sealed class MonitorView(IAnsiConsole console, MonitorFormat format, TextWriter jsonOut, TimeProvider clock)
{
    private static readonly string Warning = MonitorDictionary.SeverityName(Severity.Warning);

    private readonly object gate = new();
    private readonly HashSet<(string Session, string Seq)> alarmsShown = [];

    public void Show(BoardLine line)
    {
        lock (gate)
        {
            if (line.Type == LinkDictionary.Alarm
                && !alarmsShown.Add((line.Fields.GetValueOrDefault(WireField.Session) ?? "?", line.Fields.GetValueOrDefault(WireField.Seq) ?? "?")))
            {
                return;
            }

            if (format == MonitorFormat.Jsonl)
            {
                jsonOut.WriteLine(MonitorJsonLine.Format(line, clock.GetUtcNow()));
            }
            else
            {
                Consoles.OneLine(console, BoardMessageText.Describe(line), Style(line));
            }
        }
    }

    private static string Style(BoardLine line) => line.Type switch
    {
        LinkDictionary.Alarm when line.Fields.GetValueOrDefault(WireField.Severity) == Warning => "bold red",
        LinkDictionary.Alarm => "bold yellow",
        _ when line.IsError => "red",
        _ => "grey",
    };
}
