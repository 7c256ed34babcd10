namespace ThermalMonitor.Sim.Tests;

public class CabinThermalModelTests
{
    private const double StepS = 60.0;

    [Fact]
    public void HealthyLoop_KeepsTheCabinAtNominal()
    {
        var cabin = new CabinThermalModel(new CabinSettings(), 44.0, StepS);
        for (int i = 0; i < 24 * 60; i++)
        {
            cabin.Advance(30.0);
        }

        Assert.Equal(22.0, cabin.TempC);
        Assert.False(cabin.IsCoolingLost);
    }

    [Fact]
    public void LostCoolant_WarmsTheCabinTo30To32CWithinOneToThreeDays()
    {
        var cabin = new CabinThermalModel(new CabinSettings(), 44.0, StepS);
        double TempAfterHours(int hours)
        {
            for (int i = 0; i < hours * 60; i++)
            {
                cabin.Advance(5.0);
            }

            return cabin.TempC;
        }

        double oneDay = TempAfterHours(24);
        double threeDays = TempAfterHours(48);

        Assert.Equal(22.0 + (10.0 * (1.0 - Math.Exp(-24.0 / 16.0))), oneDay, 6);
        Assert.InRange(oneDay, 28.0, 31.0);
        Assert.InRange(threeDays, 31.5, 32.0);
    }

    [Fact]
    public void Loss_IsLatched()
    {
        var cabin = new CabinThermalModel(new CabinSettings(), 44.0, StepS);
        cabin.Advance(10.0);
        cabin.Advance(44.0);

        Assert.True(cabin.IsCoolingLost);
        Assert.True(cabin.TempC > 22.0);
    }

    [Fact]
    public void Ms22Preset_WarmsTheCabinOnlyAfterTheMajorityIsLost()
    {
        SimSample[] samples = Simulation.RunPhysics(ScenarioPresets.SoyuzMs22()).ToArray();
        SimSample firstWarm = samples.First(s => s.CabinTempC > 22.0);

        Assert.InRange(firstWarm.Truth.InventoryLiters, 21.0, 22.0);
        Assert.InRange(samples[^1].CabinTempC, 30.0, 32.0);
        Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.True(pair.Second.CabinTempC >= pair.First.CabinTempC));
    }
}
