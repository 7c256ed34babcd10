using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Link
{
    /// <summary>STATUS (PROTOCOL.md §5): loop timing, memory, counters of everything that can be lost or refused.</summary>
    public static class StatusLine
    {
        public static void Write(BoardLink link, int reference)
        {
            LoopTiming loop = link.Board.Loop;
            MonitorTelemetry t = link.Monitor.Telemetry;
            LineTransport transport = link.Transport;
            transport.BeginLine(LinkDictionary.Status);
            LineWriter writer = transport.Writer;
            Replies.WriteReference(writer, reference);
            writer.Field("mode", LinkDictionary.ModeName(link.Mode));
            writer.Field("session", link.Session);
            writer.Field("uptime_ms", link.UptimeMs);
            writer.Field("loop_min_us", loop.MinMicroseconds);
            writer.Field("loop_avg_us", loop.AverageMicroseconds);
            writer.Field("loop_max_us", loop.MaxMicroseconds);
            writer.Field("cycles", loop.CycleCount);
            writer.Field("overruns", loop.Overruns);
            writer.Key("free_bytes");
            if (link.Board.FreeMemoryBytes >= 0)
            {
                writer.Long(link.Board.FreeMemoryBytes);
            }
            else
            {
                writer.Char('-');
            }

            writer.Field("samples", t.SampleCount);
            writer.Field("injected", link.SamplesInjected);
            writer.Field("discarded", t.DiscardedSamples);
            writer.Field("rx_lines", link.LinesReceived);
            writer.Field("rx_rejected", link.LinesRejected);
            writer.Field("rx_overflow_bytes", link.RxOverflowBytes);
            writer.Field("tx_dropped_lines", link.TxDroppedLines);
            writer.Field("alarms_raised", link.Journal.RaisedTotal);
            writer.Field("unacked", link.Journal.UnacknowledgedCount);
            writer.Field("journal_lost", link.Journal.OverwrittenUnacknowledged);
            writer.Field("events_dropped", link.Monitor.Events.DroppedTotal);
            writer.Field("tlm_ms", link.TelemetryPeriodMs);
            writer.Field("replay_holds_live", link.HoldsLiveSettings ? 1 : 0);
            writer.Field("settings_gen", link.Settings == null ? 0 : link.Settings.Generation);
            transport.Send();
        }
    }
}
