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

        /// <summary>Samples per slow-path decision block (1 = decide on every sample, as v1).</summary>
        public int DecisionBlockSamples;

        /// <summary>EWMA time constant of the thermal model = 2^ModelShift blocks.</summary>
        public int ModelShift;
        public int ModelWarmupBlocks;
        public int ModelTempSwingMinMilliC;
        public int ModelPressureMinPa;

        /// <summary>Thermal model terms (1..3).</summary>
        public int ModelTerms;

        /// <summary>Fast temperature filter time constant = 2^TempFilterShift blocks; 0 = raw temperature.</summary>
        public int TempFilterShift;

        /// <summary>Configured false-alarm interval in samples (what the information bound uses).</summary>
        public long FalseAlarmIntervalSamples;

        /// <summary>Configured false-alarm interval in decision blocks (the statistic's ARL0).</summary>
        public long FalseAlarmIntervalBlocks;

        /// <summary>h = ln(ARL0 in blocks · bank members) in Q16: the threshold in log-likelihood units.</summary>
        public long CusumLogThresholdQ16;

        /// <summary>k = δ/2 of the largest member at residualSigmaPa, Q8 Pa.</summary>
        public long CusumReferenceQ8;

        /// <summary>H = h·σ²/δ of the largest member at residualSigmaPa, Q8 Pa (the threshold, with fixed noise).</summary>
        public long CusumThresholdQ8;
        public int CusumBankSize;
        public bool NoiseAdaptive;
        public bool CusumGrowthCheck;

        /// <summary>Smallest σ of one block the noise estimator assumes: residualSigmaPa/√(block samples), Q8 Pa.</summary>
        public long NoiseFloorBlockQ8;

        /// <summary>Blocks the model has learned before the noise estimator starts (a quarter of the warm-up).</summary>
        public int NoiseLearnStartBlocks;
        public int ResidualSigmaPa;
        public int CusumShiftPa;
        public int CusumClearPercent;
        public int CusumClipPa;
        public int CusumPersistBlocks;
        public int CusumClearBlocks;
        public int LearnFreezePermille;

        /// <summary>False: the thermal model and its statistic are off (no temperature to compensate with).</summary>
        public bool SlowPathEnabled;

        /// <summary>The rate-of-drop path watches the thermal-compensated pressure once the model is ready.</summary>
        public bool RateCompensated;
    }
}
