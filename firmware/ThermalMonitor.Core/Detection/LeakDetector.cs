using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The layered detector (docs/design.md §4): a fast path for large holes (rate of drop, red low
    /// limit), a thermal-compensated slow path for small holes (a CUSUM bank on the pressure residual
    /// against the learned pressure–temperature relation, with its noise learned online), a yellow
    /// low limit, and the coolant temperature limits. It only sees samples the validators accepted;
    /// a channel that is not valid freezes the decisions that need it (conditions hold, nothing new
    /// is raised).
    /// </summary>
    /// <remarks>
    /// Per sample: limits, the rate-of-drop window, and two additions into the decision block. Per
    /// block (<see cref="DecisionBlock"/>, 1 s by default): temperature filter, one prediction (one
    /// division), the CUSUM bank, the noise estimator and one model update (a 3×3 solve). With the
    /// v1 parameters (blocks of one sample, one term, fixed noise, one member) this is the v1
    /// detector, computed exactly as v1 computed it.
    /// </remarks>
    public sealed class LeakDetector
    {
        private readonly RateOfDropDetector rateOfDrop = new RateOfDropDetector();
        private readonly LimitCheck redLow = new LimitCheck();
        private readonly LimitCheck yellowLow = new LimitCheck();
        private readonly LimitCheck tempYellowHigh = new LimitCheck();
        private readonly LimitCheck tempRedHigh = new LimitCheck();
        private readonly DecisionBlock block = new DecisionBlock();
        private readonly TemperatureFilter filter = new TemperatureFilter();
        private readonly ThermalModel model = new ThermalModel();
        private readonly ResidualNoise noise = new ResidualNoise();
        private readonly CusumBank bank = new CusumBank();

        private int modelPressureMinPa;
        private int learnFreezePermille;
        private int noiseLearnStartBlocks;
        private bool modelReadyReported;
        private bool slowPathEnabled = true;
        private bool noiseAdaptive;
        private bool rateCompensated;
        private bool rateWatchesCompensated;
        private bool lastBlockCanPredict;
        private bool residualHeld;
        private int outlierRunBlocks;
        private bool predictionFresh;
        private bool sequenceBroken;

        // Fields behind the outputs: written every sample or block, and on the nanoFramework
        // interpreter an auto-property's getter or setter is a method call. Internal: the monitor
        // reads them every sample without the property call.
        internal int residualPa;
        internal int predictedPa;
        internal bool hasResidual;
        internal int noiseSigmaPa;
        internal bool modelJustBecameReady;

        // The alarm conditions change only in Update and Reset, but the monitor reads all six every
        // sample: they are recomputed there (RefreshConditions), so each read is one call instead of
        // the two to five nested property calls it cost the nanoFramework interpreter.
        internal bool depressurizationWarning;
        internal DetectionCause depressurizationWarningCause = DetectionCause.RateOfDrop;
        internal bool depressurizationCaution;
        internal DetectionCause depressurizationCautionCause = DetectionCause.YellowLowLimit;
        internal bool overtempCaution;
        internal bool overtempWarning;

        /// <summary>A block residual beyond this many σ (4-block scale) is an outlier the model does not learn from...</summary>
        public const int OutlierSigmas = 4;

        /// <summary>...unless outliers persist this many blocks: then the loop has changed, and the model must follow.</summary>
        public const int OutlierRunLearnBlocks = 30;

        public RateOfDropDetector RateOfDrop => rateOfDrop;

        public ThermalModel Model => model;

        public CusumBank Bank => bank;

        public ResidualNoise Noise => noise;

        public TemperatureFilter Filter => filter;

        public bool DepressurizationWarning => depressurizationWarning;

        public DetectionCause DepressurizationWarningCause => depressurizationWarningCause;

        public bool DepressurizationCaution => depressurizationCaution;

        public DetectionCause DepressurizationCautionCause => depressurizationCautionCause;

        public bool OvertempCaution => overtempCaution;

        public bool OvertempWarning => overtempWarning;

        /// <summary>
        /// Residual P − P̂ of the last decision block (held until the next one while both channels stay
        /// valid); valid when <see cref="HasResidual"/>.
        /// </summary>
        public int ResidualPa => residualPa;

        public int PredictedPa => predictedPa;

        public bool HasResidual => hasResidual;

        /// <summary>σ of one block the largest-scale bank member uses (Pa; the fixed σ with noiseAdaptive 0).</summary>
        public int NoiseSigmaPa => noiseSigmaPa;

        /// <summary>True once, on the sample the model became ready (the monitor reports it).</summary>
        public bool ModelJustBecameReady => modelJustBecameReady;

        /// <summary>True while the rate-of-drop path watches the thermal-compensated pressure.</summary>
        public bool RateWatchesCompensated => rateWatchesCompensated;

        public void Configure(DerivedSettings derived)
        {
            rateOfDrop.Configure(derived.RateWindowSamples, derived.RateDropLimitPa, derived.FastPersistSamples, derived.ClearPersistSamples);
            redLow.Configure(derived.RedLowPa, derived.LowLimitHysteresisPa, true, derived.LimitPersistSamples, derived.ClearPersistSamples);
            yellowLow.Configure(derived.YellowLowPa, derived.LowLimitHysteresisPa, true, derived.LimitPersistSamples, derived.ClearPersistSamples);
            tempYellowHigh.Configure(derived.TempYellowHighMilliC, derived.TempLimitHysteresisMilliC, false, derived.LimitPersistSamples, derived.ClearPersistSamples);
            tempRedHigh.Configure(derived.TempRedHighMilliC, derived.TempLimitHysteresisMilliC, false, derived.LimitPersistSamples, derived.ClearPersistSamples);
            block.Configure(derived.DecisionBlockSamples);
            filter.Configure(derived.TempFilterShift);
            model.Configure(derived.ModelShift, derived.ModelWarmupBlocks, derived.ModelTempSwingMinMilliC, derived.ModelTerms);
            noise.Configure(derived.NoiseFloorBlockQ8);
            noiseAdaptive = derived.NoiseAdaptive;
            if (noiseAdaptive)
            {
                bank.ConfigureAdaptive(derived.CusumBankSize, derived.CusumLogThresholdQ16, derived.ResidualSigmaPa, derived.CusumShiftPa, derived.CusumClipPa,
                    derived.CusumClearPercent, derived.CusumPersistBlocks, derived.CusumClearBlocks, derived.CusumGrowthCheck);
            }
            else
            {
                bank.ConfigureFixed(derived.CusumBankSize, derived.CusumLogThresholdQ16, derived.ResidualSigmaPa, derived.CusumShiftPa, derived.CusumClipPa,
                    derived.CusumClearPercent, derived.CusumPersistBlocks, derived.CusumClearBlocks, derived.CusumGrowthCheck);
            }

            modelPressureMinPa = derived.ModelPressureMinPa;
            learnFreezePermille = derived.LearnFreezePermille;
            noiseLearnStartBlocks = derived.NoiseLearnStartBlocks;
            slowPathEnabled = derived.SlowPathEnabled;
            rateCompensated = derived.RateCompensated;
            noiseSigmaPa = derived.ResidualSigmaPa;
            Reset();
        }

        /// <summary>Forget everything learned and every pending condition (the "reset detector" command).</summary>
        public void Reset()
        {
            rateOfDrop.Reset();
            redLow.Reset();
            yellowLow.Reset();
            tempYellowHigh.Reset();
            tempRedHigh.Reset();
            block.Reset();
            filter.Reset();
            model.Reset();
            noise.Reset();
            bank.Reset();
            hasResidual = false;
            residualPa = 0;
            predictedPa = 0;
            modelReadyReported = false;
            modelJustBecameReady = false;
            rateWatchesCompensated = false;
            lastBlockCanPredict = false;
            residualHeld = false;
            outlierRunBlocks = 0;
            predictionFresh = false;
            sequenceBroken = false;
            if (noiseAdaptive)
            {
                noiseSigmaPa = (int)FixedMath.DivRound(noise.EffectiveSigmaQ8(ResidualNoise.Levels - 1), 256);
            }

            RefreshConditions();
        }

        /// <summary>The pressure history is broken (sample gap, channel fault): restart the rate window.</summary>
        public void RestartRateWindow() => rateOfDrop.RestartWindow();

        /// <summary>
        /// One sample. <paramref name="pressureAccepted"/>/<paramref name="tempAccepted"/> say whether
        /// the validators passed this sample's value on each channel.
        /// </summary>
        public void Update(bool pressureAccepted, int pressurePa, bool tempAccepted, int tempMilliC)
        {
            UpdateLayers(pressureAccepted, pressurePa, tempAccepted, tempMilliC);
            RefreshConditions();
        }

        private void RefreshConditions()
        {
            // Fields, not IsActive: six calls fewer per sample on the interpreter.
            bool redLowActive = redLow.active;
            bool bankActive = bank.active;
            depressurizationWarning = rateOfDrop.active || redLowActive;
            depressurizationWarningCause = redLowActive ? DetectionCause.RedLowLimit : DetectionCause.RateOfDrop;
            depressurizationCaution = bankActive || yellowLow.active;
            depressurizationCautionCause = bankActive ? DetectionCause.Cusum : DetectionCause.YellowLowLimit;
            overtempCaution = tempYellowHigh.active;
            overtempWarning = tempRedHigh.active;
        }

        private void UpdateLayers(bool pressureAccepted, int pressurePa, bool tempAccepted, int tempMilliC)
        {
            modelJustBecameReady = false;
            hasResidual = false;
            if (tempAccepted)
            {
                tempYellowHigh.Update(tempMilliC);
                tempRedHigh.Update(tempMilliC);
            }

            if (!pressureAccepted)
            {
                BreakSequence();
                return;
            }

            if (!tempAccepted || !slowPathEnabled)
            {
                BreakSequence();
            }

            UpdateRateOfDrop(pressurePa);
            redLow.Update(pressurePa);
            yellowLow.Update(pressurePa);
            if (!tempAccepted || !slowPathEnabled)
            {
                return;
            }

            if (sequenceBroken)
            {
                // After a gap the filter's memory is stale: start it again on the next block.
                sequenceBroken = false;
                filter.Reset();
            }

            if (block.Add(pressurePa, tempMilliC))
            {
                UpdateSlowPath(block.PressurePa, block.TempQ8);
            }
            else if (residualHeld)
            {
                // Between blocks the telemetry keeps showing the last block's residual.
                hasResidual = true;
            }
        }

        /// <summary>A sample that cannot join a decision block: the block and the prediction go stale.</summary>
        private void BreakSequence()
        {
            if (!sequenceBroken)
            {
                block.Reset();
            }

            sequenceBroken = true;
            predictionFresh = false;
            residualHeld = false;
        }

        private void UpdateRateOfDrop(int pressurePa)
        {
            // Once the model can explain the thermal cycle, a large drop is judged after subtracting
            // it: a fast thermal transient of a stiff loop is not a leak. Only a prediction of the
            // block just before counts (after a gap the last one is stale), and any change of view
            // restarts the window (the two pressures are not comparable).
            bool watchCompensated = rateCompensated && predictionFresh && model.IsReady && lastBlockCanPredict;
            if (watchCompensated != rateWatchesCompensated)
            {
                rateWatchesCompensated = watchCompensated;
                rateOfDrop.RestartWindow();
            }

            rateOfDrop.Update(watchCompensated ? FixedMath.SubtractSaturated(pressurePa, predictedPa) : pressurePa);
        }

        private void UpdateSlowPath(int pressurePa, long tempQ8)
        {
            // The model reads the block temperature itself (a filtered one would lag the liquid that
            // sets the pressure) and, as its lag term, how far it runs ahead of its low-pass.
            filter.Update(tempQ8);
            long leadQ8 = filter.LeadQ8;
            long secondLeadQ8 = filter.SecondLeadQ8;
            bool canPredict = false;
            if (model.HasPrediction)
            {
                predictedPa = model.PredictPa(tempQ8, leadQ8, secondLeadQ8);
                residualPa = FixedMath.SubtractSaturated(pressurePa, predictedPa);
                hasResidual = true;
                canPredict = model.CanPredict(tempQ8);
                if (model.IsReady && canPredict)
                {
                    bank.Update(residualPa, noise);
                }
            }

            lastBlockCanPredict = canPredict;
            residualHeld = hasResidual;
            predictionFresh = hasResidual;

            // Learn only from blocks that look nominal, so a leak is neither absorbed into the model
            // nor learned as noise.
            bool looksNominal = pressurePa >= modelPressureMinPa
                && !(rateOfDrop.IsActive || redLow.IsActive) // this block's conditions, not the
                && !(bank.IsActive || yellowLow.IsActive)    // ones refreshed after the sample
                && bank.StatisticPermille < learnFreezePermille;
            if (noiseAdaptive)
            {
                LearnNoise(looksNominal && canPredict);
            }

            if (looksNominal && !IsShortOutlier())
            {
                model.Learn(pressurePa, tempQ8, leadQ8, secondLeadQ8);
            }

            if (model.IsReady && !modelReadyReported)
            {
                modelReadyReported = true;
                modelJustBecameReady = true;
            }
        }

        /// <summary>
        /// A pump start, a valve or a glitch that passed validation moves the pressure for a few
        /// blocks without any temperature change; fitted, it would teach the lag and curvature terms
        /// something that is not thermal. Only with a learned noise scale.
        /// </summary>
        private bool IsShortOutlier()
        {
            bool outlier = noiseAdaptive && hasResidual && model.IsReady
                && FixedMath.Abs((long)residualPa << 8) > OutlierSigmas * noise.EffectiveSigmaQ8(1);
            outlierRunBlocks = outlier ? FixedMath.Min(outlierRunBlocks + 1, OutlierRunLearnBlocks + 1) : 0;
            return outlier && outlierRunBlocks <= OutlierRunLearnBlocks;
        }

        private void LearnNoise(bool allowed)
        {
            if (allowed && hasResidual && model.UpdateCount >= noiseLearnStartBlocks)
            {
                noise.Add(residualPa);
            }
            else
            {
                noise.BreakSequence();
            }

            noiseSigmaPa = (int)FixedMath.DivRound(noise.EffectiveSigmaQ8(ResidualNoise.Levels - 1), 256);
        }
    }
}
