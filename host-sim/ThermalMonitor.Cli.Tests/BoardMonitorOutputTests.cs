using System.Text.Json;
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
