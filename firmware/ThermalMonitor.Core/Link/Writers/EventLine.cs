using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Link
{
    /// <summary>EVT lines (PROTOCOL.md §5): every monitor and board event that is not an alarm raise or clear.</summary>
    public static class EventLine
    {
        public static void Write(LineTransport transport, MonitorEvent e)
        {
            transport.BeginLine(LinkDictionary.Event);
            LineWriter writer = transport.Writer;
            writer.Field("n", e.Sequence);
            writer.Field("id", MonitorDictionary.EventName(e.Id));
            writer.Field("sev", MonitorDictionary.SeverityName(e.Severity));
            writer.Field("t", e.TimeMs);
            writer.Field("ch", MonitorDictionary.ChannelName(e.Channel));
            if (MonitorDictionary.HasNamedCode(e))
            {
                writer.Field("code", MonitorDictionary.CodeName(e));
            }
            else
            {
                writer.Field("code", e.Code);
            }

            writer.Field("value", e.Value);
            if (e.AlarmSequence != 0)
            {
                writer.Field("alarm", e.AlarmSequence);
            }

            transport.Send();
        }
    }
}
