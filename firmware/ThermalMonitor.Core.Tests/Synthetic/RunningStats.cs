namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>Welford mean and standard deviation.</summary>
public sealed class RunningStats
{
    private double mean;
    private double m2;

    public long Count { get; private set; }

    public double Mean => mean;

    public double StandardDeviation => Count > 1 ? Math.Sqrt(m2 / (Count - 1)) : 0;

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public void Add(double value)
    {
        Count++;
        double delta = value - mean;
        mean += delta / Count;
        m2 += delta * (value - mean);
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }
}
