using System.Globalization;
using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Tests.Alarms;
using ThermalMonitor.Core.Tests.Support;

namespace ThermalMonitor.Core.Tests.Monitoring;

/// <summary>
/// A configuration apply rebuilds only what its changes reach: the NTC table's knots (1,025
/// evaluations with logarithms) are kept unless an NTC curve parameter changed, and whatever is
/// kept or rebuilt, the monitor behaves exactly like one constructed with the final configuration.
/// </summary>
public class IncrementalApplyTests
{
    private const int RatioOneQ20 = 1 << 20;

    /// <summary>Configuration sequences tried by the property (each replays <see cref="Samples"/> twice).</summary>
    private const int SequencesTried = 40;

    /// <summary>A healthy loop that gets a large hole at 20 s: rate-of-drop and low-limit alarms, telemetry in motion.</summary>
    private static readonly RawSample[] Samples = SimulatedSamples.Leak(60, 20, 12.0);

    private static readonly FieldInfo[] TelemetryFields = typeof(MonitorTelemetry).GetFields(BindingFlags.Instance | BindingFlags.Public);

    [Fact]
    public void A_detection_parameter_change_keeps_the_ntc_knots_without_recomputing_them()
    {
        var monitor = new LeakMonitor();
        int[] knotsBefore = Knots(monitor.Ntc);
        Assert.Equal(1, monitor.Ntc.KnotBuilds);

        Assert.True(Configure(monitor, Changed(ParamId.RedLowPa, 30000)));
        Assert.True(Configure(monitor, Changed(ParamId.RedLowPa, 30000))); // unchanged re-apply
        Assert.True(Configure(monitor, new MonitorConfig()));              // CFG DEFAULTS

        Assert.Equal(1, monitor.Ntc.KnotBuilds);
        Assert.Equal(knotsBefore, Knots(monitor.Ntc));
    }

    [Fact]
    public void The_divider_supply_rescales_the_ratio_without_recomputing_the_knots()
    {
        var monitor = new LeakMonitor();
        MonitorConfig config = Changed(ParamId.NtcSupplyMicrovolts, 3250000);
        Assert.True(Configure(monitor, config));

        Assert.Equal(1, monitor.Ntc.KnotBuilds);
        AssertSameTable(new LeakMonitor(config).Ntc, monitor.Ntc);
    }

    [Theory]
    [InlineData(ParamId.NtcBetaK, 3435)]
    [InlineData(ParamId.NtcR25Ohm, 4700)]
    [InlineData(ParamId.NtcSeriesOhm, 12000)]
    [InlineData(ParamId.NtcModel, (int)NtcModel.SteinhartHart)]
    public void A_curve_parameter_change_recomputes_the_knots_exactly_as_a_fresh_monitor_has_them(ParamId id, int value)
    {
        var monitor = new LeakMonitor();
        MonitorConfig config = Changed(id, value);
        Assert.True(Configure(monitor, config));

        Assert.Equal(2, monitor.Ntc.KnotBuilds);
        AssertSameTable(new LeakMonitor(config).Ntc, monitor.Ntc);

        // and back: the defaults' table again, bit for bit
        Assert.True(Configure(monitor, new MonitorConfig()));
        Assert.Equal(3, monitor.Ntc.KnotBuilds);
        AssertSameTable(new LeakMonitor().Ntc, monitor.Ntc);
    }

    [Fact]
    public void A_coefficient_the_model_in_force_does_not_read_recomputes_nothing()
    {
        var monitor = new LeakMonitor(); // beta model: the Steinhart–Hart coefficients are unused
        MonitorConfig config = Changed(ParamId.NtcShCPico, 150000);
        Assert.True(Configure(monitor, config));

        Assert.Equal(1, monitor.Ntc.KnotBuilds);
        AssertSameTable(new LeakMonitor(config).Ntc, monitor.Ntc);
    }

    [Fact]
    public void A_rejected_configuration_changes_nothing()
    {
        var monitor = new LeakMonitor();
        int[] knotsBefore = Knots(monitor.Ntc);
        MonitorConfig config = Changed(ParamId.NtcBetaK, 3435);
        config.Set(ParamId.RedLowPa, -1); // out of range: the whole configuration is refused

        Assert.False(Configure(monitor, config));

        Assert.Equal(1, monitor.Ntc.KnotBuilds);
        Assert.Equal(knotsBefore, Knots(monitor.Ntc));
    }

    /// <summary>
    /// Any sequence of configurations (some refused) applied one after another leaves a monitor that
    /// behaves exactly as a monitor constructed with the configuration finally in force: the same
    /// telemetry after every sample and the same events (sequence numbers aside: the incremental
    /// monitor has numbered its CONFIG events already).
    /// </summary>
    [Fact]
    public void After_any_sequence_of_applies_the_monitor_behaves_as_one_built_with_the_final_configuration() =>
        Prop.ForAll(ConfigSequences(), sequence =>
        {
            var incremental = new LeakMonitor();
            foreach (MonitorConfig config in sequence)
            {
                Configure(incremental, config);
            }

            var final = new MonitorConfig();
            incremental.CopyConfigTo(final);
            var fresh = new LeakMonitor(final);
            EventDrain.All(incremental.TryDequeueEvent);

            AssertSameTable(fresh.Ntc, incremental.Ntc, ratioStep: 97);
            foreach (RawSample sample in Samples)
            {
                incremental.Step(sample);
                fresh.Step(sample);
                Assert.Equal(Telemetry(fresh), Telemetry(incremental));
                Assert.Equal(Events(fresh), Events(incremental));
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(SequencesTried));

    /// <summary>Parameters the sequences vary, each with values the validator accepts and, for some, one it refuses.</summary>
    private static readonly (ParamId Id, int[] Values)[] Variations =
    {
        (ParamId.NtcModel, new[] { 0, 1 }),
        (ParamId.NtcSeriesOhm, new[] { 10000, 12000 }),
        (ParamId.NtcR25Ohm, new[] { 10000, 4700 }),
        (ParamId.NtcBetaK, new[] { 3950, 3435, 0 }),
        (ParamId.NtcShAPico, new[] { 1009249522, 1000000000 }),
        (ParamId.NtcShCPico, new[] { 201920, 150000 }),
        (ParamId.NtcSupplyMicrovolts, new[] { 3300000, 3250000 }),
        (ParamId.RedLowPa, new[] { 40000, 30000 }),
        (ParamId.YellowLowPa, new[] { 70000, 90000 }),
        (ParamId.TempYellowHighMilliC, new[] { 40000, 20000 }),
        (ParamId.CusumShiftPa, new[] { 400, 300 }),
        (ParamId.ModelWarmupS, new[] { 5600, 60 }),
        (ParamId.PressureFullScalePa, new[] { 500000, 600000 }),
    };

    private static Arbitrary<MonitorConfig[]> ConfigSequences()
    {
        Gen<(int Variation, int Choice)> edit =
            from variation in Gen.Choose(0, Variations.Length - 1)
            from choice in Gen.Choose(0, 2)
            select (variation, choice);
        Gen<MonitorConfig> config =
            from edits in Gen.ListOf(edit)
            from knotMicrovolts in Gen.Elements(2450000, 2440000)
            select Build(edits, knotMicrovolts);
        return Gen.Choose(1, 5).SelectMany(count => Gen.ArrayOf(config, count)).ToArbitrary();
    }

    private static MonitorConfig Build(IEnumerable<(int Variation, int Choice)> edits, int knotMicrovolts)
    {
        var config = new MonitorConfig();
        foreach ((int variation, int choice) in edits.Take(4))
        {
            (ParamId id, int[] values) = Variations[variation];
            config.Set(id, values[choice % values.Length]);
        }

        config.AdcCalMicrovolts[1] = knotMicrovolts;
        return config;
    }

    private static bool Configure(LeakMonitor monitor, MonitorConfig config) => monitor.Configure(config, new ConfigErrors(), 0);

    private static MonitorConfig Changed(ParamId id, int value)
    {
        var config = new MonitorConfig();
        config.Set(id, value);
        return config;
    }

    private static int[] Knots(NtcThermistorTable table) =>
        Enumerable.Range(0, NtcThermistorTable.SegmentCount + 1).Select(table.KnotMicroC).ToArray();

    /// <summary>Bit-identical lookups over the Q20 ratios (every one by default), and the same ratio for every pin voltage up to 3.6 V in 1 mV steps.</summary>
    private static void AssertSameTable(NtcThermistorTable expected, NtcThermistorTable actual, int ratioStep = 1)
    {
        Assert.Equal(Knots(expected), Knots(actual));
        Assert.Equal(expected.SupplyMicrovolts, actual.SupplyMicrovolts);
        for (int ratioQ20 = 0; ratioQ20 < RatioOneQ20; ratioQ20 += ratioStep)
        {
            if (expected.TempMilliC(ratioQ20) != actual.TempMilliC(ratioQ20))
            {
                Assert.Fail($"ratio {ratioQ20}: {expected.TempMilliC(ratioQ20)} != {actual.TempMilliC(ratioQ20)} milli-°C");
            }
        }

        for (int pinMicrovolts = 0; pinMicrovolts <= 3600000; pinMicrovolts += 1000)
        {
            Assert.Equal(expected.RatioQ20(pinMicrovolts), actual.RatioQ20(pinMicrovolts));
        }
    }

    private static string Telemetry(LeakMonitor monitor)
    {
        var text = new StringBuilder();
        foreach (FieldInfo field in TelemetryFields)
        {
            object? value = field.GetValue(monitor.Telemetry);
            string shown = value is Array array ? string.Join(",", array.Cast<object>()) : Convert.ToString(value, CultureInfo.InvariantCulture)!;
            text.Append(field.Name).Append('=').Append(shown).Append(' ');
        }

        return text.ToString();
    }

    private static string[] Events(LeakMonitor monitor) =>
        EventDrain.All(monitor.TryDequeueEvent)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id} {e.Severity} t={e.TimeMs} {e.AlarmType} {e.Channel} alarm={e.AlarmSequence} code={e.Code} value={e.Value}"))
            .ToArray();
}
