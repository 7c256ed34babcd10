using System.Globalization;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// Each line a board sends (PROTOCOL.md §5) as one sentence, for <c>board monitor</c> and
/// <c>board console</c>: an alarm, a clear, an event or a telemetry snapshot with units and board
/// time in seconds; a reply as <see cref="BoardReplyText"/> says it. A field a line lacks (a newer
/// board's) is said as "?"; an event this host does not know, with its code and value.
/// </summary>
public static class BoardMessageText
{
    private static readonly Dictionary<string, Func<BoardLine, string>> EventSentences = new(StringComparer.Ordinal)
    {
        ["BOOT"] = e => $"the board started (reset cause {Get(e, WireField.Code)})",
        ["ALARM_ACKED"] = e => $"alarm #{Get(e, WireField.Alarm)} acknowledged ({Get(e, WireField.Code)})",
        ["GLITCH_REJECTED"] = e => $"{Get(e, WireField.Value)} suspect samples on {Get(e, WireField.Channel)} withheld ({Get(e, WireField.Code)}); the channel stays valid",
        ["CHANNEL_RECOVERED"] = e => $"{Get(e, WireField.Channel)} is valid again (it had faulted: {Get(e, WireField.Code)})",
        ["MODEL_READY"] = _ => "the thermal model has learned enough; the slow (CUSUM) path is armed",
        ["DETECTOR_RESET"] = _ => "the detector was reset",
        ["CONFIG_CHANGED"] = _ => "a configuration was applied",
        ["CONFIG_REJECTED"] = e => $"a configuration failed validation ({Get(e, WireField.Value)} problems)",
        ["QUEUE_OVERFLOW"] = e => $"{Get(e, WireField.Value)} events were dropped from a full queue",
        ["TIME_NOT_INCREASING"] = e => $"a sample's time did not increase (step {Get(e, WireField.Value)} ms); it was discarded",
        ["SAMPLE_GAP"] = e => $"samples are missing ({Get(e, WireField.Value)} ms gap); the rate window restarts",
        ["INVARIANT_FAILED"] = e => $"programming invariant {Get(e, WireField.Code)} failed",
        ["LOOP_OVERRUN"] = e => $"a loop cycle's work took {Get(e, WireField.Code)} us, longer than the {Get(e, WireField.Value)} us sample period",
        ["SETTINGS_LOADED"] = e => $"the stored settings (generation {Get(e, WireField.Code)}) are in force",
        ["SETTINGS_DEFAULTED"] = e => $"no usable stored settings (reason {Get(e, WireField.Code)}); the defaults run",
        ["SETTINGS_SAVED"] = e => $"settings saved (generation {Get(e, WireField.Code)}, {Get(e, WireField.Value)} bytes)",
        ["REPLAY_ENDED"] = e => $"a replay gave the board its settings and LIVE mode back (session {Get(e, WireField.Value)})",
    };

    public static string Describe(BoardLine line) => line.Type switch
    {
        LinkDictionary.Alarm => Alarm(line),
        LinkDictionary.Clear => $"alarm #{Get(line, WireField.Seq)} cleared at board time {Seconds(line, WireField.TimeMs)}",
        LinkDictionary.Event => Event(line),
        LinkDictionary.Telemetry => Telemetry(line),
        _ when line.IsError && line.Reference is null => "the board refused a line: " + BoardReplyText.Error(line),
        _ when line.IsError => BoardReplyText.Error(line),
        _ => BoardReplyText.Success(line),
    };

    private static string Alarm(BoardLine alarm)
    {
        string type = Get(alarm, WireField.Type);
        string reading = type switch
        {
            "DEPRESSURIZATION" => "reading " + Scaled(alarm, WireField.Value, 1000, "0.000") + " kPa",
            "OVERTEMP" => "reading " + Scaled(alarm, WireField.Value, 1000, "0.00") + " °C",
            "SENSOR_FAULT" => "pin " + Scaled(alarm, WireField.Value, 1_000_000, "0.000") + " V",
            _ => "value " + Get(alarm, WireField.Value),
        };
        string seq = Get(alarm, WireField.Seq);
        string cleared = Get(alarm, WireField.ClearedMs) is LinkDictionary.NotRead or "?" ? string.Empty : $"; cleared at board time {Seconds(alarm, WireField.ClearedMs)}";
        // What a person at the board needs next: whether it still waits for an ACK, and how to give it.
        string acknowledged = Get(alarm, WireField.Acked) == "1" ? "; acknowledged" : $"; not acknowledged (ACK {seq})";
        string again = Get(alarm, WireField.Resent) == "1" ? " (sent again)" : string.Empty;
        return $"{Get(alarm, WireField.Severity)} {type} #{seq}{again} on {Get(alarm, WireField.Channel)} ({Get(alarm, WireField.Cause)}) "
            + $"at board time {Seconds(alarm, WireField.TimeMs)}, {reading}{cleared}{acknowledged}";
    }

    private static string Event(BoardLine line)
    {
        string id = Get(line, WireField.Id);
        string what = EventSentences.TryGetValue(id, out Func<BoardLine, string>? sentence)
            ? sentence(line)
            : $"code {Get(line, WireField.Code)}, value {Get(line, WireField.Value)}";
        return $"{Get(line, WireField.Severity)} event {id} at board time {Seconds(line, WireField.TimeMs)}: {what}";
    }

    private static string Telemetry(BoardLine t)
    {
        string residual = Get(t, WireField.ResidualPa) is LinkDictionary.NotRead ? "no model residual yet" : $"residual {Get(t, WireField.ResidualPa)} Pa";
        return $"telemetry at board time {Seconds(t, WireField.TimeMs)} ({Get(t, WireField.Source)}, sample {Get(t, WireField.SampleCount)}): "
            + $"pressure {Scaled(t, WireField.PressurePa, 1000, "0.000")} kPa, coolant {Scaled(t, WireField.TempMilliC, 1000, "0.00")} °C, supply {Scaled(t, WireField.SupplyMicrovolts, 1_000_000, "0.000")} V, "
            + $"{Channels(Get(t, WireField.ChannelStates))}, {residual}, CUSUM at {Get(t, WireField.CusumPermille)} ‰ of its threshold, drop over the rate window {Get(t, WireField.RateDropPa)} Pa, "
            + $"thermal model {(Get(t, WireField.ModelReady) == "1" ? "ready" : "learning")}, {Get(t, WireField.Unacked)} unacknowledged";
    }

    /// <summary>The st= letters (pressure, temp, supply) in words: "channels all accepted", or each named.</summary>
    private static string Channels(string letters)
    {
        if (letters == "AAA")
        {
            return "channels all accepted";
        }

        string[] names = ["pressure", "temp", "supply"];
        return "channels " + string.Join(", ", letters.Take(names.Length).Select((letter, i) => names[i] + " " + letter switch
        {
            'A' => "accepted",
            'W' => "withheld",
            'F' => "faulted",
            _ => letter.ToString(),
        }));
    }

    /// <summary>Milliseconds as seconds ("47.6 s"); a field that is not a whole number as it came.</summary>
    private static string Seconds(BoardLine line, string key)
    {
        string scaled = Scaled(line, key, 1000, "0.0");
        return scaled == Get(line, key) ? scaled : scaled + " s";
    }

    private static string Scaled(BoardLine line, string key, double divisor, string format) =>
        long.TryParse(Get(line, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? (value / divisor).ToString(format, CultureInfo.InvariantCulture)
            : Get(line, key);

    private static string Get(BoardLine line, string key) => line.Fields.GetValueOrDefault(key) ?? "?";
}
