using BenchmarkDotNet.Attributes;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Benchmarks;

/// <summary>
/// What one configuration apply costs the sampling thread: <see cref="LeakMonitor.Configure"/>
/// (validate, derive, apply) as a CFG SET or CFG DEFAULTS runs it, plus draining its event as the
/// link does. One operation = one apply. The changing cases alternate between two valid values so
/// every apply is a real change.
/// </summary>
[MemoryDiagnoser]
public class ConfigApplyBenchmarks
{
    private readonly LeakMonitor monitor = new LeakMonitor();
    private readonly ConfigErrors errors = new ConfigErrors();
    private readonly MonitorEvent drained = new MonitorEvent();
    private readonly MonitorConfig unchanged = new MonitorConfig();
    private readonly MonitorConfig[] detectionChanges = { Changed(ParamId.RedLowPa, 39000), Changed(ParamId.RedLowPa, 40000) };
    private readonly MonitorConfig[] ntcChanges = { Changed(ParamId.NtcBetaK, 3900), Changed(ParamId.NtcBetaK, 3950) };
    private readonly MonitorConfig defaults = new MonitorConfig();
    private long timeMs;
    private int flip;

    [Benchmark(Description = "apply an unchanged configuration")]
    public bool Unchanged() => Apply(unchanged);

    [Benchmark(Description = "apply a detection-parameter change (redLowPa)")]
    public bool DetectionChange() => Apply(detectionChanges[flip ^= 1]);

    [Benchmark(Description = "apply an NTC change (ntcBetaK)")]
    public bool NtcChange() => Apply(ntcChanges[flip ^= 1]);

    /// <summary>CFG DEFAULTS: the candidate reset to defaults, then applied.</summary>
    [Benchmark(Description = "CFG DEFAULTS")]
    public bool Defaults()
    {
        defaults.ResetToDefaults();
        return Apply(defaults);
    }

    private bool Apply(MonitorConfig config)
    {
        errors.Clear();
        bool applied = monitor.Configure(config, errors, ++timeMs);
        while (monitor.TryDequeueEvent(drained))
        {
        }

        return applied;
    }

    private static MonitorConfig Changed(ParamId id, int value)
    {
        var config = new MonitorConfig();
        config.Set(id, value);
        return config;
    }
}
