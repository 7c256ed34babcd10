using System.Globalization;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// Monitor events and the board lines that carry them, reduced to one comparable text each:
/// ALARM (raise), CLEAR, and EVT for everything else (PROTOCOL.md, board → host messages).
/// </summary>
public static class WireEvents
{
    /// <summary>How the board must put <paramref name="e"/> on the wire.</summary>
    public static string Of(MonitorEvent e)
    {
        switch (e.Id)
        {
            case EventId.AlarmRaised:
                return string.Create(CultureInfo.InvariantCulture, $"ALARM seq={e.AlarmSequence} type={MonitorDictionary.AlarmTypeName(e.AlarmType)} sev={MonitorDictionary.SeverityName(e.Severity)} ch={MonitorDictionary.ChannelName(e.Channel)} t={e.TimeMs} cause={MonitorDictionary.AlarmCodeName(e.AlarmType, e.Code)} value={e.Value}");
            case EventId.AlarmCleared:
                return string.Create(CultureInfo.InvariantCulture, $"CLEAR seq={e.AlarmSequence} t={e.TimeMs}");
            default:
                string code = MonitorDictionary.HasNamedCode(e) ? MonitorDictionary.CodeName(e) : e.Code.ToString(CultureInfo.InvariantCulture);
                string alarm = e.AlarmSequence != 0 ? " alarm=" + e.AlarmSequence.ToString(CultureInfo.InvariantCulture) : string.Empty;
                return string.Create(CultureInfo.InvariantCulture, $"EVT n={e.Sequence} id={MonitorDictionary.EventName(e.Id)} sev={MonitorDictionary.SeverityName(e.Severity)} t={e.TimeMs} ch={MonitorDictionary.ChannelName(e.Channel)} code={code} value={e.Value}{alarm}");
        }
    }

    /// <summary>The same text read back from a board line; null for lines that carry no event (replies, TLM).</summary>
    public static string? Of(BoardLine line)
    {
        switch (line.Type)
        {
            case LinkDictionary.Alarm:
                return $"ALARM seq={line.Field("seq")} type={line.Field("type")} sev={line.Field("sev")} ch={line.Field("ch")} t={line.Field("t")} cause={line.Field("cause")} value={line.Field("value")}";
            case LinkDictionary.Clear:
                return $"CLEAR seq={line.Field("seq")} t={line.Field("t")}";
            case LinkDictionary.Event:
                string alarm = line.Fields.TryGetValue("alarm", out string? sequence) ? " alarm=" + sequence : string.Empty;
                return $"EVT n={line.Field("n")} id={line.Field("id")} sev={line.Field("sev")} t={line.Field("t")} ch={line.Field("ch")} code={line.Field("code")} value={line.Field("value")}{alarm}";
            default:
                return null;
        }
    }

    /// <summary>Event texts of the first-time lines among <paramref name="lines"/> (re-sent alarms, re=1, are left out).</summary>
    public static List<string> FromLines(IEnumerable<BoardLine> lines) =>
        lines.Where(l => !(l.Type == LinkDictionary.Alarm && l.Field("re") == "1")).Select(Of).OfType<string>().ToList();
}
