using FsCheck;
using FsCheck.Fluent;

namespace ThermalMonitor.Sim.Tests;

/// <summary>The nominal 12 dB transfer through (175, 150 mV), (2900, 2450 mV), (4095, 3150 mV) (docs/physics.md §4.3).</summary>
public class Esp32AdcTransferTests
{
    [Theory]
    [InlineData(175, 150_000)]
    [InlineData(2900, 2_450_000)]
    [InlineData(4095, 3_150_000)]
    public void Knots_MapBothWaysExactly(int counts, int microvolts)
    {
        Assert.Equal(microvolts, Esp32AdcTransfer.CountsToMicrovolts(counts));
        Assert.Equal(counts, Esp32AdcTransfer.MicrovoltsToCounts(microvolts));
    }

    [Fact]
    public void LowerSegment_Is2300000MicrovoltsOver2725Counts()
    {
        Assert.Equal(150_000.0 + (1000.0 * 2_300_000.0 / 2725.0), Esp32AdcTransfer.CountsToMicrovolts(1175), 6);
        Assert.Equal(293.478, Esp32AdcTransfer.MicrovoltsToCounts(250_000), 0.001);
    }

    [Fact]
    public void TopSegment_IsCompressed()
    {
        double lowMicrovoltsPerCount = 2_300_000.0 / 2725.0;
        double highMicrovoltsPerCount = Esp32AdcTransfer.CountsToMicrovolts(4000) - Esp32AdcTransfer.CountsToMicrovolts(3999);

        Assert.Equal(700_000.0 / 1195.0, highMicrovoltsPerCount, 6);
        Assert.True(highMicrovoltsPerCount < lowMicrovoltsPerCount);
    }

    [Fact]
    public void Inverse_RoundTripsAndIsMonotonic()
    {
        Prop.ForAll(
            Gen.Choose(0, 3_300_000).ToArbitrary(),
            microvolts =>
            {
                double counts = Esp32AdcTransfer.MicrovoltsToCounts(microvolts);
                return Math.Abs(Esp32AdcTransfer.CountsToMicrovolts(counts) - microvolts) < 1e-6
                    && Esp32AdcTransfer.MicrovoltsToCounts(microvolts + 1) > counts;
            }).QuickCheckThrowOnFailure();
    }
}
