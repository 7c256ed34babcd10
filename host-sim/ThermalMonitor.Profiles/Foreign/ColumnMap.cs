using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The <c>--map</c> option: <c>time=&lt;col&gt;,pressure=&lt;col&gt;[,temp=&lt;col&gt;][,cabin=&lt;col&gt;]</c>, a
/// column being a header name or a 1-based column number; plus the header names tried for columns the
/// map leaves out.
/// </summary>
internal static class ColumnMap
{
    /// <summary>Header names tried, after normalisation (<see cref="NormaliseHeader"/>), per column.</summary>
    public static readonly IReadOnlyDictionary<ForeignColumn, string[]> CommonNames =
        new Dictionary<ForeignColumn, string[]>
    {
        [ForeignColumn.Time] = ["time", "time_s", "timestamp"],
        [ForeignColumn.Pressure] = ["pressure", "pressure_kpa", "p"],
        [ForeignColumn.Temp] = ["temp", "temperature", "temp_c"],
        [ForeignColumn.Cabin] = ["cabin_temp_c", "cabin_temp", "cabin_temperature"],
    };

    /// <summary>A column named in the map: by header name, or by 1-based number when Name is null.</summary>
    public readonly record struct Reference(string? Name, int Number)
    {
        public override string ToString() => Name ?? Number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The key of <paramref name="column"/> in the map text.</summary>
    public static string Key(ForeignColumn column) => column.ToString().ToLowerInvariant();

    /// <summary>Parses the map; an empty or null map gives an empty dictionary.</summary>
    /// <exception cref="ArgumentException">Malformed entry, unknown or repeated key, column 0.</exception>
    public static Dictionary<ForeignColumn, Reference> Parse(string? map)
    {
        var result = new Dictionary<ForeignColumn, Reference>();
        if (string.IsNullOrWhiteSpace(map))
        {
            return result;
        }

        foreach (string rawEntry in map.Split(','))
        {
            string entry = rawEntry.Trim();
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == entry.Length - 1)
            {
                throw new ArgumentException(
                    $"--map entry '{entry}' must be key=column (e.g. time=1 or pressure=\"P (bar)\"); "
                    + $"the map was '{map}'.",
                    nameof(map));
            }

            string key = entry[..equals].Trim().ToLowerInvariant();
            string value = entry[(equals + 1)..].Trim().Trim('"').Trim();
            ForeignColumn column = key switch
            {
                "time" => ForeignColumn.Time,
                "pressure" => ForeignColumn.Pressure,
                "temp" => ForeignColumn.Temp,
                "cabin" => ForeignColumn.Cabin,
                _ => throw new ArgumentException(
                    $"--map key '{key}' is unknown; the keys are time, pressure, temp and cabin.", nameof(map)),
            };

            if (value.Length == 0)
            {
                throw new ArgumentException($"--map entry '{entry}' names no column.", nameof(map));
            }

            Reference reference;
            if (value.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
                {
                    throw new ArgumentException(
                        $"--map {key}={value}: column numbers start at 1.", nameof(map));
                }

                reference = new Reference(null, number);
            }
            else
            {
                reference = new Reference(value, 0);
            }

            if (!result.TryAdd(column, reference))
            {
                throw new ArgumentException($"--map names '{key}' twice.", nameof(map));
            }
        }

        return result;
    }

    /// <summary>
    /// Lower-case, trimmed, a trailing unit in brackets dropped, spaces and hyphens as underscores:
    /// "Pressure (bar)" → "pressure", "Temp-C" → "temp_c".
    /// </summary>
    public static string NormaliseHeader(string header)
    {
        string text = header.Trim().ToLowerInvariant();
        int bracket = text.IndexOfAny(['(', '[']);
        if (bracket > 0 && (text.EndsWith(')') || text.EndsWith(']')))
        {
            text = text[..bracket].TrimEnd();
        }

        return text.Replace(' ', '_').Replace('-', '_');
    }
}
