namespace ThermalMonitor.Sim.Tests;

/// <summary>docs/physics.md §3.5 orbit numbers for the ISS at 415 km.</summary>
public class OrbitGeometryTests
{
    [Fact]
    public void Period_Is929Minutes()
    {
        Assert.InRange(OrbitGeometry.PeriodS(415.0) / 60.0, 92.8, 93.0);
    }

    [Fact]
    public void EclipseFraction_AtBeta0_Is0388_About36Minutes()
    {
        double fraction = OrbitGeometry.EclipseFraction(415.0, 0.0);
        double closedForm = 0.5 - (Math.Acos(6378.0 / (6378.0 + 415.0)) / Math.PI);

        Assert.Equal(closedForm, fraction, 12);
        Assert.InRange(fraction, 0.386, 0.390);
        Assert.InRange(fraction * OrbitGeometry.PeriodS(415.0) / 60.0, 35.5, 36.5);
    }

    [Theory]
    [InlineData(75.0)]
    [InlineData(-75.0)]
    [InlineData(90.0)]
    public void EclipseFraction_AboveTheCriticalBeta_IsZero(double betaDeg)
    {
        Assert.Equal(0.0, OrbitGeometry.EclipseFraction(415.0, betaDeg));
    }

    [Fact]
    public void CriticalBeta_IsAbout70Degrees_AndEclipsesShrinkTowardIt()
    {
        double criticalDeg = OrbitGeometry.CriticalBetaDeg(415.0);

        Assert.InRange(criticalDeg, 69.5, 70.5);
        Assert.True(OrbitGeometry.EclipseFraction(415.0, criticalDeg - 0.5) > 0.0);
        Assert.Equal(0.0, OrbitGeometry.EclipseFraction(415.0, criticalDeg + 0.01));
        Assert.True(OrbitGeometry.EclipseFraction(415.0, 30.0) < OrbitGeometry.EclipseFraction(415.0, 0.0));
        Assert.True(OrbitGeometry.EclipseFraction(415.0, 60.0) < OrbitGeometry.EclipseFraction(415.0, 30.0));
    }
}
