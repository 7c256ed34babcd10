namespace ThermalMonitor.Sim;

/// <summary>
/// A value over time given by points (time, value), linearly interpolated between points and held
/// constant before the first and after the last. Two points at the same time make a step. Used for
/// schedules that change over a run: the orbit β angle, the transducer supply voltage.
/// </summary>
public sealed class PiecewiseLinear
{
    private readonly double[] timesS;
    private readonly double[] values;

    /// <summary>Builds the schedule; times must be finite and non-decreasing.</summary>
    /// <exception cref="ArgumentException">No points, a non-finite number, or times out of order.</exception>
    public PiecewiseLinear(IEnumerable<(double TimeS, double Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        (double TimeS, double Value)[] list = points.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A schedule needs at least one point.", nameof(points));
        }

        for (int i = 0; i < list.Length; i++)
        {
            if (!double.IsFinite(list[i].TimeS) || !double.IsFinite(list[i].Value))
            {
                throw new ArgumentException($"Schedule point {i} is not finite.", nameof(points));
            }

            if (i > 0 && list[i].TimeS < list[i - 1].TimeS)
            {
                throw new ArgumentException(
                    $"Schedule point {i} at {list[i].TimeS} s is earlier than point {i - 1}.", nameof(points));
            }
        }

        timesS = list.Select(p => p.TimeS).ToArray();
        values = list.Select(p => p.Value).ToArray();
    }

    /// <summary>The points, in order.</summary>
    public IReadOnlyList<(double TimeS, double Value)> Points => timesS.Zip(values).ToArray();

    /// <summary>A schedule that is <paramref name="value"/> at all times.</summary>
    public static PiecewiseLinear Constant(double value) => new([(0.0, value)]);

    /// <summary>The value at <paramref name="timeS"/>; after a step, the later value.</summary>
    public double ValueAt(double timeS)
    {
        if (timeS < timesS[0])
        {
            return values[0];
        }

        // Last point with time <= timeS, so a step (equal times) yields the value after the step.
        int upper = Array.BinarySearch(timesS, timeS);
        int last = upper >= 0 ? LastIndexAt(upper) : ~upper - 1;
        if (last >= timesS.Length - 1)
        {
            return values[^1];
        }

        double fraction = (timeS - timesS[last]) / (timesS[last + 1] - timesS[last]);
        return values[last] + (fraction * (values[last + 1] - values[last]));
    }

    private int LastIndexAt(int index)
    {
        while (index + 1 < timesS.Length && timesS[index + 1] == timesS[index])
        {
            index++;
        }

        return index;
    }
}
