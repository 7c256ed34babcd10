using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Config
{
    /// <summary>
    /// Integer constants the sampling path uses, derived once from a validated
    /// <see cref="MonitorConfig"/> by <see cref="ConfigValidator"/> (durations → sample counts,
    /// rates → per-sample steps, false-alarm interval → CUSUM threshold). Nothing here is
    /// recomputed per sample.
    /// </summary>
    public sealed class DerivedSettings
    {
        public int SamplePeriodMs;
        public int BurstLength;
        public int BurstTrimEachSide;
        public int BurstOutlierBandCounts;

        /// <summary>A timestamp step above this many ms is a gap (2.5 periods).</summary>
        public int SampleGapMs;

        public readonly ChannelLimits PressureLimits = new ChannelLimits();
        public readonly ChannelLimits TempLimits = new ChannelLimits();
        public readonly ChannelLimits SupplyLimits = new ChannelLimits();
        public bool SupplyChannelEnabled;

        public int RedLowPa;
        public int YellowLowPa;
        public int LowLimitHysteresisPa;
        public int TempYellowHighMilliC;
        public int TempRedHighMilliC;
        public int TempLimitHysteresisMilliC;
        public int LimitPersistSamples;
        public int ClearPersistSamples;

        public int RateWindowSamples;
        public int RateDropLimitPa;
        public int FastPersistSamples;

        /// <summary>EWMA time constant of the thermal model = 2^ModelShift samples.</summary>
        public int ModelShift;
        public int ModelWarmupSamples;
        public int ModelTempSwingMinMilliC;
        public int ModelPressureMinPa;

        /// <summary>Configured false-alarm interval in samples (the CUSUM's ARL0).</summary>
        public long FalseAlarmIntervalSamples;

        /// <summary>h = ln(ARL0) in Q16 (the threshold in log-likelihood units).</summary>
        public long LnFalseAlarmIntervalQ16;

        /// <summary>k = δ/2 in Q8 Pa.</summary>
        public long CusumReferenceQ8;

        /// <summary>H = h·σ²/δ in Q8 Pa.</summary>
        public long CusumThresholdQ8;
        public int CusumClearPercent;
        public int CusumClipPa;
        public int CusumPersistSamples;
        public int LearnFreezePermille;

        /// <summary>False: the thermal model and its statistic are off (no temperature to compensate with).</summary>
        public bool SlowPathEnabled;
    }
}
