namespace ThermalMonitor.Sim;

/// <summary>
/// One case of the randomized world (<see cref="WorldCaseBuilder.Build"/>): the physics scenario, the
/// data logger that records it with its noise seed, the seed of the replay's ADC noise, and a summary
/// of the random events drawn for it.
/// </summary>
public sealed record WorldCase
{
    /// <summary>The loop this case runs.</summary>
    public required LoopDraw Draw { get; init; }

    /// <summary>The phenomena switched on at the loop's drawn values; the rest are the benign base loop's.</summary>
    public required Phenomena Phenomena { get; init; }

    /// <summary>The physics (10 Hz), leak included if any.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The logger that turns the physics into rows.</summary>
    public required LoggerSettings Logger { get; init; }

    /// <summary>Seed of the logger's noise.</summary>
    public required ulong LoggerSeed { get; init; }

    /// <summary>Seed of the replay's simulated sensor chain (ESP32 ADC noise).</summary>
    public required ulong SensorSeed { get; init; }

    /// <summary>Phase of the β cycle at the case's start, degrees (0 when β seasons are off).</summary>
    public required double BetaPhaseDeg { get; init; }

    /// <summary>Heater and set-point steps in the case (reverts included).</summary>
    public required int HeaterSteps { get; init; }

    /// <summary>Pump stops in the case (each with its restart).</summary>
    public required int PumpStops { get; init; }

    /// <summary>Pressure glitches scheduled in the case.</summary>
    public required int PressureGlitches { get; init; }

    /// <summary>Temperature glitches scheduled in the case.</summary>
    public required int TempGlitches { get; init; }

    /// <summary>Highest nominal pressure reading the case can reach (gas law at the hottest plus ripple, transient, drift and 4σ noise), kPa.</summary>
    public required double PeakReadingKpa { get; init; }

    /// <summary>Lowest nominal loop pressure (coldest liquid, before pump effects and noise), kPa.</summary>
    public required double LowestPressureKpa { get; init; }

    /// <summary>Liquid contraction at the coldest over the accumulator's reserve: below 1 the bellows never bottoms.</summary>
    public required double ReserveUse { get; init; }

    /// <summary>The case's logger rows, streamed (<see cref="LoggerRecording.Run"/>).</summary>
    public IEnumerable<LoggerRow> Rows() => LoggerRecording.Run(Scenario, Logger, LoggerSeed);
}
