using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// INJ &lt;time_ms&gt; &lt;pressure&gt; &lt;temp&gt; &lt;supply&gt;: one sample of raw counts in REPLAY
    /// mode, stepped through the monitor exactly as a LIVE sample (PROTOCOL.md §6). Each channel is
    /// 3 hex digits per read, "-" (not read) or "!n" (the read failed with ReadStatus n).
    /// </summary>
    internal sealed class InjectHandler : ICommandHandler
    {
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
            if (!ParseReads(link, injected, reference, ChannelId.Pressure) || !ParseReads(link, injected, reference, ChannelId.Temperature) || !ParseReads(link, injected, reference, ChannelId.Supply))
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

        private static bool ParseReads(BoardLink link, RawSample injected, int reference, ChannelId channel)
        {
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            string name = MonitorDictionary.ChannelName(channel);
            if (!cursor.Next())
            {
                replies.MissingArgument(reference, name);
                return false;
            }

            int start = cursor.TokenStart;
            int length = cursor.TokenLength;
            if (cursor.TokenIs(LinkDictionary.NotRead))
            {
                injected.SetFailed(channel, ReadStatus.NotRead);
                return true;
            }

            if (length == 2 && cursor.ByteAt(start) == (byte)'!')
            {
                int code = cursor.ByteAt(start + 1) - '0';
                if (code >= (int)ReadStatus.DriverError && code <= (int)ReadStatus.NotRead)
                {
                    injected.SetFailed(channel, (ReadStatus)code);
                    return true;
                }

                replies.BadArgument(reference, name);
                return false;
            }

            int burst = link.Monitor.Derived.BurstLength;
            if (length % 3 != 0)
            {
                replies.BadArgument(reference, name);
                return false;
            }

            if (length / 3 != burst)
            {
                replies.BeginError(reference, LinkError.OutOfRange);
                LineWriter writer = link.Transport.Writer;
                writer.Field(WireField.Argument, name);
                writer.Field(WireField.ExpectedReads, burst);
                writer.Field(WireField.Got, length / 3);
                link.Transport.Send();
                return false;
            }

            int[] reads = injected.ReadsCounts(channel);
            for (int i = 0; i < burst; i++)
            {
                int high = cursor.HexDigitAt(start + (3 * i));
                int middle = cursor.HexDigitAt(start + (3 * i) + 1);
                int low = cursor.HexDigitAt(start + (3 * i) + 2);
                if (high < 0 || middle < 0 || low < 0)
                {
                    replies.BadArgument(reference, name);
                    return false;
                }

                reads[i] = (high << 8) | (middle << 4) | low;
            }

            injected.SetReads(channel, burst);
            return true;
        }
    }
}
