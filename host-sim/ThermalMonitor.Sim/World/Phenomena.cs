namespace ThermalMonitor.Sim;

/// <summary>
/// The phenomena of the randomized world (host-sim/ThermalMonitor.Sim/README.md, "The randomized
/// world"), as flags: a world case switches on any set of them at the loop's drawn values, the rest
/// stay at the benign base loop's (<see cref="WorldCaseBuilder"/>). <see cref="All"/> is the full
/// world; a single flag is an ablation case.
/// </summary>
[Flags]
public enum Phenomena
{
    /// <summary>The benign base loop: nothing drawn.</summary>
    None = 0,

    /// <summary>Accumulator charge: the loop's nominal absolute pressure.</summary>
    NominalPressure = 1 << 0,

    /// <summary>Gas polytropic exponent n.</summary>
    PolytropicIndex = 1 << 1,

    /// <summary>Liquid volume, expansion coefficient and the accumulator sized for the drawn thermal pressure swing.</summary>
    ThermalSwing = 1 << 2,

    /// <summary>The loop's thermal time constant.</summary>
    LoopTimeConstant = 1 << 3,

    /// <summary>The temperature sensor lagging the liquid.</summary>
    SensorLag = 1 << 4,

    /// <summary>Orbital temperature amplitude and mean.</summary>
    OrbitTemperature = 1 << 5,

    /// <summary>β schedule: eclipse seasons, high-β seasons without eclipse, and the drift between them.</summary>
    BetaSeasons = 1 << 6,

    /// <summary>Heater and set-point steps of the equilibrium temperatures.</summary>
    HeaterSteps = 1 << 7,

    /// <summary>Pump pressure ripple of random amplitude and frequency.</summary>
    PumpRipple = 1 << 8,

    /// <summary>Pump stops and starts with their transients and suction drop.</summary>
    PumpCycling = 1 << 9,

    /// <summary>Pressure reading noise, white plus coloured, in the rows.</summary>
    PressureNoise = 1 << 10,

    /// <summary>Temperature reading noise in the rows.</summary>
    TempNoise = 1 << 11,

    /// <summary>Quantization of the logged values.</summary>
    Quantization = 1 << 12,

    /// <summary>Slow offset drift of the pressure reading.</summary>
    PressureDrift = 1 << 13,

    /// <summary>Rare single-row glitches on either channel.</summary>
    Glitches = 1 << 14,

    /// <summary>Rows written at the logger's own rate (0.2–10 Hz) instead of 10 Hz.</summary>
    LoggerRate = 1 << 15,

    /// <summary>The full world: every phenomenon at its drawn value.</summary>
    All = (1 << 16) - 1,
}
