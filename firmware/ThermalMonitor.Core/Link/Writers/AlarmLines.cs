using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Link
{
    /// <summary>ALARM and CLEAR lines (PROTOCOL.md §5, §8), written from the alarm journal.</summary>
    public static class AlarmLines
    {
        public static void WriteAlarm(LineTransport transport, AlarmJournal journal, int index, int session, bool resend)
        {
            transport.BeginLine(LinkDictionary.Alarm);
            LineWriter writer = transport.Writer;
            AlarmSlot slot = journal.SlotAt(index);
            writer.Field(WireField.Seq, journal.SequenceAt(index));
            writer.Field(WireField.Type, MonitorDictionary.AlarmTypeName(AlarmSlots.TypeOf(slot)));
            writer.Field(WireField.Severity, MonitorDictionary.SeverityName(AlarmSlots.SeverityOf(slot)));
            writer.Field(WireField.Channel, MonitorDictionary.ChannelName(AlarmSlots.ChannelOf(slot)));
            writer.Field(WireField.TimeMs, journal.RaisedTimeMsAt(index));
            writer.Field(WireField.Cause, MonitorDictionary.AlarmCodeName(AlarmSlots.TypeOf(slot), journal.CodeAt(index)));
            writer.Field(WireField.Value, journal.ValueAt(index));
            writer.Key(WireField.ClearedMs);
            if (journal.IsClearedAt(index))
            {
                writer.Long(journal.ClearedTimeMsAt(index));
            }
            else
            {
                writer.Char('-');
            }

            writer.Field(WireField.Acked, journal.IsAcknowledged(index) ? 1 : 0);
            writer.Field(WireField.Session, session);
            writer.Field(WireField.Resent, resend ? 1 : 0);
            transport.Send();
        }

        public static void WriteClear(LineTransport transport, int alarmSequence, long timeMs)
        {
            transport.BeginLine(LinkDictionary.Clear);
            transport.Writer.Field(WireField.Seq, alarmSequence);
            transport.Writer.Field(WireField.TimeMs, timeMs);
            transport.Send();
        }
    }
}
