using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The configuration as real numbers: the same physical parameters the firmware reads, derived
/// without integer rounding (ln(ARL0) in double, rates per sample as fractions).
/// Sample counts (persistence, windows, the EWMA shift) are integers by definition and are
/// taken from the firmware's <see cref="DerivedSettings"/> so both run the same algorithm.
/// </summary>
public sealed class ReferenceSettings
{
    public ReferenceSettings(MonitorConfig config, DerivedSettings derived)
    {
        Config = config;
        Derived = derived;
        double periodS = derived.SamplePeriodMs / 1000.0;
        LogThreshold = Math.Log((double)derived.FalseAlarmIntervalBlocks * derived.CusumBankSize);
        NoiseFloorBlockPa = config.Get(ParamId.ResidualSigmaPa) / Math.Sqrt(derived.DecisionBlockSamples);
        RateDropLimitPa = config.Get(ParamId.RateLimitPaPerS) * derived.RateWindowSamples * periodS;
        PressureSlewPerSample = config.Get(ParamId.PressureSlewMaxPaPerS) * periodS;
        TempSlewPerSample = config.Get(ParamId.TempSlewMaxMilliCPerS) * periodS;
        SupplySlewPerSample = config.Get(ParamId.SupplySlewMaxMicrovoltsPerS) * periodS;
        NoisyRecoverSpreadCounts = config.Get(ParamId.NoisySpreadMaxCounts) * config.Get(ParamId.NoisyRecoverPercent) / 100.0;
    }

    public MonitorConfig Config { get; }

    public DerivedSettings Derived { get; }

    /// <summary>h = ln(ARL0 in blocks · bank members).</summary>
    public double LogThreshold { get; }

    /// <summary>Smallest σ of one decision block: residualSigmaPa / √(block samples).</summary>
    public double NoiseFloorBlockPa { get; }

    public double RateDropLimitPa { get; }

    public double PressureSlewPerSample { get; }

    public double TempSlewPerSample { get; }

    public double SupplySlewPerSample { get; }

    public double NoisyRecoverSpreadCounts { get; }

    public int Get(ParamId id) => Config.Get(id);

    public ChannelLimits Limits(int channel) => channel switch
    {
        0 => Derived.PressureLimits,
        1 => Derived.TempLimits,
        _ => Derived.SupplyLimits,
    };
}
