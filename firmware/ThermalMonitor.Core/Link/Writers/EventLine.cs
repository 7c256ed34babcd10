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
            writer.Field(WireField.EventNumber, e.Sequence);
            writer.Field(WireField.Id, MonitorDictionary.EventName(e.Id));
            writer.Field(WireField.Severity, MonitorDictionary.SeverityName(e.Severity));
            writer.Field(WireField.TimeMs, e.TimeMs);
            writer.Field(WireField.Channel, MonitorDictionary.ChannelName(e.Channel));
            if (MonitorDictionary.HasNamedCode(e))
            {
                writer.Field(WireField.Code, MonitorDictionary.CodeName(e));
            }
            else
            {
                writer.Field(WireField.Code, e.Code);
            }

            writer.Field(WireField.Value, e.Value);
            if (e.AlarmSequence != 0)
            {
                writer.Field(WireField.Alarm, e.AlarmSequence);
            }

            transport.Send();
        }
    }
}
