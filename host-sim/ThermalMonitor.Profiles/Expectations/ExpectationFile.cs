using System.Text.Json;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Reads and writes <c>&lt;name&gt;.expect.json</c> (schema <c>thermal-monitor/expect@1</c>):
/// <code>
/// { "schema": "thermal-monitor/expect@1", "profile": "soyuz-ms22",
///   "leak_onset_s": 10800, "hole_diameter_mm": 0.8, "description": "…",
///   "expected_alarms": [ { "type": "DEPRESSURIZATION", "channel": "pressure", "reason": null,
///                          "not_before_s": 10800, "within_s": 60 } ],
///   "forbidden_alarm_types": [ "SENSOR_FAULT" ] }
/// </code>
/// Reading is strict: every property is required, unknown ones are rejected (a misspelt key would
/// otherwise silently drop an expectation).
/// </summary>
public static class ExpectationFile
{
    /// <summary>Reads and validates an expectation file.</summary>
    /// <exception cref="ProfileFormatException">
    /// Malformed or not schema expect@1: path:line:column and what was expected.
    /// </exception>
    public static Expectation Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using JsonSource source = JsonText.ReadFile(path);
        return Parse(source.Root);
    }

    /// <summary>Writes <paramref name="expectation"/> deterministically (same value, same bytes).</summary>
    public static void Write(Expectation expectation, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        JsonText.WriteFile(path, Serialize(expectation));
    }

    /// <summary>The file text of <paramref name="expectation"/>.</summary>
    public static string Serialize(Expectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        return JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Expectation.SchemaId);
            writer.WriteString("profile", expectation.Profile);
            writer.WriteNullableNumber("leak_onset_s", expectation.LeakOnsetS);
            writer.WriteNullableNumber("hole_diameter_mm", expectation.HoleDiameterMm);
            writer.WriteString("description", expectation.Description);
            writer.WriteStartArray("expected_alarms");
            foreach (ExpectedAlarm alarm in expectation.ExpectedAlarms)
            {
                writer.WriteStartObject();
                writer.WriteString("type", alarm.Type);
                writer.WriteString("channel", alarm.Channel);
                writer.WriteNullableString("reason", alarm.Reason);
                writer.WriteNumber("not_before_s", alarm.NotBeforeS);
                writer.WriteNumber("within_s", alarm.WithinS);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("forbidden_alarm_types");
            foreach (string type in expectation.ForbiddenAlarmTypes)
            {
                writer.WriteStringValue(type);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static Expectation Parse(JsonValueReader root)
    {
        root.Property("schema").OneOf(Expectation.SchemaId);
        string profile = root.Property("profile").String();
        double? onsetS = root.Property("leak_onset_s").NullableDouble();
        JsonValueReader holeReader = root.Property("hole_diameter_mm");
        double? holeMm = holeReader.NullableDouble();
        if (holeMm < 0.0)
        {
            throw holeReader.Error($"expected a diameter ≥ 0 mm or null, found {holeMm}");
        }

        string description = root.Property("description").String();
        var alarms = root.Property("expected_alarms").Items().Select(ParseAlarm).ToArray();
        string[] forbidden = root.Property("forbidden_alarm_types").Items()
            .Select(item => item.OneOf([.. AlarmNames.AlarmTypes])).ToArray();
        root.RejectUnknownProperties();
        return new Expectation(profile, onsetS, holeMm, description, alarms, forbidden);
    }

    private static ExpectedAlarm ParseAlarm(JsonValueReader item)
    {
        string type = item.Property("type").OneOf([.. AlarmNames.AlarmTypes]);
        string channel = item.Property("channel").OneOf([.. AlarmNames.Channels]);
        JsonValueReader reasonReader = item.Property("reason");
        string? reason = reasonReader.IsNull ? null : reasonReader.OneOf([.. AlarmNames.FaultReasons]);
        double notBeforeS = item.Property("not_before_s").Double();
        JsonValueReader withinReader = item.Property("within_s");
        double withinS = withinReader.Double();
        if (withinS < 0.0)
        {
            throw withinReader.Error($"expected a delay ≥ 0 s, found {withinS}");
        }

        item.RejectUnknownProperties();
        return new ExpectedAlarm(type, channel, reason, notBeforeS, withinS);
    }
}
