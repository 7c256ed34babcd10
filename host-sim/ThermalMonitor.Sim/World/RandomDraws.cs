namespace ThermalMonitor.Sim;

/// <summary>
/// Uniform, log-uniform and exponential draws from one xoshiro256** stream (53-bit uniforms), for
/// the world sampler and the campaign plan: each call takes a fixed number of 64-bit outputs (a
/// Poisson process one per event plus one), so the order of calls alone fixes what a seed gives.
/// </summary>
public sealed class RandomDraws
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private readonly Xoshiro256StarStar stream;

    /// <summary>A stream seeded from <paramref name="seed"/>.</summary>
    public RandomDraws(ulong seed) => stream = new Xoshiro256StarStar(new SplitMix64(seed));

    /// <summary>Uniform in [0, 1).</summary>
    public double Unit() => (long)(stream.NextUInt64() >> 11) * UnitScale;

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * Unit());

    /// <summary>Log-uniform in [<paramref name="min"/>, <paramref name="max"/>), both positive.</summary>
    public double LogUniform(double min, double max) => Math.Exp(Uniform(Math.Log(min), Math.Log(max)));

    /// <summary>A value of <paramref name="range"/>, uniform or log-uniform as it says.</summary>
    public double Draw(DrawRange range) =>
        range.LogUniform ? LogUniform(range.Min, range.Max) : Uniform(range.Min, range.Max);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => Unit() < probability;

    /// <summary>
    /// Event times of a Poisson process of <paramref name="ratePerDay"/> over [0, <paramref name="durationS"/>),
    /// in order (exponential gaps). None for a rate of 0.
    /// </summary>
    public List<double> PoissonTimesS(double ratePerDay, double durationS)
    {
        var times = new List<double>();
        if (!(ratePerDay > 0.0))
        {
            return times;
        }

        double meanGapS = 86_400.0 / ratePerDay;
        for (double t = -meanGapS * Math.Log(1.0 - Unit()); t < durationS; t += -meanGapS * Math.Log(1.0 - Unit()))
        {
            times.Add(t);
        }

        return times;
    }
}
