using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Parses Profile CSV v1 text. Every rejection is a <see cref="ProfileFormatException"/> naming the
/// line and field: a missing value is never read as zero. Pressure and temperature cells are readings
/// (<see cref="ReadingText"/>): impossible ones are kept, a missing one is NaN; <c>temp_c</c> may be
/// absent (a pressure-only recording).
/// </summary>
internal sealed class ProfileCsvReader
{
    private static readonly string[] Required = [ProfileColumns.Time, ProfileColumns.Pressure];

    private readonly string sourceName;
    private readonly Dictionary<string, string> metadata = new(StringComparer.Ordinal);
    private Dictionary<string, int> columns = [];
    private int headerFieldCount;
    private int rowCount;
    private double lastTimeS;

    private ProfileCsvScan? scan;

    private ProfileCsvReader(string sourceName) => this.sourceName = sourceName;

    /// <summary>Parses <paramref name="lines"/>; the name falls back to <paramref name="fallbackName"/>.</summary>
    public static Profile Parse(List<string> lines, string sourceName, string fallbackName, string? sourcePath)
    {
        var rows = new List<ProfileRow>();
        ProfileCsvScan scan = Scan(lines, sourceName, fallbackName, rows.Add);
        return new Profile(scan.Name, scan.Metadata, rows, sourcePath, scan.TemperatureRecorded);
    }

    /// <summary>
    /// Parses <paramref name="lines"/> one at a time, handing each row to <paramref name="onRow"/> and
    /// keeping none: the same checks and errors as <see cref="Parse"/>, in memory bounded by a line.
    /// </summary>
    public static ProfileCsvScan Scan(IEnumerable<string> lines, string sourceName, string fallbackName, Action<ProfileRow> onRow)
    {
        var reader = new ProfileCsvReader(sourceName);
        foreach (ProfileRow row in reader.RowsOf(lines, fallbackName))
        {
            onRow(row);
        }

        return reader.scan!;
    }

    /// <summary>The rows of <paramref name="lines"/> as they are parsed, with every check of <see cref="Parse"/>.</summary>
    public static IEnumerable<ProfileRow> Rows(IEnumerable<string> lines, string sourceName) =>
        new ProfileCsvReader(sourceName).RowsOf(lines, sourceName);

    private IEnumerable<ProfileRow> RowsOf(IEnumerable<string> lines, string fallbackName)
    {
        int lineNumber = 0;
        int headerLine = 0;
        foreach (string line in lines)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (headerLine > 0)
            {
                yield return ReadRow(line, lineNumber);
            }
            else if (line.StartsWith('#'))
            {
                ReadMetadata(line, lineNumber);
            }
            else
            {
                headerLine = lineNumber;
                ReadHeader(line, headerLine);
            }
        }

        if (headerLine == 0)
        {
            throw Error(Math.Max(lineNumber, 1), 0, "expected a header row with time_s, pressure_kpa (and temp_c), found "
                + (lineNumber == 0 ? "an empty file" : "no header row"));
        }

        if (rowCount == 0)
        {
            throw Error(lineNumber + 1, 0, "expected at least one data row after the header, found none");
        }

        string name = metadata.TryGetValue(Profile.NameKey, out string? named) && named.Length > 0
            ? named
            : fallbackName;
        scan = new ProfileCsvScan(name, metadata, columns.ContainsKey(ProfileColumns.Temp), rowCount);
    }

    private void ReadMetadata(string line, int lineNumber)
    {
        if (!MetadataText.TryParse(line, out string key, out string value))
        {
            return; // a plain comment
        }

        if (!metadata.TryAdd(key, value))
        {
            throw Error(lineNumber, 0, $"expected each metadata key once, found '{key}' again");
        }

        string? problem = key switch
        {
            Profile.FormatKey when value != Profile.FormatId =>
                $"expected format {Profile.FormatId}, found '{value}'",
            Profile.SensorSeedKey when !ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                $"expected sensor_seed to be an unsigned 64-bit integer, found '{value}'",
            Profile.PeriodMsKey
                when !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms > 0) =>
                $"expected period_ms to be a positive integer, found '{value}'",
            Profile.StartUtcKey when !IsDateTime(value) =>
                $"expected start_utc to be an ISO 8601 date-time, found '{value}'",
            _ => null,
        };
        if (problem is not null)
        {
            throw Error(lineNumber, 0, problem);
        }
    }

    private static bool IsDateTime(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private void ReadHeader(string line, int lineNumber)
    {
        List<string> names = SplitOrThrow(line, lineNumber);
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].ToLowerInvariant();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw Error(lineNumber, i + 1, $"expected each column name once, found '{name}' again");
            }
        }

        string[] missing = Required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            string found = string.Join(", ", names.Select(n => n.Length == 0 ? "(empty)" : n));
            throw Error(lineNumber, 0, $"expected header columns {string.Join(", ", Required)}; missing "
                + $"{string.Join(", ", missing)}, found {found}");
        }

        headerFieldCount = names.Count;
    }

    private ProfileRow ReadRow(string line, int lineNumber)
    {
        List<string> cells = SplitOrThrow(line, lineNumber);
        if (cells.Count != headerFieldCount)
        {
            throw Error(lineNumber, Math.Min(cells.Count, headerFieldCount) + 1,
                $"expected {headerFieldCount} fields as in the header, found {cells.Count}");
        }

        double timeS = Number(cells, ProfileColumns.Time, lineNumber);
        if (rowCount > 0 && !(timeS > lastTimeS))
        {
            throw Error(lineNumber, columns[ProfileColumns.Time] + 1, string.Create(CultureInfo.InvariantCulture,
                $"expected time_s greater than the previous row's {lastTimeS}, found {timeS}"));
        }

        // Impossible readings (below vacuum, below absolute zero, ±∞, missing) are kept: the replay
        // feeds them to the firmware as the reading errors they are.
        double pressureKpa = Reading(cells, ProfileColumns.Pressure, lineNumber);
        double tempC = columns.ContainsKey(ProfileColumns.Temp)
            ? Reading(cells, ProfileColumns.Temp, lineNumber)
            : double.NaN;

        // The cabin is context for plots, never a detector input: no reading or an impossible one is
        // simply no cabin temperature.
        double? cabinC = null;
        if (columns.ContainsKey(ProfileColumns.Cabin))
        {
            double cabin = Reading(cells, ProfileColumns.Cabin, lineNumber);
            cabinC = ReadingKinds.OfTemperature(cabin) == ReadingKind.Possible ? cabin : null;
        }

        rowCount++;
        lastTimeS = timeS;
        return new ProfileRow(
            timeS, pressureKpa, tempC, cabinC,
            Fault(cells, ProfileColumns.FaultPressure, lineNumber),
            Fault(cells, ProfileColumns.FaultTemp, lineNumber),
            Fault(cells, ProfileColumns.FaultSupply, lineNumber));
    }

    private double Number(List<string> cells, string column, int lineNumber)
    {
        int index = columns[column];
        string cell = cells[index];
        if (CsvNumber.TryParseFinite(cell, out double value))
        {
            return value;
        }

        bool nonFinite = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        string found = nonFinite ? $"'{cell}' (not finite)" : CsvNumber.Describe(cell);
        throw Error(lineNumber, index + 1, $"expected a finite number for {column}, found {found}");
    }

    private double Reading(List<string> cells, string column, int lineNumber)
    {
        int index = columns[column];
        string cell = cells[index];
        return ReadingText.TryParse(cell, out double value)
            ? value
            : throw Error(lineNumber, index + 1, $"expected {ReadingText.Expected} for {column}, found {CsvNumber.Describe(cell)}");
    }

    private ProfileFault Fault(List<string> cells, string column, int lineNumber)
    {
        if (!columns.TryGetValue(column, out int index))
        {
            return ProfileFault.None;
        }

        if (ProfileColumns.TryParseFault(cells[index], out ProfileFault fault))
        {
            return fault;
        }

        throw Error(lineNumber, index + 1, $"expected {column} to be empty, open, short, stuck, noise or glitch, "
            + $"found {CsvNumber.Describe(cells[index])}");
    }

    private List<string> SplitOrThrow(string line, int lineNumber) =>
        CsvFields.Split(line, ',', out int errorField)
        ?? throw Error(lineNumber, errorField, "expected a closing quote followed by ',' or the line end, found none");

    private ProfileFormatException Error(int line, int column, string detail) => new(sourceName, line, column, detail);
}
