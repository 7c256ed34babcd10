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
            ["schema", "profile", "target", "samples", "duration_s", "alarms", "impossible_readings", "config"],
            root.EnumerateObject().Select(p => p.Name));
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
    public void ImpossibleReadingsAndTheConfigurationRoundTrip()
    {
        ReplayResult rich = Sample with
        {
            ImpossibleReadings = new(new ChannelReadingCounts(3, 1, 4), new ChannelReadingCounts(2, 0, 5)),
            Config = """{"schema":"thermal-monitor/config@1","samplePeriodMs":100,"adcCalCounts":[175,2900,4095]}""",
        };

        string json = ReplayResultJson.Serialize(rich);
        ReplayResult back = ReplayResultJson.Deserialize(json);

        Assert.Equal(rich, back);
        Assert.NotEqual(Sample, back);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement readings = document.RootElement.GetProperty("impossible_readings");
        Assert.Equal(3, readings.GetProperty("pressure").GetProperty("below_vacuum").GetInt32());
        Assert.Equal(1, readings.GetProperty("pressure").GetProperty("beyond_range").GetInt32());
        Assert.Equal(4, readings.GetProperty("pressure").GetProperty("missing").GetInt32());
        Assert.Equal(2, readings.GetProperty("temp").GetProperty("below_absolute_zero").GetInt32());
        Assert.Equal(5, readings.GetProperty("temp").GetProperty("missing").GetInt32());
        Assert.Equal(100, document.RootElement.GetProperty("config").GetProperty("samplePeriodMs").GetInt32());
    }

    [Fact]
    public void AResultWithoutReadingsOrConfigurationReadsAsNoneAndUnknown()
    {
        const string json = """
            { "schema": "thermal-monitor/replay-result@1", "profile": "p", "target": "sil", "samples": 3, "duration_s": 0.2,
              "alarms": [] }
            """;

        ReplayResult result = ReplayResultJson.Deserialize(json);

        Assert.Equal(ImpossibleReadings.None, result.ImpossibleReadings);
        Assert.Null(result.Config);
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
