using System.Text.Json;

namespace ThermalMonitor.Sim;

/// <summary>
/// Every parameter the world sampler drew for one loop (<see cref="WorldSampler.Draw"/>): the loop's
/// physics, its orbit, heater and pump behaviour, and the data logger that records it. Rates of
/// random events (heater steps, pump stops, glitches) are the loop's; the events themselves are drawn
/// per case (<see cref="WorldCaseBuilder"/>). Ranges: <see cref="WorldRanges"/>. Serialisable to JSON
/// (<see cref="ToJson"/>) for reports.
/// </summary>
public sealed record LoopDraw
{
    /// <summary>The campaign or world seed the loop was drawn from.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The loop's index under that seed.</summary>
    public required int LoopIndex { get; init; }

    /// <summary>Nominal absolute pressure at the mean temperature, kPa.</summary>
    public required double NominalPressureKpa { get; init; }

    /// <summary>Gas polytropic exponent n.</summary>
    public required double PolytropicIndex { get; init; }

    /// <summary>Liquid inventory, L.</summary>
    public required double InventoryLiters { get; init; }

    /// <summary>Volumetric expansion coefficient of the liquid, 1/K.</summary>
    public required double ThermalExpansionPerK { get; init; }

    /// <summary>Peak-to-peak pressure swing over the loop's whole temperature span (orbit and heater range), fraction of nominal.</summary>
    public required double SwingFraction { get; init; }

    /// <summary>Accumulator liquid-side reserve as a fraction of its gas volume, before the no-bottoming floor.</summary>
    public required double ReserveFraction { get; init; }

    /// <summary>Mean loop temperature (the reference temperature of the nominal point), °C.</summary>
    public required double MeanTempC { get; init; }

    /// <summary>Half the sun–eclipse equilibrium difference, °C.</summary>
    public required double OrbitAmplitudeC { get; init; }

    /// <summary>Loop thermal time constant, min.</summary>
    public required double ThermalTimeConstantMin { get; init; }

    /// <summary>Temperature sensor lag behind the liquid, min.</summary>
    public required double SensorLagMin { get; init; }

    /// <summary>Amplitude of the β cycle (β clamped to ±90°), degrees.</summary>
    public required double BetaAmplitudeDeg { get; init; }

    /// <summary>Period of the β cycle, days.</summary>
    public required double BetaPeriodDays { get; init; }

    /// <summary>Heater and set-point steps per day.</summary>
    public required double HeaterStepsPerDay { get; init; }

    /// <summary>Largest equilibrium offset the heater steps reach, °C.</summary>
    public required double HeaterMaxOffsetC { get; init; }

    /// <summary>Pump ripple amplitude, kPa.</summary>
    public required double RippleAmplitudeKpa { get; init; }

    /// <summary>Pump ripple frequency, Hz.</summary>
    public required double RippleFrequencyHz { get; init; }

    /// <summary>Pump stops per day.</summary>
    public required double PumpStopsPerDay { get; init; }

    /// <summary>Pump switch transient, kPa.</summary>
    public required double SwitchTransientKpa { get; init; }

    /// <summary>Time constant of the switch transient, s.</summary>
    public required double SwitchTransientTimeConstantS { get; init; }

    /// <summary>Running suction drop at the transducer, kPa.</summary>
    public required double RunningSuctionDropKpa { get; init; }

    /// <summary>Logger row period, ms.</summary>
    public required int LoggerPeriodMs { get; init; }

    /// <summary>Pressure reading noise per row (1σ), kPa.</summary>
    public required double PressureNoiseKpa { get; init; }

    /// <summary>Share of the pressure noise variance that is coloured.</summary>
    public required double PressureNoiseColouredFraction { get; init; }

    /// <summary>Time constant of the coloured pressure noise, s.</summary>
    public required double PressureNoiseTimeConstantS { get; init; }

    /// <summary>Temperature reading noise per row (1σ), °C.</summary>
    public required double TempNoiseC { get; init; }

    /// <summary>Quantization step of the logged pressure, kPa.</summary>
    public required double PressureStepKpa { get; init; }

    /// <summary>Quantization step of the logged temperature, °C.</summary>
    public required double TempStepC { get; init; }

    /// <summary>Offset drift of the pressure reading, kPa/day.</summary>
    public required double PressureDriftKpaPerDay { get; init; }

    /// <summary>Pressure glitches per day.</summary>
    public required double PressureGlitchesPerDay { get; init; }

    /// <summary>Temperature glitches per day.</summary>
    public required double TempGlitchesPerDay { get; init; }

    /// <summary>Accumulator gas volume of the full world (every phenomenon on), L: derived from the swing.</summary>
    public required double AccumulatorGasLiters { get; init; }

    /// <summary>Accumulator liquid-side reserve of the full world, L.</summary>
    public required double AccumulatorReserveLiters { get; init; }

    /// <summary>Highest pressure reading the full world's nominal operation can reach, kPa (≤ <see cref="WorldRanges.PeakReadingLimitKpa"/>).</summary>
    public required double PeakReadingKpa { get; init; }

    /// <summary>Lowest loop pressure of the full world's nominal operation (coldest liquid, before noise), kPa.</summary>
    public required double LowestPressureKpa { get; init; }

    /// <summary>The draw as one JSON object, snake_case names with units (e.g. "nominal_pressure_kpa").</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Options that give <see cref="ToJson"/>'s names; for callers embedding a draw in their own JSON.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };
}
