namespace ThermalMonitor.Sim;

/// <summary>
/// Turns the physical values of a <see cref="SimSample"/> into raw ESP32 ADC bursts (docs/physics.md §4):
/// <list type="bullet">
/// <item>pressure: ratiometric transducer on the (possibly sagging) supply, clamped to its rails, ½ divider;</item>
/// <item>temperature: NTC to ground under a series resistor from the 3.3 V rail;</item>
/// <item>supply: the transducer's supply through a ⅓ divider;</item>
/// </list>
/// then each pin through <see cref="AdcChannel"/>, with the faults of a <see cref="FaultSchedule"/>.
/// It reads only time, index, pressure and temperature of the sample, so replaying a Profile CSV gives
/// the same counts as the live run that wrote it.
/// </summary>
/// <remarks>
/// Each channel draws from its own xoshiro256** stream, seeded in channel order (pressure, temperature,
/// supply) from one SplitMix64 sequence started at the seed: channels never shift each other's noise.
/// </remarks>
public sealed class SensorChain
{
    private readonly SensorSettings settings;
    private readonly FaultSchedule faults;
    private readonly AdcChannel[] channels;
    private readonly SensorFault?[] heldFaults = new SensorFault?[3];
    private readonly int[] heldCounts = new int[3];

    /// <summary>
    /// Builds the chain; <paramref name="outputPeriodMs"/> maps fault times to sample indices.
    /// </summary>
    public SensorChain(SensorSettings settings, IReadOnlyList<SensorFault> faults, int outputPeriodMs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.faults = new FaultSchedule(faults, outputPeriodMs);
        var seeder = new SplitMix64(seed);
        channels = Enum.GetValues<SensorChannel>()
            .Select(_ => new AdcChannel(settings.Adc, new Xoshiro256StarStar(seeder)))
            .ToArray();
    }

    /// <summary>The resolved fault windows (for writers that record which faults were active).</summary>
    public FaultSchedule Faults => faults;

    /// <summary>
    /// True (fault-free) pin voltage of <paramref name="channel"/> for <paramref name="sample"/>.
    /// </summary>
    public double PinVolts(SensorChannel channel, in SimSample sample) =>
        PinVolts(channel, sample, settings.SupplyVolts.ValueAt(sample.TimeS));

    /// <summary>Fills <paramref name="burst"/> with the reads for <paramref name="sample"/>.</summary>
    public void Acquire(in SimSample sample, AdcBurst burst)
    {
        ArgumentNullException.ThrowIfNull(burst);
        double supplyVolts = settings.SupplyVolts.ValueAt(sample.TimeS);
        Read(SensorChannel.Pressure, sample, supplyVolts, burst.PressureCounts);
        Read(SensorChannel.Temperature, sample, supplyVolts, burst.TempCounts);
        Read(SensorChannel.Supply, sample, supplyVolts, burst.SupplyCounts);
    }

    private double PinVolts(SensorChannel channel, in SimSample sample, double supplyVolts) =>
        channel switch
        {
            SensorChannel.Pressure => settings.PressureDividerRatio
                * PressureTransducer.OutputVolts(sample.PressureKpa, supplyVolts, settings.PressureFullScaleKpa),
            SensorChannel.Temperature => settings.Thermistor.DividerVolts(
                sample.TempC, settings.ThermistorSeriesOhms, settings.LogicRailVolts),
            SensorChannel.Supply => settings.SupplyDividerRatio * supplyVolts,
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown sensor channel."),
        };

    private void Read(SensorChannel channel, in SimSample sample, double supplyVolts, Span<int> counts)
    {
        int slot = (int)channel;
        AdcChannel adc = channels[slot];
        double truePinVolts = PinVolts(channel, sample, supplyVolts);
        SensorFault? fault = faults.ActiveAt(channel, sample.Index);
        double pinVolts = fault?.Kind switch
        {
            FaultKind.Open => channel == SensorChannel.Temperature ? settings.LogicRailVolts : 0.0,
            FaultKind.Short => channel == SensorChannel.Temperature ? 0.0 : settings.LogicRailVolts,
            FaultKind.Glitch => fault.GlitchPinVolts,
            _ => truePinVolts,
        };
        double noiseMultiplier = fault?.Kind == FaultKind.NoiseBurst ? fault.NoiseMultiplier : 1.0;

        // Always read, even when stuck, so the channel's random stream advances as in a fault-free run.
        adc.ReadBurst(pinVolts, noiseMultiplier, counts);
        if (fault?.Kind == FaultKind.Stuck)
        {
            if (!ReferenceEquals(heldFaults[slot], fault))
            {
                heldFaults[slot] = fault;
                heldCounts[slot] = AdcChannel.Quantise(adc.IdealCounts(truePinVolts));
            }

            counts.Fill(heldCounts[slot]);
        }
    }
}
