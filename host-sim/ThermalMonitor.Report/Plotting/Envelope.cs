namespace ThermalMonitor.Report.Plotting;

/// <summary>A point of a decimated series, in data units (seconds, value).</summary>
internal readonly record struct PlotPoint(double TimeS, double Value);

/// <summary>
/// Min/max envelope of one series over a time window, for drawing at a given number of pixel columns.
/// </summary>
/// <remarks>
/// Per column the finite samples keep only their minimum and maximum, in time order, so a line
/// through them covers every sample's value: a single-sample spike keeps its extreme however many
/// samples share its column. NaN samples break the line. A column holding NaNs keeps up to three
/// runs: the finite run before the first NaN (joined to the left), everything between the first and
/// last NaN (an isolated vertical stroke) and the run after the last NaN (joined to the right), so a
/// column never contributes more than six points however the NaNs fall. One sample either side of
/// the window is kept so the line reaches the window's edges (the plot clips it there).
/// </remarks>
internal sealed class Envelope
{
    /// <summary>Most points one column can contribute (three runs of min and max).</summary>
    internal const int PointsPerColumnMax = 6;

    private Envelope(List<PlotPoint[]> segments, double min, double max, int pointCount)
    {
        Segments = segments;
        Min = min;
        Max = max;
        PointCount = pointCount;
    }

    /// <summary>Connected polylines; a NaN gap separates two segments.</summary>
    public IReadOnlyList<PlotPoint[]> Segments { get; }

    /// <summary>Smallest finite value inside the window, or NaN when there is none.</summary>
    public double Min { get; }

    /// <summary>Largest finite value inside the window, or NaN when there is none.</summary>
    public double Max { get; }

    /// <summary>True when the window holds at least one finite value.</summary>
    public bool HasData => !double.IsNaN(Min);

    /// <summary>Total number of points over all segments.</summary>
    public int PointCount { get; }

    /// <summary>Decimates <paramref name="values"/> over [<paramref name="t0S"/>, <paramref name="t1S"/>].</summary>
    /// <param name="timeS">Sample times, strictly increasing.</param>
    /// <param name="values">Sample values, same length; NaN = no value.</param>
    /// <param name="t0S">Window start (seconds); must be below <paramref name="t1S"/>.</param>
    /// <param name="t1S">Window end (seconds).</param>
    /// <param name="columnCount">Pixel columns the window is drawn on (at least 1).</param>
    public static Envelope Build(double[] timeS, double[] values, double t0S, double t1S, int columnCount)
    {
        if (timeS.Length != values.Length)
        {
            throw new ArgumentException("timeS and values differ in length.");
        }

        if (!(t1S > t0S) || columnCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(t1S), "Need t0S < t1S and at least one column.");
        }

        // Samples inside the window, plus one neighbour either side.
        int first = Math.Max(0, LowerBound(timeS, t0S) - 1);
        int last = Math.Min(timeS.Length - 1, UpperBound(timeS, t1S));
        var builder = new Builder();
        double min = double.NaN;
        double max = double.NaN;
        double columnsPerS = columnCount / (t1S - t0S);
        int column = int.MinValue;
        for (int i = first; i <= last; i++)
        {
            double t = timeS[i];
            int sampleColumn = t < t0S ? -1
                : t > t1S ? columnCount
                : Math.Min(columnCount - 1, (int)((t - t0S) * columnsPerS));
            if (sampleColumn != column)
            {
                builder.FlushColumn();
                column = sampleColumn;
            }

            double v = values[i];
            builder.Add(t, v);
            if (double.IsFinite(v) && t >= t0S && t <= t1S)
            {
                min = double.IsNaN(min) || v < min ? v : min;
                max = double.IsNaN(max) || v > max ? v : max;
            }
        }

        builder.FlushColumn();
        return new Envelope(builder.Finish(), min, max, builder.PointCount);
    }

    /// <summary>First index with timeS[i] ≥ t (timeS.Length if none).</summary>
    internal static int LowerBound(double[] timeS, double t)
    {
        int lo = 0;
        int hi = timeS.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (timeS[mid] < t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>First index with timeS[i] &gt; t (timeS.Length if none).</summary>
    internal static int UpperBound(double[] timeS, double t)
    {
        int lo = 0;
        int hi = timeS.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (timeS[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Min and max of a run of finite samples, with their times.</summary>
    private struct Run
    {
        public bool Any;
        public double MinValue;
        public double MinTimeS;
        public double MaxValue;
        public double MaxTimeS;

        public void Add(double t, double v)
        {
            if (!Any)
            {
                Any = true;
                MinValue = MaxValue = v;
                MinTimeS = MaxTimeS = t;
                return;
            }

            if (v < MinValue)
            {
                MinValue = v;
                MinTimeS = t;
            }

            if (v > MaxValue)
            {
                MaxValue = v;
                MaxTimeS = t;
            }
        }

        public void Merge(Run other)
        {
            if (other.Any)
            {
                Add(other.MinTimeS, other.MinValue);
                Add(other.MaxTimeS, other.MaxValue);
            }
        }
    }

    /// <summary>Accumulates one column at a time and emits its points into segments.</summary>
    private sealed class Builder
    {
        private readonly List<PlotPoint[]> segments = [];
        private readonly List<PlotPoint> current = [];
        private Run firstRun;
        private Run middleRuns;
        private Run lastRun;
        private bool sawNaN;
        private bool columnEmpty = true;

        public int PointCount { get; private set; }

        public void Add(double t, double v)
        {
            columnEmpty = false;
            if (double.IsFinite(v))
            {
                lastRun.Add(t, v);
                return;
            }

            if (!sawNaN)
            {
                firstRun = lastRun;
                sawNaN = true;
            }
            else
            {
                middleRuns.Merge(lastRun);
            }

            lastRun = default;
        }

        public void FlushColumn()
        {
            if (columnEmpty)
            {
                return;
            }

            if (!sawNaN)
            {
                Emit(lastRun);
            }
            else
            {
                Emit(firstRun);
                BreakLine();
                if (middleRuns.Any)
                {
                    Emit(middleRuns);
                    BreakLine();
                }

                Emit(lastRun);
            }

            firstRun = middleRuns = lastRun = default;
            sawNaN = false;
            columnEmpty = true;
        }

        public List<PlotPoint[]> Finish()
        {
            BreakLine();
            return segments;
        }

        private void Emit(Run run)
        {
            if (!run.Any)
            {
                return;
            }

            if (run.MinTimeS == run.MaxTimeS)
            {
                current.Add(new PlotPoint(run.MinTimeS, run.MinValue));
                PointCount++;
                return;
            }

            bool minFirst = run.MinTimeS < run.MaxTimeS;
            current.Add(minFirst ? new PlotPoint(run.MinTimeS, run.MinValue) : new PlotPoint(run.MaxTimeS, run.MaxValue));
            current.Add(minFirst ? new PlotPoint(run.MaxTimeS, run.MaxValue) : new PlotPoint(run.MinTimeS, run.MinValue));
            PointCount += 2;
        }

        private void BreakLine()
        {
            if (current.Count > 0)
            {
                segments.Add([.. current]);
                current.Clear();
            }
        }
    }
}
