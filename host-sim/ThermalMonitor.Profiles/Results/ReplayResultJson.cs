using System.Text;
using System.Text.Json;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The replay-result JSON (host-sim/profiles/README.md, "Replay result JSON"), property names exactly:
/// <code>
/// { "schema": "thermal-monitor/replay-result@1", "profile": "soyuz-ms22", "target": "sil",
///   "samples": 1728000, "duration_s": 172799.9,
///   "alarms": [ { "seq": 1, "type": "DEPRESSURIZATION", "severity": "WARNING", "channel": "pressure",
///                 "time_s": 10803.4, "cleared_time_s": null, "cause": "RATE_OF_DROP" } ],
///   "impossible_readings": {
///     "pressure": { "below_vacuum": 0, "beyond_range": 0, "missing": 0 },
///     "temp": { "below_absolute_zero": 0, "beyond_range": 0, "missing": 0 } },
///   "config": { "schema": "thermal-monitor/config@1", "samplePeriodMs": 100, ... },
///   "sample_gaps": 1 }
/// </code>
/// <c>sample_gaps</c> (gaps between rows replayed as time jumps) is written only when there were any,
/// so a replay without gaps keeps the bytes it always had.
/// Indented, LF, invariant numbers (shortest form that reads back exactly). More fields may be added
/// to replay-result@1: reading ignores properties it does not know, and reads a result without
/// <c>cause</c> (or with null) as an empty cause, without <c>impossible_readings</c> as none, and
/// without <c>config</c> as an unknown configuration.
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
            writer.WriteStartObject("impossible_readings");
            WriteCounts(writer, "pressure", "below_vacuum", result.ImpossibleReadings.Pressure);
            WriteCounts(writer, "temp", "below_absolute_zero", result.ImpossibleReadings.Temperature);
            writer.WriteEndObject();
            if (result.Config is null)
            {
                writer.WriteNull("config");
            }
            else
            {
                using var config = JsonDocument.Parse(result.Config);
                writer.WritePropertyName("config");
                config.RootElement.WriteTo(writer);
            }

            if (result.SampleGaps > 0)
            {
                writer.WriteNumber("sample_gaps", result.SampleGaps);
            }

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
        return new ReplayResult(profile, target, samples, durationS, alarms, schema)
        {
            ImpossibleReadings = root.OptionalProperty("impossible_readings") is { } readings
                ? new ImpossibleReadings(
                    ReadCounts(readings.Property("pressure"), "below_vacuum"),
                    ReadCounts(readings.Property("temp"), "below_absolute_zero"))
                : ImpossibleReadings.None,
            Config = root.OptionalProperty("config") is { IsNull: false } config ? config.CompactObject() : null,
            SampleGaps = root.OptionalProperty("sample_gaps")?.Int32() ?? 0,
        };
    }

    private static void WriteCounts(Utf8JsonWriter writer, string channel, string belowName, ChannelReadingCounts counts)
    {
        writer.WriteStartObject(channel);
        writer.WriteNumber(belowName, counts.BelowPhysicalMinimum);
        writer.WriteNumber("beyond_range", counts.BeyondRange);
        writer.WriteNumber("missing", counts.Missing);
        writer.WriteEndObject();
    }

    private static ChannelReadingCounts ReadCounts(JsonValueReader channel, string belowName) => new(
        channel.Property(belowName).Int32(), channel.Property("beyond_range").Int32(), channel.Property("missing").Int32());

    /// <summary>Reads a replay-result file.</summary>
    /// <exception cref="ProfileFormatException">Malformed: path:line:column and what was expected.</exception>
    public static ReplayResult Read(string path) => Deserialize(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Writes a replay-result file (UTF-8, no byte-order mark).</summary>
    public static void Write(ReplayResult result, string path) => JsonText.WriteFile(path, Serialize(result));
}
