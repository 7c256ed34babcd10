using System.Globalization;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// A board's reply as a person would say it (PROTOCOL.md sections 5 to 7): <c>OK 2 period_ms=100
/// burst=32</c> is "configuration applied: period 100 ms, burst 32", <c>ERR 2 NOT_FOUND alarm=7</c>
/// is "alarm 7 not found". Every error code of the protocol has its sentence; a code this host does
/// not know (a newer board) is still said with the dictionary's words it carries.
/// </summary>
public static class BoardReplyText
{
    private static readonly Dictionary<string, Func<BoardLine, string>> ErrorSentences = new(StringComparer.Ordinal)
    {
        ["NO_CHECKSUM"] = _ => "the line has no check value (*XXXX at its end)",
        ["BAD_CHECKSUM"] = r => r.Fields.TryGetValue(WireField.Expected, out string? expected)
            ? $"the line's check value does not match it (the board expected {expected})"
            : "the line's check value is not four hex digits",
        ["OVERLONG"] = r => $"the line is longer than the board takes ({Get(r, WireField.Max)} bytes) and was discarded",
        ["NOT_ASCII"] = r => $"the line holds a byte that is not printable ASCII (at byte {Get(r, WireField.At)})",
        ["BAD_SEQUENCE"] = _ => "the line does not start with a sequence number (0..2147483647)",
        ["UNKNOWN_COMMAND"] = r => $"the board does not know the command '{Get(r, WireField.Got)}'",
        ["MISSING_ARGUMENT"] = r => $"an argument is missing: {Get(r, WireField.Expected)}",
        ["BAD_ARGUMENT"] = r => $"'{Get(r, WireField.Got)}' is not a valid {Get(r, WireField.Argument)}",
        ["OUT_OF_RANGE"] = r => r.Fields.TryGetValue(WireField.ExpectedReads, out string? reads)
            ? $"{Get(r, WireField.Argument)} carries {Get(r, WireField.Got)} reads; the board's burst is {reads}"
            : $"{Get(r, WireField.Argument)} {Get(r, WireField.Got)} is out of range ({Get(r, WireField.Min)}..{Get(r, WireField.Max)})",
        ["BAD_JSON"] = r => $"the configuration is not well-formed JSON: {WithoutPrefix(Get(r, WireField.Message), "json: ")}",
        ["CONFIG_INVALID"] = r => $"the board refused the configuration: {Get(r, WireField.Message)}",
        ["NOT_FOUND"] = r => $"alarm {Get(r, WireField.Alarm)} not found",
        ["WRONG_MODE"] = r => $"the board must be in {Get(r, WireField.Need)} mode for that (thermal-sim board mode {Get(r, WireField.Need).ToLowerInvariant()})",
        ["RX_OVERFLOW"] = r => $"bytes of the line were lost to the board's full receive buffer ({Get(r, WireField.LostBytes)} since power-on); send it again",
        ["TOO_MANY_ARGUMENTS"] = r => $"unexpected extra argument '{Get(r, WireField.Extra)}'",
        ["STORAGE_FAILED"] = r => r.Fields.GetValueOrDefault("storage") == "none"
            ? "the board has no storage to save to; nothing changed"
            : "the board could not write its storage; nothing changed",
    };

    /// <summary>Whether an error code has its own sentence (every code of the dictionary must).</summary>
    public static bool HasSentence(string errorCode) => ErrorSentences.ContainsKey(errorCode);

    /// <summary>Any reply: <see cref="Error"/> for ERR, <see cref="Success"/> otherwise.</summary>
    public static string Describe(BoardLine reply) => reply.IsError ? Error(reply) : Success(reply);

    /// <summary>An ERR reply as one sentence, without the "error: " a caller puts in front.</summary>
    public static string Error(BoardLine reply)
    {
        string code = reply.ErrorCode ?? string.Empty;
        if (ErrorSentences.TryGetValue(code, out Func<BoardLine, string>? sentence))
        {
            return sentence(reply);
        }

        // A code newer than this host: its dictionary meaning, else its name, and what the board said.
        string meaning = Enumerable.Range(0, LinkDictionary.Errors.Count).Select(LinkDictionary.Errors.At)
            .FirstOrDefault(e => e.Name == code)?.Meaning ?? $"the board refused the command ({code})";
        string details = string.Join(' ', reply.Fields.Select(f => $"{f.Key}={f.Value}"));
        return details.Length == 0 ? meaning : $"{meaning}: {details}";
    }

    /// <summary>A reply that is not ERR as one sentence (STATUS: one line of the main figures).</summary>
    public static string Success(BoardLine reply) => reply.Type switch
    {
        LinkDictionary.Hello => Hello(reply),
        LinkDictionary.Status => Status(reply),
        LinkDictionary.Config => reply.Payload ?? string.Empty,
        _ => Ok(reply),
    };

    private static string Ok(BoardLine reply)
    {
        IReadOnlyDictionary<string, string> f = reply.Fields;
        if (f.TryGetValue(WireField.Mode, out string? mode))
        {
            return $"board now in {mode} mode, session {Get(reply, WireField.Session)}";
        }

        if (f.TryGetValue(WireField.Burst, out string? burst))
        {
            return $"configuration applied: period {Get(reply, WireField.PeriodMs)} ms, burst {burst}";
        }

        if (f.TryGetValue(WireField.PeriodMs, out string? period))
        {
            return period == "0" ? "telemetry off" : $"telemetry every {period} ms of sample time";
        }

        if (f.TryGetValue(WireField.Result, out string? result))
        {
            string alarm = Get(reply, WireField.Alarm);
            return result switch
            {
                LinkDictionary.AckResultAcked => $"alarm {alarm} acknowledged",
                LinkDictionary.AckResultAlready => $"alarm {alarm} was already acknowledged",
                LinkDictionary.AckResultDelivered => $"alarm {alarm} marked delivered: it has been raised again since, under a new number",
                _ => $"alarm {alarm}: {result}",
            };
        }

        if (f.TryGetValue(WireField.Acked, out string? acked))
        {
            return acked == "0" ? "no alarm was waiting to be acknowledged" : $"{Count(acked, "alarm")} acknowledged";
        }

        if (f.TryGetValue(WireField.Listed, out string? listed))
        {
            return $"{Count(listed, "alarm")} in the board's journal";
        }

        if (f.TryGetValue("staged", out string? staged))
        {
            return $"configuration part {staged} staged";
        }

        if (f.TryGetValue("generation", out string? generation))
        {
            return $"configuration saved on the board (generation {generation}, {Get(reply, "bytes")} bytes); it survives a reset";
        }

        return "done";
    }

    private static string Hello(BoardLine reply) =>
        $"board {Get(reply, WireField.Board)}, firmware {Get(reply, WireField.Firmware)}, protocol {Get(reply, WireField.Protocol)}: "
        + $"{Get(reply, WireField.Mode)} mode, session {Get(reply, WireField.Session)}, sample period {Get(reply, WireField.PeriodMs)} ms, burst {Get(reply, WireField.Burst)} (reset cause {Get(reply, WireField.Reset)})";

    private static string Status(BoardLine reply)
    {
        IReadOnlyDictionary<string, string> f = reply.Fields;
        string uptime = long.TryParse(f.GetValueOrDefault("uptime_ms"), NumberStyles.None, CultureInfo.InvariantCulture, out long ms)
            ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : "?";
        return $"{Get(reply, WireField.Mode)} mode, session {Get(reply, WireField.Session)}, up {uptime}; "
            + $"loop {Get(reply, "loop_avg_us")} us on average ({Get(reply, "loop_max_us")} at most), {Get(reply, "overruns")} overruns in {Get(reply, "cycles")} cycles; "
            + $"{Get(reply, "samples")} samples; {Get(reply, "alarms_raised")} alarms raised, {Get(reply, WireField.Unacked)} unacknowledged; "
            + $"telemetry {(Get(reply, "tlm_ms") == "0" ? "off" : "every " + Get(reply, "tlm_ms") + " ms")}";
    }

    private static string Get(BoardLine reply, string key) => reply.Fields.GetValueOrDefault(key) ?? "?";

    private static string Count(string number, string noun) => number == "1" ? $"1 {noun}" : $"{number} {noun}s";

    private static string WithoutPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
}
