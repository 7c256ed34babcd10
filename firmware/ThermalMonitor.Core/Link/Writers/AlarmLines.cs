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
            writer.Field("seq", journal.SequenceAt(index));
            writer.Field("type", MonitorDictionary.AlarmTypeName(journal.TypeAt(index)));
            writer.Field("sev", MonitorDictionary.SeverityName(journal.SeverityAt(index)));
            writer.Field("ch", MonitorDictionary.ChannelName(journal.ChannelAt(index)));
            writer.Field("t", journal.RaisedTimeMsAt(index));
            writer.Field("cause", MonitorDictionary.AlarmCodeName(journal.TypeAt(index), journal.CodeAt(index)));
            writer.Field("value", journal.ValueAt(index));
            writer.Key("cleared");
            if (journal.IsClearedAt(index))
            {
                writer.Long(journal.ClearedTimeMsAt(index));
            }
            else
            {
                writer.Char('-');
            }

            writer.Field("acked", journal.IsAcknowledged(index) ? 1 : 0);
            writer.Field("session", session);
            writer.Field("re", resend ? 1 : 0);
            transport.Send();
        }

        public static void WriteClear(LineTransport transport, int alarmSequence, long timeMs)
        {
            transport.BeginLine(LinkDictionary.Clear);
            transport.Writer.Field("seq", alarmSequence);
            transport.Writer.Field("t", timeMs);
            transport.Send();
        }
    }
}
