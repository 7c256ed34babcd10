namespace ThermalMonitor.Profiles;

/// <summary>
/// Ground truth of one profile, its <c>&lt;name&gt;.expect.json</c> sidecar (schema
/// <c>thermal-monitor/expect@1</c>): what happened physically and which alarms a correct detector
/// raises or must not raise. Only scoring and tests read it; the replay and detection path never do.
/// </summary>
/// <param name="Profile">Name of the profile it belongs to.</param>
/// <param name="LeakOnsetS">Profile time the (first) hole appears; null without a leak.</param>
/// <param name="HoleDiameterMm">Diameter of that first hole; null without a leak.</param>
/// <param name="Description">What the profile models and why these expectations.</param>
/// <param name="ExpectedAlarms">Alarms that must be raised, each in its window.</param>
/// <param name="ForbiddenAlarmTypes">Alarm types that must not be raised at all.</param>
public sealed record Expectation(
    string Profile,
    double? LeakOnsetS,
    double? HoleDiameterMm,
    string Description,
    IReadOnlyList<ExpectedAlarm> ExpectedAlarms,
    IReadOnlyList<string> ForbiddenAlarmTypes)
{
    /// <summary>The schema identifier.</summary>
    public const string SchemaId = "thermal-monitor/expect@1";

    /// <summary>The schema identifier written into the file.</summary>
    public string Schema => SchemaId;

    /// <summary>Value equality, comparing the lists element by element.</summary>
    public bool Equals(Expectation? other) =>
        other is not null
        && Profile == other.Profile
        && LeakOnsetS == other.LeakOnsetS
        && HoleDiameterMm == other.HoleDiameterMm
        && Description == other.Description
        && ExpectedAlarms.SequenceEqual(other.ExpectedAlarms)
        && ForbiddenAlarmTypes.SequenceEqual(other.ForbiddenAlarmTypes);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Profile, LeakOnsetS, HoleDiameterMm, Description, ExpectedAlarms.Count);
}
