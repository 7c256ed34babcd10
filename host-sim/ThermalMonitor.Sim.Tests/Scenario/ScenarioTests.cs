namespace ThermalMonitor.Sim.Tests;

public class ScenarioTests
{
    [Fact]
    public void Defaults_AreValid_AndDescribeOneDayAt10Hz()
    {
        var scenario = new Scenario();

        scenario.Validate();
        Assert.Equal(864_000, scenario.SampleCount);
        Assert.Equal(250.0, Simulation.RunPhysics(scenario).First().Truth.LoopPressureKpa, 250.0 * 0.1);
    }

    [Fact]
    public void SampleTimes_AreExactDecimals()
    {
        var scenario = new Scenario();

        Assert.Equal(0.3, scenario.SampleTimeS(3));
        Assert.Equal(2_591_999.9, scenario.SampleTimeS(25_919_999));
        Assert.Equal(25_920_000, (scenario with { DurationS = 30 * 86_400.0 }).SampleCount);
    }

    [Fact]
    public void ThirtyDayRun_Streams()
    {
        Scenario month = ScenarioPresets.SoyuzMs22() with { DurationS = 30 * 86_400.0 };

        SimFrame[] firstFrames = Simulation.Run(month, 1).Take(10).ToArray();

        Assert.Equal(10, firstFrames.Length);
        Assert.Equal(0.9, firstFrames[^1].Sample.TimeS);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidParameters_AreRejectedByName(Scenario scenario, string parameter)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(scenario.Validate);

        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Simulation.RunPhysics(scenario));
    }

    public static TheoryData<Scenario, string> Invalid() => new()
    {
        { new Scenario { DurationS = -1.0 }, "DurationS" },
        { new Scenario { MaxPhysicsStepMs = 200 }, "MaxPhysicsStepMs" },
        { new Scenario { Loop = new CoolantLoopSettings { AccumulatorReserveLiters = 50.0 } }, "Loop.InventoryLiters" },
        { new Scenario { Loop = new CoolantLoopSettings { PolytropicIndex = 0.5 } }, "Loop.PolytropicIndex" },
        { new Scenario { Leak = new LeakSettings { DischargeCoefficient = 1.5 } }, "Leak.DischargeCoefficient" },
        { new Scenario { Leak = new LeakSettings { Steps = [new LeakStep(10.0, 1.0), new LeakStep(5.0, 2.0)] } }, "Leak.Steps[1].OnsetS" },
        { new Scenario { Orbit = new OrbitSettings { SunTempC = 80.0 } }, "overfills the accumulator" },
        { new Scenario { Sensors = new SensorSettings { BurstLength = 0 } }, "Sensors.BurstLength" },
        { new Scenario { Sensors = new SensorSettings { Adc = new AdcSettings { OutlierProbability = 2.0 } } }, "Sensors.Adc.OutlierProbability" },
        { new Scenario { Faults = [SensorFault.Open(SensorChannel.Pressure, 5.0, 1.0)] }, "EndS" },
    };

    [Fact]
    public void Presets_AreValidNamedAndCiteTheirSources()
    {
        IReadOnlyList<Scenario> presets = ScenarioPresets.All();

        Assert.Equal(6, presets.Select(p => p.Name).Distinct().Count());
        Assert.All(presets, p => p.Validate());
        Assert.All(presets, p => Assert.Contains("docs/physics.md", p.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Ms22Preset_PutsTheOnsetAtTheRecorded0045Utc()
    {
        Scenario ms22 = ScenarioPresets.SoyuzMs22();

        Assert.Equal(
            new DateTimeOffset(2022, 12, 15, 0, 45, 0, TimeSpan.Zero),
            ms22.StartUtc!.Value.AddSeconds(ms22.Leak.Steps[0].OnsetS));
        Assert.Equal(0.8, ms22.Leak.Steps[0].HoleDiameterMm);
    }

    [Fact]
    public void Ms21Preset_IsA12MmHole()
    {
        Assert.Equal(12.0, ScenarioPresets.ProgressMs21().Leak.Steps[0].HoleDiameterMm);
    }

    [Fact]
    public void PhysicsRun_IsDeterministic()
    {
        Scenario scenario = ScenarioPresets.SlowLeakStepUp() with { DurationS = 600.0 };

        Assert.Equal(Simulation.RunPhysics(scenario), Simulation.RunPhysics(scenario));
    }
}
