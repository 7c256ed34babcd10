using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The layered detector (DESIGN.md §4): a fast path for large holes (rate of drop, red low
    /// limit), a thermal-compensated slow path for small holes (CUSUM of the pressure residual
    /// against the learned pressure–temperature relation), a yellow low limit, and the coolant
    /// temperature limits. It only sees samples the validators accepted; a channel that is not
    /// valid freezes the decisions that need it (conditions hold, nothing new is raised).
    /// </summary>
    public sealed class LeakDetector
    {
        private readonly RateOfDropDetector rateOfDrop = new RateOfDropDetector();
        private readonly LimitCheck redLow = new LimitCheck();
        private readonly LimitCheck yellowLow = new LimitCheck();
        private readonly LimitCheck tempYellowHigh = new LimitCheck();
        private readonly LimitCheck tempRedHigh = new LimitCheck();
        private readonly ThermalModel model = new ThermalModel();
        private readonly CusumDetector cusum = new CusumDetector();

        private int modelPressureMinPa;
        private int learnFreezePermille;
        private bool modelReadyReported;
        private bool slowPathEnabled = true;

        public RateOfDropDetector RateOfDrop => rateOfDrop;

        public ThermalModel Model => model;

        public CusumDetector Cusum => cusum;

        public bool DepressurizationWarning => rateOfDrop.IsActive || redLow.IsActive;

        public DetectionCause DepressurizationWarningCause => redLow.IsActive ? DetectionCause.RedLowLimit : DetectionCause.RateOfDrop;

        public bool DepressurizationCaution => cusum.IsActive || yellowLow.IsActive;

        public DetectionCause DepressurizationCautionCause => cusum.IsActive ? DetectionCause.Cusum : DetectionCause.YellowLowLimit;

        public bool OvertempCaution => tempYellowHigh.IsActive;

        public bool OvertempWarning => tempRedHigh.IsActive;

        /// <summary>Residual P − P̂ of the last sample that had both channels; valid when <see cref="HasResidual"/>.</summary>
        public int ResidualPa { get; private set; }

        public int PredictedPa { get; private set; }

        public bool HasResidual { get; private set; }

        /// <summary>True once, on the sample the model became ready (the monitor reports it).</summary>
        public bool ModelJustBecameReady { get; private set; }

        public void Configure(DerivedSettings derived)
        {
            rateOfDrop.Configure(derived.RateWindowSamples, derived.RateDropLimitPa, derived.FastPersistSamples, derived.ClearPersistSamples);
            redLow.Configure(derived.RedLowPa, derived.LowLimitHysteresisPa, true, derived.LimitPersistSamples, derived.ClearPersistSamples);
            yellowLow.Configure(derived.YellowLowPa, derived.LowLimitHysteresisPa, true, derived.LimitPersistSamples, derived.ClearPersistSamples);
            tempYellowHigh.Configure(derived.TempYellowHighMilliC, derived.TempLimitHysteresisMilliC, false, derived.LimitPersistSamples, derived.ClearPersistSamples);
            tempRedHigh.Configure(derived.TempRedHighMilliC, derived.TempLimitHysteresisMilliC, false, derived.LimitPersistSamples, derived.ClearPersistSamples);
            model.Configure(derived.ModelShift, derived.ModelWarmupSamples, derived.ModelTempSwingMinMilliC);
            cusum.Configure(derived.CusumReferenceQ8, derived.CusumThresholdQ8, derived.CusumClearPercent, derived.CusumClipPa, derived.CusumPersistSamples, derived.ClearPersistSamples);
            modelPressureMinPa = derived.ModelPressureMinPa;
            learnFreezePermille = derived.LearnFreezePermille;
            slowPathEnabled = derived.SlowPathEnabled;
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
            model.Reset();
            cusum.Reset();
            HasResidual = false;
            ResidualPa = 0;
            PredictedPa = 0;
            modelReadyReported = false;
            ModelJustBecameReady = false;
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

            rateOfDrop.Update(pressurePa);
            redLow.Update(pressurePa);
            yellowLow.Update(pressurePa);
            if (tempAccepted && slowPathEnabled)
            {
                UpdateSlowPath(pressurePa, tempMilliC);
            }
        }

        private void UpdateSlowPath(int pressurePa, int tempMilliC)
        {
            if (model.HasPrediction)
            {
                PredictedPa = model.PredictPa(tempMilliC);
                ResidualPa = FixedMath.SubtractSaturated(pressurePa, PredictedPa);
                HasResidual = true;
                if (model.IsReady && model.CanPredict(tempMilliC))
                {
                    cusum.Update(ResidualPa);
                }
            }

            // Learn only from samples that look nominal, so a leak is not absorbed into the model.
            bool looksNominal = pressurePa >= modelPressureMinPa
                && !DepressurizationWarning
                && !DepressurizationCaution
                && cusum.StatisticPermille < learnFreezePermille;
            if (looksNominal)
            {
                model.Learn(pressurePa, tempMilliC);
            }

            if (model.IsReady && !modelReadyReported)
            {
                modelReadyReported = true;
                ModelJustBecameReady = true;
            }
        }
    }
}
