namespace ThermalMonitor.Sim.Tests;

/// <summary>10 kΩ/B3950 NTC under a 10 kΩ resistor from 3.3 V (docs/physics.md §4.2).</summary>
public class NtcThermistorTests
{
    private readonly NtcThermistor beta3950 = NtcThermistor.FromBeta(10_000.0, 3950.0);

    [Theory]
    [InlineData(25.0, 1.650, 0.0005)]
    [InlineData(0.0, 2.54, 0.005)]
    [InlineData(40.0, 1.14, 0.005)]
    [InlineData(80.0, 0.37, 0.005)]
    [InlineData(-40.0, 3.22, 0.005)]
    public void DividerNode_MatchesTheWorkedPoints(double tempC, double expectedVolts, double toleranceVolts)
    {
        Assert.Equal(expectedVolts, beta3950.DividerVolts(tempC, 10_000.0, 3.3), toleranceVolts);
    }

    [Fact]
    public void BetaModel_Is10KAt25C_AndInvertsExactly()
    {
        Assert.Equal(10_000.0, beta3950.ResistanceOhms(25.0), 1e-6);
        for (double tempC = -70.0; tempC <= 120.0; tempC += 0.5)
        {
            Assert.Equal(tempC, beta3950.TempC(beta3950.ResistanceOhms(tempC)), 1e-9);
        }
    }

    [Fact]
    public void SteinhartHart_SolvesTheCubicForResistance()
    {
        // Common coefficients for a 10 kΩ NTC.
        NtcThermistor thermistor = NtcThermistor.FromSteinhartHart(1.009249522e-3, 2.378405444e-4, 2.019202697e-7);

        Assert.Equal(10_000.0, thermistor.ResistanceOhms(25.0), 10_000.0 * 0.03);
        for (double tempC = -40.0; tempC <= 120.0; tempC += 1.0)
        {
            Assert.Equal(tempC, thermistor.TempC(thermistor.ResistanceOhms(tempC)), 1e-9);
        }
    }

    [Fact]
    public void SensitivityAt25C_IsAboutMinus37MvPerKelvin()
    {
        double slopeMvPerK = (beta3950.DividerVolts(25.5, 10_000.0, 3.3) - beta3950.DividerVolts(24.5, 10_000.0, 3.3)) * 1e3;

        Assert.InRange(slopeMvPerK, -37.5, -36.0);
    }
}
