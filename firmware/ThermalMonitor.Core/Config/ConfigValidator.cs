using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.FixedPoint;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Config
{
    /// <summary>
    /// Judges a whole <see cref="MonitorConfig"/>: every field against its range in
    /// <see cref="ParameterTable"/>, then the relations between fields, then the derived integer
    /// constants (which must fit their buffers and word sizes). Every problem is reported with the
    /// field it belongs to; only a configuration with no problem yields <see cref="DerivedSettings"/>.
    /// Runs at configuration time only (allocates error strings).
    /// </summary>
    public static class ConfigValidator
    {
        /// <summary>Thermal-model EWMA shift bounds (overflow budget in ThermalModel).</summary>
        public const int ModelShiftMin = 8;
        public const int ModelShiftMax = 20;

        /// <summary>CUSUM threshold bound: 2H in Q8 must stay far inside a long and H fit an int of Pa.</summary>
        private const long CusumThresholdMaxQ8 = (long)int.MaxValue << 8;

        /// <summary>Returns true and fills <paramref name="derived"/> when the configuration is usable.</summary>
        public static bool Validate(MonitorConfig config, ConfigErrors errors, DerivedSettings derived)
        {
            int errorsBefore = errors.Count;
            for (int i = 0; i < ParameterTable.Count; i++)
            {
                ParameterInfo info = ParameterTable.At(i);
                int value = config.Get(info.Id);
                if (value < info.Min || value > info.Max)
                {
                    errors.Add(info.Name, "must be " + info.Min.ToString() + ".." + info.Max.ToString() + " " + info.Unit + ", got " + value.ToString());
                }
            }

            if (errors.Count > errorsBefore)
            {
                // Relations between out-of-range fields would only repeat the same problems.
                return false;
            }

            CheckRelations(config, errors);
            CheckAdcCalibration(config, errors);
            if (errors.Count > errorsBefore)
            {
                return false;
            }

            Derive(config, errors, derived);
            return errors.Count == errorsBefore;
        }

        private static void CheckRelations(MonitorConfig config, ConfigErrors errors)
        {
            RequireLess(config, errors, ParamId.BurstTrimEachSide, 2, ParamId.BurstLength, "twice the trim must leave reads to average");
            RequireLess(config, errors, ParamId.PressureLiveMinPpm, 1, ParamId.PressureLiveMaxPpm, "live band must not be empty");
            RequireLess(config, errors, ParamId.SupplyLiveMinPpm, 1, ParamId.SupplyLiveMaxPpm, "live band must not be empty");
            RequireLess(config, errors, ParamId.TempLiveMinPpm, 1, ParamId.TempLiveMaxPpm, "live band must not be empty");
            RequireLess(config, errors, ParamId.RedLowPa, 1, ParamId.YellowLowPa, "the red limit must be below the yellow limit");
            RequireLess(config, errors, ParamId.TempYellowHighMilliC, 1, ParamId.TempRedHighMilliC, "the yellow limit must be below the red limit");
            RequireLess(config, errors, ParamId.CusumShiftPa, 1, ParamId.CusumClipPa, 2, "a clip at or below the reference k = shift/2 stops the statistic from ever growing");
            if ((long)config.Get(ParamId.PressureZeroPpm) + config.Get(ParamId.PressureSpanPpm) > VoltageDivider.PpmOne)
            {
                errors.Add(ParameterTable.Info(ParamId.PressureSpanPpm).Name, "zero + span must not exceed 1000000 ppm of supply, got " + ((long)config.Get(ParamId.PressureZeroPpm) + config.Get(ParamId.PressureSpanPpm)).ToString());
            }
        }

        /// <summary>Adds an error on <paramref name="smaller"/> unless smaller · factor &lt; larger.</summary>
        private static void RequireLess(MonitorConfig config, ConfigErrors errors, ParamId smaller, int factor, ParamId larger, string why)
        {
            RequireLess(config, errors, smaller, factor, larger, 1, why);
        }

        /// <summary>Adds an error on <paramref name="smaller"/> unless smaller · factor &lt; larger · largerFactor.</summary>
        private static void RequireLess(MonitorConfig config, ConfigErrors errors, ParamId smaller, int factor, ParamId larger, int largerFactor, string why)
        {
            long smallerValue = (long)config.Get(smaller) * factor;
            if (smallerValue >= (long)config.Get(larger) * largerFactor)
            {
                errors.Add(ParameterTable.Info(smaller).Name, why + " (" + ParameterTable.Info(smaller).Name + " = " + config.Get(smaller).ToString() + ", " + ParameterTable.Info(larger).Name + " = " + config.Get(larger).ToString() + ")");
            }
        }

        private static void CheckAdcCalibration(MonitorConfig config, ConfigErrors errors)
        {
            int knots = config.Get(ParamId.AdcCalKnotCount);
            for (int i = 0; i < knots; i++)
            {
                int counts = config.AdcCalCounts[i];
                int microvolts = config.AdcCalMicrovolts[i];
                if (counts < 0 || counts > Channels.AdcCountsMax)
                {
                    errors.Add("adcCalCounts[" + i.ToString() + "]", "must be 0..4095 counts, got " + counts.ToString());
                }

                if (microvolts < 0 || microvolts > 5000000)
                {
                    errors.Add("adcCalMicrovolts[" + i.ToString() + "]", "must be 0..5000000 uV, got " + microvolts.ToString());
                }

                if (i > 0 && counts <= config.AdcCalCounts[i - 1])
                {
                    errors.Add("adcCalCounts[" + i.ToString() + "]", "must be above adcCalCounts[" + (i - 1).ToString() + "] = " + config.AdcCalCounts[i - 1].ToString() + ", got " + counts.ToString());
                }

                if (i > 0 && microvolts <= config.AdcCalMicrovolts[i - 1])
                {
                    errors.Add("adcCalMicrovolts[" + i.ToString() + "]", "must be above adcCalMicrovolts[" + (i - 1).ToString() + "] = " + config.AdcCalMicrovolts[i - 1].ToString() + ", got " + microvolts.ToString());
                }
            }
        }

        private static void Derive(MonitorConfig config, ConfigErrors errors, DerivedSettings derived)
        {
            int periodMs = config.Get(ParamId.SamplePeriodMs);
            derived.SamplePeriodMs = periodMs;
            derived.BurstLength = config.Get(ParamId.BurstLength);
            derived.BurstTrimEachSide = config.Get(ParamId.BurstTrimEachSide);
            derived.BurstOutlierBandCounts = config.Get(ParamId.BurstOutlierBandCounts);
            derived.SampleGapMs = periodMs * 5 / 2;
            derived.SupplyChannelEnabled = config.Get(ParamId.SupplyChannelEnabled) != 0;

            DeriveChannelLimits(config, periodMs, derived);

            derived.RedLowPa = config.Get(ParamId.RedLowPa);
            derived.YellowLowPa = config.Get(ParamId.YellowLowPa);
            derived.LowLimitHysteresisPa = config.Get(ParamId.LowLimitHysteresisPa);
            derived.TempYellowHighMilliC = config.Get(ParamId.TempYellowHighMilliC);
            derived.TempRedHighMilliC = config.Get(ParamId.TempRedHighMilliC);
            derived.TempLimitHysteresisMilliC = config.Get(ParamId.TempLimitHysteresisMilliC);
            derived.LimitPersistSamples = SamplesAtLeastOne(config.Get(ParamId.LimitPersistMs), periodMs);
            derived.ClearPersistSamples = SamplesAtLeastOne(config.Get(ParamId.ClearPersistMs), periodMs);
            derived.FastPersistSamples = SamplesAtLeastOne(config.Get(ParamId.FastPersistMs), periodMs);

            int rateWindowSamples = SamplesAtLeastOne(config.Get(ParamId.RateWindowMs), periodMs);
            if (rateWindowSamples > RateOfDropDetector.WindowSamplesMax)
            {
                errors.Add(ParameterTable.Info(ParamId.RateWindowMs).Name, "must span at most " + RateOfDropDetector.WindowSamplesMax.ToString() + " samples, got " + rateWindowSamples.ToString() + " at " + periodMs.ToString() + " ms per sample");
            }

            derived.RateWindowSamples = rateWindowSamples;

            // The limit applies to the window's real length (a whole number of samples).
            long dropLimit = FixedMath.DivRound((long)config.Get(ParamId.RateLimitPaPerS) * rateWindowSamples * periodMs, 1000);
            derived.RateDropLimitPa = FixedMath.SaturateToInt(dropLimit);

            DeriveModel(config, errors, periodMs, derived);
            DeriveCusum(config, errors, periodMs, derived);
        }

        private static void DeriveChannelLimits(MonitorConfig config, int periodMs, DerivedSettings derived)
        {
            // Pressure: an open signal wire is pulled to 0 V by the divider; a short goes to the rail.
            SetLimits(derived.PressureLimits, config, periodMs, config.Get(ParamId.PressureLiveMinPpm), config.Get(ParamId.PressureLiveMaxPpm),
                FaultReason.Open, FaultReason.Short, config.Get(ParamId.PressureSlewMaxPaPerS));

            // NTC to ground: an open NTC pulls the node up to the rail, a shorted one to 0 V.
            SetLimits(derived.TempLimits, config, periodMs, config.Get(ParamId.TempLiveMinPpm), config.Get(ParamId.TempLiveMaxPpm),
                FaultReason.Short, FaultReason.Open, config.Get(ParamId.TempSlewMaxMilliCPerS));

            SetLimits(derived.SupplyLimits, config, periodMs, config.Get(ParamId.SupplyLiveMinPpm), config.Get(ParamId.SupplyLiveMaxPpm),
                FaultReason.Open, FaultReason.Short, config.Get(ParamId.SupplySlewMaxMicrovoltsPerS));
        }

        /// <summary>One channel's band and slew, plus the validation settings all channels share.</summary>
        private static void SetLimits(ChannelLimits limits, MonitorConfig config, int periodMs, int bandMinPpm, int bandMaxPpm, FaultReason below, FaultReason above, int slewPerSecond)
        {
            limits.BandMinPpm = bandMinPpm;
            limits.BandMaxPpm = bandMaxPpm;
            limits.BelowBandReason = below;
            limits.AboveBandReason = above;
            limits.SlewMaxPerSample = PerSample(slewPerSecond, periodMs);

            int railMarginQ8 = config.Get(ParamId.AdcRailMarginCounts) * 256;
            limits.RailLowCountsQ8 = railMarginQ8;
            limits.RailHighCountsQ8 = (Channels.AdcCountsMax * 256) - railMarginQ8;
            limits.BandHysteresisPpm = config.Get(ParamId.BandHysteresisPpm);
            limits.StuckWindowSamples = config.Get(ParamId.StuckWindowMs) == 0 ? 0 : SamplesAtLeastOne(config.Get(ParamId.StuckWindowMs), periodMs);
            limits.StuckToleranceCountsQ8 = config.Get(ParamId.StuckToleranceCountsQ8);
            limits.NoisySpreadMaxCounts = config.Get(ParamId.NoisySpreadMaxCounts);
            limits.NoisyRecoverSpreadCounts = (int)FixedMath.DivRound((long)limits.NoisySpreadMaxCounts * config.Get(ParamId.NoisyRecoverPercent), 100);
            limits.FaultPersistSamples = SamplesAtLeastOne(config.Get(ParamId.FaultPersistMs), periodMs);
            limits.RecoverSamples = SamplesAtLeastOne(config.Get(ParamId.RecoverMs), periodMs);
        }

        private static void DeriveModel(MonitorConfig config, ConfigErrors errors, int periodMs, DerivedSettings derived)
        {
            int blockSamples = SamplesAtLeastOne(config.Get(ParamId.DecisionBlockMs), periodMs);
            if (blockSamples > DecisionBlock.SamplesMax)
            {
                errors.Add(ParameterTable.Info(ParamId.DecisionBlockMs).Name, "must span at most " + DecisionBlock.SamplesMax.ToString() + " samples, got " + blockSamples.ToString() + " at " + periodMs.ToString() + " ms per sample");
            }

            derived.DecisionBlockSamples = blockSamples;
            long blockMs = (long)blockSamples * periodMs;
            derived.ModelTerms = config.Get(ParamId.ModelTerms);

            long tauBlocks = (long)config.Get(ParamId.ModelTimeConstantS) * 1000 / blockMs;
            int shift = FixedMath.FloorLog2(tauBlocks);
            int shiftMax = derived.ModelTerms > 1 ? ThermalModel.ShiftMaxWithSeveralTerms : ModelShiftMax;
            if (shift < ModelShiftMin || shift > shiftMax)
            {
                errors.Add(ParameterTable.Info(ParamId.ModelTimeConstantS).Name, "must be 2^" + ModelShiftMin.ToString() + "..2^" + shiftMax.ToString() + " decision blocks long, got " + tauBlocks.ToString() + " blocks of " + blockMs.ToString() + " ms");
            }

            derived.ModelShift = shift;
            derived.ModelWarmupBlocks = FixedMath.SaturateToInt((long)config.Get(ParamId.ModelWarmupS) * 1000 / blockMs);
            derived.NoiseLearnStartBlocks = derived.ModelWarmupBlocks / 4;
            derived.ModelTempSwingMinMilliC = config.Get(ParamId.ModelTempSwingMinMilliC);
            derived.ModelPressureMinPa = config.Get(ParamId.ModelPressureMinPa);
            derived.SlowPathEnabled = config.Get(ParamId.SlowPathEnabled) != 0;
            derived.RateCompensated = config.Get(ParamId.RateCompensated) != 0;

            derived.TempFilterShift = 0;
            int filterS = config.Get(ParamId.TempFilterS);
            if (filterS > 0)
            {
                long filterBlocks = (long)filterS * 1000 / blockMs;
                int filterShift = FixedMath.FloorLog2(filterBlocks);
                if (filterBlocks < 2 || filterShift > TemperatureFilter.ShiftMax)
                {
                    errors.Add(ParameterTable.Info(ParamId.TempFilterS).Name, "must be 0 (off) or 2..2^" + TemperatureFilter.ShiftMax.ToString() + " decision blocks long, got " + filterBlocks.ToString() + " blocks of " + blockMs.ToString() + " ms");
                }

                derived.TempFilterShift = filterShift;
            }

            if (derived.ModelTerms >= 2 && filterS == 0)
            {
                errors.Add(ParameterTable.Info(ParamId.ModelTerms).Name, "a lag term needs the temperature filter (tempFilterS > 0), got modelTerms = " + derived.ModelTerms.ToString() + " with tempFilterS = 0");
            }
        }

        private static void DeriveCusum(MonitorConfig config, ConfigErrors errors, int periodMs, DerivedSettings derived)
        {
            long arlSamples = (long)config.Get(ParamId.FalseAlarmIntervalH) * 3600000 / periodMs;
            long arlBlocks = arlSamples / derived.DecisionBlockSamples;
            if (arlBlocks < 2)
            {
                errors.Add(ParameterTable.Info(ParamId.FalseAlarmIntervalH).Name, "must be at least two decision blocks long, got " + arlBlocks.ToString());
                return;
            }

            int members = config.Get(ParamId.CusumBankSize);

            // A false alarm of any member is a false alarm: each gets ARL0 · members (Bonferroni).
            long lnArlQ16 = FixedLog.LnOfIntegerQ16(arlBlocks * members);
            long sigma = config.Get(ParamId.ResidualSigmaPa);
            long shift = config.Get(ParamId.CusumShiftPa);

            // H = h·σ²/δ: (ln ARL0 in Q16)·σ² / (δ·256) is H in Q8. σ ≤ 1e6 keeps the product < 2^63.
            long thresholdQ8 = FixedMath.DivRound(lnArlQ16 * sigma * sigma, shift * 256);
            if ((thresholdQ8 << (members - 1)) > CusumThresholdMaxQ8)
            {
                errors.Add(ParameterTable.Info(ParamId.ResidualSigmaPa).Name, "gives a CUSUM threshold beyond 2^31 Pa; lower it or raise cusumShiftPa");
            }

            derived.FalseAlarmIntervalSamples = arlSamples;
            derived.FalseAlarmIntervalBlocks = arlBlocks;
            derived.CusumLogThresholdQ16 = lnArlQ16;
            derived.CusumReferenceQ8 = shift * 128;
            derived.CusumThresholdQ8 = thresholdQ8;
            derived.CusumBankSize = members;
            derived.NoiseAdaptive = config.Get(ParamId.NoiseAdaptive) != 0;
            derived.CusumGrowthCheck = config.Get(ParamId.CusumGrowthCheck) != 0;
            derived.ResidualSigmaPa = (int)sigma;
            derived.CusumShiftPa = (int)shift;

            // The floor of one block's σ: white noise averages down by √(block samples). √n in Q8.
            long rootBlockQ8 = FixedMath.SqrtFloor((long)derived.DecisionBlockSamples << 16);
            derived.NoiseFloorBlockQ8 = FixedMath.Max(1, FixedMath.DivRound(sigma << 16, rootBlockQ8));
            derived.CusumClearPercent = config.Get(ParamId.CusumClearPercent);
            derived.CusumClipPa = config.Get(ParamId.CusumClipPa);
            long blockMs = (long)derived.DecisionBlockSamples * periodMs;
            derived.CusumPersistBlocks = BlocksAtLeastOne(config.Get(ParamId.CusumPersistMs), blockMs);
            derived.CusumClearBlocks = BlocksAtLeastOne(config.Get(ParamId.ClearPersistMs), blockMs);
            derived.LearnFreezePermille = config.Get(ParamId.LearnFreezePercent) * 10;
        }

        private static int BlocksAtLeastOne(int durationMs, long blockMs)
        {
            long blocks = (durationMs + blockMs - 1) / blockMs;
            return blocks < 1 ? 1 : FixedMath.SaturateToInt(blocks);
        }

        /// <summary>Duration → whole samples, rounded up, at least one.</summary>
        public static int SamplesAtLeastOne(int durationMs, int periodMs)
        {
            long samples = ((long)durationMs + periodMs - 1) / periodMs;
            return samples < 1 ? 1 : FixedMath.SaturateToInt(samples);
        }

        /// <summary>Rate per second → largest step per sample, rounded up, at least one unit.</summary>
        private static int PerSample(int perSecond, int periodMs)
        {
            long step = ((long)perSecond * periodMs + 999) / 1000;
            return step < 1 ? 1 : FixedMath.SaturateToInt(step);
        }
    }
}
