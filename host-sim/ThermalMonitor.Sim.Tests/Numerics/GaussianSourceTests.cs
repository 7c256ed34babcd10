namespace ThermalMonitor.Sim.Tests;

public class GaussianSourceTests
{
    private const int Count = 1_000_000;

    private static double[] Draw(ulong seed)
    {
        var gaussian = new GaussianSource(new Xoshiro256StarStar(new SplitMix64(seed)));
        return Enumerable.Range(0, Count).Select(_ => gaussian.Next()).ToArray();
    }

    [Fact]
    public void Moments_AreThoseOfAStandardNormal()
    {
        double[] z = Draw(11);
        double mean = z.Average();
        double variance = z.Select(v => (v - mean) * (v - mean)).Average();
        double skew = z.Select(v => Math.Pow(v - mean, 3)).Average();
        double kurtosis = z.Select(v => Math.Pow(v - mean, 4)).Average();

        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.99, 1.01);
        Assert.InRange(skew, -0.02, 0.02);
        Assert.InRange(kurtosis, 2.95, 3.05);
    }

    [Theory]
    [InlineData(1.0, 0.317311)]
    [InlineData(2.0, 0.045500)]
    [InlineData(3.0, 0.002700)]
    [InlineData(3.5, 0.000465)] // beyond R = 3.44: exercises the tail algorithm
    public void TwoSidedTailFractions_MatchTheNormalDistribution(double threshold, double expected)
    {
        double[] z = Draw(12);
        double observed = z.Count(v => Math.Abs(v) > threshold) / (double)Count;
        double sigma = Math.Sqrt(expected * (1 - expected) / Count);

        Assert.InRange(observed, expected - (5 * sigma), expected + (5 * sigma));
    }

    [Fact]
    public void SameSeed_SameDeviates_DifferentSeed_DifferentDeviates()
    {
        Assert.Equal(Draw(3).Take(1000), Draw(3).Take(1000));
        Assert.NotEqual(Draw(3).Take(1000), Draw(4).Take(1000));
    }
}
