namespace ThermalMonitor.Report;

/// <summary>
/// Collects a replay's per-sample series for the report in memory bounded by the report's resolution,
/// not by the replay's length. A replay of up to <see cref="FullResolutionSamplesMax"/> samples (the
/// whole library, 48 h at 10 Hz) keeps every sample, so its report is what it always was. A longer one
/// keeps, per series, the minimum and maximum of <see cref="OverviewBuckets"/> equal stretches of the
/// profile — several per pixel column of the widest plot, so the drawn envelope still reaches every
/// extreme — and of <see cref="FocusBuckets"/> finer ones over the close-up's window, which the
/// caller gives up front (the alarms are known from the replay on the target).
/// </summary>
/// <remarks>
/// A bucket becomes three points at its first, second and last sample times: the minimum, NaN when
/// some sample had no value (the plot breaks the line there, as it would have) or else the minimum
/// again, and the maximum. The counts the page states (samples, valid readings) are counted sample by
/// sample and passed on with the trace.
/// </remarks>
public sealed class TraceRecorder
{
    /// <summary>Replays up to this many samples keep every one (40 bytes a sample: 80 MB at most).</summary>
    public const long FullResolutionSamplesMax = 2_000_000;

    /// <summary>Buckets over the whole replay when it is longer: about seven per column of a 1,200-pixel plot.</summary>
    public const int OverviewBuckets = 8_112;

    /// <summary>Buckets over the close-up window when the replay is longer.</summary>
    public const int FocusBuckets = 4_096;

    private const int SeriesCount = 4;

    private readonly bool full;
    private readonly double startS;
    private readonly double overviewBucketS;
    private readonly double focusFromS;
    private readonly double focusToS;
    private readonly double focusBucketS;
    private readonly List<double> timeS;
    private readonly List<double>[] values;
    private readonly Bucket bucket = new();
    private long bucketKey = long.MinValue;

    /// <summary>Prepares for <paramref name="totalSamples"/> samples from <paramref name="startS"/> to <paramref name="endS"/>.</summary>
    /// <param name="totalSamples">Samples the replay will give.</param>
    /// <param name="startS">The profile time of the first.</param>
    /// <param name="endS">The profile time of the last.</param>
    /// <param name="focus">The close-up window (profile seconds), when there is one.</param>
    public TraceRecorder(long totalSamples, double startS, double endS, (double FromS, double ToS)? focus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalSamples);
        full = totalSamples <= FullResolutionSamplesMax;
        int capacity = full ? (int)totalSamples : 3 * (OverviewBuckets + FocusBuckets + 2);
        timeS = new List<double>(capacity);
        values = [new(capacity), new(capacity), new(capacity), new(capacity)];
        this.startS = startS;
        overviewBucketS = Math.Max(endS - startS, 1e-9) / OverviewBuckets;
        (focusFromS, focusToS) = focus is { } f && f.ToS > f.FromS ? f : (double.PositiveInfinity, double.PositiveInfinity);
        focusBucketS = (focusToS - focusFromS) / FocusBuckets;
    }

    /// <summary>Samples added.</summary>
    public long Samples { get; private set; }

    /// <summary>Samples with a valid pressure.</summary>
    public long ValidPressureSamples { get; private set; }

    /// <summary>Samples with a valid temperature.</summary>
    public long ValidTempSamples { get; private set; }

    /// <summary>Whether the series are kept per bucket rather than per sample.</summary>
    public bool Decimated => !full;

    /// <summary>Adds one sample; times strictly increasing, NaN where the firmware had no value.</summary>
    public void Add(double time, double pressureKpa, double tempC, double residualKpa, double statisticPercent)
    {
        Samples++;
        ValidPressureSamples += double.IsFinite(pressureKpa) ? 1 : 0;
        ValidTempSamples += double.IsFinite(tempC) ? 1 : 0;
        if (full)
        {
            timeS.Add(time);
            values[0].Add(pressureKpa);
            values[1].Add(tempC);
            values[2].Add(residualKpa);
            values[3].Add(statisticPercent);
            return;
        }

        long key = KeyOf(time);
        if (key != bucketKey)
        {
            Flush();
            bucketKey = key;
        }

        bucket.Add(time, pressureKpa, tempC, residualKpa, statisticPercent);
    }

    /// <summary>The series so far: time, pressure, temperature, residual, statistic (equal lengths).</summary>
    public (double[] TimeS, double[] PressureKpa, double[] TempC, double[] ResidualKpa, double[] StatisticPercent) Series()
    {
        Flush();
        return ([.. timeS], [.. values[0]], [.. values[1]], [.. values[2]], [.. values[3]]);
    }

    // Overview buckets before the focus window, the focus buckets, then overview buckets after it: in time order.
    private long KeyOf(double time)
    {
        if (time >= focusFromS && time <= focusToS)
        {
            return (2L * OverviewBuckets) + Math.Min(FocusBuckets - 1, (long)((time - focusFromS) / focusBucketS));
        }

        long overview = Math.Min(OverviewBuckets - 1, (long)((time - startS) / overviewBucketS));
        return time < focusFromS ? overview : (3L * OverviewBuckets) + overview;
    }

    private void Flush()
    {
        if (bucket.Count == 0)
        {
            return;
        }

        double[] times = bucket.Count >= 3 ? [bucket.FirstS, bucket.SecondS, bucket.LastS]
            : bucket.Count == 2 ? [bucket.FirstS, bucket.LastS] : [bucket.FirstS];
        timeS.AddRange(times);
        for (int series = 0; series < SeriesCount; series++)
        {
            double min = bucket.Min[series];
            double max = bucket.Max[series];
            double middle = bucket.AnyNaN[series] ? double.NaN : min;
            double[] points = times.Length == 3 ? [min, middle, max]
                : times.Length == 2 ? [bucket.AnyNaN[series] && !double.IsNaN(min) ? double.NaN : min, max]
                : [min];
            values[series].AddRange(points);
        }

        bucket.Clear();
    }

    /// <summary>The samples of one bucket: their extremes per series, and whether any had no value.</summary>
    private sealed class Bucket
    {
        public readonly double[] Min = new double[SeriesCount];
        public readonly double[] Max = new double[SeriesCount];
        public readonly bool[] AnyNaN = new bool[SeriesCount];

        public int Count { get; private set; }

        public double FirstS { get; private set; }

        public double LastS { get; private set; }

        /// <summary>The second sample's time: strictly between the first and the last when there are three or more.</summary>
        public double SecondS { get; private set; }

        public void Add(double time, double a, double b, double c, double d)
        {
            if (Count == 0)
            {
                FirstS = time;
                Array.Fill(Min, double.NaN);
                Array.Fill(Max, double.NaN);
                Array.Fill(AnyNaN, false);
            }

            else if (Count == 1)
            {
                SecondS = time;
            }

            Count++;
            LastS = time;
            Extend(0, a);
            Extend(1, b);
            Extend(2, c);
            Extend(3, d);
        }

        public void Clear()
        {
            Count = 0;
        }

        private void Extend(int series, double value)
        {
            if (double.IsNaN(value))
            {
                AnyNaN[series] = true;
                return;
            }

            Min[series] = double.IsNaN(Min[series]) ? value : Math.Min(Min[series], value);
            Max[series] = double.IsNaN(Max[series]) ? value : Math.Max(Max[series], value);
        }
    }
}
