namespace ThermalMonitor.Profiles;

/// <summary>
/// What a replay produced (DESIGN.md §5 "Replay result JSON", schema
/// <c>thermal-monitor/replay-result@1</c>): the profile, the target it ran on, how many samples, and
/// every alarm raised. Serialise with <see cref="ReplayResultJson"/>.
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

    /// <summary>Value equality, comparing the alarms element by element.</summary>
    public bool Equals(ReplayResult? other) =>
        other is not null
        && Schema == other.Schema
        && Profile == other.Profile
        && Target == other.Target
        && Samples == other.Samples
        && DurationS.Equals(other.DurationS)
        && Alarms.SequenceEqual(other.Alarms);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Schema, Profile, Target, Samples, DurationS, Alarms.Count);
}
