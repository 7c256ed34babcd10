namespace ThermalMonitor.Core.Validation
{
    /// <summary>
    /// One channel's validation limits in derived integer units (computed once at configuration
    /// time from physical parameters, so the validator does no scaling per sample).
    /// </summary>
    public sealed class ChannelLimits
    {
        /// <summary>Live band of the channel's band signal in ppm (below min or above max = open/short).</summary>
        public int BandMinPpm;
        public int BandMaxPpm;

        /// <summary>Burst means at or below this (Q8 counts) are at the ADC's low rail: below the band.</summary>
        public int RailLowCountsQ8;

        /// <summary>Burst means at or above this (Q8 counts) are at the ADC's high rail: above the band.</summary>
        public int RailHighCountsQ8;

        /// <summary>A faulted channel must come back this far inside the band to count as good again.</summary>
        public int BandHysteresisPpm;

        /// <summary>What leaving the band on the low side means for this wiring (open for a pulled-down signal).</summary>
        public FaultReason BelowBandReason;
        public FaultReason AboveBandReason;

        /// <summary>Largest plausible change per sample of the engineering value (its own unit).</summary>
        public int SlewMaxPerSample;

        /// <summary>Samples with an unchanged reading that make it stuck; 0 disables the check.</summary>
        public int StuckWindowSamples;
        public int StuckToleranceCountsQ8;

        public int NoisySpreadMaxCounts;
        public int NoisyRecoverSpreadCounts;

        /// <summary>Consecutive bad samples before the channel is declared faulted.</summary>
        public int FaultPersistSamples;

        /// <summary>Consecutive good samples before a faulted channel is trusted again.</summary>
        public int RecoverSamples;

        public void CopyFrom(ChannelLimits other)
        {
            BandMinPpm = other.BandMinPpm;
            BandMaxPpm = other.BandMaxPpm;
            BandHysteresisPpm = other.BandHysteresisPpm;
            RailLowCountsQ8 = other.RailLowCountsQ8;
            RailHighCountsQ8 = other.RailHighCountsQ8;
            BelowBandReason = other.BelowBandReason;
            AboveBandReason = other.AboveBandReason;
            SlewMaxPerSample = other.SlewMaxPerSample;
            StuckWindowSamples = other.StuckWindowSamples;
            StuckToleranceCountsQ8 = other.StuckToleranceCountsQ8;
            NoisySpreadMaxCounts = other.NoisySpreadMaxCounts;
            NoisyRecoverSpreadCounts = other.NoisyRecoverSpreadCounts;
            FaultPersistSamples = other.FaultPersistSamples;
            RecoverSamples = other.RecoverSamples;
        }
    }
}
