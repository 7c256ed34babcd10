using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The layered detector (DESIGN.md §4): a fast path for large holes (rate of drop, red low
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

        public RateOfDropDetector RateOfDrop => rateOfDrop;

        public ThermalModel Model => model;

        public CusumBank Bank => bank;

        public ResidualNoise Noise => noise;

        public TemperatureFilter Filter => filter;

        public bool DepressurizationWarning => rateOfDrop.IsActive || redLow.IsActive;

        public DetectionCause DepressurizationWarningCause => redLow.IsActive ? DetectionCause.RedLowLimit : DetectionCause.RateOfDrop;

        public bool DepressurizationCaution => bank.IsActive || yellowLow.IsActive;

        public DetectionCause DepressurizationCautionCause => bank.IsActive ? DetectionCause.Cusum : DetectionCause.YellowLowLimit;

        public bool OvertempCaution => tempYellowHigh.IsActive;

        public bool OvertempWarning => tempRedHigh.IsActive;

        /// <summary>
        /// Residual P − P̂ of the last decision block (held until the next one while both channels stay
        /// valid); valid when <see cref="HasResidual"/>.
        /// </summary>
        public int ResidualPa { get; private set; }

        public int PredictedPa { get; private set; }

        public bool HasResidual { get; private set; }

        /// <summary>σ of one block the largest-scale bank member uses (Pa; the fixed σ with noiseAdaptive 0).</summary>
        public int NoiseSigmaPa { get; private set; }

        /// <summary>True once, on the sample the model became ready (the monitor reports it).</summary>
        public bool ModelJustBecameReady { get; private set; }

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
            NoiseSigmaPa = derived.ResidualSigmaPa;
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
            HasResidual = false;
            ResidualPa = 0;
            PredictedPa = 0;
            modelReadyReported = false;
            ModelJustBecameReady = false;
            rateWatchesCompensated = false;
            lastBlockCanPredict = false;
            residualHeld = false;
            if (noiseAdaptive)
            {
                NoiseSigmaPa = (int)FixedMath.DivRound(noise.EffectiveSigmaQ8(ResidualNoise.Levels - 1), 256);
            }
        }

        /// <summary>The pressure history is broken (sample gap, channel fault): restart the rate window.</summary>
        public void RestartRateWindow() => rateOfDrop.RestartWindow();

        /// <summary>
        /// One sample. <paramref name="pressureAccepted"/>/<paramref name="tempAccepted"/> say whether
        /// the validators passed this sample's value on each channel.
        /// </summary>
        public void Update(bool pressureAccepted, int pressurePa, bool tempAccepted, int tempMilliC)
        {
            ModelJustBecameReady = false;
            HasResidual = false;
            if (tempAccepted)
            {
                tempYellowHigh.Update(tempMilliC);
                tempRedHigh.Update(tempMilliC);
            }

            if (!pressureAccepted)
            {
                return;
            }

            UpdateRateOfDrop(pressurePa, tempAccepted);
            redLow.Update(pressurePa);
            yellowLow.Update(pressurePa);
            if (!tempAccepted || !slowPathEnabled)
            {
                return;
            }

            if (block.Add(pressurePa, tempMilliC))
            {
                UpdateSlowPath(block.PressurePa, block.TempQ8);
            }
            else if (residualHeld)
            {
                // Between blocks the telemetry keeps showing the last block's residual.
                HasResidual = true;
            }
        }

        private void UpdateRateOfDrop(int pressurePa, bool tempAccepted)
        {
            // Once the model can explain the thermal cycle, a large drop is judged after subtracting
            // it: a fast thermal transient of a stiff loop is not a leak. Any change of view restarts
            // the window (the two pressures are not comparable).
            bool watchCompensated = rateCompensated && tempAccepted && model.IsReady && lastBlockCanPredict;
            if (watchCompensated != rateWatchesCompensated)
            {
                rateWatchesCompensated = watchCompensated;
                rateOfDrop.RestartWindow();
            }

            rateOfDrop.Update(watchCompensated ? FixedMath.SubtractSaturated(pressurePa, PredictedPa) : pressurePa);
        }

        private void UpdateSlowPath(int pressurePa, long tempQ8)
        {
            filter.Update(tempQ8);
            long filteredQ8 = filter.FilteredQ8;
            long leadQ8 = filter.LeadQ8;
            bool canPredict = false;
            if (model.HasPrediction)
            {
                PredictedPa = model.PredictPa(filteredQ8, leadQ8);
                ResidualPa = FixedMath.SubtractSaturated(pressurePa, PredictedPa);
                HasResidual = true;
                canPredict = model.CanPredict(filteredQ8);
                if (model.IsReady && canPredict)
                {
                    bank.Update(ResidualPa, noise);
                }
            }

            lastBlockCanPredict = canPredict;
            residualHeld = HasResidual;

            // Learn only from blocks that look nominal, so a leak is neither absorbed into the model
            // nor learned as noise.
            bool looksNominal = pressurePa >= modelPressureMinPa
                && !DepressurizationWarning
                && !DepressurizationCaution
                && bank.StatisticPermille < learnFreezePermille;
            if (noiseAdaptive)
            {
                LearnNoise(looksNominal && canPredict);
            }

            if (looksNominal)
            {
                model.Learn(pressurePa, filteredQ8, leadQ8);
            }

            if (model.IsReady && !modelReadyReported)
            {
                modelReadyReported = true;
                ModelJustBecameReady = true;
            }
        }

        private void LearnNoise(bool allowed)
        {
            if (allowed && HasResidual && model.UpdateCount >= noiseLearnStartBlocks)
            {
                noise.Add(ResidualPa);
            }
            else
            {
                noise.BreakSequence();
            }

            NoiseSigmaPa = (int)FixedMath.DivRound(noise.EffectiveSigmaQ8(ResidualNoise.Levels - 1), 256);
        }
    }
}
