using ThermalMonitor.Cli.Views;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Tests;

/// <summary>BoardMessageText: the lines a board sends on its own, PROTOCOL.md section 5's examples, as sentences.</summary>
public sealed class BoardMessageTextTests
{
    [Theory]
    [InlineData("ALARM seq=2 type=DEPRESSURIZATION sev=WARNING ch=pressure t=47620 cause=RATE_OF_DROP value=5742 cleared=- acked=0 session=1 re=0",
        "WARNING alarm 2: DEPRESSURIZATION on pressure, cause RATE_OF_DROP, pressure 5742 Pa, raised at board time 47.6 s in session 1; present, not acknowledged (ACK 2)")]
    [InlineData("ALARM seq=1 type=SENSOR_FAULT sev=WARNING ch=pressure t=3200 cause=READ_FAILED value=1174380 cleared=8500 acked=1 session=2 re=1",
        "WARNING alarm 1 (sent again): SENSOR_FAULT on pressure, cause READ_FAILED, pin voltage 1.174380 V, raised at board time 3.2 s in session 2; cleared at 8.5 s, acknowledged")]
    [InlineData("ALARM seq=3 type=OVERTEMP sev=CAUTION ch=temp t=1000 cause=YELLOW_HIGH_LIMIT value=40125 cleared=- acked=0 session=1 re=0",
        "CAUTION alarm 3: OVERTEMP on temp, cause YELLOW_HIGH_LIMIT, temperature 40.125 \u00B0C, raised at board time 1.0 s in session 1; present, not acknowledged (ACK 3)")]
    [InlineData("CLEAR seq=1 t=8500", "alarm 1 cleared at board time 8.5 s")]
    [InlineData("EVT n=2 id=GLITCH_REJECTED sev=ADVISORY t=47420 ch=pressure code=SLEW value=1",
        "event 2: GLITCH_REJECTED (ADVISORY) on pressure at board time 47.4 s, code SLEW, value 1")]
    [InlineData("EVT n=5 id=ALARM_ACKED sev=CAUTION t=81420 ch=pressure code=YELLOW_LOW_LIMIT value=5742 alarm=1",
        "event 5: ALARM_ACKED (CAUTION) on pressure at board time 81.4 s, code YELLOW_LOW_LIMIT, value 5742, alarm 1")]
    [InlineData("TLM t=31520 src=adc n=301 p_pa=232705 temp_mc=8884 sup_uv=4998200 st=AAA res_pa=1343 cusum_pm=0 rate_pa=-1347 model=0 unacked=0",
        "telemetry at 31.5 s (adc, sample 301): pressure 232705 Pa, temperature 8.884 \u00B0C, supply 4.9982 V, channels AAA, drop over the rate window -1347 Pa, CUSUM 0 per mille, model learning, 0 unacknowledged")]
    [InlineData("CLEAR seq=1 t=soon", "alarm 1 cleared at board time soon")]
    [InlineData("NEWS x=1", "7 NEWS x=1")]
    public void A_line_the_board_sends_on_its_own_reads_as_a_sentence(string content, string expected)
    {
        string text = CommandFrame.Frame(7, content).TrimEnd();
        Assert.True(BoardLine.TryParse(text, out BoardLine? line, out string error), error);

        Assert.Equal(expected.Replace("7 NEWS x=1", text, StringComparison.Ordinal), BoardMessageText.Describe(line!));
    }
}
