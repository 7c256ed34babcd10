using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The firmware's <see cref="LeakDetector"/> in double, written from Detection/README.md and sharing
/// none of its decision classes: rate of drop over the same window (raw or thermal-compensated),
/// limits with persistence and hysteresis, decision blocks, the temperature filter pair, the thermal
/// model, the noise estimator and the CUSUM bank.
/// </summary>
public sealed class ReferenceDetector
{
    private readonly ReferenceSettings settings;
    private readonly DerivedSettings derived;
    private readonly Queue<double> window = new();
    private readonly ReferencePersistence rate;
    private readonly ReferenceLimit redLow;
    private readonly ReferenceLimit yellowLow;
    private readonly ReferenceLimit tempYellowHigh;
    private readonly ReferenceLimit tempRedHigh;
    private readonly ReferenceThermalModel model;
    private readonly ReferenceNoise noise;
    private readonly ReferenceBank bank;
    private readonly double filterAlpha;

    private double blockPressureSum;
    private double blockTempSum;
    private int blockCount;
    private bool filterPrimed;
    private double fastTemp;
    private double twiceFilteredTemp;
    private bool rateWatchesCompensated;
    private bool lastBlockCanPredict;
    private int outlierRun;
    private bool predictionFresh;

    public ReferenceDetector(ReferenceSettings settings)
    {
        this.settings = settings;
        derived = settings.Derived;
        DerivedSettings d = derived;
        rate = new ReferencePersistence(d.FastPersistSamples, d.ClearPersistSamples);
        redLow = new ReferenceLimit(d.RedLowPa, d.LowLimitHysteresisPa, true, d.LimitPersistSamples, d.ClearPersistSamples);
        yellowLow = new ReferenceLimit(d.YellowLowPa, d.LowLimitHysteresisPa, true, d.LimitPersistSamples, d.ClearPersistSamples);
        tempYellowHigh = new ReferenceLimit(d.TempYellowHighMilliC, d.TempLimitHysteresisMilliC, false, d.LimitPersistSamples, d.ClearPersistSamples);
        tempRedHigh = new ReferenceLimit(d.TempRedHighMilliC, d.TempLimitHysteresisMilliC, false, d.LimitPersistSamples, d.ClearPersistSamples);
        model = new ReferenceThermalModel(d.ModelShift, d.ModelWarmupBlocks, d.ModelTempSwingMinMilliC, d.ModelTerms);
        noise = new ReferenceNoise(settings.NoiseFloorBlockPa);
        bank = new ReferenceBank(d.CusumBankSize, d.NoiseAdaptive, d.CusumGrowthCheck, settings.LogThreshold, settings.Get(ParamId.ResidualSigmaPa),
            settings.Get(ParamId.CusumShiftPa), settings.Get(ParamId.CusumClipPa), d.CusumClearPercent, d.CusumPersistBlocks, d.CusumClearBlocks);
        filterAlpha = d.TempFilterShift > 0 ? Math.Pow(2, -d.TempFilterShift) : 1;
    }

    public bool DepressurizationWarning => rate.IsActive || redLow.IsActive;

    public DetectionCause DepressurizationWarningCause => redLow.IsActive ? DetectionCause.RedLowLimit : DetectionCause.RateOfDrop;

    public bool DepressurizationCaution => bank.IsActive || yellowLow.IsActive;

    public DetectionCause DepressurizationCautionCause => bank.IsActive ? DetectionCause.Cusum : DetectionCause.YellowLowLimit;

    public bool OvertempCaution => tempYellowHigh.IsActive;

    public bool OvertempWarning => tempRedHigh.IsActive;

    public ReferenceBank Bank => bank;

    public ReferenceNoise Noise => noise;

    public ReferenceThermalModel Model => model;

    public double Residual { get; private set; }

    public double Predicted { get; private set; }

    public bool HasResidual { get; private set; }

    public bool ModelReady => model.IsReady;

    public void RestartRateWindow() => window.Clear();

    public void Update(bool pressureAccepted, double pressure, bool tempAccepted, double temp)
    {
        HasResidual = false;
        if (tempAccepted)
        {
            tempYellowHigh.Update(temp);
            tempRedHigh.Update(temp);
        }

        if (!pressureAccepted)
        {
            BreakSequence();
            return;
        }

        if (!tempAccepted || !derived.SlowPathEnabled)
        {
            BreakSequence();
        }

        bool compensated = derived.RateCompensated && predictionFresh && model.IsReady && lastBlockCanPredict;
        if (compensated != rateWatchesCompensated)
        {
            rateWatchesCompensated = compensated;
            window.Clear();
        }

        UpdateRate(compensated ? pressure - Predicted : pressure);
        redLow.Update(pressure);
        yellowLow.Update(pressure);
        if (!tempAccepted || !derived.SlowPathEnabled)
        {
            return;
        }

        blockPressureSum += pressure;
        blockTempSum += temp;
        if (++blockCount < derived.DecisionBlockSamples)
        {
            return;
        }

        double blockPressure = blockPressureSum / blockCount;
        double blockTemp = blockTempSum / blockCount;
        blockPressureSum = 0;
        blockTempSum = 0;
        blockCount = 0;
        UpdateSlowPath(blockPressure, blockTemp);
    }

    /// <summary>A sample that cannot join a block: the partial block, the filter and the prediction go stale.</summary>
    private void BreakSequence()
    {
        blockPressureSum = 0;
        blockTempSum = 0;
        blockCount = 0;
        filterPrimed = false;
        predictionFresh = false;
    }

    private void UpdateRate(double value)
    {
        window.Enqueue(value);
        if (window.Count <= derived.RateWindowSamples)
        {
            return;
        }

        double oldest = window.Dequeue();
        rate.Update(oldest - value > settings.RateDropLimitPa);
    }

    private void UpdateSlowPath(double pressure, double temp)
    {
        if (!filterPrimed || derived.TempFilterShift == 0)
        {
            fastTemp = temp;
            twiceFilteredTemp = temp;
            filterPrimed = true;
        }
        else
        {
            fastTemp += filterAlpha * (temp - fastTemp);
            twiceFilteredTemp += filterAlpha * (fastTemp - twiceFilteredTemp);
        }

        // First and second lead of the filter cascade (zero with the filter off).
        double lead = temp - fastTemp;
        double secondLead = temp - (2 * fastTemp) + twiceFilteredTemp;
        bool canPredict = false;
        if (model.HasPrediction)
        {
            Predicted = model.PredictPa(temp, lead, secondLead);
            Residual = pressure - Predicted;
            HasResidual = true;
            canPredict = model.CanPredict(temp);
            if (model.IsReady && canPredict)
            {
                bank.Update(Residual, noise);
            }
        }

        lastBlockCanPredict = canPredict;
        predictionFresh = HasResidual;
        bool looksNominal = pressure >= derived.ModelPressureMinPa
            && !DepressurizationWarning
            && !DepressurizationCaution
            && bank.MaxStatisticRatio * 1000 < derived.LearnFreezePermille;
        if (derived.NoiseAdaptive)
        {
            if (looksNominal && canPredict && HasResidual && model.Updates >= derived.NoiseLearnStartBlocks)
            {
                noise.Add(Residual);
            }
            else
            {
                noise.BreakSequence();
            }
        }

        bool outlier = derived.NoiseAdaptive && HasResidual && model.IsReady
            && Math.Abs(Residual) > LeakDetector.OutlierSigmas * noise.EffectiveSigma(1);
        outlierRun = outlier ? Math.Min(outlierRun + 1, LeakDetector.OutlierRunLearnBlocks + 1) : 0;
        if (looksNominal && !(outlier && outlierRun <= LeakDetector.OutlierRunLearnBlocks))
        {
            model.Learn(pressure, temp, lead, secondLead);
        }
    }
}
