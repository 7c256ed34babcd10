using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Monitoring
{
    /// <summary>
    /// Snapshot of the last sample, overwritten in place every cycle (no allocation): what the link
    /// sends as telemetry and what tests and the host plots read.
    /// </summary>
    public sealed class MonitorTelemetry
    {
        public readonly int[] PinMicrovolts = new int[Channels.Count];
        public readonly int[] CountsQ8 = new int[Channels.Count];
        public readonly int[] SpreadCounts = new int[Channels.Count];
        public readonly int[] RejectedReads = new int[Channels.Count];
        public readonly ValidationOutcome[] Outcomes = new ValidationOutcome[Channels.Count];
        public readonly FaultReason[] FaultReasons = new FaultReason[Channels.Count];

        /// <summary>Samples processed since start-up (discarded ones excluded).</summary>
        public long SampleCount;
        public long TimestampMs;

        public int PressurePa;
        public int TempMilliC;

        /// <summary>Supply used for the ratiometric conversion (measured, or nominal).</summary>
        public int SupplyMicrovolts;

        public bool HasResidual;
        public int ResidualPa;
        public int PredictedPa;
        public int CusumPermille;
        public int RateDropPa;
        public bool ModelReady;
        public long ModelSlopeQ16;

        /// <summary>Samples thrown away because their timestamp did not increase.</summary>
        public int DiscardedSamples;
        public int GlitchesRejected;
        public int SuppressedEvents;
        public int InvariantFailures;

        public bool IsAccepted(ChannelId channel) => Outcomes[(int)channel] == ValidationOutcome.Accepted;
    }
}
