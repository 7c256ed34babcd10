using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// INJ and INJR &lt;time_ms&gt; &lt;pressure&gt; &lt;temp&gt; &lt;supply&gt;: one sample in REPLAY
    /// mode, stepped through the monitor exactly as a LIVE sample (PROTOCOL.md §6). INJ carries
    /// each channel as its burst of raw counts, 3 hex digits per read; INJR as the burst already
    /// reduced (<see cref="InjectArguments"/>), which the monitor takes instead of reducing. Either
    /// way "-" is a channel not read and "!n" a read that failed with ReadStatus n. A refused line
    /// steps nothing.
    /// </summary>
    internal sealed class InjectHandler : ICommandHandler
    {
        private readonly bool reduced;

        /// <param name="reduced">True for INJR, false for INJ.</param>
        public InjectHandler(bool reduced)
        {
            this.reduced = reduced;
        }

        public void Execute(BoardLink link, int reference)
        {
            RawSample injected = link.Sample;
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            if (link.Mode != LinkMode.Replay)
            {
                replies.BeginError(reference, LinkError.WrongMode);
                link.Transport.Writer.Field(WireField.Need, LinkDictionary.ModeName(LinkMode.Replay));
                link.Transport.Send();
                return;
            }

            if (!cursor.Next())
            {
                replies.MissingArgument(reference, "time_ms");
                return;
            }

            if (!cursor.TryParseLong(0, long.MaxValue / 2, out long timeMs))
            {
                replies.BadArgument(reference, "time_ms");
                return;
            }

            injected.TimestampMs = timeMs;
            int burst = link.Monitor.Derived.BurstLength;
            if (!Channel(link, injected, reference, ChannelId.Pressure, burst)
                || !Channel(link, injected, reference, ChannelId.Temperature, burst)
                || !Channel(link, injected, reference, ChannelId.Supply, burst))
            {
                return;
            }

            if (!replies.NoMoreArguments(reference))
            {
                return;
            }

            link.StepInjected(injected);
            replies.Ok(reference);
        }

        private bool Channel(BoardLink link, RawSample injected, int reference, ChannelId channel, int burst)
        {
            LineCursor cursor = link.Cursor;
            int got;
            int result = reduced
                ? InjectArguments.Reduced(cursor, injected, channel, burst, out got)
                : InjectArguments.Bursts(cursor, injected, channel, burst, out got);
            if (result == InjectArguments.Parsed)
            {
                return true;
            }

            Replies replies = link.Replies;
            string name = MonitorDictionary.ChannelName(channel);
            if (result == InjectArguments.Missing)
            {
                replies.MissingArgument(reference, name);
            }
            else if (result == InjectArguments.WrongReadCount)
            {
                replies.BeginError(reference, LinkError.OutOfRange);
                LineWriter writer = link.Transport.Writer;
                writer.Field(WireField.Argument, name);
                writer.Field(WireField.ExpectedReads, burst);
                writer.Field(WireField.Got, got);
                link.Transport.Send();
            }
            else if (result == InjectArguments.CountsQ8OutOfRange)
            {
                replies.OutOfRange(reference, name, 0, InjectArguments.CountsQ8Max, got);
            }
            else if (result == InjectArguments.RejectedOutOfRange)
            {
                replies.OutOfRange(reference, name, 0, burst, got);
            }
            else
            {
                replies.BadArgument(reference, name);
            }

            return false;
        }
    }
}
