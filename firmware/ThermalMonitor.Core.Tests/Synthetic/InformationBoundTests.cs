using ThermalMonitor.Core.Reference;

namespace ThermalMonitor.Core.Tests.Synthetic;

public class InformationBoundTests
{
    // docs/physics.md §5.3 table: δ/σ = 1 at ARL0 = 10^6 → 28 samples; δ/σ = 0.5 at 10^4 → 74.
    [Theory]
    [InlineData(1.0, 1e6, 28)]
    [InlineData(0.5, 1e4, 74)]
    [InlineData(2.0, 1e8, 10)]
    public void A_step_matches_the_domain_table(double delta, double arl, int expected)
    {
        var shift = Enumerable.Repeat(-delta, 1000).ToArray();
        Assert.Equal(expected, InformationBound.DelaySamples(shift, 1.0, arl));
        Assert.InRange(InformationBound.StepDelaySamples(delta, 1.0, arl), expected - 1, expected);
    }

    // docs/physics.md §5.5 bench example: σ = 2 mbar, slope 0.1 mbar/sample, ARL0 = 10^6 → ≈ 32 samples.
    [Fact]
    public void A_ramp_matches_the_cube_root_law()
    {
        var ramp = Enumerable.Range(1, 1000).Select(j => -0.1 * j).ToArray();
        int? delay = InformationBound.DelaySamples(ramp, 2.0, 1e6);
        Assert.InRange(delay!.Value, 31, 33);
        Assert.InRange(InformationBound.RampDelaySamples(0.1, 2.0, 1e6), 31, 33);
    }

    [Fact]
    public void Too_short_a_trajectory_has_no_bound() =>
        Assert.Null(InformationBound.DelaySamples([-0.1, -0.1], 1.0, 1e6));
}
