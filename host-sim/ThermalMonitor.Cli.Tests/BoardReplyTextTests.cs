using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Tests;

/// <summary>BoardReplyText: each reply of PROTOCOL.md's examples as a sentence; every error code of the dictionary has one.</summary>
public sealed class BoardReplyTextTests
{
    [Theory]
    [InlineData("OK 2 period_ms=100 burst=32", "configuration applied: period 100 ms, burst 32")]
    [InlineData("ERR 2 NOT_FOUND alarm=7", "alarm 7 not found")]
    [InlineData("OK 22 mode=LIVE session=2", "board now in LIVE mode, session 2")]
    [InlineData("OK 4 alarm=1 result=ACKED", "alarm 1 acknowledged")]
    [InlineData("OK 4 alarm=1 result=ALREADY", "alarm 1 was already acknowledged")]
    [InlineData("OK 6 acked=2", "2 alarms acknowledged")]
    [InlineData("OK 6 acked=0", "no alarm was waiting to be acknowledged")]
    [InlineData("OK 5 listed=1", "1 alarm in the board's journal")]
    [InlineData("OK 2 period_ms=10000", "telemetry every 10000 ms of sample time")]
    [InlineData("OK 2 period_ms=0", "telemetry off")]
    [InlineData("OK 14 staged=1", "configuration part 1 staged")]
    [InlineData("OK 17 generation=5 bytes=356", "configuration saved on the board (generation 5, 356 bytes); it survives a reset")]
    [InlineData("ERR 18 OUT_OF_RANGE arg=period_ms min=0 max=3600000 got=5000000", "period_ms 5000000 is out of range (0..3600000)")]
    [InlineData("ERR 27 OUT_OF_RANGE arg=pressure expected_reads=32 got=31", "pressure carries 31 reads; the board's burst is 32")]
    [InlineData("ERR 10 CONFIG_INVALID errors=1 field=redLowPa msg=redLowPa: the red limit must be below the yellow limit (redLowPa = 200000, yellowLowPa = 70000)", "the board refused the configuration: redLowPa: the red limit must be below the yellow limit (redLowPa = 200000, yellowLowPa = 70000)")]
    [InlineData("ERR 11 BAD_JSON errors=1 field=json msg=json: the document ends before the closing '}' of an object (at byte 21)", "the configuration is not well-formed JSON: the document ends before the closing '}' of an object (at byte 21)")]
    [InlineData("ERR 21 WRONG_MODE need=REPLAY", "the board must be in REPLAY mode for that (thermal-sim board mode replay)")]
    [InlineData("ERR - BAD_SEQUENCE", "the line does not start with a sequence number (0..2147483647)")]
    [InlineData("ERR - BAD_CHECKSUM expected=8C08", "the line's check value does not match it (the board expected 8C08)")]
    [InlineData("ERR - NOT_ASCII at=8", "the line holds a byte that is not printable ASCII (at byte 8)")]
    [InlineData("ERR - OVERLONG max=768", "the line is longer than the board takes (768 bytes) and was discarded")]
    [InlineData("ERR - RX_OVERFLOW lost_bytes=952", "bytes of the line were lost to the board's full receive buffer (952 since power-on); send it again")]
    [InlineData("ERR 16 UNKNOWN_COMMAND got=REBOOT", "the board does not know the command 'REBOOT'")]
    [InlineData("ERR 3 MISSING_ARGUMENT expected=alarm_seq", "an argument is missing: alarm_seq")]
    [InlineData("ERR 3 BAD_ARGUMENT arg=alarm_seq got=x", "'x' is not a valid alarm_seq")]
    [InlineData("ERR 3 TOO_MANY_ARGUMENTS extra=2", "unexpected extra argument '2'")]
    [InlineData("ERR 17 STORAGE_FAILED storage=none", "the board has no storage to save to; nothing changed")]
    [InlineData("ERR 17 STORAGE_FAILED storage=write_failed", "the board could not write its storage; nothing changed")]
    [InlineData("ERR 9 SOMETHING_NEW x=1", "the board refused the command (SOMETHING_NEW): x=1")]
    public void A_reply_reads_as_a_sentence(string content, string expected)
    {
        Assert.Equal(expected, BoardReplyText.Describe(Line(content)));
    }

    [Fact]
    public void Every_error_code_of_the_protocol_has_its_own_sentence()
    {
        string[] codes = [.. Enumerable.Range(1, LinkDictionary.Errors.Count - 1).Select(i => LinkDictionary.Errors.At(i).Name)];

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(BoardReplyText.HasSentence(code), $"{code} has no sentence in BoardReplyText"));
    }

    [Fact]
    public void A_hello_names_board_mode_session_and_period()
    {
        string text = BoardReplyText.Describe(Line("HELLO 1 proto=2 fw=0.4.0 board=esp32 session=1 mode=LIVE reset=UNKNOWN line_max=768 rx_buffer=2048 lines_per_service=16 burst=32 period_ms=100"));

        Assert.Equal("board esp32, firmware 0.4.0, protocol 2: LIVE mode, session 1, sample period 100 ms, burst 32 (reset cause UNKNOWN)", text);
    }

    private static BoardLine Line(string content)
    {
        Assert.True(BoardLine.TryParse(CommandFrame.Frame(41, content).TrimEnd(), out BoardLine? line, out string error), error);
        return line!;
    }
}
