namespace ThermalMonitor.Profiles;

/// <summary>
/// One channel of a replay (pressure or coolant temperature), sample by sample: linear interpolation
/// between the channel's possible readings only, and each impossible reading on the single sample
/// nearest its row time, as the value the sensor chain turns into that reading's pin voltage.
/// Allocation-free per sample; sample indices must be asked in increasing order.
/// </summary>
/// <remarks>
/// An impossible reading is an instantaneous reading error. Interpolating towards it would smear it
/// over the samples around it into plausible-looking values; on its own sample it reaches the
/// firmware as what it is. At most one per sample: when rows are denser than the sample period, the
/// row nearest the sample time wins (the earlier on a tie).
/// </remarks>
internal sealed class ReadingTrack
{
    private readonly double[] possibleTimesS;
    private readonly double[] possibleValues;
    private readonly long[] errorSamples;
    private readonly double[] errorValues;
    private readonly double fallback;
    private int possibleIndex;
    private int errorIndex;

    private ReadingTrack(double[] possibleTimesS, double[] possibleValues, long[] errorSamples, double[] errorValues, double fallback)
    {
        this.possibleTimesS = possibleTimesS;
        this.possibleValues = possibleValues;
        this.errorSamples = errorSamples;
        this.errorValues = errorValues;
        this.fallback = fallback;
    }

    /// <summary>Samples that carry an impossible reading, in increasing order.</summary>
    public IReadOnlyList<long> ErrorSamples => errorSamples;

    /// <summary>Every sample reads <paramref name="value"/>.</summary>
    public static ReadingTrack Constant(double value) => new([], [], [], [], value);

    /// <summary>
    /// Builds the track of <paramref name="values"/> (one per row, at <paramref name="timesS"/>) for
    /// samples k = 0 … <paramref name="sampleCount"/> − 1 at <paramref name="originS"/> + k·period.
    /// <paramref name="classify"/> says which readings are possible; <paramref name="feedImpossible"/>
    /// maps an impossible one to the value fed on its sample. A channel without a single possible
    /// reading has nothing to interpolate and no reading to stand out from: every sample then reads
    /// <paramref name="withoutPossibleReading"/>. A single-row spike must depart by more than
    /// <paramref name="minimumSpike"/> (channel units) to be fed on its own sample.
    /// </summary>
    public static ReadingTrack Build(
        IReadOnlyList<double> timesS,
        IReadOnlyList<double> values,
        Func<double, ReadingKind> classify,
        Func<double, ReadingKind, double> feedImpossible,
        double withoutPossibleReading,
        double minimumSpike,
        double originS,
        int periodMs,
        long sampleCount)
    {
        var possibleTimes = new List<double>();
        var possibleValues = new List<double>();
        var errors = new SortedDictionary<long, (double DistanceS, double Value)>();
        for (int i = 0; i < timesS.Count; i++)
        {
            ReadingKind kind = classify(values[i]);
            if (kind == ReadingKind.Possible)
            {
                possibleTimes.Add(timesS[i]);
                possibleValues.Add(values[i]);
                continue;
            }

            long sample = NearestSample(timesS[i] - originS, periodMs, sampleCount);
            double distanceS = Math.Abs(timesS[i] - originS - (sample * (long)periodMs / 1000.0));
            if (!errors.TryGetValue(sample, out var placed) || distanceS < placed.DistanceS)
            {
                errors[sample] = (distanceS, feedImpossible(values[i], kind));
            }
        }

        if (possibleTimes.Count == 0)
        {
            return Constant(withoutPossibleReading);
        }

        int spikes = IsolateSpikes(possibleTimes, possibleValues, periodMs, minimumSpike, (timeS, value) =>
        {
            long sample = NearestSample(timeS - originS, periodMs, sampleCount);
            double distanceS = Math.Abs(timeS - originS - (sample * (long)periodMs / 1000.0));
            if (!errors.TryGetValue(sample, out var placed) || distanceS < placed.DistanceS)
            {
                errors[sample] = (distanceS, value);
            }
        });

        return new ReadingTrack(
            [.. possibleTimes], [.. possibleValues], [.. errors.Keys], [.. errors.Values.Select(e => e.Value)], double.NaN)
        {
            SpikeCount = spikes,
        };
    }

    /// <summary>
    /// Single-row spikes among the possible readings, moved to their own sample: returns how many.
    /// </summary>
    /// <remarks>
    /// A row whose departure from the line through its two neighbours is an outlier among all rows'
    /// departures — more than <see cref="SpikeRobustSigmas"/> robust standard deviations of them, more
    /// than <paramref name="minimumDeparture"/> (a size that matters to the detector), and more than
    /// <see cref="SpikeOverNeighbourGap"/> times the change between those neighbours — was one reading:
    /// the recording says the value was back at the next row. Interpolated, it would become a physical
    /// excursion lasting two row intervals (a 4 s dip for rows 2 s apart, which a fast path rightly
    /// calls a leak); fed on its own sample, the firmware sees what the logger saw — one reading, which
    /// its validator judges. Smooth rows (a turning point of the thermal cycle) depart by about as
    /// much as their neighbours do and are left alone. Only rows more than 1.5 sample periods from
    /// both neighbours are considered (denser rows are not interpolated over). A drop that the next row
    /// confirms is kept.
    /// </remarks>
    private static int IsolateSpikes(List<double> timesS, List<double> values, int periodMs, double minimumDeparture, Action<double, double> place)
    {
        if (values.Count < 3)
        {
            return 0;
        }

        double minimumGapS = 1.5 * periodMs / 1000.0;
        var departures = new double[values.Count];
        var interior = new List<double>();
        for (int i = 1; i + 1 < values.Count; i++)
        {
            double fraction = (timesS[i] - timesS[i - 1]) / (timesS[i + 1] - timesS[i - 1]);
            departures[i] = Math.Abs(values[i] - (values[i - 1] + (fraction * (values[i + 1] - values[i - 1]))));
            interior.Add(departures[i]);
        }

        interior.Sort();
        double robustSigma = 1.4826 * interior[interior.Count / 2];
        double threshold = Math.Max(SpikeRobustSigmas * robustSigma, minimumDeparture);
        var spike = new bool[values.Count];
        int count = 0;
        for (int i = 1; i + 1 < values.Count; i++)
        {
            if (spike[i - 1] || timesS[i] - timesS[i - 1] < minimumGapS || timesS[i + 1] - timesS[i] < minimumGapS)
            {
                continue;
            }

            if (departures[i] > threshold && departures[i] > SpikeOverNeighbourGap * Math.Abs(values[i + 1] - values[i - 1]))
            {
                spike[i] = true;
                count++;
            }
        }

        for (int i = values.Count - 1; i >= 0; i--)
        {
            if (spike[i])
            {
                place(timesS[i], values[i]);
                timesS.RemoveAt(i);
                values.RemoveAt(i);
            }
        }

        return count;
    }

    /// <summary>A spike departs by more than this many robust σ of all rows' departures...</summary>
    public const double SpikeRobustSigmas = 10.0;

    /// <summary>...and by more than this many times the change between its neighbours.</summary>
    public const double SpikeOverNeighbourGap = 4.0;

    /// <summary>Single-row spikes fed on their own sample instead of being interpolated.</summary>
    public int SpikeCount { get; private init; }

    /// <summary>The value of sample <paramref name="sampleIndex"/> at <paramref name="timeS"/>.</summary>
    public double ValueAt(long sampleIndex, double timeS)
    {
        while (errorIndex < errorSamples.Length && errorSamples[errorIndex] < sampleIndex)
        {
            errorIndex++;
        }

        if (errorIndex < errorSamples.Length && errorSamples[errorIndex] == sampleIndex)
        {
            return errorValues[errorIndex];
        }

        return possibleTimesS.Length == 0 ? fallback : Interpolate(timeS);
    }

    private double Interpolate(double timeS)
    {
        while (possibleIndex + 1 < possibleTimesS.Length && possibleTimesS[possibleIndex + 1] <= timeS)
        {
            possibleIndex++;
        }

        double beforeS = possibleTimesS[possibleIndex];
        double before = possibleValues[possibleIndex];
        if (possibleIndex + 1 >= possibleTimesS.Length || timeS <= beforeS)
        {
            return before;
        }

        double afterS = possibleTimesS[possibleIndex + 1];
        double fraction = (timeS - beforeS) / (afterS - beforeS);
        return before + (fraction * (possibleValues[possibleIndex + 1] - before));
    }

    // Round half up: a row exactly between two samples goes to the later one.
    private static long NearestSample(double offsetS, int periodMs, long sampleCount) =>
        Math.Clamp((long)Math.Floor((offsetS * 1000.0 / periodMs) + 0.5), 0, sampleCount - 1);
}
