using System.Text;
using System.Text.Json;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The replay-result JSON (DESIGN.md §5), property names exactly:
/// <code>
/// { "schema": "thermal-monitor/replay-result@1", "profile": "soyuz-ms22", "target": "sil",
///   "samples": 1728000, "duration_s": 172799.9,
///   "alarms": [ { "seq": 1, "type": "DEPRESSURIZATION", "severity": "WARNING", "channel": "pressure",
///                 "time_s": 10803.4, "cleared_time_s": null, "cause": "RATE_OF_DROP" } ] }
/// </code>
/// Indented, LF, invariant numbers (shortest form that reads back exactly). Reading ignores properties
/// it does not know: the contract allows later fields to be added. <c>cause</c> was added to the
/// DESIGN.md §5 shape by this project; reading a result without it (or with null) gives an empty cause.
/// </summary>
public static class ReplayResultJson
{
    /// <summary>The JSON text of <paramref name="result"/>, ending in a newline.</summary>
    public static string Serialize(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("schema", result.Schema);
            writer.WriteString("profile", result.Profile);
            writer.WriteString("target", result.Target);
            writer.WriteNumber("samples", result.Samples);
            writer.WriteNumber("duration_s", result.DurationS);
            writer.WriteStartArray("alarms");
            foreach (ResultAlarm alarm in result.Alarms)
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", alarm.Seq);
                writer.WriteString("type", alarm.Type);
                writer.WriteString("severity", alarm.Severity);
                writer.WriteString("channel", alarm.Channel);
                writer.WriteNumber("time_s", alarm.TimeS);
                writer.WriteNullableNumber("cleared_time_s", alarm.ClearedTimeS);
                writer.WriteString("cause", alarm.Cause);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Parses replay-result JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="ProfileFormatException">
    /// Not JSON, or not replay-result@1: name:line:column and what was expected.
    /// </exception>
    public static ReplayResult Deserialize(string json, string sourceName = "<replay-result>")
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonSource source = JsonSource.Parse(Encoding.UTF8.GetBytes(json), sourceName);
        JsonValueReader root = source.Root;
        string schema = root.Property("schema").OneOf(ReplayResult.SchemaId);
        string profile = root.Property("profile").String();
        string target = root.Property("target").String();
        long samples = root.Property("samples").Int64();
        double durationS = root.Property("duration_s").Double();
        var alarms = root.Property("alarms").Items().Select(item => new ResultAlarm(
            item.Property("seq").Int32(),
            item.Property("type").String(),
            item.Property("severity").String(),
            item.Property("channel").String(),
            item.Property("time_s").Double(),
            item.Property("cleared_time_s").NullableDouble(),
            item.OptionalProperty("cause")?.NullableString() ?? "")).ToArray();
        return new ReplayResult(profile, target, samples, durationS, alarms, schema);
    }

    /// <summary>Reads a replay-result file.</summary>
    /// <exception cref="ProfileFormatException">Malformed: path:line:column and what was expected.</exception>
    public static ReplayResult Read(string path) => Deserialize(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Writes a replay-result file (UTF-8, no byte-order mark).</summary>
    public static void Write(ReplayResult result, string path) => JsonText.WriteFile(path, Serialize(result));
}
