namespace ThermalMonitor.Sim.Tests;

/// <summary>Datasheet points of a ratiometric 0.5–4.5 V transducer (docs/physics.md §4.1).</summary>
public class PressureTransducerTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(250.0, 2.5)]
    [InlineData(500.0, 4.5)]
    public void Output_IsTenToNinetyPercentOfSupply(double pressureKpa, double expectedVolts)
    {
        Assert.Equal(expectedVolts, PressureTransducer.OutputVolts(pressureKpa, 5.0, 500.0), 12);
    }

    [Fact]
    public void Output_FollowsTheSupply()
    {
        Assert.Equal(0.45, PressureTransducer.OutputVolts(0.0, 4.5, 500.0), 12);
        Assert.Equal(4.05, PressureTransducer.OutputVolts(500.0, 4.5, 500.0), 12);
    }

    [Theory]
    [InlineData(-200.0, 0.0)]
    [InlineData(900.0, 5.0)]
    public void Output_IsClampedToTheRails(double pressureKpa, double expectedVolts)
    {
        Assert.Equal(expectedVolts, PressureTransducer.OutputVolts(pressureKpa, 5.0, 500.0));
    }

    [Fact]
    public void PressureKpa_InvertsOutputVolts()
    {
        Assert.Equal(123.4, PressureTransducer.PressureKpa(PressureTransducer.OutputVolts(123.4, 4.9, 500.0), 4.9, 500.0), 9);
    }
}
