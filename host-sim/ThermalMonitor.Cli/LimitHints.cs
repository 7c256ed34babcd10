using System.Globalization;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Profiles;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Cli;

/// <summary>
/// One-line hints for a recording that starts beyond the limits in force: a loop at 1 bar replayed
/// against limits meant for a 2.5 bar loop raises RED_LOW_LIMIT at once, which is the configuration
/// speaking, not the loop. Each hint names the readings, the limit (read from the configuration the
/// replay runs with, never assumed) and how to set it with <c>--config</c>, with an example document
/// the validator accepts.
/// </summary>
public static class LimitHints
{
    /// <summary>How much of the recording's start is looked at.</summary>
    public const double WindowS = 10.0;

    private const int PressureStepPa = 1000;
    private const int TempStepMilliC = 1000;

    /// <summary>
    /// The hints for <paramref name="profile"/> (named <paramref name="fileName"/> in them) under
    /// <paramref name="config"/>: at most one for pressure, one for temperature; none when its first
    /// <see cref="WindowS"/> seconds of possible readings are within the limits.
    /// </summary>
    public static IReadOnlyList<string> For(Profile profile, MonitorConfig config, string fileName)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        double endS = profile.FirstRow.TimeS + WindowS;
        double fullScaleKpa = new SensorSettings().PressureFullScaleKpa;
        ProfileRow[] start = [.. profile.ReadRows().TakeWhile(r => r.TimeS <= endS)];
        double[] pressuresPa = [.. start.Select(r => r.PressureKpa)
            .Where(p => ReadingKinds.OfPressure(p, fullScaleKpa) == ReadingKind.Possible).Select(p => p * 1000.0)];
        double[] tempsMilliC = profile.HasCoolantTemperature
            ? [.. start.Select(r => r.TempC).Where(t => ReadingKinds.OfTemperature(t) == ReadingKind.Possible).Select(t => t * 1000.0)]
            : [];

        var hints = new List<string>();
        if (pressuresPa.Length > 0 && PressureHint(pressuresPa, config, fileName) is { } pressure)
        {
            hints.Add(pressure);
        }

        if (tempsMilliC.Length > 0 && TemperatureHint(tempsMilliC, config, fileName) is { } temperature)
        {
            hints.Add(temperature);
        }

        return hints;
    }

    private static string? PressureHint(double[] pressuresPa, MonitorConfig config, string fileName)
    {
        double highestPa = pressuresPa.Max();
        double lowestPa = pressuresPa.Min();
        Breach? breach = highestPa < config.Get(ParamId.RedLowPa) ? new(ParamId.RedLowPa, "RED_LOW_LIMIT", "red low limit")
            : highestPa < config.Get(ParamId.YellowLowPa) ? new(ParamId.YellowLowPa, "YELLOW_LOW_LIMIT", "yellow low limit")
            : null;
        if (breach is null)
        {
            return null;
        }

        // Example: yellow at 85 % and red at 70 % of the lowest reading, whole kPa.
        int yellowPa = (int)(Math.Floor(lowestPa * 0.85 / PressureStepPa) * PressureStepPa);
        int redPa = (int)(Math.Floor(lowestPa * 0.70 / PressureStepPa) * PressureStepPa);
        string readings = Range(lowestPa / 1000.0, highestPa / 1000.0, "kPa");
        return Hint(fileName, readings, "below", breach, config, "pressure",
            ParamId.RedLowPa, redPa, ParamId.YellowLowPa, yellowPa);
    }

    private static string? TemperatureHint(double[] tempsMilliC, MonitorConfig config, string fileName)
    {
        double lowestMilliC = tempsMilliC.Min();
        double highestMilliC = tempsMilliC.Max();
        Breach? breach = lowestMilliC > config.Get(ParamId.TempRedHighMilliC) ? new(ParamId.TempRedHighMilliC, "RED_HIGH_LIMIT", "red high limit")
            : lowestMilliC > config.Get(ParamId.TempYellowHighMilliC) ? new(ParamId.TempYellowHighMilliC, "YELLOW_HIGH_LIMIT", "yellow high limit")
            : null;
        if (breach is null)
        {
            return null;
        }

        // Example: yellow 10 °C and red 20 °C above the highest reading, whole °C.
        int yellowMilliC = (int)(Math.Ceiling((highestMilliC + 10_000) / TempStepMilliC) * TempStepMilliC);
        int redMilliC = yellowMilliC + 10_000;
        string readings = Range(lowestMilliC / 1000.0, highestMilliC / 1000.0, "°C");
        return Hint(fileName, readings, "above", breach, config, "temperature",
            ParamId.TempYellowHighMilliC, yellowMilliC, ParamId.TempRedHighMilliC, redMilliC);
    }

    private static string Hint(
        string fileName, string readings, string side, Breach breach, MonitorConfig config,
        string quantity, ParamId first, int firstValue, ParamId second, int secondValue)
    {
        ParameterInfo info = ParameterTable.Info(breach.Limit);
        string example = ValidExample(config, first, firstValue, second, secondValue) is { } document
            ? $", e.g. {document}"
            : $" (members {ParameterTable.Info(first).Name} and {ParameterTable.Info(second).Name})";
        return string.Create(CultureInfo.InvariantCulture,
            $"hint: {fileName} reads {readings} in its first {WindowS:0} s, {side} the {breach.Name} ({info.Name} = {config.Get(breach.Limit)} {info.Unit}): ")
            + $"{breach.Cause} from the start. If that is the loop's normal {quantity}, set the limits with --config <file.json>{example}";
    }

    /// <summary>The two members as a JSON document, if the configuration with them passes the validator.</summary>
    private static string? ValidExample(MonitorConfig config, ParamId first, int firstValue, ParamId second, int secondValue)
    {
        var candidate = new MonitorConfig();
        candidate.CopyFrom(config);
        candidate.Set(first, firstValue);
        candidate.Set(second, secondValue);
        if (!ConfigValidator.Validate(candidate, new ConfigErrors(), new DerivedSettings()))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"{ParameterTable.Info(first).Name}\":{firstValue},\"{ParameterTable.Info(second).Name}\":{secondValue}}}");
    }

    private static string Range(double lowest, double highest, string unit) => lowest == highest
        ? string.Create(CultureInfo.InvariantCulture, $"{lowest:0.0} {unit}")
        : string.Create(CultureInfo.InvariantCulture, $"{lowest:0.0}–{highest:0.0} {unit}");

    /// <summary>A limit the recording starts beyond, the alarm cause it raises, and its name in words.</summary>
    private sealed record Breach(ParamId Limit, string Cause, string Name);
}
