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
            writer.Field(WireField.Mode, LinkDictionary.ModeName(link.Mode));
            writer.Field(WireField.Session, link.Session);
            writer.Field(WireField.UptimeMs, link.UptimeMs);
            writer.Field(WireField.LoopMinMicroseconds, loop.MinMicroseconds);
            writer.Field(WireField.LoopAverageMicroseconds, loop.AverageMicroseconds);
            writer.Field(WireField.LoopMaxMicroseconds, loop.MaxMicroseconds);
            writer.Field(WireField.Cycles, loop.CycleCount);
            writer.Field(WireField.Overruns, loop.Overruns);
            writer.Key(WireField.FreeBytes);
            if (link.Board.FreeMemoryBytes >= 0)
            {
                writer.Long(link.Board.FreeMemoryBytes);
            }
            else
            {
                writer.Char('-');
            }

            writer.Field(WireField.Samples, t.SampleCount);
            writer.Field(WireField.Injected, link.SamplesInjected);
            writer.Field(WireField.Discarded, t.DiscardedSamples);
            writer.Field(WireField.RxLines, link.LinesReceived);
            writer.Field(WireField.RxRejected, link.LinesRejected);
            writer.Field(WireField.RxOverflowBytes, link.RxOverflowBytes);
            writer.Field(WireField.TxDroppedLines, link.TxDroppedLines);
            writer.Field(WireField.AlarmsRaised, link.Journal.RaisedTotal);
            writer.Field(WireField.Unacked, link.Journal.UnacknowledgedCount);
            writer.Field(WireField.JournalLost, link.Journal.OverwrittenUnacknowledged);
            writer.Field(WireField.EventsDropped, link.Monitor.Events.DroppedTotal);
            writer.Field(WireField.TelemetryPeriodMs, link.TelemetryPeriodMs);
            writer.Field(WireField.ReplayHoldsLive, link.HoldsLiveSettings ? 1 : 0);
            writer.Field(WireField.SettingsGeneration, link.Settings == null ? 0 : link.Settings.Generation);
            transport.Send();
        }
    }
}
