using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Link
{
    /// <summary>TLM lines (PROTOCOL.md §5): the latest sample's values and the detector's state.</summary>
    public static class TelemetryLine
    {
        public static void Write(LineTransport transport, MonitorTelemetry t, LinkMode mode, int unacknowledged)
        {
            transport.BeginLine(LinkDictionary.Telemetry);
            LineWriter writer = transport.Writer;
            writer.Field(WireField.TimeMs, t.TimestampMs);
            writer.Field(WireField.Source, LinkDictionary.SourceName(mode));
            writer.Field(WireField.SampleCount, t.SampleCount);
            writer.Field(WireField.PressurePa, t.PressurePa);
            writer.Field(WireField.TempMilliC, t.TempMilliC);
            writer.Field(WireField.SupplyMicrovolts, t.SupplyMicrovolts);
            writer.Key(WireField.ChannelStates);
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                writer.Char(LinkDictionary.OutcomeLetter(t.Outcomes[channel]));
            }

            writer.Key(WireField.ResidualPa);
            if (t.HasResidual)
            {
                writer.Int(t.ResidualPa);
            }
            else
            {
                writer.Char('-');
            }

            writer.Field(WireField.CusumPermille, t.CusumPermille);
            writer.Field(WireField.RateDropPa, t.RateDropPa);
            writer.Field(WireField.ModelReady, t.ModelReady ? 1 : 0);
            writer.Field(WireField.Unacked, unacknowledged);
            transport.Send();
        }
    }
}
