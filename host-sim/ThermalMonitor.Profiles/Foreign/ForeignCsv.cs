using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Imports any user recording as a profile (docs/design.md §5 "Foreign CSV import"): columns by
/// <see cref="ForeignCsvOptions.Map"/> or by common header names, delimiter detected from the header,
/// units converted to kPa absolute and °C, time as seconds or date-times made relative to the first row.
/// Sensor faults cannot be expressed in a foreign file: the result has none.
/// </summary>
/// <remarks>
/// Details a user may meet: lines before the header that start with '#' are skipped; a first line made
/// only of numbers or date-times is data, not a header (then the map must use column numbers); with a
/// delimiter other than comma, a decimal comma ("1,5") is accepted; plain or gzip files; UTF-8, else
/// Latin-1. The temperature column is optional: without one the profile is a pressure-only recording.
/// Readings are kept as recorded, impossible ones included (an empty cell or NaN is a missing reading,
/// see <see cref="ReadingText"/>; below vacuum after unit conversion and <c>--gauge</c>, below absolute
/// zero, ±∞): the replay feeds them to the firmware as reading errors. A cell that is no reading at
/// all, and every bad time cell, is an error naming its line and field, never a zero.
/// </remarks>
public static class ForeignCsv
{
    /// <summary>Delimiters tried on a header, in order of preference.</summary>
    internal static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    /// <summary>Reads <paramref name="path"/> as a profile named after the file.</summary>
    /// <exception cref="ArgumentException">Malformed options (map syntax, delimiter).</exception>
    /// <exception cref="ProfileFormatException">
    /// The file does not fit: path:line:column and what was expected.
    /// </exception>
    public static Profile Import(string path, ForeignCsvOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        Dictionary<ForeignColumn, ColumnMap.Reference> map = ColumnMap.Parse(options.Map);
        ValidateDelimiter(options.Delimiter);
        byte[] bytes = TextLines.Inflate(File.ReadAllBytes(path), path);
        List<string> lines = TextLines.Split(bytes, path, latin1Fallback: true);
        return new Importer(path, options, map).Run(lines);
    }

    private static void ValidateDelimiter(char? delimiter)
    {
        // A delimiter that can occur inside a number, a date or a quoted field would split values.
        if (delimiter is char c && (char.IsLetterOrDigit(c) || c is '"' or '.' or '-' or '+' or '\n' or '\r'))
        {
            throw new ArgumentException(
                $"--delimiter '{c}' cannot separate numbers; use comma, semicolon, tab, pipe or another symbol.",
                nameof(delimiter));
        }
    }

    /// <summary>One import: the state its steps share.</summary>
    private sealed class Importer(
        string path, ForeignCsvOptions options, Dictionary<ForeignColumn, ColumnMap.Reference> map)
    {
        private readonly Dictionary<ForeignColumn, int> indices = [];
        private char delimiter;
        private bool timeModeKnown;
        private bool dateTimes;
        private DateTimeOffset firstDateTime;
        private double firstSeconds;

        public Profile Run(List<string> lines)
        {
            int headerIndex = lines.FindIndex(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
            if (headerIndex < 0)
            {
                throw Error(Math.Max(lines.Count, 1), 0, "expected a header row and data rows, found "
                    + (lines.Count == 0 ? "an empty file" : "only blank or '#' lines"));
            }

            int headerLine = headerIndex + 1;
            delimiter = options.Delimiter ?? DetectDelimiter(lines[headerIndex], headerLine);
            List<string> header = Split(lines[headerIndex], headerLine);
            bool hasHeader = !header.All(IsDataCell);
            ResolveColumns(header, hasHeader, headerLine);

            var rows = new List<ProfileRow>();
            int previousLine = 0;
            for (int i = hasHeader ? headerIndex + 1 : headerIndex; i < lines.Count; i++)
            {
                if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#'))
                {
                    continue;
                }

                rows.Add(ReadRow(lines[i], i + 1, rows.Count == 0 ? null : rows[^1].TimeS, previousLine));
                previousLine = i + 1;
            }

            if (rows.Count == 0)
            {
                throw Error(lines.Count + 1, 0, "expected at least one data row after the header, found none");
            }

            return new Profile(
                ProfileNaming.NameFromPath(path), Metadata(), rows, path, indices.ContainsKey(ForeignColumn.Temp));
        }

        // A missing or infinite reading ("", NaN, inf) on a headerless first line is data too.
        private bool IsDataCell(string cell) =>
            ReadingText.TryParse(Decimal(cell), out _) || ForeignTime.TryParseDateTime(cell, out _);

        private char DetectDelimiter(string header, int lineNumber)
        {
            // The candidate that splits the header most; ties go to the earlier (comma first).
            char best = CandidateDelimiters.MaxBy(d => CsvFields.CountOutsideQuotes(header, d));
            return CsvFields.CountOutsideQuotes(header, best) > 0
                ? best
                : throw Error(lineNumber, 0,
                    "expected a header with columns separated by comma, semicolon, tab or pipe, found "
                    + $"{CsvNumber.Describe(header)}; give the separator with --delimiter");
        }

        private void ResolveColumns(List<string> header, bool hasHeader, int lineNumber)
        {
            var missing = new List<string>();
            foreach (ForeignColumn column in Enum.GetValues<ForeignColumn>())
            {
                int index = map.TryGetValue(column, out ColumnMap.Reference reference)
                    ? FindMapped(column, reference, header, hasHeader, lineNumber)
                    : hasHeader ? FindByCommonName(column, header, lineNumber) : -1;
                if (index >= 0)
                {
                    indices[column] = index;
                }
                else if (column is ForeignColumn.Time or ForeignColumn.Pressure)
                {
                    missing.Add($"{ColumnMap.Key(column)} ({string.Join(", ", ColumnMap.CommonNames[column])})");
                }
            }

            if (missing.Count > 0)
            {
                string found = hasHeader
                    ? $"found columns {Quoted(header)}"
                    : "found no header row (the first line is data), so columns can only be given by number";
                throw Error(lineNumber, 0, $"expected a column for {string.Join(" and ", missing)}, {found}; "
                    + "name them with --map time=<col>,pressure=<col>[,temp=<col>]");
            }

            IGrouping<int, ForeignColumn>? shared = indices
                .GroupBy(p => p.Value, p => p.Key)
                .FirstOrDefault(g => g.Count() > 1);
            if (shared is not null)
            {
                throw Error(lineNumber, shared.Key + 1, "expected one column per quantity, found "
                    + $"{string.Join(" and ", shared.Select(ColumnMap.Key))} all in column {shared.Key + 1}");
            }
        }

        private int FindMapped(
            ForeignColumn column, ColumnMap.Reference reference, List<string> header, bool hasHeader, int lineNumber)
        {
            string key = ColumnMap.Key(column);
            if (reference.Name is null)
            {
                return reference.Number <= header.Count
                    ? reference.Number - 1
                    : throw Error(lineNumber, 0, $"expected a column {reference.Number} for --map "
                        + $"{key}={reference.Number}, found only {header.Count} columns");
            }

            if (!hasHeader)
            {
                throw Error(lineNumber, 0, $"expected a header row to find --map {key}={reference.Name}, "
                    + "found data (numbers or date-times) on the first line; map by column number");
            }

            string wanted = reference.Name.ToLowerInvariant();
            string wantedNormalised = ColumnMap.NormaliseHeader(reference.Name);
            int[] matches = Enumerable.Range(0, header.Count)
                .Where(i => header[i].ToLowerInvariant() == wanted
                    || ColumnMap.NormaliseHeader(header[i]) == wantedNormalised)
                .ToArray();
            return matches.Length switch
            {
                1 => matches[0],
                0 => throw Error(lineNumber, 0,
                    $"expected a column named '{reference.Name}' for --map {key}, found columns {Quoted(header)}"),
                _ => throw Error(lineNumber, matches[1] + 1, $"expected one column named '{reference.Name}' for "
                    + $"--map {key}, found columns {string.Join(" and ", matches.Select(m => m + 1))}"),
            };
        }

        private int FindByCommonName(ForeignColumn column, List<string> header, int lineNumber)
        {
            string[] names = ColumnMap.CommonNames[column];
            int[] matches = Enumerable.Range(0, header.Count)
                .Where(i => names.Contains(ColumnMap.NormaliseHeader(header[i])))
                .ToArray();
            if (matches.Length > 1)
            {
                string key = ColumnMap.Key(column);
                throw Error(lineNumber, matches[1] + 1, $"expected one {key} column, found "
                    + $"'{header[matches[0]]}' and '{header[matches[1]]}'; choose with --map {key}=<col>");
            }

            return matches.Length == 1 ? matches[0] : -1;
        }

        private ProfileRow ReadRow(string line, int lineNumber, double? previousTimeS, int previousLine)
        {
            List<string> cells = Split(line, lineNumber);
            int needed = indices.Values.Max() + 1;
            if (cells.Count < needed)
            {
                throw Error(lineNumber, cells.Count + 1, $"expected at least {needed} fields, found {cells.Count}");
            }

            double timeS = Time(cells, lineNumber);
            if (previousTimeS is double previous && !(timeS > previous))
            {
                int column = indices[ForeignColumn.Time];
                throw Error(lineNumber, column + 1,
                    Invariant($"expected a time later than line {previousLine}'s ({previous} s from the first row), ")
                    + Invariant($"found {CsvNumber.Describe(cells[column])} ({timeS} s)"));
            }

            // Impossible readings are kept (NaN for a missing one): the replay feeds them to the
            // firmware as reading errors. Conversion keeps NaN and ±∞ as they are.
            double pressureKpa = UnitConversion.ToKpa(
                Reading(cells, ForeignColumn.Pressure, lineNumber), options.PressureUnit, options.Gauge);
            double tempC = indices.ContainsKey(ForeignColumn.Temp)
                ? Temperature(cells, ForeignColumn.Temp, lineNumber)
                : double.NaN;

            // The cabin is context for plots, never a detector input: an impossible reading is none.
            double? cabinC = null;
            if (indices.ContainsKey(ForeignColumn.Cabin))
            {
                double cabin = Temperature(cells, ForeignColumn.Cabin, lineNumber);
                cabinC = ReadingKinds.OfTemperature(cabin) == ReadingKind.Possible ? cabin : null;
            }

            return new ProfileRow(timeS, pressureKpa, tempC, cabinC);
        }

        /// <summary>
        /// Seconds from the first row. The first row decides whether the column holds seconds or
        /// date-times; every later row must hold the same kind.
        /// </summary>
        private double Time(List<string> cells, int lineNumber)
        {
            int index = indices[ForeignColumn.Time];
            string cell = cells[index];
            const string Formats = "ISO 8601 or yyyy-MM-dd HH:mm:ss";
            if (!timeModeKnown)
            {
                timeModeKnown = true;
                if (CsvNumber.TryParseFinite(Decimal(cell), out firstSeconds))
                {
                    return 0.0;
                }

                dateTimes = ForeignTime.TryParseDateTime(cell, out firstDateTime);
                return dateTimes
                    ? 0.0
                    : throw Error(lineNumber, index + 1, $"expected the time in seconds or as a date-time "
                        + $"({Formats}), found {CsvNumber.Describe(cell)}");
            }

            if (dateTimes)
            {
                return ForeignTime.TryParseDateTime(cell, out DateTimeOffset value)
                    ? (value - firstDateTime).Ticks / (double)TimeSpan.TicksPerSecond
                    : throw Error(lineNumber, index + 1,
                        $"expected a date-time like the first row's ({Formats}), found {CsvNumber.Describe(cell)}");
            }

            return CsvNumber.TryParseFinite(Decimal(cell), out double seconds)
                ? seconds - firstSeconds
                : throw Error(lineNumber, index + 1,
                    $"expected the time in seconds like the first row's, found {CsvNumber.Describe(cell)}");
        }

        private double Temperature(List<string> cells, ForeignColumn column, int lineNumber) =>
            UnitConversion.ToCelsius(Reading(cells, column, lineNumber), options.TempUnit);

        private double Reading(List<string> cells, ForeignColumn column, int lineNumber)
        {
            int index = indices[column];
            string cell = cells[index];
            return ReadingText.TryParse(Decimal(cell), out double value)
                ? value
                : throw Error(lineNumber, index + 1,
                    $"expected {ReadingText.Expected} for {ColumnMap.Key(column)}, found {CsvNumber.Describe(cell)}");
        }

        /// <summary>With a non-comma delimiter, "1,5" is a decimal comma: read it as "1.5".</summary>
        private string Decimal(string cell) =>
            delimiter != ',' && cell.Count(c => c == ',') == 1 && !cell.Contains('.', StringComparison.Ordinal)
                ? cell.Replace(',', '.')
                : cell;

        private List<string> Split(string line, int lineNumber) =>
            CsvFields.Split(line, delimiter, out int errorField)
            ?? throw Error(lineNumber, errorField,
                "expected a closing quote followed by the delimiter or the line end, found none");

        private Dictionary<string, string> Metadata()
        {
            string delimiterName = delimiter switch
            {
                ',' => "comma",
                ';' => "semicolon",
                '\t' => "tab",
                '|' => "pipe",
                _ => $"'{delimiter}'",
            };
            string columns = string.Join(
                ", ", indices.OrderBy(p => p.Key).Select(p => Invariant($"{ColumnMap.Key(p.Key)}={p.Value + 1}")));
            string pressure = UnitConversion.Name(options.PressureUnit)
                + (options.Gauge ? " gauge (+101.325 kPa)" : " absolute");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Profile.FormatKey] = Profile.FormatId,
                ["description"] = $"Imported from {Path.GetFileName(path)} (foreign CSV).",
                ["source"] = $"imported from {Path.GetFileName(path)}",
                ["import"] = $"columns {columns}; delimiter {delimiterName}; pressure {pressure}; "
                    + $"temperature {options.TempUnit}",
            };
            if (dateTimes)
            {
                metadata[Profile.StartUtcKey] = ForeignTime.FormatUtc(firstDateTime);
            }
            else if (firstSeconds != 0.0)
            {
                metadata["time_origin_s"] = firstSeconds.ToString("R", CultureInfo.InvariantCulture);
            }

            return metadata;
        }

        private static string Quoted(List<string> header) => string.Join(", ", header.Select(h => $"'{h}'"));

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private ProfileFormatException Error(int line, int column, string detail) => new(path, line, column, detail);
    }
}
