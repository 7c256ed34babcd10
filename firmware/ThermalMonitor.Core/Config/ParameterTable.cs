namespace ThermalMonitor.Core.Config
{
    /// <summary>
    /// The declarative parameter dictionary (F Prime style): one row per <see cref="ParamId"/>, used
    /// by validation, by the JSON configuration codec and exported for host tools. Defaults describe
    /// the documented bench hardware (hardware/README.md) and a loop like docs/physics.md §2.3.
    /// </summary>
    public static class ParameterTable
    {
        private static readonly ParameterInfo[] Rows = BuildRows();

        public static int Count => Rows.Length;

        public static ParameterInfo Info(ParamId id) => Rows[(int)id];

        public static ParameterInfo At(int index) => Rows[index];

        /// <summary>Row index for a wire name, or -1 (linear search: configuration time only).</summary>
        public static int IndexOf(string name)
        {
            for (int i = 0; i < Rows.Length; i++)
            {
                if (Rows[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static ParameterInfo[] BuildRows()
        {
            return new ParameterInfo[]
            {
                // Acquisition: 10 Hz output, 32-read bursts, trimmed mean (docs/physics.md §4.3).
                new ParameterInfo(ParamId.SamplePeriodMs, "samplePeriodMs", "ms", 10, 60000, 100, "Output sample period"),
                new ParameterInfo(ParamId.BurstLength, "burstLength", "reads", 1, 64, 32, "ADC reads per channel per sample"),
                new ParameterInfo(ParamId.BurstTrimEachSide, "burstTrimEachSide", "reads", 0, 31, 4, "Lowest and highest reads dropped before averaging"),
                new ParameterInfo(ParamId.BurstOutlierBandCounts, "burstOutlierBandCounts", "counts", 1, 4095, 24, "Reads further than this from the burst median count as rejected outliers"),
                new ParameterInfo(ParamId.AdcCalKnotCount, "adcCalKnotCount", "knots", 2, 8, 3, "Knots used from adcCalCounts/adcCalMicrovolts"),

                // Pressure: absolute 0-500 kPa ratiometric transducer, 10 %..90 % of 5 V, 10k/10k divider (docs/physics.md §4.1).
                new ParameterInfo(ParamId.PressureFullScalePa, "pressureFullScalePa", "Pa", 1000, 100000000, 500000, "Transducer full-scale pressure"),
                new ParameterInfo(ParamId.PressureZeroOffsetPa, "pressureZeroOffsetPa", "Pa", -2000000, 2000000, 0, "Pressure at the zero point (101325 for a gauge sensor at sea level)"),
                new ParameterInfo(ParamId.PressureZeroPpm, "pressureZeroPpm", "ppm of supply", 0, 500000, 100000, "Output at zero pressure as a fraction of supply"),
                new ParameterInfo(ParamId.PressureSpanPpm, "pressureSpanPpm", "ppm of supply", 100000, 1000000, 800000, "Output span from zero to full scale"),
                new ParameterInfo(ParamId.PressureDividerPpm, "pressureDividerPpm", "ppm", 10000, 1000000, 500000, "Divider ratio pin/transducer output"),
                new ParameterInfo(ParamId.PressureLiveMinPpm, "pressureLiveMinPpm", "ppm of supply", 0, 1000000, 90000, "Below: open wire, or a reading below vacuum (0 kPa absolute is 100000 ppm; the margin is the transducer's zero tolerance)"),
                new ParameterInfo(ParamId.PressureLiveMaxPpm, "pressureLiveMaxPpm", "ppm of supply", 0, 1000000, 910000, "Above: short to supply, or beyond full scale (900000 ppm) where the transducer saturates"),
                new ParameterInfo(ParamId.PressureSlewMaxPaPerS, "pressureSlewMaxPaPerS", "Pa/s", 10, 1000000000, 1000000, "Fastest physically possible pressure change (a 12 mm hole is ~300 kPa/s)"),

                // Transducer supply rail measured through a 20k/10k divider (ratiometric correction).
                new ParameterInfo(ParamId.SupplyChannelEnabled, "supplyChannelEnabled", "bool", 0, 1, 1, "1: measure the transducer supply; 0: assume nominal"),
                new ParameterInfo(ParamId.SupplyNominalMicrovolts, "supplyNominalMicrovolts", "uV", 1000000, 24000000, 5000000, "Nominal transducer supply"),
                new ParameterInfo(ParamId.SupplyDividerPpm, "supplyDividerPpm", "ppm", 10000, 1000000, 333333, "Divider ratio pin/supply"),
                new ParameterInfo(ParamId.SupplyLiveMinPpm, "supplyLiveMinPpm", "ppm of nominal", 0, 2000000, 900000, "Below: supply open/sagging"),
                new ParameterInfo(ParamId.SupplyLiveMaxPpm, "supplyLiveMaxPpm", "ppm of nominal", 0, 2000000, 1100000, "Above: supply shorted/over-voltage"),
                new ParameterInfo(ParamId.SupplySlewMaxMicrovoltsPerS, "supplySlewMaxMicrovoltsPerS", "uV/s", 1, 100000000, 2000000, "Fastest plausible rail change"),

                // Coolant temperature: 10k B3950 NTC to ground, 10k to 3.3 V (docs/physics.md §4.2).
                new ParameterInfo(ParamId.NtcModel, "ntcModel", "0=beta,1=steinhart-hart", 0, 1, 0, "NTC curve model"),
                new ParameterInfo(ParamId.NtcSeriesOhm, "ntcSeriesOhm", "ohm", 100, 10000000, 10000, "Series resistor from the divider supply"),
                new ParameterInfo(ParamId.NtcR25Ohm, "ntcR25Ohm", "ohm", 100, 10000000, 10000, "NTC resistance at 25 C (beta model)"),
                new ParameterInfo(ParamId.NtcBetaK, "ntcBetaK", "K", 1000, 10000, 3950, "NTC beta (beta model)"),
                new ParameterInfo(ParamId.NtcShAPico, "ntcShAPico", "1e-12/K", 0, 2000000000, 1009249522, "Steinhart-Hart A"),
                new ParameterInfo(ParamId.NtcShBPico, "ntcShBPico", "1e-12/K", 0, 2000000000, 237840544, "Steinhart-Hart B"),
                new ParameterInfo(ParamId.NtcShCPico, "ntcShCPico", "1e-12/K", -100000000, 100000000, 201920, "Steinhart-Hart C"),
                new ParameterInfo(ParamId.NtcSupplyMicrovolts, "ntcSupplyMicrovolts", "uV", 1000000, 6000000, 3300000, "NTC divider supply"),
                new ParameterInfo(ParamId.TempLiveMinPpm, "tempLiveMinPpm", "ppm of NTC supply", 0, 1000000, 15000, "Below: NTC shorted (about +150 C)"),
                new ParameterInfo(ParamId.TempLiveMaxPpm, "tempLiveMaxPpm", "ppm of NTC supply", 0, 1000000, 940000, "Above: NTC open (about -24 C; the 12 dB ADC tops out near 3.15 V = 955000 ppm of 3.3 V)"),
                new ParameterInfo(ParamId.TempSlewMaxMilliCPerS, "tempSlewMaxMilliCPerS", "milli-C/s", 1, 1000000, 5000, "Fastest plausible coolant temperature change"),

                // Validation timing and bounds.
                new ParameterInfo(ParamId.BandHysteresisPpm, "bandHysteresisPpm", "ppm", 0, 200000, 10000, "How far inside the live band a faulted channel must return"),
                new ParameterInfo(ParamId.FaultPersistMs, "faultPersistMs", "ms", 0, 60000, 300, "Bad condition time before a channel faults (shorter runs are rejected glitches)"),
                new ParameterInfo(ParamId.RecoverMs, "recoverMs", "ms", 0, 600000, 5000, "Good time before a faulted channel is trusted again"),
                new ParameterInfo(ParamId.StuckWindowMs, "stuckWindowMs", "ms", 0, 3600000, 3000, "Unchanged burst mean for this long is stuck (0 disables); a live 32-read Q8 mean never repeats this long, and a frozen pressure must fault before the leak statistic reads it"),
                new ParameterInfo(ParamId.StuckToleranceCountsQ8, "stuckToleranceCountsQ8", "counts/256", 0, 1048320, 0, "Change that still counts as unchanged"),
                new ParameterInfo(ParamId.NoisySpreadMaxCounts, "noisySpreadMaxCounts", "counts", 1, 4095, 48, "Kept-read spread above this is noisy"),
                new ParameterInfo(ParamId.NoisyRecoverPercent, "noisyRecoverPercent", "%", 1, 100, 75, "Spread bound for recovery, as % of the noisy bound"),

                // Fast path and limits (loop nominal ~250 kPa abs, docs/physics.md §2.3).
                new ParameterInfo(ParamId.RedLowPa, "redLowPa", "Pa", 0, 100000000, 40000, "Red low limit (WARNING): below any working loop (about 1-4 bar absolute), above a loop emptied to vapour pressure"),
                new ParameterInfo(ParamId.YellowLowPa, "yellowLowPa", "Pa", 0, 100000000, 70000, "Yellow low limit (CAUTION): below the thermal swing of a 1-bar loop"),
                new ParameterInfo(ParamId.LowLimitHysteresisPa, "lowLimitHysteresisPa", "Pa", 0, 10000000, 5000, "Clear hysteresis of the low limits"),
                new ParameterInfo(ParamId.LimitPersistMs, "limitPersistMs", "ms", 0, 600000, 500, "Limit exceedance time before raising (glitches are already withheld by validation)"),
                new ParameterInfo(ParamId.ClearPersistMs, "clearPersistMs", "ms", 0, 600000, 5000, "Condition-absent time before clearing"),
                new ParameterInfo(ParamId.RateWindowMs, "rateWindowMs", "ms", 10, 1200000, 30000, "Rate-of-drop window (at most 1200 samples)"),
                new ParameterInfo(ParamId.RateLimitPaPerS, "rateLimitPaPerS", "Pa/s", 1, 100000000, 200, "Rate-of-drop limit (thermal cycle is <= 20 Pa/s, MS-22 ~900)"),
                new ParameterInfo(ParamId.FastPersistMs, "fastPersistMs", "ms", 0, 600000, 1000, "Rate exceedance time before raising"),

                // Slow path: thermal model + CUSUM (docs/physics.md §5).
                new ParameterInfo(ParamId.ModelTimeConstantS, "modelTimeConstantS", "s", 1, 10000000, 8192, "Learning time constant of the P-T relation (rounded down to a power of two decision blocks)"),
                new ParameterInfo(ParamId.ModelWarmupS, "modelWarmupS", "s", 0, 10000000, 5600, "Learning time before the slow path decides (about one orbit)"),
                new ParameterInfo(ParamId.ModelTempSwingMinMilliC, "modelTempSwingMinMilliC", "milli-C rms", 1, 100000, 50, "Temperature swing needed to learn the slope (about 3x the temperature noise); until then the model does not extrapolate beyond twice this from the mean"),
                new ParameterInfo(ParamId.ModelPressureMinPa, "modelPressureMinPa", "Pa", 30000, 100000000, 50000, "Pressures below this are never learned"),
                new ParameterInfo(ParamId.ResidualSigmaPa, "residualSigmaPa", "Pa", 10, 1000000, 50, "Residual noise per sample: the floor of the learned estimate (noiseAdaptive 1), or the noise assumed (0)"),
                new ParameterInfo(ParamId.CusumShiftPa, "cusumShiftPa", "Pa", 10, 10000000, 400, "Shift the largest CUSUM is tuned to at residualSigmaPa (reference k = shift/2); member i is tuned to shift/2^i, scaled with the learned noise when noiseAdaptive is 1"),
                new ParameterInfo(ParamId.CusumClipPa, "cusumClipPa", "Pa", 10, 10000000, 350, "Residuals are clipped to +/- this for the largest CUSUM at residualSigmaPa (glitch robustness); every member may add at most clip - shift/2 per block, scaled with the learned noise"),
                new ParameterInfo(ParamId.FalseAlarmIntervalH, "falseAlarmIntervalH", "h", 1, 100000000, 8760, "Target mean time between slow-path false alarms (sets the threshold)"),
                new ParameterInfo(ParamId.CusumPersistMs, "cusumPersistMs", "ms", 0, 600000, 3000, "Statistic above threshold (then above the clear level) this long before raising; with the growth check, transients that have passed are rejected"),
                new ParameterInfo(ParamId.CusumClearPercent, "cusumClearPercent", "%", 0, 99, 50, "Statistic must fall to this % of threshold to clear"),
                new ParameterInfo(ParamId.LearnFreezePercent, "learnFreezePercent", "%", 1, 100, 25, "Model stops learning while the statistic is above this % of threshold"),

                // OVERTEMP (coolant range up to +40 C, docs/physics.md §2.2).
                new ParameterInfo(ParamId.TempYellowHighMilliC, "tempYellowHighMilliC", "milli-C", -100000, 250000, 40000, "Yellow high limit (CAUTION)"),
                new ParameterInfo(ParamId.TempRedHighMilliC, "tempRedHighMilliC", "milli-C", -100000, 250000, 50000, "Red high limit (WARNING)"),
                new ParameterInfo(ParamId.TempLimitHysteresisMilliC, "tempLimitHysteresisMilliC", "milli-C", 0, 100000, 1000, "Clear hysteresis of the temperature limits"),

                // Appended (parameter ids are a contract): a saturated ADC cannot measure.
                new ParameterInfo(ParamId.AdcRailMarginCounts, "adcRailMarginCounts", "counts", 0, 512, 8, "A burst mean within this of 0 or 4095 is outside the live band (a saturated ADC cannot measure)"),
                new ParameterInfo(ParamId.SlowPathEnabled, "slowPathEnabled", "bool", 0, 1, 1, "1: thermal-compensated slow path on; 0: off (no coolant temperature to compensate with, e.g. a pressure-only recording)"),

                // The slow path of issue 9 (v1 values in brackets give the detector before it): decisions on
                // block means, noise learned online, a bank of CUSUMs, conditioned temperature, a lag term.
                new ParameterInfo(ParamId.DecisionBlockMs, "decisionBlockMs", "ms", 10, 60000, 1000, "The slow path decides on means of blocks this long (whole samples, rounded up) [v1: one sample]"),
                new ParameterInfo(ParamId.NoiseAdaptive, "noiseAdaptive", "bool", 0, 1, 1, "1: learn the residual noise and its correlation online, residualSigmaPa is the floor; 0: assume residualSigmaPa [v1: 0]"),
                new ParameterInfo(ParamId.CusumBankSize, "cusumBankSize", "members", 1, 8, 5, "CUSUMs in the slow path's bank, tuned to cusumShiftPa/2^i [v1: 1]"),
                new ParameterInfo(ParamId.CusumGrowthCheck, "cusumGrowthCheck", "bool", 0, 1, 1, "1: raise only while the drop is still developing, so a transient that has passed cannot [v1: 0]"),
                new ParameterInfo(ParamId.TempFilterS, "tempFilterS", "s", 0, 3600, 16, "Low-pass time constant of the coolant temperature before the thermal model, rounded down to a power of two blocks; 0 = raw [v1: 0]"),
                new ParameterInfo(ParamId.ModelTerms, "modelTerms", "terms", 1, 4, 3, "Thermal model terms: 1 = temperature, 2 = + sensor-lag lead (needs tempFilterS), 3 = + gas curvature, 4 = + second-order lead (for a sensor lagging by minutes on a quiet thermistor; it adds temperature noise) [v1: 1]"),
                new ParameterInfo(ParamId.RateCompensated, "rateCompensated", "bool", 0, 1, 0, "1: the rate-of-drop path watches the thermal-compensated pressure once the model is ready (for very stiff loops; it adds the model's temperature noise to the fast path)"),
            };
        }
    }
}
