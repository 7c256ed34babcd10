namespace ThermalMonitor.Sim.Tests;

public class AdcChannelTests
{
    private static AdcChannel Channel(AdcSettings settings, ulong seed = 1) =>
        new(settings, new Xoshiro256StarStar(new SplitMix64(seed)));

    private static int[] Reads(AdcChannel channel, double pinVolts, int bursts, double noiseMultiplier = 1.0)
    {
        var all = new int[bursts * 32];
        for (int i = 0; i < bursts; i++)
        {
            channel.ReadBurst(pinVolts, noiseMultiplier, all.AsSpan(i * 32, 32));
        }

        return all;
    }

    [Theory]
    [InlineData(-3.0, 0)]
    [InlineData(0.49, 0)]
    [InlineData(0.5, 1)]
    [InlineData(2900.4999, 2900)]
    [InlineData(4094.5, 4095)]
    [InlineData(5000.0, 4095)]
    public void Quantise_RoundsHalfUpAndClamps(double counts, int expected)
    {
        Assert.Equal(expected, AdcChannel.Quantise(counts));
    }

    [Fact]
    public void QuietDefaultBoard_ReadsTheNominalCalibration()
    {
        int[] reads = Reads(Channel(TestScenarios.QuietAdc), 1.65, 10);

        Assert.All(reads, c => Assert.Equal(1952, c)); // 175 + 1 500 000 × 2725 / 2 300 000 = 1952.2
    }

    [Fact]
    public void BoardErrors_ActOnThePinVoltage()
    {
        AdcChannel board = Channel(TestScenarios.QuietAdc with { GainErrorPercent = 1.0, OffsetErrorMv = 10.0 });

        Assert.Equal(Esp32AdcTransfer.MicrovoltsToCounts(((1.65 * 1.01) + 0.010) * 1e6), board.IdealCounts(1.65), 9);
        Assert.Equal(1984, Reads(board, 1.65, 1)[0]);
    }

    [Fact]
    public void Noise_HasTheConfiguredSigma()
    {
        AdcChannel channel = Channel(TestScenarios.NoOutlierAdc);
        double ideal = channel.IdealCounts(1.2);
        int[] reads = Reads(channel, 1.2, 10_000);

        double mean = reads.Average();
        double sigma = Math.Sqrt(reads.Select(c => (c - mean) * (c - mean)).Average());

        Assert.Equal(ideal, mean, 0.05);
        Assert.InRange(sigma, 3.95, 4.10); // 4 LSB plus 1/12 LSB² of rounding
    }

    [Fact]
    public void Outliers_OccurAtTheConfiguredRate_WithMagnitudes20To60Lsb()
    {
        AdcChannel channel = Channel(new AdcSettings { NoiseSigmaLsb = 0.0 });
        int ideal = AdcChannel.Quantise(channel.IdealCounts(1.2));
        int[] deviations = Reads(channel, 1.2, 10_000).Select(c => c - ideal).Where(d => d != 0).ToArray();
        double rate = deviations.Length / 320_000.0;

        Assert.InRange(rate, 0.0016, 0.0024);
        Assert.All(deviations, d => Assert.InRange(Math.Abs(d), 20, 60));
        Assert.InRange(deviations.Count(d => d > 0) / (double)deviations.Length, 0.4, 0.6);
    }

    [Fact]
    public void SameSeed_SameReads_DifferentSeed_DifferentReads()
    {
        Assert.Equal(Reads(Channel(new AdcSettings(), 7), 1.2, 100), Reads(Channel(new AdcSettings(), 7), 1.2, 100));
        Assert.NotEqual(Reads(Channel(new AdcSettings(), 7), 1.2, 100), Reads(Channel(new AdcSettings(), 8), 1.2, 100));
    }

    [Fact]
    public void RandomDraws_DoNotDependOnPinVoltageOrNoiseMultiplier()
    {
        AdcChannel first = Channel(new AdcSettings(), 3);
        AdcChannel second = Channel(new AdcSettings(), 3);
        _ = Reads(first, 0.3, 5);
        _ = Reads(second, 3.3, 5, noiseMultiplier: 15.0);

        Assert.Equal(Reads(first, 1.0, 20), Reads(second, 1.0, 20));
    }
}
