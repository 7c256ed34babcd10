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
            writer.Field("t", t.TimestampMs);
            writer.Field("src", LinkDictionary.SourceName(mode));
            writer.Field("n", t.SampleCount);
            writer.Field("p_pa", t.PressurePa);
            writer.Field("temp_mc", t.TempMilliC);
            writer.Field("sup_uv", t.SupplyMicrovolts);
            writer.Key("st");
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                writer.Char(LinkDictionary.OutcomeLetter(t.Outcomes[channel]));
            }

            writer.Key("res_pa");
            if (t.HasResidual)
            {
                writer.Int(t.ResidualPa);
            }
            else
            {
                writer.Char('-');
            }

            writer.Field("cusum_pm", t.CusumPermille);
            writer.Field("rate_pa", t.RateDropPa);
            writer.Field("model", t.ModelReady ? 1 : 0);
            writer.Field("unacked", unacknowledged);
            transport.Send();
        }
    }
}
