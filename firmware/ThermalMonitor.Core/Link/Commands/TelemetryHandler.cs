namespace ThermalMonitor.Core.Link
{
    /// <summary>TLM &lt;period_ms&gt;: telemetry every period_ms of sample time (0 = off); the next sample is sent at once.</summary>
    internal sealed class TelemetryHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            if (!cursor.Next())
            {
                replies.MissingArgument(reference, "period_ms");
                return;
            }

            if (!cursor.TryParseLong(long.MinValue, long.MaxValue, out long periodMs))
            {
                replies.BadArgument(reference, "period_ms");
                return;
            }

            if (periodMs < 0 || periodMs > BoardLink.TelemetryPeriodMaxMs)
            {
                replies.OutOfRange(reference, "period_ms", 0, BoardLink.TelemetryPeriodMaxMs, periodMs);
                return;
            }

            if (!replies.NoMoreArguments(reference))
            {
                return;
            }

            link.SetTelemetryPeriod((int)periodMs);
            replies.BeginOk(reference);
            link.Transport.Writer.Field(WireField.PeriodMs, link.TelemetryPeriodMs);
            link.Transport.Send();
        }
    }
}
