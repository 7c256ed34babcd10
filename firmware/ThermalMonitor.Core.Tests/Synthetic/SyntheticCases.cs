using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Validation;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>
/// The synthetic signals the fixed-point pipeline is held to: nominal orbits (eclipse and
/// high-beta, with pump switches), leaks from 0.05 mm to 12 mm, a 2015-style glitch, and every
/// sensor fault on every channel. All start with more than one orbit of healthy loop so the
/// thermal model is armed when the event happens.
/// </summary>
public static class SyntheticCases
{
    public const double Hour = 3600.0;

    /// <summary>Leaks begin after the thermal model's warm-up (5600 s) and some armed time.</summary>
    public const double LeakOnsetS = 2 * Hour;

    public const double FaultStartS = 6000.0;
    public const double FaultEndS = 6300.0;

    public const ulong Seed = Support.SimulatedSamples.Seed;

    public static readonly double[] LeakDiametersMm = [0.05, 0.1, 0.2, 0.5, 0.8, 2.0, 5.0, 12.0];

    public static Scenario NominalEclipse() => new()
    {
        Name = "nominal-eclipse",
        DurationS = 12 * Hour,
        Pump = new PumpSettings { Switches = [new PumpSwitch(4 * Hour, false), new PumpSwitch(4 * Hour + 600, true)] },
    };

    public static Scenario NominalHighBeta() => new()
    {
        Name = "nominal-high-beta",
        DurationS = 12 * Hour,
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(75.0) },
    };

    public static Scenario Leak(double diameterMm) => new()
    {
        Name = $"leak-{diameterMm}mm",
        DurationS = LeakOnsetS + 1800,
        Leak = new LeakSettings { Steps = [new LeakStep(LeakOnsetS, diameterMm)] },
    };

    public static Scenario Glitch() => new()
    {
        Name = "glitch",
        DurationS = 3 * Hour,
        Faults = [SensorFault.Glitch(SensorChannel.Pressure, LeakOnsetS)],
    };

    public static Scenario Fault(SensorChannel channel, FaultKind kind) => new()
    {
        Name = $"fault-{channel}-{kind}",
        DurationS = FaultEndS + 900,
        Faults = [kind switch
        {
            FaultKind.Open => SensorFault.Open(channel, FaultStartS, FaultEndS),
            FaultKind.Short => SensorFault.Short(channel, FaultStartS, FaultEndS),
            FaultKind.Stuck => SensorFault.Stuck(channel, FaultStartS, FaultEndS),
            FaultKind.NoiseBurst => SensorFault.NoiseBurst(channel, FaultStartS, FaultEndS),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        }],
    };

    /// <summary>What the firmware must call each injected fault (docs/design.md §4: never a leak).</summary>
    public static FaultReason ExpectedReason(FaultKind kind) => kind switch
    {
        FaultKind.Open => FaultReason.Open,
        FaultKind.Short => FaultReason.Short,
        FaultKind.Stuck => FaultReason.Stuck,
        FaultKind.NoiseBurst => FaultReason.Noisy,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static AlarmSlot SensorFaultSlot(SensorChannel channel) => channel switch
    {
        SensorChannel.Pressure => AlarmSlot.SensorFaultPressure,
        SensorChannel.Temperature => AlarmSlot.SensorFaultTemperature,
        _ => AlarmSlot.SensorFaultSupply,
    };

    public static TheoryData<double> Leaks => new(LeakDiametersMm);

    public static TheoryData<SensorChannel, FaultKind> Faults
    {
        get
        {
            var data = new TheoryData<SensorChannel, FaultKind>();
            foreach (SensorChannel channel in Enum.GetValues<SensorChannel>())
            {
                foreach (FaultKind kind in new[] { FaultKind.Open, FaultKind.Short, FaultKind.Stuck, FaultKind.NoiseBurst })
                {
                    data.Add(channel, kind);
                }
            }

            return data;
        }
    }
}
