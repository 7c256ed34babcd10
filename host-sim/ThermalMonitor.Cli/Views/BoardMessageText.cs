using System.Globalization;
using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// A line the board sends on its own (PROTOCOL.md section 5: <c>ALARM</c>, <c>CLEAR</c>, <c>EVT</c>,
/// <c>TLM</c>) as a person would say it; the replies are <see cref="BoardReplyText"/>'s. A field a
/// newer board leaves out reads <c>?</c>; a message type this host does not know is shown as it came.
/// </summary>
public static class BoardMessageText
{
    /// <summary>How the value of each alarm type reads (PROTOCOL.md section 5, ALARM): the reading it was raised on, in its unit.</summary>
    private static readonly Dictionary<string, Func<BoardLine, string>> AlarmValues = new(StringComparer.Ordinal)
    {
        [MonitorDictionary.AlarmTypeName(AlarmType.Depressurization)] = line => $"pressure {Get(line, WireField.Value)} Pa",
        [MonitorDictionary.AlarmTypeName(AlarmType.Overtemp)] = line => $"temperature {Scaled(line, WireField.Value, 1000, "0.000")} °C",
        [MonitorDictionary.AlarmTypeName(AlarmType.SensorFault)] = line => $"pin voltage {Scaled(line, WireField.Value, 1_000_000, "0.000000")} V",
    };

    public static string Describe(BoardLine line) => line.Type switch
    {
        LinkDictionary.Alarm => Alarm(line),
        LinkDictionary.Clear => $"alarm {Get(line, WireField.Seq)} cleared at board time {Seconds(line, WireField.TimeMs)}",
        LinkDictionary.Event => Event(line),
        LinkDictionary.Telemetry => Telemetry(line),
        _ => line.Text,
    };

    private static string Alarm(BoardLine line)
    {
        string cleared = Get(line, WireField.ClearedMs) == "-" ? "present" : $"cleared at {Seconds(line, WireField.ClearedMs)}";
        string acknowledged = Get(line, WireField.Acked) == "1" ? "acknowledged" : $"not acknowledged (ACK {Get(line, WireField.Seq)})";
        string again = Get(line, WireField.Resent) == "1" ? " (sent again)" : string.Empty;
        return $"{Get(line, WireField.Severity)} alarm {Get(line, WireField.Seq)}{again}: {Get(line, WireField.Type)} on {Get(line, WireField.Channel)}, "
            + $"cause {Get(line, WireField.Cause)}, {AlarmValue(line)}, raised at board time {Seconds(line, WireField.TimeMs)} "
            + $"in session {Get(line, WireField.Session)}; {cleared}, {acknowledged}";
    }

    private static string AlarmValue(BoardLine line) =>
        AlarmValues.TryGetValue(Get(line, WireField.Type), out Func<BoardLine, string>? value) ? value(line) : $"value {Get(line, WireField.Value)}";

    private static string Event(BoardLine line)
    {
        string alarm = line.Fields.TryGetValue(WireField.Alarm, out string? seq) ? $", alarm {seq}" : string.Empty;
        return $"event {Get(line, WireField.EventNumber)}: {Get(line, WireField.Id)} ({Get(line, WireField.Severity)}) on {Get(line, WireField.Channel)} "
            + $"at board time {Seconds(line, WireField.TimeMs)}, code {Get(line, WireField.Code)}, value {Get(line, WireField.Value)}{alarm}";
    }

    private static string Telemetry(BoardLine line)
    {
        string model = Get(line, WireField.ModelReady) == "1" ? "model ready" : "model learning";
        return $"telemetry at {Seconds(line, WireField.TimeMs)} ({Get(line, WireField.Source)}, sample {Get(line, WireField.SampleCount)}): "
            + $"pressure {Get(line, WireField.PressurePa)} Pa, temperature {Scaled(line, WireField.TempMilliC, 1000, "0.000")} °C, "
            + $"supply {Scaled(line, WireField.SupplyMicrovolts, 1_000_000, "0.0000")} V, channels {Get(line, WireField.ChannelStates)}, "
            + $"drop over the rate window {Get(line, WireField.RateDropPa)} Pa, CUSUM {Get(line, WireField.CusumPermille)} per mille, {model}, "
            + $"{Get(line, WireField.Unacked)} unacknowledged";
    }

    private static string Get(BoardLine line, string key) => line.Fields.GetValueOrDefault(key) ?? "?";

    /// <summary>Milliseconds as seconds ("47.6 s"); a value that is not a whole number as it came.</summary>
    private static string Seconds(BoardLine line, string key) =>
        TryLong(line, key, out long ms) ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s" : Get(line, key);

    private static string Scaled(BoardLine line, string key, double divisor, string format) =>
        TryLong(line, key, out long value) ? (value / divisor).ToString(format, CultureInfo.InvariantCulture) : Get(line, key);

    private static bool TryLong(BoardLine line, string key, out long value) =>
        long.TryParse(Get(line, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
