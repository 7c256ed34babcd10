using System.Text.Json;

namespace ThermalMonitor.Profiles.Tests;

public sealed class ReplayResultJsonTests
{
    private static readonly ReplayResult Sample = new(
        "soyuz-ms22", "sil", 1_728_000, 172799.9,
        [
            new ResultAlarm(1, "DEPRESSURIZATION", "WARNING", "pressure", 10803.4, null, "RATE_OF_DROP"),
            new ResultAlarm(2, "SENSOR_FAULT", "CAUTION", "temp", 12000.0, 12030.5, "OPEN"),
        ]);

    [Fact]
    public void PropertyNamesAndOrderAreTheContract()
    {
        using JsonDocument document = JsonDocument.Parse(ReplayResultJson.Serialize(Sample));
        JsonElement root = document.RootElement;

        Assert.Equal(
            ["schema", "profile", "target", "samples", "duration_s", "alarms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("thermal-monitor/replay-result@1", root.GetProperty("schema").GetString());
        Assert.Equal(1_728_000, root.GetProperty("samples").GetInt64());
        Assert.Equal(172799.9, root.GetProperty("duration_s").GetDouble());
        JsonElement first = root.GetProperty("alarms")[0];
        Assert.Equal(
            ["seq", "type", "severity", "channel", "time_s", "cleared_time_s", "cause"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("cleared_time_s").ValueKind);
        Assert.Equal(12030.5, root.GetProperty("alarms")[1].GetProperty("cleared_time_s").GetDouble());
    }

    [Fact]
    public void TextIsIndentedWithLfAndInvariantNumbers()
    {
        string json = ReplayResultJson.Serialize(Sample);

        Assert.StartsWith("{\n  \"schema\": \"thermal-monitor/replay-result@1\",\n  \"profile\": \"soyuz-ms22\",", json, StringComparison.Ordinal);
        Assert.Contains("\"time_s\": 10803.4,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTripIsExact()
    {
        ReplayResult back = ReplayResultJson.Deserialize(ReplayResultJson.Serialize(Sample));

        Assert.Equal(Sample, back);
    }

    [Fact]
    public void TheSchemaFirstConstructorMatchesTheOther() =>
        Assert.Equal(
            Sample,
            new ReplayResult(ReplayResult.SchemaId, Sample.Profile, Sample.Target, Sample.Samples, Sample.DurationS, Sample.Alarms));

    [Fact]
    public void LaterFieldsAreIgnoredAndAMissingCauseIsEmpty()
    {
        const string json = """
            { "schema": "thermal-monitor/replay-result@1", "profile": "p", "target": "virtual", "samples": 3, "duration_s": 0.2,
              "alarms": [ { "seq": 1, "type": "OVERTEMP", "severity": "CAUTION", "channel": "temp", "time_s": 0.1,
                            "cleared_time_s": null, "acked_time_s": 0.2 } ],
              "detector": { "version": 2 } }
            """;

        ReplayResult result = ReplayResultJson.Deserialize(json);

        Assert.Equal(new ResultAlarm(1, "OVERTEMP", "CAUTION", "temp", 0.1, null, ""), Assert.Single(result.Alarms));
    }

    [Fact]
    public void ErrorsNameTheSourceLineAndColumn()
    {
        const string json = "{\n  \"schema\": \"thermal-monitor/replay-result@1\",\n  \"samples\": \"many\"\n}";

        var error = Assert.Throws<ProfileFormatException>(() => ReplayResultJson.Deserialize(json, "out.json"));

        Assert.Equal("out.json:1:1: $: expected a property \"profile\", found none", error.Message);
    }
}
