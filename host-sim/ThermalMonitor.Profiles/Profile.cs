using System.Collections.ObjectModel;
using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// A recorded profile: named rows of physical values (time, absolute pressure, coolant temperature,
/// optional cabin temperature) with the sensor faults in force, and the metadata of its file
/// (Profile CSV v1, see <see cref="ProfileCsv"/>). Immutable. Rows need not be evenly spaced: the
/// library records every sample near events and a sparse grid elsewhere, and the replay source
/// interpolates linearly between rows.
/// </summary>
/// <remarks>
/// Pressure and temperature are readings as recorded, impossible ones included (NaN for a missing
/// reading, ±∞, below vacuum, below absolute zero; see <see cref="ReadingKinds"/>): a real recording
/// holds glitches, and the replay feeds them to the firmware as the reading errors they are. A
/// profile may have no coolant temperature at all (<see cref="CoolantTemperatureRecorded"/> false);
/// its rows then hold NaN there.
/// </remarks>
public sealed class Profile
{
    /// <summary>Metadata key of the file format identifier.</summary>
    public const string FormatKey = "format";

    /// <summary>The format identifier written into every Profile CSV v1 file.</summary>
    public const string FormatId = "thermal-monitor/profile-csv@1";

    /// <summary>Metadata key of the profile's name.</summary>
    public const string NameKey = "name";

    /// <summary>Metadata key of the sensor-noise seed the replay uses by default.</summary>
    public const string SensorSeedKey = "sensor_seed";

    /// <summary>Metadata key of the sample period the profile was generated at.</summary>
    public const string PeriodMsKey = "period_ms";

    /// <summary>Metadata key of the wall-clock time of profile time 0 (ISO 8601, UTC).</summary>
    public const string StartUtcKey = "start_utc";

    /// <summary>
    /// Creates a profile. Metadata keys are stored lower-case; rows are copied.
    /// </summary>
    /// <param name="name">The profile's name.</param>
    /// <param name="metadata">Metadata lines of its file.</param>
    /// <param name="rows">The rows, times strictly increasing.</param>
    /// <param name="sourcePath">The file it was read from, if any.</param>
    /// <param name="coolantTemperatureRecorded">
    /// False for a pressure-only recording: no temperature column; every row's temperature is NaN.
    /// </param>
    /// <exception cref="ArgumentException">
    /// No rows, a non-finite time or cabin temperature, times not strictly increasing, a temperature
    /// other than NaN in a profile without temperature, a metadata key that is not
    /// <c>[a-z0-9_.-]+</c>, or a metadata value spanning lines.
    /// </exception>
    public Profile(
        string name,
        IReadOnlyDictionary<string, string> metadata,
        IEnumerable<ProfileRow> rows,
        string? sourcePath = null,
        bool coolantTemperatureRecorded = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        ProfileRow[] copy = rows.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("A profile needs at least one row.", nameof(rows));
        }

        for (int i = 0; i < copy.Length; i++)
        {
            ValidateRow(copy[i], i, i == 0 ? null : copy[i - 1].TimeS, coolantTemperatureRecorded);
        }

        IReadOnlyDictionary<string, string> lowered = LowerKeys(metadata);
        Name = name;
        Metadata = lowered;
        this.rows = Array.AsReadOnly(copy);
        RowCount = copy.Length;
        FirstRow = copy[0];
        LastRow = copy[^1];
        SourcePath = sourcePath;
        CoolantTemperatureRecorded = coolantTemperatureRecorded;
        HasCoolantTemperature = coolantTemperatureRecorded
            && copy.Any(r => ReadingKinds.OfTemperature(r.TempC) == ReadingKind.Possible);
    }

    /// <summary>
    /// A streamed profile: its rows stay in their file and <paramref name="readRows"/> reads them
    /// again on every call (<see cref="ProfileCsv.Open"/>, which checked them in one pass).
    /// </summary>
    internal Profile(
        string name,
        IReadOnlyDictionary<string, string> metadata,
        Func<IEnumerable<ProfileRow>> readRows,
        ProfileRowSummary summary,
        string? sourcePath,
        bool coolantTemperatureRecorded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(readRows);
        ArgumentNullException.ThrowIfNull(summary);
        Name = name;
        Metadata = LowerKeys(metadata);
        this.readRows = readRows;
        this.summary = summary;
        RowCount = summary.RowCount;
        FirstRow = summary.FirstRow;
        LastRow = summary.LastRow;
        SourcePath = sourcePath;
        CoolantTemperatureRecorded = coolantTemperatureRecorded;
        HasCoolantTemperature = coolantTemperatureRecorded && summary.AnyPossibleTemperature;
    }

    private readonly IReadOnlyList<ProfileRow>? rows;
    private readonly Func<IEnumerable<ProfileRow>>? readRows;
    private readonly ProfileRowSummary? summary;

    /// <summary>The profile's name: its <c>name</c> metadata, else its file name without extensions.</summary>
    public string Name { get; }

    /// <summary>The leading <c># key: value</c> lines of its file; keys lower-case.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// The UTC time of profile time 0 (<see cref="StartUtcKey"/>), or null when the profile does not
    /// state one or states it in a form that is not an ISO 8601 date-time (the CSV reader refuses those).
    /// </summary>
    public DateTimeOffset? StartUtc =>
        Metadata.TryGetValue(StartUtcKey, out string? text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset start)
            ? start
            : null;

    /// <summary>The rows, in strictly increasing time; only for a profile held in memory.</summary>
    /// <exception cref="InvalidOperationException">The profile is streamed from its file (<see cref="IsStreamed"/>): use <see cref="ReadRows"/>.</exception>
    public IReadOnlyList<ProfileRow> Rows => rows ?? throw new InvalidOperationException(
        $"Profile '{Name}' is streamed from {SourcePath}: its rows are read with ReadRows(), not held in memory.");

    /// <summary>Whether the rows stay in the file and are read again by every <see cref="ReadRows"/>.</summary>
    public bool IsStreamed => rows is null;

    /// <summary>How many rows.</summary>
    public int RowCount { get; }

    /// <summary>The first row.</summary>
    public ProfileRow FirstRow { get; }

    /// <summary>The last row.</summary>
    public ProfileRow LastRow { get; }

    /// <summary>
    /// The rows in order, from memory or, for a streamed profile, read from its file again (a replay
    /// passes over them several times, each in memory bounded by a line).
    /// </summary>
    public IEnumerable<ProfileRow> ReadRows() => rows ?? readRows!();

    /// <summary>The file it was read from, or null when built in memory.</summary>
    public string? SourcePath { get; }

    /// <summary>Whether the file has a coolant-temperature column (false: a pressure-only recording).</summary>
    public bool CoolantTemperatureRecorded { get; }

    /// <summary>
    /// Whether at least one row holds a possible coolant temperature: what the thermal-compensated slow
    /// path needs. False for a pressure-only recording and for a temperature column with no possible
    /// reading in it.
    /// </summary>
    public bool HasCoolantTemperature { get; }

    /// <summary>Time from the first row to the last (0 for a single row).</summary>
    public double DurationS => LastRow.TimeS - FirstRow.TimeS;

    /// <summary>The sample period in the <c>period_ms</c> metadata, or null when absent.</summary>
    public int? PeriodMs =>
        Metadata.TryGetValue(PeriodMsKey, out string? text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int periodMs) && periodMs > 0
            ? periodMs
            : null;

    /// <summary>The same rows and metadata under another name or source path.</summary>
    public Profile With(
        string? name = null, IReadOnlyDictionary<string, string>? metadata = null, string? sourcePath = null) =>
        rows is not null
            ? new(name ?? Name, metadata ?? Metadata, rows, sourcePath ?? SourcePath, CoolantTemperatureRecorded)
            : new(name ?? Name, metadata ?? Metadata, readRows!, summary!, sourcePath ?? SourcePath, CoolantTemperatureRecorded);

    private static IReadOnlyDictionary<string, string> LowerKeys(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var lowered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in metadata)
        {
            string lower = key.ToLowerInvariant();
            if (!MetadataText.IsValidKey(lower))
            {
                throw new ArgumentException($"Metadata key '{key}' must match [a-z0-9_.-]+.", nameof(metadata));
            }

            if (value is null || value.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                throw new ArgumentException($"Metadata value of '{key}' must be a single line.", nameof(metadata));
            }

            if (!lowered.TryAdd(lower, value))
            {
                throw new ArgumentException(
                    $"Metadata key '{lower}' appears twice (keys are case-insensitive).", nameof(metadata));
            }
        }

        return new ReadOnlyDictionary<string, string>(lowered);
    }

    private static void ValidateRow(ProfileRow row, int index, double? previousTimeS, bool temperatureRecorded)
    {
        // Pressure and temperature may hold any reading, impossible ones included; time may not.
        if (!double.IsFinite(row.TimeS) || (row.CabinTempC is double cabin && !double.IsFinite(cabin)))
        {
            throw new ArgumentException($"Row {index} holds a non-finite time or cabin temperature.", "rows");
        }

        if (!temperatureRecorded && !double.IsNaN(row.TempC))
        {
            throw new ArgumentException(
                $"Row {index} holds a temperature ({row.TempC} °C) in a profile without temperature; use NaN.", "rows");
        }

        if (previousTimeS is double previous && !(row.TimeS > previous))
        {
            throw new ArgumentException(
                $"Row {index} at {row.TimeS} s is not after the previous row at {previous} s.", "rows");
        }

        if (!Enum.IsDefined(row.PressureFault) || !Enum.IsDefined(row.TempFault) || !Enum.IsDefined(row.SupplyFault))
        {
            throw new ArgumentException($"Row {index} holds an undefined fault value.", "rows");
        }
    }
}
