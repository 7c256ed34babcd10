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

        /// <summary>σ of one decision block the slow path assumes at its longest scale (Pa).</summary>
        public int NoiseSigmaPa;
        public int RateDropPa;
        public bool ModelReady;
        public long ModelSlopeQ16;

        /// <summary>Samples thrown away because their timestamp did not increase.</summary>
        public int DiscardedSamples;
        public int GlitchesRejected;
        public int SuppressedEvents;
        public int InvariantFailures;

        /// <summary>Everything back to zero, as at power-on (a monitor restart).</summary>
        public void Reset()
        {
            System.Array.Clear(PinMicrovolts, 0, Channels.Count);
            System.Array.Clear(CountsQ8, 0, Channels.Count);
            System.Array.Clear(SpreadCounts, 0, Channels.Count);
            System.Array.Clear(RejectedReads, 0, Channels.Count);
            System.Array.Clear(Outcomes, 0, Channels.Count);
            System.Array.Clear(FaultReasons, 0, Channels.Count);
            SampleCount = 0;
            TimestampMs = 0;
            PressurePa = 0;
            TempMilliC = 0;
            SupplyMicrovolts = 0;
            HasResidual = false;
            ResidualPa = 0;
            PredictedPa = 0;
            CusumPermille = 0;
            NoiseSigmaPa = 0;
            RateDropPa = 0;
            ModelReady = false;
            ModelSlopeQ16 = 0;
            DiscardedSamples = 0;
            GlitchesRejected = 0;
            SuppressedEvents = 0;
            InvariantFailures = 0;
        }

        public bool IsAccepted(ChannelId channel) => Outcomes[(int)channel] == ValidationOutcome.Accepted;
    }
}
