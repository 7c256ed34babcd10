using System.Text.Json;
using ThermalMonitor.Core.Link;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 12 item 7: <c>board monitor</c> piped to a file or grep was hard-wrapped at the width
/// Spectre assumed (a telemetry line split over two lines), and printed events and telemetry as
/// raw protocol lines. Now one line per item, sentences (--format text) or JSON (--format jsonl),
/// checked on a live virtual board at 60 times real time (a telemetry line every ~17 ms).
/// </summary>
public sealed class BoardMonitorOutputTests
{
    private const int LinesToRead = 12;

    [Fact]
    public void Piped_text_is_one_sentence_per_line_however_narrow_COLUMNS_is()
    {
        using var board = LiveBoard(out string target);

        var result = Monitor(new Dictionary<string, string> { ["COLUMNS"] = "120" }, "--target", target);

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = Lines(result.Stdout);
        string[] telemetry = [.. lines.Where(l => l.StartsWith("telemetry at board time ", StringComparison.Ordinal))];
        Assert.True(telemetry.Length >= 3, result.Stdout);
        Assert.All(telemetry, line =>
        {
            Assert.True(line.Length > 120, line);
            Assert.Matches(@"pressure \d+\.\d{3} kPa, .* \d+ unacknowledged$", line);
        });
        Assert.DoesNotContain(lines, l => l.Contains(" TLM ", StringComparison.Ordinal) || l.StartsWith("model=", StringComparison.Ordinal));
        Assert.Contains("telemetry every 1000 ms of sample time", lines);
    }

    [Fact]
    public void Jsonl_is_one_json_object_per_line_with_time_kind_fields_and_the_raw_line()
    {
        using var board = LiveBoard(out string target);

        var result = Monitor(new Dictionary<string, string>(), "--target", target, "--format", "jsonl");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("connected to ", result.Stderr, StringComparison.Ordinal);
        string[] lines = Lines(result.Stdout);
        Assert.True(lines.Length >= LinesToRead, result.Stdout);
        var kinds = new List<string>();
        foreach (string line in lines)
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            Assert.True(DateTimeOffset.TryParse(root.GetProperty("time").GetString(), out _), line);
            string kind = root.GetProperty("kind").GetString()!;
            Assert.Contains(kind, new[] { "alarm", "clear", "event", "telemetry", "reply" });
            kinds.Add(kind);
            Assert.Equal(JsonValueKind.Object, root.GetProperty("fields").ValueKind);
            Assert.Matches(@"^\d+ [A-Z]+ .*\*[0-9A-F]{4}$", root.GetProperty("raw").GetString());
            if (kind == "telemetry")
            {
                Assert.InRange(root.GetProperty("fields").GetProperty("p_pa").GetInt32(), 1, 1_000_000);
                Assert.Equal("adc", root.GetProperty("fields").GetProperty("src").GetString());
            }
        }

        Assert.Contains("telemetry", kinds);
        Assert.Contains("reply", kinds);
    }

    [Fact]
    public void An_unknown_format_is_one_line_naming_the_choices()
    {
        var result = CliRunner.Run("board", "monitor", "--target", "sil", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --format 'xml': expected text or jsonl", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_board_that_restarts_gets_the_telemetry_period_asked_for_again()
    {
        // A restarted board comes up with its default period (1000 ms); the monitor asked for 6000.
        const int AskedMs = 6000;
        string link = Path.Combine(CliRunner.TempDirectory(), "ttyTM");
        var board = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "60", "--link", link]);
        VirtualBoardProcess? again = null;
        long lastTimeMs = -1, lastPeriodMs = 0; // board time (TLM t=)
        bool restarted = false, secondBoardSeen = false;
        int periodsAsAsked = 0;
        long deadline = Environment.TickCount64 + 30_000;
        try
        {
            var result = CliRunner.RunAndThen(
                line =>
                {
                    if (!line.StartsWith('{'))
                    {
                        return false;
                    }

                    using var json = JsonDocument.Parse(line);
                    string? type = json.RootElement.GetProperty("type").GetString();
                    if (restarted && type == LinkDictionary.Hello)
                    {
                        // The second board announced itself (power-on or the client's HELLO): its telemetry follows.
                        secondBoardSeen = true;
                        lastTimeMs = -1;
                        periodsAsAsked = 0;
                    }

                    if (type != LinkDictionary.Telemetry)
                    {
                        return Environment.TickCount64 > deadline;
                    }

                    long timeMs = json.RootElement.GetProperty("fields").GetProperty("t").GetInt64();
                    if (!restarted)
                    {
                        // Only once the first board took the period: until then the monitor's TLM may be unanswered.
                        if (lastTimeMs < 0 || timeMs - lastTimeMs != AskedMs)
                        {
                            lastTimeMs = timeMs;
                            return Environment.TickCount64 > deadline;
                        }

                        board.Dispose();
                        again = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "60", "--link", link]);
                        restarted = true;
                        deadline = Environment.TickCount64 + 30_000;
                    }
                    else if (secondBoardSeen && lastTimeMs >= 0)
                    {
                        lastPeriodMs = timeMs - lastTimeMs;
                        periodsAsAsked = lastPeriodMs == AskedMs ? periodsAsAsked + 1 : 0;
                    }

                    lastTimeMs = timeMs;
                    return periodsAsAsked >= 4 || Environment.TickCount64 > deadline;
                },
                CliRunner.Interrupt,
                ["board", "monitor", "--target", "serial:" + link, "--format", "jsonl", "--telemetry-ms", AskedMs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.True(restarted, $"the first board never sent telemetry every {AskedMs} ms of board time\n{result.Stderr}");
            Assert.True(secondBoardSeen, "the second board never said HELLO\n" + result.Stderr);
            Assert.True(periodsAsAsked >= 4, $"after the restart the telemetry did not come every {AskedMs} ms of board time (the last period: {lastPeriodMs} ms)\n{result.Stderr}");
        }
        finally
        {
            board.Dispose();
            again?.Dispose();
        }
    }

    private static VirtualBoardProcess LiveBoard(out string target)
    {
        var board = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "60", "--link", Path.Combine(CliRunner.TempDirectory(), "ttyTM")]);
        target = "serial:" + board.DevicePath;
        return board;
    }

    /// <summary>Runs board monitor until it has printed <see cref="LinesToRead"/> lines, then stops it with Ctrl+C.</summary>
    private static CliRunner.Result Monitor(IReadOnlyDictionary<string, string> environment, params string[] options)
    {
        int seen = 0;
        return CliRunner.RunAndThenWith(environment, _ => ++seen >= LinesToRead, CliRunner.Interrupt, ["board", "monitor", .. options]);
    }

    private static string[] Lines(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
