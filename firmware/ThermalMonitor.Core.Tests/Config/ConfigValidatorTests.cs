using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Tests.Config;

public class ConfigValidatorTests
{
    private static (bool Ok, ConfigErrors Errors) Validate(MonitorConfig config)
    {
        var errors = new ConfigErrors();
        return (ConfigValidator.Validate(config, errors, new DerivedSettings()), errors);
    }

    [Fact]
    public void Defaults_are_valid_and_derive_the_documented_constants()
    {
        var derived = new DerivedSettings();
        var errors = new ConfigErrors();
        Assert.True(ConfigValidator.Validate(new MonitorConfig(), errors, derived), string.Join("; ", Enumerable.Range(0, errors.Count).Select(i => errors[i])));
        Assert.Equal(300, derived.RateWindowSamples);                 // 30 s at 10 Hz
        Assert.Equal(6000, derived.RateDropLimitPa);             // 0.2 kPa/s over 30 s
        Assert.Equal(10, derived.DecisionBlockSamples);               // 1 s blocks at 10 Hz
        Assert.Equal(13, derived.ModelShift);                         // 8192 s = 8192 blocks → 2^13
        Assert.Equal(4, derived.TempFilterShift);                     // 16 s = 2^4 blocks
        Assert.Equal(315360000L, derived.FalseAlarmIntervalSamples);  // one year at 10 Hz
        Assert.Equal(31536000L, derived.FalseAlarmIntervalBlocks);    // one year of 1 s blocks
        double h = Math.Log(31536000.0 * 5);                         // five members share the interval
        Assert.InRange(derived.CusumLogThresholdQ16 / 65536.0, h - 2e-5, h + 2e-5);
        Assert.InRange(derived.CusumThresholdQ8 / 256.0, h * 50 * 50 / 400 - 0.1, h * 50 * 50 / 400 + 0.1);
        Assert.Equal(200 * 256, derived.CusumReferenceQ8);
        Assert.InRange(derived.NoiseFloorBlockQ8 / 256.0, (50 / Math.Sqrt(10)) - 0.05, (50 / Math.Sqrt(10)) + 0.05);
        Assert.Equal(3, derived.CusumPersistBlocks);
        Assert.Equal(5, derived.CusumClearBlocks);
        Assert.Equal(3, derived.PressureLimits.FaultPersistSamples);
        Assert.Equal(100000, derived.PressureLimits.SlewMaxPerSample);
    }

    [Fact]
    public void Every_parameter_has_a_unique_name_and_a_default_inside_its_range()
    {
        var names = new HashSet<string>();
        for (int i = 0; i < ParameterTable.Count; i++)
        {
            ParameterInfo info = ParameterTable.At(i);
            Assert.Equal(i, (int)info.Id);
            Assert.True(names.Add(info.Name), info.Name);
            Assert.InRange(info.DefaultValue, info.Min, info.Max);
            Assert.Equal(i, ParameterTable.IndexOf(info.Name));
        }

        Assert.Equal(Enum.GetValues<ParamId>().Length, ParameterTable.Count);
    }

    [Fact]
    public void Each_out_of_range_field_is_named_with_its_range_and_value()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.SamplePeriodMs, 5);
        config.Set(ParamId.NtcBetaK, 99999);
        var (ok, errors) = Validate(config);
        Assert.False(ok);
        Assert.Equal(2, errors.Count);
        Assert.Equal("samplePeriodMs: must be 10..60000 ms, got 5", errors[0].ToString());
        Assert.Equal("ntcBetaK: must be 1000..10000 K, got 99999", errors[1].ToString());
    }

    [Theory]
    [InlineData(ParamId.BurstTrimEachSide, 16, "burstTrimEachSide")]
    [InlineData(ParamId.RedLowPa, 200000, "redLowPa")]
    [InlineData(ParamId.TempYellowHighMilliC, 60000, "tempYellowHighMilliC")]
    [InlineData(ParamId.CusumShiftPa, 5000, "cusumShiftPa")]
    [InlineData(ParamId.PressureLiveMinPpm, 960000, "pressureLiveMinPpm")]
    [InlineData(ParamId.RateWindowMs, 200000, "rateWindowMs")]
    [InlineData(ParamId.ModelTimeConstantS, 1, "modelTimeConstantS")]
    [InlineData(ParamId.PressureSpanPpm, 950000, "pressureSpanPpm")]
    [InlineData(ParamId.TempFilterS, 1, "tempFilterS")]
    [InlineData(ParamId.DecisionBlockMs, 60000, "modelTimeConstantS")]
    public void Inconsistent_fields_are_named(ParamId id, int value, string field)
    {
        var config = new MonitorConfig();
        config.Set(id, value);
        var (ok, errors) = Validate(config);
        Assert.False(ok);
        Assert.True(errors.Contains(field), string.Join("; ", Enumerable.Range(0, errors.Count).Select(i => errors[i])));
    }

    [Fact]
    public void A_lag_term_needs_the_temperature_filter()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.TempFilterS, 0);
        var (ok, errors) = Validate(config);
        Assert.False(ok);
        Assert.Equal("modelTerms: a lag term needs the temperature filter (tempFilterS > 0), got modelTerms = 3 with tempFilterS = 0", errors[0].ToString());

        config.Set(ParamId.ModelTerms, 1);
        Assert.True(Validate(config).Ok);
    }

    [Fact]
    public void Calibration_knots_must_increase()
    {
        var config = new MonitorConfig();
        config.AdcCalCounts[1] = 100;
        config.AdcCalMicrovolts[2] = 6000000;
        var (ok, errors) = Validate(config);
        Assert.False(ok);
        Assert.True(errors.Contains("adcCalCounts[1]"));
        Assert.True(errors.Contains("adcCalMicrovolts[2]"));
    }

    [Fact]
    public void A_rejected_configuration_changes_nothing_and_is_reported()
    {
        var monitor = new LeakMonitor();
        var before = new MonitorConfig();
        monitor.CopyConfigTo(before);
        long thresholdBefore = monitor.Derived.CusumThresholdQ8;

        var candidate = new MonitorConfig();
        candidate.Set(ParamId.ResidualSigmaPa, 550);   // valid on its own ...
        candidate.Set(ParamId.RedLowPa, 900000);       // ... but this one is not (above yellow)
        var errors = new ConfigErrors();
        Assert.False(monitor.Configure(candidate, errors, 10));

        var after = new MonitorConfig();
        monitor.CopyConfigTo(after);
        Assert.True(after.ContentEquals(before));
        Assert.Equal(thresholdBefore, monitor.Derived.CusumThresholdQ8);
        var item = new ThermalMonitor.Core.Alarms.MonitorEvent();
        Assert.True(monitor.TryDequeueEvent(item));
        Assert.Equal(ThermalMonitor.Core.Alarms.EventId.ConfigRejected, item.Id);
        Assert.Equal(errors.Count, item.Value);
    }

    [Fact]
    public void An_accepted_configuration_is_applied_whole_and_reported()
    {
        var monitor = new LeakMonitor();
        var candidate = new MonitorConfig();
        candidate.Set(ParamId.ResidualSigmaPa, 550);
        Assert.True(monitor.Configure(candidate, new ConfigErrors(), 10));
        var after = new MonitorConfig();
        monitor.CopyConfigTo(after);
        Assert.Equal(550, after.Get(ParamId.ResidualSigmaPa));
        var item = new ThermalMonitor.Core.Alarms.MonitorEvent();
        Assert.True(monitor.TryDequeueEvent(item));
        Assert.Equal(ThermalMonitor.Core.Alarms.EventId.ConfigChanged, item.Id);
    }
}
