namespace ThermalMonitor.Profiles;

/// <summary>
/// What a replay produced (schema <c>thermal-monitor/replay-result@1</c>, host-sim/profiles/README.md):
/// the profile, the target it ran on, how many samples, every alarm raised, the profile's impossible
/// readings and the configuration used. Serialise with <see cref="ReplayResultJson"/>.
/// </summary>
/// <remarks>
/// <see cref="Schema"/> is the last positional parameter, with its default, because C# requires
/// optional parameters last; it is still written first in the JSON. A second constructor accepts the
/// schema first.
/// </remarks>
/// <param name="Profile">Profile name.</param>
/// <param name="Target">"sil", "virtual" or "serial:&lt;device&gt;[@&lt;baud&gt;]".</param>
/// <param name="Samples">Samples replayed.</param>
/// <param name="DurationS">Profile time covered.</param>
/// <param name="Alarms">Alarms in the order raised.</param>
/// <param name="Schema">The schema identifier.</param>
public sealed record ReplayResult(
    string Profile,
    string Target,
    long Samples,
    double DurationS,
    IReadOnlyList<ResultAlarm> Alarms,
    string Schema = ReplayResult.SchemaId)
{
    /// <summary>The schema identifier of this version.</summary>
    public const string SchemaId = "thermal-monitor/replay-result@1";

    /// <summary>The same, schema first (the order of the JSON).</summary>
    public ReplayResult(
        string schema, string profile, string target, long samples, double durationS, IReadOnlyList<ResultAlarm> alarms)
        : this(profile, target, samples, durationS, alarms, schema)
    {
    }

    /// <summary>The profile's rows with physically impossible readings, per channel and kind.</summary>
    public ImpossibleReadings ImpossibleReadings { get; init; } = ImpossibleReadings.None;

    /// <summary>
    /// The firmware configuration the replay ran with: the whole JSON document, every parameter, one
    /// line, as <c>CFG GET</c> writes it (PROTOCOL.md, section 11); null when not recorded.
    /// </summary>
    public string? Config { get; init; }

    /// <summary>
    /// Gaps between rows longer than the replay's sample gap, replayed as time jumps (the firmware saw
    /// each as a SAMPLE_GAP) instead of expanded into samples; 0 for most profiles.
    /// </summary>
    public int SampleGaps { get; init; }

    /// <summary>Value equality, comparing the alarms element by element.</summary>
    public bool Equals(ReplayResult? other) =>
        other is not null
        && Schema == other.Schema
        && Profile == other.Profile
        && Target == other.Target
        && Samples == other.Samples
        && DurationS.Equals(other.DurationS)
        && Alarms.SequenceEqual(other.Alarms)
        && ImpossibleReadings == other.ImpossibleReadings
        && Config == other.Config
        && SampleGaps == other.SampleGaps;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Schema, Profile, Target, Samples, DurationS, Alarms.Count);
}
