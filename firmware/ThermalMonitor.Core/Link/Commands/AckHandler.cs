using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Link
{
    /// <summary>ACK &lt;alarm_seq&gt; | ACK ALL: the host has seen the alarm; re-sending stops and the latch may clear (PROTOCOL.md §8).</summary>
    internal sealed class AckHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            LineWriter writer = link.Transport.Writer;
            if (!cursor.Next())
            {
                replies.MissingArgument(reference, "alarm_seq");
                return;
            }

            long time = link.LinkTimeMs;
            if (cursor.TokenIs(LinkDictionary.All))
            {
                if (!replies.NoMoreArguments(reference))
                {
                    return;
                }

                int acknowledged = link.Monitor.AcknowledgeAll(time);
                replies.BeginOk(reference);
                writer.Field(WireField.Acked, acknowledged);
                link.Transport.Send();
                return;
            }

            if (!cursor.TryParseInt(1, int.MaxValue, out int alarmSequence))
            {
                replies.BadArgument(reference, "alarm_seq");
                return;
            }

            if (!replies.NoMoreArguments(reference))
            {
                return;
            }

            AckResult result = link.Monitor.Acknowledge(alarmSequence, time);
            if (result == AckResult.NotFound)
            {
                replies.BeginError(reference, LinkError.NotFound);
                writer.Field(WireField.Alarm, alarmSequence);
                link.Transport.Send();
                return;
            }

            replies.BeginOk(reference);
            writer.Field(WireField.Alarm, alarmSequence);
            writer.Field(WireField.Result, result == AckResult.Acknowledged ? LinkDictionary.AckResultAcked : result == AckResult.AlreadyAcknowledged ? LinkDictionary.AckResultAlready : LinkDictionary.AckResultDelivered);
            link.Transport.Send();
        }
    }
}
