namespace ThermalMonitor.Scoring;

/// <summary>
/// Noise of a measurement error sequence e_k (firmware-converted minus true pressure, one per firmware
/// sample): its per-sample standard deviation and its long-run standard deviation
/// σ_LR = √(Σ over all lags of the autocovariance), estimated by batch means. Samples are grouped into
/// consecutive batches of m; with batch means B_i, σ_LR² ≈ m·Var(B), and Var(B) is taken from
/// successive differences, ½·mean((B_{i+1} − B_i)²), which ignores changes slower than a batch (a
/// reading's offset drift, a calibration bias following the thermal cycle) that are not noise.
/// </summary>
/// <remarks>
/// Both estimates leave out outliers first: values further than <see cref="OutlierScale"/> robust
/// standard deviations (1.4826 × the median absolute deviation) from the median. A single wild row
/// (a logger glitch) would otherwise dominate them — one 200 kPa glitch among 10^5 samples doubles a
/// 0.3 kPa σ — while a clairvoyant detector would simply discard it. For well-behaved noise nothing
/// is left out and the estimates are the plain ones.
/// </remarks>
public sealed class LongRunNoise
{
    /// <summary>Robust standard deviations beyond which a value counts as an outlier.</summary>
    public const double OutlierScale = 8.0;

    private const double MadToSigma = 1.4826;

    private readonly int batchLength;
    private readonly List<double> errors = [];
    private readonly List<double> batchMeans = [];
    private double batchSum;
    private int batchCount;

    /// <summary>Batches of <paramref name="batchLength"/> samples (e.g. 600 = 60 s at 10 Hz).</summary>
    public LongRunNoise(int batchLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchLength, 1);
        this.batchLength = batchLength;
    }

    /// <summary>Samples added.</summary>
    public long Count => errors.Count;

    /// <summary>Complete batches so far.</summary>
    public int Batches => batchMeans.Count;

    /// <summary>Adds the next error sample.</summary>
    public void Add(double error)
    {
        errors.Add(error);
        batchSum += error;
        if (++batchCount < batchLength)
        {
            return;
        }

        batchMeans.Add(batchSum / batchLength);
        batchSum = 0;
        batchCount = 0;
    }

    /// <summary>Per-sample standard deviation about the mean, outliers left out; NaN with fewer than two samples.</summary>
    public double SampleSigma
    {
        get
        {
            double[] kept = WithoutOutliers(errors);
            if (kept.Length < 2)
            {
                return double.NaN;
            }

            double mean = kept.Average();
            return Math.Sqrt(kept.Sum(e => (e - mean) * (e - mean)) / (kept.Length - 1));
        }
    }

    /// <summary>Long-run standard deviation per sample from the batch means, outlying batch differences left out; NaN with fewer than two batches.</summary>
    public double LongRunSigma
    {
        get
        {
            double[] differences = [.. batchMeans.Zip(batchMeans.Skip(1), (a, b) => b - a)];
            double[] kept = WithoutOutliers(differences);
            return kept.Length == 0 ? double.NaN : Math.Sqrt(batchLength * kept.Average(d => d * d) / 2.0);
        }
    }

    /// <summary>The values within <see cref="OutlierScale"/> robust σ of the median (all of them when the MAD is 0).</summary>
    public static double[] WithoutOutliers(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [];
        }

        double[] sorted = [.. values.Order()];
        double median = DistributionSummary.Percentile(sorted, 0.5);
        double[] deviations = [.. values.Select(v => Math.Abs(v - median)).Order()];
        double robustSigma = MadToSigma * DistributionSummary.Percentile(deviations, 0.5);
        return robustSigma > 0 ? [.. values.Where(v => Math.Abs(v - median) <= OutlierScale * robustSigma)] : [.. values];
    }
}
