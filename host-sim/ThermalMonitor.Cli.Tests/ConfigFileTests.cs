using System.Text;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// ConfigFile reads a replay's configuration as the board reads CFG SET: the same reader, builder and
/// validator, so the same documents pass and the same field is named first when one does not.
/// </summary>
public sealed class ConfigFileTests
{
    public static TheoryData<string> Documents() => new()
    {
        """{"redLowPa":100000,"yellowLowPa":150000}""",
        """{"schema":"thermal-monitor/config@1","rateLimitPaPerS":250}""",
        """{}""",
        """{"redLowPa":200000,"yellowLowPa":150000}""",
        """{"noSuchParameter":1}""",
        """{"redLowPa":"1"}""",
        """{"redLowPa":1.0}""",
        """{"redLowPa":true}""",
        """{"samplePeriodMs":5}""",
        """{"adcCalCounts":[175,2900,4095]}""",
        """{"adcCalCounts":[175,2900],"adcCalMicrovolts":[150000,2450000]}""",
        """{"redLowPa":1,"redLowPa":2}""",
        """{"redLowPa":100000,}""",
        """[1,2]""",
        """{"schema":"other"}""",
        """{"slowPathEnabled":0}""",
        """{"slowPathEnabled":2}""",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_file_gets_the_verdict_and_first_field_the_board_gives_the_same_document(string document)
    {
        string path = WriteFile(document);
        using var board = new InProcessBoard();
        using var client = new BoardClient(board);
        BoardLine reply = client.Send($"CFG SET {document}");
        string boardConfig = client.SendOk("CFG GET").Payload!;

        if (reply.IsError)
        {
            var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Read(path));
            Assert.StartsWith($"{path}: {reply.Field(WireField.Field)}: ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        else
        {
            MonitorConfig config = ConfigFile.Read(path);
            Assert.Equal(boardConfig, ConfigJson.Write(config));
        }
    }

    [Fact]
    public void A_document_may_span_lines_and_start_with_a_byte_order_mark()
    {
        string path = WriteFile("\uFEFF{\n  \"redLowPa\": 100000,\n  \"yellowLowPa\": 150000\n}\n");

        MonitorConfig config = ConfigFile.Read(path);

        Assert.Equal(100000, config.Get(ParamId.RedLowPa));
        Assert.Equal(150000, config.Get(ParamId.YellowLowPa));
        Assert.Equal(new MonitorConfig().Get(ParamId.RateLimitPaPerS), config.Get(ParamId.RateLimitPaPerS));
    }

    [Fact]
    public void Every_problem_is_listed_on_the_one_line()
    {
        string path = WriteFile("""{"noSuchParameter":1,"redLowPa":"x"}""");

        var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Read(path));

        Assert.Equal($"{path}: noSuchParameter: unknown parameter; redLowPa: must be a whole number, got a string", error.Message);
    }

    [Fact]
    public void A_syntax_error_in_a_file_of_several_lines_names_its_line()
    {
        string path = WriteFile("{\n  \"redLowPa\": 100000\n  \"yellowLowPa\": 150000\n}");

        var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Read(path));

        Assert.StartsWith($"{path}: json: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at line 3, byte 2)", error.Message, StringComparison.Ordinal);
    }

    private static string WriteFile(string text)
    {
        string path = Path.Combine(CliRunner.TempDirectory(), "config.json");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
