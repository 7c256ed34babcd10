namespace ThermalMonitor.Profiles;

/// <summary>
/// One channel of a replay (pressure or coolant temperature), sample by sample: linear interpolation
/// between the channel's possible readings only, and each impossible reading on the single sample
/// nearest its row time, as the value the sensor chain turns into that reading's pin voltage.
/// Allocation-free per sample; sample indices must be asked in increasing order. Holds no rows: it
/// reads them through cursors (<see cref="Profile.ReadRows"/>), so a profile streamed from its file
/// replays in memory bounded by a line, whatever its length.
/// </summary>
/// <remarks>
/// An impossible reading is an instantaneous reading error. Interpolating towards it would smear it
/// over the samples around it into plausible-looking values; on its own sample it reaches the
/// firmware as what it is. At most one per sample: when rows are denser than the sample period, the
/// row nearest the sample time wins (the earlier on a tie).
/// </remarks>
internal sealed class ReadingTrack
{
    /// <summary>A spike departs by more than this many robust σ of all rows' departures...</summary>
    public const double SpikeRobustSigmas = 10.0;

    /// <summary>...and by more than this many times the change between its neighbours.</summary>
    public const double SpikeOverNeighbourGap = 4.0;

    private readonly Source? source;
    private readonly double fallback;
    private readonly Lazy<long[]> errorSamples;
    private readonly Lazy<int> spikeCount;
    private IEnumerator<Reading>? kept;
    private IEnumerator<Placed>? errors;
    private Reading before;
    private Reading after;
    private bool hasAfter;
    private bool hasError;

    private ReadingTrack(Source? source, double fallback)
    {
        this.source = source;
        this.fallback = fallback;
        errorSamples = new Lazy<long[]>(() => source is null ? [] : [.. source.Errors().Select(e => e.Sample)]);
        spikeCount = new Lazy<int>(() => source is null ? 0 : source.Flagged().Count(f => f.Spike));
    }

    /// <summary>Samples that carry an impossible reading (or a single-row spike), in increasing order; one pass over the rows.</summary>
    public IReadOnlyList<long> ErrorSamples => errorSamples.Value;

    /// <summary>Single-row spikes fed on their own sample instead of being interpolated; one pass over the rows.</summary>
    public int SpikeCount => spikeCount.Value;

    /// <summary>Every sample reads <paramref name="value"/>.</summary>
    public static ReadingTrack Constant(double value) => new(null, value);

    /// <summary>
    /// Prepares the track of one channel of <paramref name="rows"/> (<paramref name="select"/> picks the
    /// reading) for the samples of <paramref name="segments"/>, sample k at <paramref name="originS"/> + k·period.
    /// <paramref name="classify"/> says which readings are possible; <paramref name="feedImpossible"/>
    /// maps an impossible one to the value fed on its sample. A channel without a single possible
    /// reading has nothing to interpolate and no reading to stand out from: every sample then reads
    /// <paramref name="withoutPossibleReading"/>. A single-row spike must depart by more than
    /// <paramref name="minimumSpike"/> (channel units) to be fed on its own sample. Passes over the rows
    /// to count them and to find the spike threshold (an exact median); keeps none.
    /// </summary>
    public static ReadingTrack Build(
        Func<IEnumerable<ProfileRow>> rows,
        Func<ProfileRow, double> select,
        Func<double, ReadingKind> classify,
        Func<double, ReadingKind, double> feedImpossible,
        double withoutPossibleReading,
        double minimumSpike,
        double originS,
        int periodMs,
        ReplaySegments segments)
    {
        var source = new Source(rows, select, classify, feedImpossible, originS, periodMs, segments);
        long possible = source.Possible().LongCount();
        if (possible == 0)
        {
            return Constant(withoutPossibleReading);
        }

        if (possible >= 3)
        {
            double median = ExactMedian.Select(source.Departures, (possible - 2) / 2);
            double robustSigma = 1.4826 * median;
            source.SpikeThreshold = Math.Max(SpikeRobustSigmas * robustSigma, minimumSpike);
        }

        return new ReadingTrack(source, double.NaN);
    }

    /// <summary>The value of sample <paramref name="sampleIndex"/> at <paramref name="timeS"/>.</summary>
    public double ValueAt(long sampleIndex, double timeS)
    {
        if (source is null)
        {
            return fallback;
        }

        if (errors is null)
        {
            Start(source);
        }

        while (hasError && errors!.Current.Sample < sampleIndex)
        {
            hasError = errors.MoveNext();
        }

        if (hasError && errors!.Current.Sample == sampleIndex)
        {
            return errors.Current.Value;
        }

        return Interpolate(timeS);
    }

    private void Start(Source from)
    {
        errors = from.Errors().GetEnumerator();
        hasError = errors.MoveNext();
        kept = from.Flagged().Where(f => !f.Spike).Select(f => f.Reading).GetEnumerator();
        // A channel with possible readings keeps at least one: the first is never a spike.
        kept.MoveNext();
        before = kept.Current;
        hasAfter = kept.MoveNext();
        after = hasAfter ? kept.Current : default;
    }

    private double Interpolate(double timeS)
    {
        while (hasAfter && after.TimeS <= timeS)
        {
            before = after;
            hasAfter = kept!.MoveNext();
            after = hasAfter ? kept.Current : default;
        }

        if (!hasAfter || timeS <= before.TimeS)
        {
            return before.Value;
        }

        double fraction = (timeS - before.TimeS) / (after.TimeS - before.TimeS);
        return before.Value + (fraction * (after.Value - before.Value));
    }

    /// <summary>One reading of the channel at its row time.</summary>
    private readonly record struct Reading(double TimeS, double Value);

    /// <summary>A possible reading, and whether it is a single-row spike.</summary>
    private readonly record struct FlaggedReading(Reading Reading, bool Spike);

    /// <summary>A value fed on one sample instead of interpolated, and how far its row is from that sample.</summary>
    private readonly record struct Placed(long Sample, double DistanceS, double Value, bool Spike);

    /// <summary>The channel's rows, read again by every cursor.</summary>
    private sealed class Source(
        Func<IEnumerable<ProfileRow>> rows,
        Func<ProfileRow, double> select,
        Func<double, ReadingKind> classify,
        Func<double, ReadingKind, double> feedImpossible,
        double originS,
        int periodMs,
        ReplaySegments segments)
    {
        /// <summary>Departures beyond this are spikes (with the other conditions); +∞ = no spikes (fewer than 3 readings).</summary>
        public double SpikeThreshold { get; set; } = double.PositiveInfinity;

        public IEnumerable<Reading> Possible()
        {
            foreach (ProfileRow row in rows())
            {
                double value = select(row);
                if (classify(value) == ReadingKind.Possible)
                {
                    yield return new Reading(row.TimeS, value);
                }
            }
        }

        /// <summary>Each interior possible reading's departure from the line through its two neighbours.</summary>
        public IEnumerable<double> Departures()
        {
            using IEnumerator<Reading> readings = Possible().GetEnumerator();
            if (!readings.MoveNext())
            {
                yield break;
            }

            Reading a = readings.Current;
            if (!readings.MoveNext())
            {
                yield break;
            }

            Reading b = readings.Current;
            while (readings.MoveNext())
            {
                Reading c = readings.Current;
                yield return Departure(a, b, c);
                a = b;
                b = c;
            }
        }

        /// <summary>
        /// Every possible reading with whether it is a single-row spike.
        /// </summary>
        /// <remarks>
        /// A row whose departure from the line through its two neighbours is an outlier among all rows'
        /// departures — more than <see cref="SpikeRobustSigmas"/> robust standard deviations of them, more
        /// than the channel's minimum (a size that matters to the detector), and more than
        /// <see cref="SpikeOverNeighbourGap"/> times the change between those neighbours — was one reading:
        /// the recording says the value was back at the next row. Interpolated, it would become a physical
        /// excursion lasting two row intervals (a 4 s dip for rows 2 s apart, which a fast path rightly
        /// calls a leak); fed on its own sample, the firmware sees what the logger saw — one reading, which
        /// its validator judges. Smooth rows (a turning point of the thermal cycle) depart by about as
        /// much as their neighbours do and are left alone. Only rows more than 1.5 sample periods from
        /// both neighbours are considered (denser rows are not interpolated over), and not the row after
        /// a spike. A drop that the next row confirms is kept.
        /// </remarks>
        public IEnumerable<FlaggedReading> Flagged()
        {
            double minimumGapS = 1.5 * periodMs / 1000.0;
            using IEnumerator<Reading> readings = Possible().GetEnumerator();
            if (!readings.MoveNext())
            {
                yield break;
            }

            Reading a = readings.Current;
            yield return new FlaggedReading(a, false);
            if (!readings.MoveNext())
            {
                yield break;
            }

            Reading b = readings.Current;
            bool previousSpike = false;
            while (readings.MoveNext())
            {
                Reading c = readings.Current;
                bool spike = false;
                if (!previousSpike && !(b.TimeS - a.TimeS < minimumGapS) && !(c.TimeS - b.TimeS < minimumGapS))
                {
                    double departure = Departure(a, b, c);
                    spike = departure > SpikeThreshold && departure > SpikeOverNeighbourGap * Math.Abs(c.Value - a.Value);
                }

                yield return new FlaggedReading(b, spike);
                previousSpike = spike;
                a = b;
                b = c;
            }

            yield return new FlaggedReading(b, false);
        }

        /// <summary>
        /// The values fed on their own sample, one per sample in increasing order: impossible readings and
        /// single-row spikes. Where several rows fall on one sample the nearest wins; on a tie an
        /// impossible reading before a spike, then the earlier row.
        /// </summary>
        public IEnumerable<Placed> Errors()
        {
            using IEnumerator<Placed> impossible = Impossible().GetEnumerator();
            using IEnumerator<Placed> spikes = Spikes().GetEnumerator();
            bool hasImpossible = impossible.MoveNext();
            bool hasSpike = spikes.MoveNext();
            Placed best = default;
            bool hasBest = false;
            while (hasImpossible || hasSpike)
            {
                // Both streams are in row order, so samples come in increasing order from the merge.
                bool takeImpossible = hasImpossible && (!hasSpike || impossible.Current.Sample <= spikes.Current.Sample);
                Placed next = takeImpossible ? impossible.Current : spikes.Current;
                if (takeImpossible)
                {
                    hasImpossible = impossible.MoveNext();
                }
                else
                {
                    hasSpike = spikes.MoveNext();
                }

                if (hasBest && next.Sample != best.Sample)
                {
                    yield return best;
                    hasBest = false;
                }

                if (!hasBest || next.DistanceS < best.DistanceS || (next.DistanceS == best.DistanceS && best.Spike && !next.Spike))
                {
                    best = next;
                    hasBest = true;
                }
            }

            if (hasBest)
            {
                yield return best;
            }
        }

        private IEnumerable<Placed> Impossible()
        {
            foreach (ProfileRow row in rows())
            {
                double value = select(row);
                ReadingKind kind = classify(value);
                if (kind != ReadingKind.Possible)
                {
                    yield return Place(row.TimeS, feedImpossible(value, kind), spike: false);
                }
            }
        }

        private IEnumerable<Placed> Spikes()
        {
            foreach (FlaggedReading flagged in Flagged())
            {
                if (flagged.Spike)
                {
                    yield return Place(flagged.Reading.TimeS, flagged.Reading.Value, spike: true);
                }
            }
        }

        private Placed Place(double timeS, double value, bool spike)
        {
            long sample = segments.NearestSample(timeS, originS, periodMs);
            double distanceS = Math.Abs(timeS - originS - (sample * (long)periodMs / 1000.0));
            return new Placed(sample, distanceS, value, spike);
        }

        private static double Departure(Reading a, Reading b, Reading c)
        {
            double fraction = (b.TimeS - a.TimeS) / (c.TimeS - a.TimeS);
            return Math.Abs(b.Value - (a.Value + (fraction * (c.Value - a.Value))));
        }
    }
}
