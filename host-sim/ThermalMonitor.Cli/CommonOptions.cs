using System.CommandLine;
using System.Globalization;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli;

/// <summary>Options shared by several commands, defined once.</summary>
public static class CommonOptions
{
    public static Option<string?> Library() => new("--library")
    {
        Description = "Profile library folder (default: host-sim/profiles of this repository)",
    };

    public static Option<string> Target() => new("--target")
    {
        Description = "Where the firmware runs, reached over the serial protocol: sil (the in-process board), virtual[@<baud>] (a virtual board on a pseudo-terminal), or serial:<device>[@<baud>] (a real board)",
        DefaultValueFactory = _ => "sil",
    };

    /// <summary>The option's name, also used in its error messages.</summary>
    public const string SerialTransportName = "--serial-transport";

    public static Option<string?> SerialTransport() => new(SerialTransportName)
    {
        Description = "How a virtual or serial target's port is opened: termios (hand-written, Linux/macOS; the default there) or ports (System.IO.Ports; "
            + "the default on Windows and the only one there). Without it: the " + Serial.SerialTransports.EnvironmentVariable + " environment variable, else the default",
    };

    public static Option<ulong?> Seed() => new("--seed")
    {
        Description = "Sensor-noise seed (default: the profile's recorded seed)",
    };

    public static Option<string?> Json() => new("--json")
    {
        Description = "Write the result as JSON to this file ('-' for standard output)",
    };

    public static Option<string?> Junit() => new("--junit")
    {
        Description = "Write the judgement as a JUnit XML report to this file (for CI servers): one test case per profile",
    };

    public static Option<string?> Report() => new("--report")
    {
        Description = "Write a self-contained HTML report to this file",
    };

    /// <summary>Foreign CSV import options (docs/design.md §5).</summary>
    public sealed class Foreign
    {
        public Option<string?> Map { get; } = new("--map") { Description = "Foreign CSV columns: time=<col>,pressure=<col>[,temp=<col>][,cabin=<col>] (header name or 1-based number); without a temperature column the slow path is off for the replay" };

        public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "Foreign CSV delimiter (default: detected)" };

        public Option<string?> PressureUnit { get; } = new("--pressure-unit") { Description = "Foreign CSV pressure unit: Pa, kPa, bar or psi (default kPa)" };

        public Option<bool> Gauge { get; } = new("--gauge") { Description = "Foreign CSV pressure is gauge: add 101.325 kPa" };

        public Option<string?> TempUnit { get; } = new("--temp-unit") { Description = "Foreign CSV temperature unit: C, K or F (default C)" };

        public void AddTo(Command command)
        {
            command.Add(Map);
            command.Add(Delimiter);
            command.Add(PressureUnit);
            command.Add(Gauge);
            command.Add(TempUnit);
        }

        /// <summary>Null when none of the foreign options was given (the file must then be Profile CSV v1).</summary>
        public ForeignCsvOptions? Read(ParseResult parse)
        {
            string? map = parse.GetValue(Map);
            string? delimiter = parse.GetValue(Delimiter);
            string? pressureUnit = parse.GetValue(PressureUnit);
            bool gauge = parse.GetValue(Gauge);
            string? tempUnit = parse.GetValue(TempUnit);
            if (map is null && delimiter is null && pressureUnit is null && !gauge && tempUnit is null)
            {
                return null;
            }

            return new ForeignCsvOptions(map, ParseDelimiter(delimiter), ParsePressureUnit(pressureUnit), gauge, ParseTempUnit(tempUnit));
        }

        private static char? ParseDelimiter(string? text) => text switch
        {
            null => null,
            "\\t" or "tab" => '\t',
            { Length: 1 } => text[0],
            _ => throw new UserInputException($"--delimiter '{text}': expected a single character (or 'tab')"),
        };

        private static PressureUnit ParsePressureUnit(string? text) => text?.ToLowerInvariant() switch
        {
            null or "kpa" => Profiles.PressureUnit.KPa,
            "pa" => Profiles.PressureUnit.Pa,
            "bar" => Profiles.PressureUnit.Bar,
            "psi" => Profiles.PressureUnit.Psi,
            _ => throw new UserInputException($"--pressure-unit '{text}': expected Pa, kPa, bar or psi"),
        };

        private static TempUnit ParseTempUnit(string? text) => text?.ToUpperInvariant() switch
        {
            null or "C" => Profiles.TempUnit.C,
            "K" => Profiles.TempUnit.K,
            "F" => Profiles.TempUnit.F,
            _ => throw new UserInputException($"--temp-unit '{text}': expected C, K or F"),
        };
    }

    public static TargetSpec ParseTarget(string text)
    {
        TargetSpec target;
        try
        {
            target = TargetSpec.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserInputException(e.Message);
        }

        return target;
    }

    /// <summary>The transport for <see cref="SerialTransport"/>'s value (null: the environment variable, else the platform default).</summary>
    public static Serial.SerialTransport ParseSerialTransport(string? text)
    {
        try
        {
            return Serial.SerialTransports.Resolve(text, SerialTransportName);
        }
        catch (FormatException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    public static string FormatSeconds(double seconds) => seconds switch
    {
        < 120 => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 7200 => (seconds / 60).ToString("0.0", CultureInfo.InvariantCulture) + " min",
        _ => (seconds / 3600).ToString("0.00", CultureInfo.InvariantCulture) + " h",
    };
}
