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
    /// <paramref name="withoutPossibleReading"/>.
    /// </summary>
    public static ReadingTrack Build(
        IReadOnlyList<double> timesS,
        IReadOnlyList<double> values,
        Func<double, ReadingKind> classify,
        Func<double, ReadingKind, double> feedImpossible,
        double withoutPossibleReading,
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

        return new ReadingTrack(
            [.. possibleTimes], [.. possibleValues], [.. errors.Keys], [.. errors.Values.Select(e => e.Value)], double.NaN);
    }

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
