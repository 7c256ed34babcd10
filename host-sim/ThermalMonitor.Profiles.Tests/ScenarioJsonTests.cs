using System.Reflection;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

public sealed class ScenarioJsonTests
{
    public static TheoryData<string> PresetNames() => [.. ScenarioPresets.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void PresetsRoundTripToTheSameText(string name)
    {
        Scenario preset = ScenarioPresets.All().Single(s => s.Name == name);
        var recorded = new RecordedScenario(preset, 123, RecordingPlanner.Plan(preset), "docs/physics.md §1");

        string json = ScenarioJson.Serialize(recorded);
        RecordedScenario back = ScenarioJson.Deserialize(json);

        Assert.Equal(json, ScenarioJson.Serialize(back));
        Assert.Equal(recorded.Plan, back.Plan);
        Assert.Equal(123UL, back.SensorSeed);
        Assert.Equal(preset.Faults, back.Scenario.Faults);
        Assert.Equal(preset.Leak.Steps, back.Scenario.Leak.Steps);
        Assert.Equal(preset.Pump.Switches, back.Scenario.Pump.Switches);
        Assert.Equal(preset.Orbit.BetaDeg.Points, back.Scenario.Orbit.BetaDeg.Points);
    }

    /// <summary>
    /// Every settable parameter of <see cref="Scenario"/> and its settings records, changed one at a time,
    /// survives the JSON round trip. A parameter added to ThermalMonitor.Sim but not to ScenarioJson fails
    /// here (its change is lost), and a parameter of a type this test does not know fails as unhandled,
    /// so recorded scenarios stay complete.
    /// </summary>
    [Fact]
    public void EveryScenarioParameterIsRecorded()
    {
        var checkedPaths = new List<string>();
        var parameters = Perturbations(typeof(Scenario), "", s => s, (_, v) => (Scenario)v);
        foreach ((string path, Func<Scenario, Scenario> change, Func<Scenario, object?> read) in parameters)
        {
            Scenario changed = change(new Scenario());
            var recorded = new RecordedScenario(changed, 1, new RecordingPlan());
            RecordedScenario back = ScenarioJson.Deserialize(ScenarioJson.Serialize(recorded));
            Assert.True(
                Same(read(changed), read(back.Scenario)), $"{path} was not recorded: {read(changed)} became {read(back.Scenario)}");
            Assert.False(Same(read(changed), read(new Scenario())), $"{path}: the test's change did not change it");
            checkedPaths.Add(path);
        }

        Assert.Contains("Sensors.Adc.NoiseSigmaLsb", checkedPaths);
        Assert.Contains("Orbit.BetaDeg", checkedPaths);
        Assert.True(checkedPaths.Count >= 45, string.Join(", ", checkedPaths));
    }

    [Theory]
    [InlineData("\"max_physics_step_ms\": 10,", "", "$.scenario: expected a property \"max_physics_step_ms\"")]
    [InlineData("\"max_physics_step_ms\": 10,", "\"max_physics_step_ms\": 10, \"max_step\": 1,", "$.scenario.max_step: expected only the properties")]
    [InlineData("\"polytropic_index\": 1,", "\"polytropic_index\": 0.5,", "$.scenario: expected a valid scenario, found: Scenario parameter Loop.PolytropicIndex")]
    [InlineData("\"kind\": \"glitch\"", "\"kind\": \"spike\"", "$.scenario.faults[0].kind: expected one of")]
    [InlineData("\"sensor_seed\": 5,", "\"sensor_seed\": -5,", "$.sensor_seed: expected an unsigned 64-bit integer, found -5")]
    public void BadScenarioFilesNameThePathAndPosition(string find, string replace, string detail)
    {
        var recorded = new RecordedScenario(ScenarioPresets.FalseAlarmGlitch(), 5, new RecordingPlan());
        string json = ScenarioJson.Serialize(recorded);
        Assert.Contains(find, json, StringComparison.Ordinal);
        using var dir = new TempDirectory();
        string path = dir.Write("bad.scenario.json", json.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<ProfileFormatException>(() => ScenarioJson.Read(path));

        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1, error.Message);
        Assert.True(error.Column > 1, error.Message);
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (PiecewiseLinear x, PiecewiseLinear y) => x.Points.SequenceEqual(y.Points),
        (System.Collections.IEnumerable x, System.Collections.IEnumerable y) when a is not string =>
            x.Cast<object>().SequenceEqual(y.Cast<object>()),
        _ => Equals(a, b),
    };

    /// <summary>
    /// For each settable property reachable from <paramref name="type"/>: its path, a change, a reader.
    /// </summary>
    private static IEnumerable<(string Path, Func<Scenario, Scenario> Change, Func<Scenario, object?> Read)> Perturbations(
        Type type, string prefix, Func<Scenario, object> get, Func<Scenario, object, Scenario> set)
    {
        IEnumerable<PropertyInfo> settable = type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true });
        foreach (PropertyInfo property in settable)
        {
            string path = prefix + property.Name;
            Type propertyType = property.PropertyType;
            bool isSettingsRecord = propertyType.Namespace == typeof(Scenario).Namespace
                && propertyType.IsClass
                && propertyType != typeof(PiecewiseLinear)
                && propertyType != typeof(NtcThermistor);
            if (isSettingsRecord)
            {
                Func<Scenario, object> childGet = s => property.GetValue(get(s))!;
                Func<Scenario, object, Scenario> childSet = (s, value) => set(s, With(get(s), property, value));
                foreach (var nested in Perturbations(propertyType, path + ".", childGet, childSet))
                {
                    yield return nested;
                }

                continue;
            }

            object changed = Changed(path, propertyType, property.GetValue(get(new Scenario())));
            yield return (path, s => set(s, With(get(s), property, changed)), s => property.GetValue(get(s)));
        }
    }

    private static object With(object record, PropertyInfo property, object? value)
    {
        // Records clone through their compiler-generated <Clone>$; init setters are callable by reflection.
        object copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    private static object Changed(string path, Type type, object? current) => current switch
    {
        double d => d == 0 ? 0.01 : d * 1.01,
        int i => i + 1,
        bool b => !b,
        string s => s + "-changed",
        null when type == typeof(DateTimeOffset?) => new DateTimeOffset(2023, 2, 11, 8, 15, 0, TimeSpan.FromHours(3)),
        PiecewiseLinear p => new PiecewiseLinear([.. p.Points, (1000.0, p.Points[^1].Value * 1.01)]),
        NtcThermistor => NtcThermistor.FromSteinhartHart(1.009e-3, 2.378e-4, 2.019e-7),
        IReadOnlyList<LeakStep> => new LeakStep[] { new(100, 0.3), new(200, 0.4) },
        IReadOnlyList<PumpSwitch> => new PumpSwitch[] { new(100, false), new(160, true) },
        IReadOnlyList<HeaterStep> => new HeaterStep[] { new(100, 1.5), new(400, 0.0) },
        IReadOnlyList<SensorFault> => new[]
        {
            SensorFault.NoiseBurst(SensorChannel.Temperature, 10, 20, 4), SensorFault.Glitch(SensorChannel.Pressure, 30, 0.9),
        },
        _ => throw new InvalidOperationException(
            $"{path}: parameter type {type} is not handled by this test or by ScenarioJson."),
    };
}
