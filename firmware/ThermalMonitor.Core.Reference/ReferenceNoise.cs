namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The residual-noise estimator in double (Detection/README.md, "Learning the noise"): levels of
/// 1, 4, 16, 64, 256 blocks, each a robust scale of its means (mean absolute deviation from the
/// level's slow mean, × √(π/2), deviations clipped at four σ once the level is mature), the long-run
/// variance of one block at scale L as L·σ², conservative while young, never below the floor.
/// </summary>
public sealed class ReferenceNoise(double floorSigmaPa)
{
    public const int Levels = 5;
    private const int Fan = 4;
    private const int Mature = 8;
    private const int EwmaWindow = 64;

    private readonly double[] pendingSum = new double[Levels];
    private readonly int[] pendingCount = new int[Levels];
    private readonly double[] mean = new double[Levels];
    private readonly double[] meanAbsDeviation = new double[Levels];
    private readonly int[] updates = new int[Levels];
    private readonly double[] peakDeviation = new double[Levels];

    /// <summary>The largest recent |level mean − slow mean|: instant rise, decay 2^−(14 − 2j) per mean.</summary>
    public double PeakDeviation(int level) => peakDeviation[level];

    /// <summary>
    /// √(π/2) ≈ 1.2533 makes the mean absolute deviation a σ for Gaussian noise; the estimator is
    /// defined with the firmware's Q8 value 321/256 = 1.2539 (the reference computes the same
    /// estimator, not a better one).
    /// </summary>
    public const double MeanAbsToSigma = 321.0 / 256.0;

    public double LevelSigma(int level) => MeanAbsToSigma * meanAbsDeviation[level];

    public double EffectiveSigma(int levelMax)
    {
        double floor = floorSigmaPa * floorSigmaPa;
        double below = floor;
        double largest = floor;
        for (int level = 0; level < Levels; level++)
        {
            double scaled = Math.Pow(Fan, level) * LevelSigma(level) * LevelSigma(level);
            if (updates[level] < Mature)
            {
                scaled = Math.Max(scaled, below * Fan);
            }

            scaled = Math.Max(scaled, floor);
            below = scaled;
            if (level <= levelMax)
            {
                largest = Math.Max(largest, scaled);
            }
        }

        return Math.Sqrt(largest);
    }

    public void BreakSequence()
    {
        Array.Clear(pendingSum);
        Array.Clear(pendingCount);
    }

    public void Add(double residualPa)
    {
        double value = residualPa;
        for (int level = 0; level < Levels; level++)
        {
            Update(level, value);
            if (level + 1 == Levels)
            {
                return;
            }

            pendingSum[level + 1] += value;
            if (++pendingCount[level + 1] < Fan)
            {
                return;
            }

            value = pendingSum[level + 1] / Fan;
            pendingSum[level + 1] = 0;
            pendingCount[level + 1] = 0;
        }
    }

    private void Update(int level, double value)
    {
        int n = updates[level]++;
        if (n == 0)
        {
            mean[level] = value;
            meanAbsDeviation[level] = 0;
            return;
        }

        double deviation = Math.Abs(value - mean[level]);
        peakDeviation[level] = Math.Max(peakDeviation[level] * (1 - Math.Pow(2, -(14 - (2 * level)))), deviation);
        if (n >= Mature)
        {
            deviation = Math.Min(deviation, 4 * LevelSigma(level));
        }

        double weight = 1.0 / Math.Min(n + 1, EwmaWindow);
        meanAbsDeviation[level] += weight * (deviation - meanAbsDeviation[level]);
        mean[level] += weight * (value - mean[level]);
    }
}
