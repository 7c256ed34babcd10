namespace ThermalMonitor.Sim;

/// <summary>Names of the <see cref="Phenomena"/> (kebab-case, as in JSON and on the command line) and their order.</summary>
public static class PhenomenaCatalog
{
    /// <summary>The name of the full world.</summary>
    public const string AllName = "all";

    /// <summary>The name of the benign base loop.</summary>
    public const string NoneName = "none";

    /// <summary>Every single phenomenon, in declaration order (the order of reports).</summary>
    public static IReadOnlyList<Phenomena> Each { get; } =
        [.. Enum.GetValues<Phenomena>().Where(p => p != Phenomena.None && p != Phenomena.All)];

    /// <summary>
    /// The name of a single phenomenon ("sensor-lag"), of <see cref="Phenomena.All"/> ("all") or of
    /// <see cref="Phenomena.None"/> ("none"); a combination is its members' names joined by '+'.
    /// </summary>
    public static string Name(Phenomena phenomena) => phenomena switch
    {
        Phenomena.None => NoneName,
        Phenomena.All => AllName,
        Phenomena.NominalPressure => "nominal-pressure",
        Phenomena.PolytropicIndex => "polytropic-index",
        Phenomena.ThermalSwing => "thermal-swing",
        Phenomena.LoopTimeConstant => "loop-time-constant",
        Phenomena.SensorLag => "sensor-lag",
        Phenomena.OrbitTemperature => "orbit-temperature",
        Phenomena.BetaSeasons => "beta-seasons",
        Phenomena.HeaterSteps => "heater-steps",
        Phenomena.PumpRipple => "pump-ripple",
        Phenomena.PumpCycling => "pump-cycling",
        Phenomena.PressureNoise => "pressure-noise",
        Phenomena.TempNoise => "temp-noise",
        Phenomena.Quantization => "quantization",
        Phenomena.PressureDrift => "pressure-drift",
        Phenomena.Glitches => "glitches",
        Phenomena.LoggerRate => "logger-rate",
        _ => string.Join('+', Each.Where(p => phenomena.HasFlag(p)).Select(Name)),
    };

    /// <summary>One line: what the phenomenon varies.</summary>
    public static string Describe(Phenomena phenomenon) => phenomenon switch
    {
        Phenomena.None => "the benign base loop: 10 Hz rows without noise, no sensor lag, n = 1, beta 0, no pump events",
        Phenomena.All => "the full world: every phenomenon at its drawn value",
        Phenomena.NominalPressure => "accumulator charge: nominal loop pressure",
        Phenomena.PolytropicIndex => "gas polytropic exponent",
        Phenomena.ThermalSwing => "liquid volume, expansion coefficient, accumulator sized for the drawn thermal pressure swing",
        Phenomena.LoopTimeConstant => "loop thermal time constant",
        Phenomena.SensorLag => "temperature sensor lagging the liquid (first order)",
        Phenomena.OrbitTemperature => "orbital temperature amplitude and mean",
        Phenomena.BetaSeasons => "beta schedule: high-beta seasons without eclipse and the drift between them",
        Phenomena.HeaterSteps => "heater and set-point steps of the equilibrium temperatures",
        Phenomena.PumpRipple => "pump ripple: amplitude and frequency (aliases anywhere)",
        Phenomena.PumpCycling => "pump stops and starts: switch transient, suction drop",
        Phenomena.PressureNoise => "pressure reading noise in the rows: white plus first-order coloured",
        Phenomena.TempNoise => "temperature reading noise in the rows",
        Phenomena.Quantization => "quantization of the logged pressure and temperature",
        Phenomena.PressureDrift => "slow offset drift of the pressure reading",
        Phenomena.Glitches => "rare single-row glitches, in range or physically impossible",
        Phenomena.LoggerRate => "rows written at the logger's rate (0.2-10 Hz), replayed at 10 Hz by interpolation",
        _ => Name(phenomenon),
    };

    /// <summary>The phenomenon named <paramref name="name"/> ("all", "none" or a single name).</summary>
    /// <exception cref="ArgumentException">No phenomenon has that name.</exception>
    public static Phenomena Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (Phenomena candidate in Each.Append(Phenomena.All).Append(Phenomena.None))
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new ArgumentException(
            $"No phenomenon is named '{name}'; known: {string.Join(", ", Each.Select(Name))}, {AllName}, {NoneName}.", nameof(name));
    }
}
