namespace ThermalMonitor.Sim.Tests;

public class SensorChainTests
{
    private static SensorChain Chain(SensorSettings settings, ulong seed = 1) => new(settings, [], 100, seed);

    private static AdcBurst Acquire(SensorChain chain, double pressureKpa, double tempC, double timeS = 0.0)
    {
        var burst = new AdcBurst(32);
        chain.Acquire(new SimSample((long)Math.Round(timeS * 10.0), timeS, pressureKpa, tempC, 22.0, default), burst);
        return burst;
    }

    [Theory]
    [InlineData(0.0, 0.25, 293)]    // 0.5 V out, 0.25 V at the pin
    [InlineData(250.0, 1.25, 1478)]
    [InlineData(500.0, 2.25, 2663)] // 4.5 V out, 2.25 V at the pin
    public void Pressure_ReachesThePinAtHalfTheTransducerOutput(double pressureKpa, double pinVolts, int expectedCounts)
    {
        SensorChain chain = Chain(new SensorSettings { Adc = TestScenarios.QuietAdc });
        var sample = new SimSample(0, 0.0, pressureKpa, 25.0, 22.0, default);

        Assert.Equal(pinVolts, chain.PinVolts(SensorChannel.Pressure, sample), 12);
        Assert.All(Acquire(chain, pressureKpa, 25.0).PressureCounts, c => Assert.Equal(expectedCounts, c));
    }

    [Fact]
    public void TemperatureAndSupply_ReachTheirPins()
    {
        SensorChain chain = Chain(new SensorSettings { Adc = TestScenarios.QuietAdc });
        var sample = new SimSample(0, 0.0, 250.0, 25.0, 22.0, default);
        AdcBurst burst = Acquire(chain, 250.0, 25.0);

        Assert.Equal(1.65, chain.PinVolts(SensorChannel.Temperature, sample), 9);
        Assert.Equal(5.0 / 3.0, chain.PinVolts(SensorChannel.Supply, sample), 12);
        Assert.All(burst.TempCounts, c => Assert.Equal(1952, c));
        Assert.All(burst.SupplyCounts, c => Assert.Equal(1972, c)); // 175 + 1 516 667 × 2725 / 2 300 000 = 1971.9
    }

    [Fact]
    public void SaggingSupply_MovesThePressureReading_TheRatioRecoversIt()
    {
        var sag = new PiecewiseLinear([(0.0, 5.0), (10.0, 5.0), (10.0, 4.5)]);
        SensorChain chain = Chain(new SensorSettings { Adc = TestScenarios.QuietAdc, SupplyVolts = sag });

        double RecoveredKpa(AdcBurst burst)
        {
            double pressurePinVolts = Esp32AdcTransfer.CountsToMicrovolts(burst.PressureCounts[0]) / 1e6;
            double supplyVolts = Esp32AdcTransfer.CountsToMicrovolts(burst.SupplyCounts[0]) / 1e6 * 3.0;
            return PressureTransducer.PressureKpa(pressurePinVolts * 2.0, supplyVolts, 500.0);
        }

        AdcBurst nominal = Acquire(chain, 200.0, 20.0, timeS: 5.0);
        AdcBurst sagged = Acquire(chain, 200.0, 20.0, timeS: 15.0);

        Assert.True(sagged.PressureCounts[0] < nominal.PressureCounts[0] - 100);
        Assert.Equal(200.0, RecoveredKpa(nominal), 0.6);
        Assert.Equal(200.0, RecoveredKpa(sagged), 0.6);
    }

    [Fact]
    public void Run_IsDeterministicForASeed()
    {
        Scenario scenario = ScenarioPresets.NominalEclipse() with { DurationS = 120.0 };

        SimFrame[] first = Simulation.Run(scenario, 2024).ToArray();
        SimFrame[] again = Simulation.Run(scenario, 2024).ToArray();
        SimFrame[] other = Simulation.Run(scenario, 2025).ToArray();

        Assert.Equal(1200, first.Length);
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].Sample, again[i].Sample);
            Assert.Equal(first[i].Burst.PressureCounts, again[i].Burst.PressureCounts);
            Assert.Equal(first[i].Burst.TempCounts, again[i].Burst.TempCounts);
            Assert.Equal(first[i].Burst.SupplyCounts, again[i].Burst.SupplyCounts);
        }

        Assert.Equal(first.Select(f => f.Sample), other.Select(f => f.Sample));
        Assert.NotEqual(first.SelectMany(f => f.Burst.PressureCounts), other.SelectMany(f => f.Burst.PressureCounts));
    }

    [Fact]
    public void Channels_HaveIndependentNoise()
    {
        SensorChain chain = Chain(new SensorSettings { Adc = TestScenarios.NoOutlierAdc });
        var pressure = new List<int>();
        var supply = new List<int>();
        for (int i = 0; i < 2000; i++)
        {
            AdcBurst burst = Acquire(chain, 250.0, 25.0, i / 10.0);
            pressure.AddRange(burst.PressureCounts);
            supply.AddRange(burst.SupplyCounts);
        }

        double pm = pressure.Average();
        double sm = supply.Average();
        double covariance = pressure.Zip(supply, (p, s) => (p - pm) * (s - sm)).Average();

        Assert.InRange(covariance / 16.0, -0.03, 0.03);
    }

    [Fact]
    public void SimulationRun_AllocatesNothingPerSample()
    {
        var run = new SimulationRun(ScenarioPresets.SoyuzMs22(), 5);
        var burst = new AdcBurst(run.BurstLength);
        for (int i = 0; i < 1000; i++)
        {
            run.TryNext(out _, burst);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            run.TryNext(out _, burst);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
