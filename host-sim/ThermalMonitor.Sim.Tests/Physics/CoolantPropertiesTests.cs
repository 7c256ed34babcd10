namespace ThermalMonitor.Sim.Tests;

public class CoolantPropertiesTests
{
    private readonly CoolantProperties isooctane = new();

    [Fact]
    public void VapourPressure_IsAbout5KpaAt20C()
    {
        Assert.InRange(isooctane.VapourPressureKpa(20.0), 4.9, 5.3);
    }

    [Theory]
    [InlineData(0.0, 1.6, 2.0)]
    [InlineData(40.0, 12.0, 13.5)]
    public void VapourPressure_FollowsIsooctaneOverTheLoopRange(double tempC, double minKpa, double maxKpa)
    {
        Assert.InRange(isooctane.VapourPressureKpa(tempC), minKpa, maxKpa);
    }

    [Fact]
    public void VapourPressure_RisesWithTemperature()
    {
        double[] kpa = Enumerable.Range(-70, 111).Select(t => isooctane.VapourPressureKpa(t)).ToArray();

        Assert.All(kpa.Zip(kpa.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }
}
