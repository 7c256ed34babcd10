using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The stretches of a profile a replay turns into samples: the profile's sample grid
/// (first row time + k·period) split at every time gap between two rows longer than the sample gap.
/// A gap is replayed as one time jump — the firmware sees the next sample a whole gap later, as a
/// real board does after a stall (its SAMPLE_GAP event) — not interpolated over and expanded into
/// samples: a recording that stops for a year would otherwise become 3·10⁸ invented samples.
/// </summary>
/// <remarks>
/// Sample indices stay those of the whole grid (sample k at first row + k·period, gaps included),
/// so fault windows and impossible readings keep their places; only the samples inside a gap are
/// not produced. Without a gap there is one segment from sample 0 to ⌊duration / period⌋.
/// </remarks>
public sealed class ReplaySegments
{
    /// <summary>
    /// The shortest default sample gap: a stall of a minute is one whatever the row rate.
    /// </summary>
    public const double MinimumDefaultMaxGapS = 60.0;

    /// <summary>
    /// The default sample gap in typical row intervals: a recording at 10 Hz or 1 Hz that stops for
    /// more than 100 of its intervals has stalled, while a profile written by hand with a row every
    /// twenty minutes is a sparse grid the replay interpolates, as it always did.
    /// </summary>
    public const double DefaultMaxGapRowIntervals = 100.0;

    /// <summary>At most this many gaps in one replay: more is a recording of bursts, not of a loop.</summary>
    public const int MaxGaps = 100_000;

    /// <summary>
    /// The most profile time a replay turns into samples, gaps excluded: 366 days, 3.2·10⁸ samples at
    /// 100 ms (minutes through the core).
    /// </summary>
    public const double MaxReplayedS = 366 * 86400.0;

    // A sample time within a millionth of a period of a row counts as on it (times are decimal text).
    private const double GridToleranceSamples = 1e-6;

    private readonly long[] firstSamples;
    private readonly long[] lastSamples;
    private readonly double[] startTimesS;

    private ReplaySegments(long[] firstSamples, long[] lastSamples, double[] startTimesS, IReadOnlyList<ReplayGap> gaps)
    {
        this.firstSamples = firstSamples;
        this.lastSamples = lastSamples;
        this.startTimesS = startTimesS;
        Gaps = gaps;
        SampleCount = 0;
        for (int i = 0; i < firstSamples.Length; i++)
        {
            SampleCount += lastSamples[i] - firstSamples[i] + 1;
        }
    }

    /// <summary>The gaps replayed as time jumps, in profile order.</summary>
    public IReadOnlyList<ReplayGap> Gaps { get; }

    /// <summary>Samples the replay produces.</summary>
    public long SampleCount { get; }

    /// <summary>Segments (gaps + 1).</summary>
    public int Count => firstSamples.Length;

    /// <summary>The first grid sample of segment <paramref name="segment"/>.</summary>
    public long FirstSample(int segment) => firstSamples[segment];

    /// <summary>The last grid sample of segment <paramref name="segment"/>.</summary>
    public long LastSample(int segment) => lastSamples[segment];

    /// <summary>
    /// Splits the profile's grid at gaps longer than <paramref name="maxGapS"/>, from one pass over its rows.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="periodMs">The firmware's sample period.</param>
    /// <param name="maxGapS">The sample gap, or null for <see cref="DefaultMaxGapS"/> of this profile.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxGapS"/> is not above two periods.</exception>
    /// <exception cref="ProfileTooLongException">More than <see cref="MaxGaps"/> gaps, or more than <see cref="MaxReplayedS"/> to replay.</exception>
    public static ReplaySegments Of(Profile profile, int periodMs, double? maxGapS)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodMs, 1);
        // The default leaves room for the firmware to notice a gap (2.5 periods) even at the longest period.
        return Of(profile, periodMs, maxGapS ?? Math.Max(DefaultMaxGapS(profile), ShortestMaxGapS(periodMs)));
    }

    /// <summary>
    /// The sample gap a replay uses unless told otherwise: <see cref="DefaultMaxGapRowIntervals"/>
    /// times the profile's median row interval, and at least <see cref="MinimumDefaultMaxGapS"/>.
    /// </summary>
    public static double DefaultMaxGapS(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.RowCount < 2)
        {
            return MinimumDefaultMaxGapS;
        }

        double medianIntervalS = ExactMedian.Select(() => Intervals(profile), (profile.RowCount - 2) / 2);
        return Math.Max(MinimumDefaultMaxGapS, DefaultMaxGapRowIntervals * medianIntervalS);
    }

    /// <summary>The shortest sample gap for a period: three periods, a sample on both sides of a gap the firmware notices.</summary>
    public static double ShortestMaxGapS(int periodMs) => 3.0 * periodMs / 1000.0;

    private static IEnumerable<double> Intervals(Profile profile)
    {
        double previousS = double.NaN;
        foreach (ProfileRow row in profile.ReadRows())
        {
            if (!double.IsNaN(previousS))
            {
                yield return row.TimeS - previousS;
            }

            previousS = row.TimeS;
        }
    }

    private static ReplaySegments Of(Profile profile, int periodMs, double maxGapS)
    {
        // A gap must leave room for a sample on both sides, and be one the firmware notices (2.5 periods).
        if (!(maxGapS >= ShortestMaxGapS(periodMs)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxGapS), maxGapS,
                string.Create(CultureInfo.InvariantCulture, $"The sample gap must be at least three sample periods ({3 * periodMs} ms)."));
        }

        string file = profile.SourcePath ?? profile.Name;
        double originS = profile.FirstRow.TimeS;
        var gaps = new List<ReplayGap>();
        double previousS = double.NaN;
        int rowNumber = 0;
        foreach (ProfileRow row in profile.ReadRows())
        {
            rowNumber++;
            if (row.TimeS - previousS > maxGapS)
            {
                if (gaps.Count == MaxGaps)
                {
                    throw new ProfileTooLongException(string.Create(CultureInfo.InvariantCulture,
                        $"{file}: more than {MaxGaps:N0} time gaps longer than {maxGapS} s (the {MaxGaps + 1:N0}th from {previousS} s to {row.TimeS} s at data row {rowNumber}): replay a stretch of it with --window, or allow longer stretches without a row with --max-gap"));
                }

                gaps.Add(new ReplayGap(previousS, row.TimeS, rowNumber));
            }

            previousS = row.TimeS;
        }

        double endS = profile.LastRow.TimeS;
        var first = new long[gaps.Count + 1];
        var last = new long[gaps.Count + 1];
        var starts = new double[gaps.Count + 1];
        double replayedS = 0;
        for (int i = 0; i <= gaps.Count; i++)
        {
            double startS = i == 0 ? originS : gaps[i - 1].ToS;
            double stopS = i == gaps.Count ? endS : gaps[i].FromS;
            replayedS += stopS - startS;
            starts[i] = startS;
            first[i] = i == 0 ? 0 : (long)Math.Ceiling(((startS - originS) * 1000.0 / periodMs) - GridToleranceSamples);
            // A segment of rows closer together than a period still gets its one sample.
            last[i] = Math.Max(first[i], (long)Math.Floor(((stopS - originS) * 1000.0 / periodMs) + GridToleranceSamples));
        }

        if (!(replayedS <= MaxReplayedS))
        {
            throw TooLong(profile, file, gaps, replayedS, maxGapS);
        }

        return new ReplaySegments(first, last, starts, gaps);
    }

    /// <summary>
    /// The sample nearest <paramref name="timeS"/> (a row's time) within the row's own segment: a
    /// reading just before a gap is never fed on a sample after it.
    /// </summary>
    public long NearestSample(double timeS, double originS, int periodMs)
    {
        int segment = SegmentOf(timeS);
        // Round half up: a row exactly between two samples goes to the later one.
        long nearest = (long)Math.Floor(((timeS - originS) * 1000.0 / periodMs) + 0.5);
        return Math.Clamp(nearest, firstSamples[segment], lastSamples[segment]);
    }

    private int SegmentOf(double timeS)
    {
        int index = Array.BinarySearch(startTimesS, timeS);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }

    private static ProfileTooLongException TooLong(Profile profile, string file, List<ReplayGap> gaps, double replayedS, double maxGapS)
    {
        string limit = string.Create(CultureInfo.InvariantCulture, $"longer than the longest replayable profile ({MaxReplayedS / 86400:0.#} days)");
        string skipped = gaps.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" ({gaps.Count:N0} gaps longer than {maxGapS} s skipped)");
        return new ProfileTooLongException(string.Create(CultureInfo.InvariantCulture,
            $"{file}: runs from {profile.FirstRow.TimeS} s to {profile.LastRow.TimeS} s, {replayedS / 86400:0.#} days of samples{skipped}: {limit}; replay a stretch of it with --window"));
    }
}
