using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring.Tests;

public sealed class LongRunNoiseTests
{
    private static double[] Gaussian(int count, ulong seed)
    {
        var source = new GaussianSource(new Xoshiro256StarStar(new SplitMix64(seed)));
        return [.. Enumerable.Range(0, count).Select(_ => source.Next())];
    }

    private static LongRunNoise Measure(IEnumerable<double> errors)
    {
        var noise = new LongRunNoise(600);
        foreach (double e in errors)
        {
            noise.Add(e);
        }

        return noise;
    }

    [Fact]
    public void WhiteNoise_HasALongRunSigmaEqualToItsSampleSigma()
    {
        LongRunNoise noise = Measure(Gaussian(600 * 400, 1).Select(z => 300 * z));

        Assert.Equal(300, noise.SampleSigma, 3.0);
        Assert.Equal(300, noise.LongRunSigma, 300 * 0.1);
        Assert.Equal(400, noise.Batches);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.98)]
    public void FirstOrderNoise_HasTheLongRunSigmaOfItsCorrelation(double rho)
    {
        var ar = new FirstOrderNoise(200, -1 / Math.Log(rho), 1.0);
        LongRunNoise noise = Measure(Gaussian(600 * 600, 2).Select(ar.Next));

        // σ_LR² = σ²·(1 + ρ)/(1 − ρ) for an AR(1) process.
        Assert.Equal(200, noise.SampleSigma, 200 * 0.05);
        Assert.Equal(200 * Math.Sqrt((1 + rho) / (1 - rho)), noise.LongRunSigma, 200 * Math.Sqrt((1 + rho) / (1 - rho)) * 0.12);
    }

    [Fact]
    public void AWildGlitch_IsLeftOut()
    {
        double[] white = [.. Gaussian(600 * 200, 3).Select(z => 100 * z)];
        double[] glitched = [.. white];
        glitched[50_000] += 200_000;
        glitched[50_001] += 200_000;

        LongRunNoise clean = Measure(white);
        LongRunNoise noise = Measure(glitched);

        Assert.Equal(clean.SampleSigma, noise.SampleSigma, clean.SampleSigma * 0.02);
        Assert.Equal(clean.LongRunSigma, noise.LongRunSigma, clean.LongRunSigma * 0.05);
    }

    [Fact]
    public void ASlowDrift_IsNotLongRunNoise()
    {
        // 2 kPa/day at 10 Hz, twice the world's steepest reading drift: 278 Pa over the 200 batches.
        const double driftPaPerSample = 2000.0 / 864_000;
        double[] white = [.. Gaussian(600 * 200, 4).Select(z => 100 * z)];

        LongRunNoise clean = Measure(white);
        LongRunNoise drifting = Measure(white.Select((e, k) => e + (k * driftPaPerSample)));

        Assert.Equal(clean.LongRunSigma, drifting.LongRunSigma, clean.LongRunSigma * 0.1);

        // Plain batch means would count the trend: √(600 · 278²/12) ≈ 2 kPa.
        double[] batchMeans = [.. Enumerable.Range(0, 200).Select(b => white.Skip(b * 600).Take(600).Select((e, i) => e + (((b * 600) + i) * driftPaPerSample)).Average())];
        double plain = Math.Sqrt(600 * batchMeans.Select(m => (m - batchMeans.Average()) * (m - batchMeans.Average())).Average());
        Assert.True(plain > 10 * drifting.LongRunSigma, $"{plain}");
    }

    [Fact]
    public void TooFewSamples_GiveNaN()
    {
        LongRunNoise noise = Measure([1.0]);

        Assert.True(double.IsNaN(noise.SampleSigma));
        Assert.True(double.IsNaN(noise.LongRunSigma));
    }
}
