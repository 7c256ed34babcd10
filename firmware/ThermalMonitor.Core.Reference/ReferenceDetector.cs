using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The firmware's <see cref="LeakDetector"/> in double: rate of drop over the same window,
/// limits with the same persistence and hysteresis, the 1/P-on-T thermal model as exact EWMA
/// moments with α = 2^-shift, and the clipped CUSUM with H = ln(ARL0)·σ²/δ.
/// </summary>
public sealed class ReferenceDetector
{
    private readonly ReferenceSettings settings;
    private readonly Queue<double> window = new();
    private readonly PersistentCondition rate = new();
    private readonly ReferenceLimit redLow;
    private readonly ReferenceLimit yellowLow;
    private readonly ReferenceLimit tempYellowHigh;
    private readonly ReferenceLimit tempRedHigh;
    private readonly int cusumRaiseSamples;
    private readonly int cusumClearSamples;
    private readonly double alpha;
    private readonly double clip;

    private int updates;
    private double meanTemp;
    private double meanInverse;
    private double tempVariance;
    private double covariance;
    private double slope;

    public ReferenceDetector(ReferenceSettings settings)
    {
        this.settings = settings;
        DerivedSettings d = settings.Derived;
        rate.Configure(d.FastPersistSamples, d.ClearPersistSamples);
        redLow = new ReferenceLimit(d.RedLowPa, d.LowLimitHysteresisPa, true, d.LimitPersistSamples, d.ClearPersistSamples);
        yellowLow = new ReferenceLimit(d.YellowLowPa, d.LowLimitHysteresisPa, true, d.LimitPersistSamples, d.ClearPersistSamples);
        tempYellowHigh = new ReferenceLimit(d.TempYellowHighMilliC, d.TempLimitHysteresisMilliC, false, d.LimitPersistSamples, d.ClearPersistSamples);
        tempRedHigh = new ReferenceLimit(d.TempRedHighMilliC, d.TempLimitHysteresisMilliC, false, d.LimitPersistSamples, d.ClearPersistSamples);
        cusumRaiseSamples = Math.Max(1, d.CusumPersistSamples);
        cusumClearSamples = Math.Max(1, d.ClearPersistSamples);
        alpha = Math.Pow(2, -d.ModelShift);
        clip = settings.Get(ParamId.CusumClipPa);
    }

    public bool DepressurizationWarning => rate.IsActive || redLow.IsActive;

    public DetectionCause DepressurizationWarningCause => redLow.IsActive ? DetectionCause.RedLowLimit : DetectionCause.RateOfDrop;

    public bool DepressurizationCaution => CusumActive || yellowLow.IsActive;

    public DetectionCause DepressurizationCautionCause => CusumActive ? DetectionCause.Cusum : DetectionCause.YellowLowLimit;

    public bool CusumActive { get; private set; }

    private int cusumPending;
    private int cusumClearing;

    public bool OvertempCaution => tempYellowHigh.IsActive;

    public bool OvertempWarning => tempRedHigh.IsActive;

    public double Statistic { get; private set; }

    public double Residual { get; private set; }

    public bool HasResidual { get; private set; }

    public bool ModelReady => updates >= settings.Derived.ModelWarmupSamples && updates > 0;

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
            return;
        }

        UpdateRate(pressure);
        redLow.Update(pressure);
        yellowLow.Update(pressure);
        if (tempAccepted && settings.Derived.SlowPathEnabled)
        {
            UpdateSlowPath(pressure, temp);
        }
    }

    private void UpdateRate(double pressure)
    {
        int windowSamples = settings.Derived.RateWindowSamples;
        window.Enqueue(pressure);
        if (window.Count <= windowSamples)
        {
            return;
        }

        double oldest = window.Dequeue();
        rate.Update(oldest - pressure > settings.RateDropLimitPa);
    }

    private void UpdateSlowPath(double pressure, double temp)
    {
        double threshold = settings.CusumThresholdPa;
        if (updates > 0)
        {
            double predicted = 1 / ((meanInverse + slope * (temp - meanTemp)) / (double)ThermalModel.InverseScale);
            Residual = pressure - predicted;
            HasResidual = true;
            double deviation = temp - meanTemp;
            double swingMin = settings.Derived.ModelTempSwingMinMilliC;
            bool canPredict = deviation * deviation <= Math.Max(4 * swingMin * swingMin, 9 * tempVariance);
            if (ModelReady && canPredict)
            {
                double clipped = Math.Clamp(Residual, -clip, clip);
                Statistic = Math.Clamp(Statistic - clipped - settings.CusumReferencePa, 0, 2 * threshold);
                UpdateCusumDecision(threshold, threshold * settings.Derived.CusumClearPercent / 100.0);
            }
        }

        bool looksNominal = pressure >= settings.Derived.ModelPressureMinPa
            && !DepressurizationWarning
            && !DepressurizationCaution
            && Statistic / threshold * 1000 < settings.Derived.LearnFreezePermille;
        if (looksNominal)
        {
            Learn(pressure, temp);
        }
    }

    private void UpdateCusumDecision(double threshold, double clearLevel)
    {
        if (CusumActive)
        {
            cusumClearing = Statistic <= clearLevel ? cusumClearing + 1 : 0;
            if (cusumClearing >= cusumClearSamples)
            {
                CusumActive = false;
                cusumClearing = 0;
            }

            return;
        }

        bool confirming = cusumPending > 0 ? Statistic > clearLevel : Statistic >= threshold;
        cusumPending = confirming ? Math.Min(cusumPending + 1, cusumRaiseSamples) : 0;
        if (cusumPending >= cusumRaiseSamples && Statistic >= threshold)
        {
            CusumActive = true;
            cusumPending = 0;
        }
    }

    private void Learn(double pressure, double temp)
    {
        double inverse = ThermalModel.InverseScale / pressure;
        if (updates == 0)
        {
            meanTemp = temp;
            meanInverse = inverse;
        }
        else
        {
            double tempDeviation = temp - meanTemp;
            double inverseDeviation = inverse - meanInverse;
            meanTemp += alpha * tempDeviation;
            meanInverse += alpha * inverseDeviation;
            tempVariance += alpha * (tempDeviation * tempDeviation - tempVariance);
            covariance += alpha * (tempDeviation * inverseDeviation - covariance);
            double swingMin = settings.Derived.ModelTempSwingMinMilliC;
            if (tempVariance >= swingMin * swingMin)
            {
                slope = covariance / tempVariance;
            }
        }

        updates++;
    }
}

/// <summary>A limit with persistence and hysteresis on a real value (the firmware's LimitCheck).</summary>
public sealed class ReferenceLimit
{
    private readonly PersistentCondition condition = new();
    private readonly double limit;
    private readonly double hysteresis;
    private readonly bool tripsBelow;

    public ReferenceLimit(double limit, double hysteresis, bool tripsBelow, int raiseSamples, int clearSamples)
    {
        this.limit = limit;
        this.hysteresis = hysteresis;
        this.tripsBelow = tripsBelow;
        condition.Configure(raiseSamples, clearSamples);
    }

    public bool IsActive => condition.IsActive;

    public void Update(double value)
    {
        bool beyond = tripsBelow
            ? value < (condition.IsActive ? limit + hysteresis : limit)
            : value > (condition.IsActive ? limit - hysteresis : limit);
        condition.Update(beyond);
    }
}
