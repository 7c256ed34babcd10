using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

public sealed class ProfileGeneratorTests
{
    private static readonly RecordedScenario Glitchy = new(
        new Scenario
        {
            Name = "gen-test",
            Description = "generator test",
            StartUtc = new DateTimeOffset(2023, 2, 11, 8, 15, 0, TimeSpan.Zero),
            DurationS = 600,
            Leak = new LeakSettings { Steps = [new LeakStep(300, 0.8)] },
            Faults = [SensorFault.Glitch(SensorChannel.Pressure, 100.05)],
        },
        77,
        new RecordingPlan(2.0, [new DenseWindow(290, 310)]),
        "docs/physics.md §3.6");

    [Fact]
    public void TheSameRecordedScenarioGivesIdenticalBytes()
    {
        using var dir = new TempDirectory();
        ProfileCsv.Write(ProfileGenerator.Generate(Glitchy), dir.File("a.csv.gz"));
        RecordedScenario copy = Glitchy with { Plan = Glitchy.Plan with { } };
        ProfileCsv.Write(ProfileGenerator.Generate(copy), dir.File("b.csv.gz"));

        Assert.Equal(File.ReadAllBytes(dir.File("a.csv.gz")), File.ReadAllBytes(dir.File("b.csv.gz")));
        Assert.Equal(
            ProfileCsv.Serialize(ProfileGenerator.Generate(Glitchy)), ProfileCsv.Serialize(ProfileGenerator.Generate(Glitchy)));
    }

    [Fact]
    public void RowsFollowThePlanAndKeepFaultEdges()
    {
        Profile profile = ProfileGenerator.Generate(Glitchy);
        double[] times = [.. profile.Rows.Select(r => r.TimeS)];

        Assert.Equal(0.0, times[0]);
        Assert.Equal(599.9, times[^1]);
        Assert.Contains(100.1, times); // the glitch sample (first at or after 100.05 s)
        Assert.Contains(100.2, times); // where the glitch column goes back to empty
        ProfileRow glitch = Assert.Single(profile.Rows, r => r.PressureFault != ProfileFault.None);
        Assert.Equal(ProfileFault.Glitch, glitch.PressureFault);
        Assert.Equal(201, times.Count(t => t is >= 290 and <= 310));
        IEnumerable<double> sparse = times.Where(t => t is < 290 or > 310 and < 599.9 && t != 100.1 && t != 100.2);
        Assert.All(sparse, t => Assert.Equal(0.0, t % 2.0));
    }

    [Fact]
    public void TheGeneratedProfileEqualsWhatItsFileReadsBack()
    {
        using var dir = new TempDirectory();
        Profile generated = ProfileGenerator.Generate(Glitchy);
        string path = dir.File("gen-test.csv.gz");

        ProfileCsv.Write(generated, path);
        Profile read = ProfileCsv.Read(path);

        Assert.Equal(generated.Rows, read.Rows);
        Assert.Equal(generated.Metadata.OrderBy(p => p.Key), read.Metadata.OrderBy(p => p.Key));
    }

    [Fact]
    public void MetadataNamesTheSeedPeriodStartAndSources()
    {
        IReadOnlyDictionary<string, string> metadata = ProfileGenerator.Generate(Glitchy).Metadata;

        Assert.Equal(Profile.FormatId, metadata["format"]);
        Assert.Equal("gen-test", metadata["name"]);
        Assert.Equal("generator test", metadata["description"]);
        Assert.Equal("2023-02-11T08:15:00Z", metadata["start_utc"]);
        Assert.Equal("77", metadata["sensor_seed"]);
        Assert.Equal("100", metadata["period_ms"]);
        Assert.Equal("docs/physics.md §3.6", metadata["source"]);
        Assert.Equal(ProfileGenerator.GeneratorId, metadata["generator"]);
    }

    [Fact]
    public void ASparsePeriodOffTheOutputGridIsRejected() =>
        Assert.Throws<ArgumentException>(
            () => ProfileGenerator.Generate(Glitchy with { Plan = new RecordingPlan(0.25) }));

    [Fact]
    public void ThePlannerCoversLeakStepsPhaseChangesFaultsAndPumpSwitches()
    {
        Scenario scenario = Glitchy.Scenario with
        {
            DurationS = 3600,
            Pump = new PumpSettings { Switches = [new PumpSwitch(3000, false)] },
        };
        double collapseS = Simulation.RunPhysics(scenario)
            .First(s => s.Truth.Phase != LoopPhase.AccumulatorSupported)
            .TimeS;

        RecordingPlan plan = RecordingPlanner.Plan(scenario);

        // Glitch (100 s), leak (300 s) and the accumulator's collapse (about 3 min later) merge into one
        // window; the pump switch has its own.
        Assert.InRange(collapseS, 400, 600);
        Assert.Equal(2, plan.DenseWindows.Count);
        Assert.Equal(0.0, plan.DenseWindows[0].StartS);
        Assert.True(plan.DenseWindows[0].EndS >= collapseS + RecordingPlanner.LeakTailS);
        Assert.Equal(new DenseWindow(2940, 3060), plan.DenseWindows[1]);
    }
}
