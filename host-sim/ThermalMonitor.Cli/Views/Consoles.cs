using Spectre.Console;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// The console for human output: standard error when standard output carries JSON. When output is
/// redirected (logs, pipes, CI, tests) Spectre would assume 80 columns, wrap long lines and squeeze
/// table cells mid-word ("fault-pre│ssure-noi│se"), which breaks grep and log parsers: there the
/// width is COLUMNS if set, else wide enough that nothing wraps and tables take their natural width.
/// </summary>
public static class Consoles
{
    /// <summary>Width of redirected output without COLUMNS: no line of ours is this long, so none wraps.</summary>
    private const int RedirectedWidth = 4096;

    public static IAnsiConsole Human(bool jsonOnStdout = false)
    {
        TextWriter writer = jsonOnStdout ? Console.Error : Console.Out;
        bool redirected = jsonOnStdout ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 0 ? columns : RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// A message that must stay one line (hints, notices, summaries someone may grep for): styled on
    /// a terminal, written as it is when the output is redirected, where Spectre would wrap it at the
    /// assumed width.
    /// </summary>
    public static void OneLine(IAnsiConsole console, string text, string style = "yellow")
    {
        if (console.Profile.Capabilities.Ansi)
        {
            console.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");
        }
        else
        {
            console.Profile.Out.Writer.WriteLine(text);
        }
    }
}
