using System.Text.Json;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// What <c>board monitor</c> and <c>board console</c> print for PROTOCOL.md's example lines: a
/// sentence each (--format text, the console), and one JSON object with the parsed fields and the
/// raw line (--format jsonl).
/// </summary>
public sealed class BoardMessageTextTests
{
    [Theory]
    [InlineData("ALARM seq=2 type=DEPRESSURIZATION sev=WARNING ch=pressure t=47620 cause=RATE_OF_DROP value=5742 cleared=- acked=0 session=1 re=0",
        "WARNING DEPRESSURIZATION #2 on pressure (RATE_OF_DROP) at board time 47.6 s, reading 5.742 kPa; not acknowledged (ACK 2)")]
    [InlineData("ALARM seq=3 type=OVERTEMP sev=CAUTION ch=temp t=9000 cause=YELLOW_HIGH_LIMIT value=40512 cleared=12500 acked=0 session=1 re=1",
        "CAUTION OVERTEMP #3 (sent again) on temp (YELLOW_HIGH_LIMIT) at board time 9.0 s, reading 40.51 °C; cleared at board time 12.5 s; not acknowledged (ACK 3)")]
    [InlineData("ALARM seq=1 type=SENSOR_FAULT sev=WARNING ch=pressure t=3200 cause=READ_FAILED value=1174380 cleared=8500 acked=1 session=2 re=1",
        "WARNING SENSOR_FAULT #1 (sent again) on pressure (READ_FAILED) at board time 3.2 s, pin 1.174 V; cleared at board time 8.5 s; acknowledged")]
    [InlineData("CLEAR seq=1 t=8500", "alarm #1 cleared at board time 8.5 s")]
    [InlineData("CLEAR seq=1 t=soon", "alarm #1 cleared at board time soon")]
    [InlineData("CLEAR seq=1", "alarm #1 cleared at board time ?")]
    [InlineData("EVT n=2 id=GLITCH_REJECTED sev=ADVISORY t=47420 ch=pressure code=SLEW value=1",
        "ADVISORY event GLITCH_REJECTED at board time 47.4 s: 1 suspect samples on pressure withheld (SLEW); the channel stays valid")]
    [InlineData("EVT n=7 id=CONFIG_CHANGED sev=ADVISORY t=83420 ch=pressure code=0 value=0", "ADVISORY event CONFIG_CHANGED at board time 83.4 s: a configuration was applied")]
    [InlineData("EVT n=9 id=SOMETHING_NEW sev=CAUTION t=1000 ch=pressure code=4 value=7", "CAUTION event SOMETHING_NEW at board time 1.0 s: code 4, value 7")]
    [InlineData("TLM t=31520 src=adc n=301 p_pa=232705 temp_mc=8884 sup_uv=4998200 st=AAA res_pa=1343 cusum_pm=0 rate_pa=-1347 model=0 unacked=0",
        "telemetry at board time 31.5 s (adc, sample 301): pressure 232.705 kPa, coolant 8.88 °C, supply 4.998 V, channels all accepted, residual 1343 Pa, "
        + "CUSUM at 0 ‰ of its threshold, drop over the rate window -1347 Pa, thermal model learning, 0 unacknowledged")]
    [InlineData("ERR - BAD_CHECKSUM expected=8C08", "the board refused a line: the line's check value does not match it (the board expected 8C08)")]
    [InlineData("OK 2 period_ms=1000", "telemetry every 1000 ms of sample time")]
    public void A_line_reads_as_one_sentence(string content, string expected)
    {
        Assert.Equal(expected, BoardMessageText.Describe(Line(content)));
    }

    [Fact]
    public void Telemetry_names_each_channel_that_is_not_accepted_and_a_residual_not_yet_there()
    {
        string text = BoardMessageText.Describe(Line("TLM t=100 src=replay n=1 p_pa=250000 temp_mc=20000 sup_uv=5000000 st=AWF res_pa=- cusum_pm=0 rate_pa=0 model=1 unacked=2"));

        Assert.Contains("(replay, sample 1)", text, StringComparison.Ordinal);
        Assert.Contains("channels pressure accepted, temp withheld, supply faulted, no model residual yet,", text, StringComparison.Ordinal);
        Assert.EndsWith("thermal model ready, 2 unacknowledged", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_line_carries_time_kind_parsed_fields_the_sentence_and_the_raw_line()
    {
        BoardLine alarm = Line("ALARM seq=2 type=DEPRESSURIZATION sev=WARNING ch=pressure t=47620 cause=RATE_OF_DROP value=5742 cleared=- acked=0 session=1 re=0");

        string json = MonitorJsonLine.Format(alarm, new DateTimeOffset(2026, 12, 5, 8, 50, 1, 250, TimeSpan.FromHours(1)));

        Assert.DoesNotContain('\n', json);
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal("2026-12-05T07:50:01.250Z", root.GetProperty("time").GetString());
        Assert.Equal("alarm", root.GetProperty("kind").GetString());
        Assert.Equal("ALARM", root.GetProperty("type").GetString());
        Assert.Equal(41, root.GetProperty("seq").GetInt32());
        JsonElement fields = root.GetProperty("fields");
        Assert.Equal(5742, fields.GetProperty("value").GetInt32());
        Assert.Equal("RATE_OF_DROP", fields.GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("cleared").ValueKind);
        Assert.Equal(BoardMessageText.Describe(alarm), root.GetProperty("text").GetString());
        Assert.Equal(alarm.Text, root.GetProperty("raw").GetString());
    }

    [Fact]
    public void A_json_reply_names_the_command_it_answers_and_its_error_code()
    {
        using var document = JsonDocument.Parse(MonitorJsonLine.Format(Line("ERR 3 NOT_FOUND alarm=7"), DateTimeOffset.UnixEpoch));

        Assert.Equal("reply", document.RootElement.GetProperty("kind").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("ref").GetInt32());
        Assert.Equal("NOT_FOUND", document.RootElement.GetProperty("error").GetString());
        Assert.Equal("alarm 7 not found", document.RootElement.GetProperty("text").GetString());
    }

    private static BoardLine Line(string content)
    {
        Assert.True(BoardLine.TryParse(CommandFrame.Frame(41, content).TrimEnd(), out BoardLine? line, out string error), error);
        return line!;
    }
}
