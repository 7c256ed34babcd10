namespace ThermalMonitor.Profiles;

/// <summary>
/// Profile CSV v1 (docs/design.md §5): UTF-8, comma-separated; optional leading <c># key: value</c> metadata
/// lines (other <c>#</c> lines before the header are comments); one header row; required columns
/// <c>time_s</c> (seconds from profile start, strictly increasing) and <c>pressure_kpa</c> (absolute);
/// optional <c>temp_c</c> (absent: a pressure-only recording), <c>cabin_temp_c</c> and fault columns
/// <c>fault_pressure</c>,
/// <c>fault_temp</c>, <c>fault_supply</c> (empty | open | short | stuck | noise | glitch); unknown
/// columns ignored; gzip-compressed files (<c>.csv.gz</c>) accepted. The full description, with
/// examples, is host-sim/profiles/README.md.
/// </summary>
public static class ProfileCsv
{
    /// <summary>Reads a profile from <paramref name="path"/> (plain or gzip, recognised by content).</summary>
    /// <exception cref="ProfileFormatException">The file is malformed; the message gives path:line:column.</exception>
    public static Profile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllBytes(path), path, path);
    }

    /// <summary>
    /// Opens a profile (plain or gzip) without holding its rows: one pass checks the whole file with
    /// the same errors as <see cref="Read"/> (a gzip file's integrity first), and every
    /// <see cref="Profile.ReadRows"/> reads it again. Memory is bounded by a line, not by the file:
    /// what a replay of a recording of days or weeks needs.
    /// </summary>
    /// <exception cref="ProfileFormatException">The file is malformed; the message gives path:line:column.</exception>
    public static Profile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        bool gzip = StreamedLines.IsGzip(path);
        if (gzip)
        {
            StreamedLines.VerifyGzip(path, path);
        }

        ProfileRow first = default;
        ProfileRow last = default;
        bool any = false;
        bool anyTemperature = false;
        ProfileCsvScan scan = ProfileCsvReader.Scan(StreamedLines.Read(path, path, gzip), path, ProfileNaming.NameFromPath(path), row =>
        {
            if (!any)
            {
                first = row;
                any = true;
            }

            last = row;
            anyTemperature |= ReadingKinds.OfTemperature(row.TempC) == ReadingKind.Possible;
        });
        var summary = new ProfileRowSummary(scan.RowCount, first, last, anyTemperature);
        return new Profile(scan.Name, scan.Metadata, () => ReadRows(path, gzip), summary, path, scan.TemperatureRecorded);
    }

    // The file was checked when opened; one changed since then still gets its errors, line and column.
    private static IEnumerable<ProfileRow> ReadRows(string path, bool gzip) =>
        ProfileCsvReader.Rows(StreamedLines.Read(path, path, gzip), path);

    /// <summary>
    /// Parses a profile from file bytes (plain or gzip); <paramref name="sourceName"/> is used in error
    /// messages and, without a <c>name</c> metadata line, gives the profile's name.
    /// </summary>
    /// <exception cref="ProfileFormatException">The content is malformed.</exception>
    public static Profile Parse(byte[] content, string sourceName, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        List<string> lines = TextLines.Split(TextLines.Inflate(content, sourceName), sourceName, latin1Fallback: false);
        return ProfileCsvReader.Parse(lines, sourceName, ProfileNaming.NameFromPath(sourceName), sourcePath);
    }

    /// <summary>
    /// Writes <paramref name="profile"/> to <paramref name="path"/>, gzip-compressed when the path ends
    /// in <c>.gz</c>. The bytes depend only on the profile: see <see cref="Serialize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Two row times coincide at the written precision.</exception>
    public static void Write(Profile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] csv = Serialize(profile);
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        File.WriteAllBytes(path, gzip ? DeterministicGzip.Compress(csv) : csv);
    }

    /// <summary>
    /// The uncompressed file bytes: metadata lines (<c>format</c> and <c>name</c> always, then
    /// description, start_utc, sensor_seed, period_ms, source, generator, row_spacing, then any other key
    /// in ordinal order), the header, then rows with invariant fixed decimals — time F1 when every time
    /// is a multiple of 0.1 s, else F3; pressure F3; temperature F3; cabin F2; a missing reading as an
    /// empty cell, infinities as <c>inf</c>/<c>-inf</c> — and LF line endings. Cabin and fault columns
    /// appear only when some row uses them, the temperature column only when the profile has one.
    /// </summary>
    public static byte[] Serialize(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return ProfileCsvWriter.Serialize(profile);
    }

    /// <summary>
    /// True when the file's first line declares this format (any version): its errors are then
    /// errors of a Profile CSV, not a sign that it is some other logger's CSV.
    /// </summary>
    public static bool DeclaresFormat(string path)
    {
        string first = FileHead.Lines(path).FirstOrDefault() ?? string.Empty;
        return first.TrimStart('\uFEFF').StartsWith("# format:", StringComparison.Ordinal)
            && first.Contains("thermal-monitor/profile-csv", StringComparison.Ordinal);
    }

    /// <summary>
    /// The CSV bytes of a profile file: gunzipped when compressed, unchanged otherwise. For comparing
    /// files by content (the deflate body of a .gz depends on the zlib build).
    /// </summary>
    /// <exception cref="ProfileFormatException">The gzip stream is corrupt.</exception>
    public static byte[] ReadCsvBytes(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return TextLines.Inflate(File.ReadAllBytes(path), path);
    }
}
