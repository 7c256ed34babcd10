namespace ThermalMonitor.Sim.Tests;

/// <summary>The worked numbers of docs/physics.md §3.6 and §3.7.</summary>
public class OrificeTests
{
    private const double IsooctaneDensity = 692.0;

    private static double FlowMlPerS(double holeMm, double dischargeCoefficient, double upstreamKpa) =>
        1e3 * Orifice.FlowLitersPerS(Orifice.AreaM2(holeMm), dischargeCoefficient, upstreamKpa, 0.0, IsooctaneDensity);

    [Fact]
    public void Ms22Hole_At3Bar_Flows9MlPerS()
    {
        Assert.Equal(5.03e-7, Orifice.AreaM2(0.8), 9);
        Assert.InRange(FlowMlPerS(0.8, 0.61, 300.0), 8.9, 9.1);
    }

    [Theory]
    [InlineData(0.8, 0.80, 300.0, 11.8)]
    [InlineData(0.8, 0.61, 200.0, 7.4)]
    [InlineData(0.8, 0.61, 150.0, 6.4)]
    public void Ms22Hole_OtherWorkedCases(double holeMm, double dischargeCoefficient, double upstreamKpa, double expectedMlPerS)
    {
        Assert.InRange(FlowMlPerS(holeMm, dischargeCoefficient, upstreamKpa), expectedMlPerS * 0.98, expectedMlPerS * 1.02);
    }

    [Fact]
    public void Ms21Hole_At3Bar_Flows2LitersPerS()
    {
        Assert.InRange(FlowMlPerS(12.0, 0.61, 300.0) / 1e3, 1.95, 2.1);
    }

    [Fact]
    public void SaturatedTail_DrivenBy2To10Kpa_Flows07To16MlPerS()
    {
        Assert.InRange(FlowMlPerS(0.8, 0.61, 2.0), 0.65, 0.75);
        Assert.InRange(FlowMlPerS(0.8, 0.61, 10.0), 1.5, 1.7);
    }

    [Fact]
    public void NoFlow_WithoutDrivingPressureOrHole()
    {
        Assert.Equal(0.0, Orifice.FlowLitersPerS(Orifice.AreaM2(0.8), 0.61, 5.0, 5.0, IsooctaneDensity));
        Assert.Equal(0.0, Orifice.FlowLitersPerS(Orifice.AreaM2(0.8), 0.61, 4.0, 5.0, IsooctaneDensity));
        Assert.Equal(0.0, Orifice.FlowLitersPerS(0.0, 0.61, 300.0, 5.0, IsooctaneDensity));
    }
}
