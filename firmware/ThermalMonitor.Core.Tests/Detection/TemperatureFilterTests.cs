using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.Detection;

public class TemperatureFilterTests
{
    [Fact]
    public void Off_passes_the_temperature_through_with_no_lead()
    {
        var filter = new TemperatureFilter();
        filter.Configure(0);
        filter.Update(12345 << 8);
        Assert.Equal(12345L << 8, filter.FilteredQ8);
        Assert.Equal(0, filter.LeadQ8);
    }

    [Fact]
    public void A_step_reaches_63_per_cent_after_one_time_constant_and_the_lead_is_what_is_left()
    {
        var filter = new TemperatureFilter();
        filter.Configure(5);                 // τ = 32 blocks
        filter.Update(0);
        long stepQ8 = 10_000L << 8;           // +10 °C
        for (int i = 0; i < 32; i++)
        {
            filter.Update(stepQ8);
        }

        double fraction = (double)filter.FilteredQ8 / stepQ8;
        double expected = 1 - Math.Pow(1 - (1.0 / 32), 32);   // the discrete EWMA: 0.638 ≈ 1 − 1/e
        Assert.InRange(fraction, expected - 1e-4, expected + 1e-4);
        Assert.Equal(stepQ8 - filter.FilteredQ8, filter.LeadQ8);
    }

    [Fact]
    public void It_starts_on_its_first_value_and_again_after_a_reset()
    {
        var filter = new TemperatureFilter();
        filter.Configure(4);
        filter.Update(5000 << 8);
        Assert.Equal(5000L << 8, filter.FilteredQ8);
        Assert.Equal(0, filter.LeadQ8);
        filter.Reset();
        filter.Update(-2000 << 8);
        Assert.Equal(-2000L << 8, filter.FilteredQ8);
    }
}
