using System.Text;
using System.Text.Json;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// Configuration documents over the line (PROTOCOL.md, configuration), held to the shared vectors
/// in firmware/test-vectors/config-documents.json: each document is sent as "CFG SET &lt;document&gt;"
/// to a board running the host twin reader (System.Text.Json). An accepted document is answered OK
/// and CFG GET then shows exactly its members changed; a refused one is answered with the vector's
/// error and field, and CFG GET, STATUS and the alarm journal are exactly as before — a document is
/// applied whole or not at all. The ESP32's nanoFramework.Json reader must pass the same file.
/// </summary>
public class ConfigDocumentTests
{
    private static readonly string[] ErrorCodes = ["BAD_JSON", "CONFIG_INVALID", "NOT_ASCII"];

    public static TheoryData<string> AllVectors => ConfigVectors.Names();

    /// <summary>Vectors the host reader can be given directly (printable ASCII: what can arrive on the line).</summary>
    public static TheoryData<string> LineVectors => ConfigVectors.Names(v => v.Error != "NOT_ASCII");

    private const string LoneSurrogateVector = "lone surrogate escape in a name is not valid Unicode";

    [Fact]
    public void The_vector_file_is_well_formed_and_covers_every_kind_of_document()
    {
        IReadOnlyList<ConfigVector> all = ConfigVectors.All;
        Assert.True(all.Count >= 40, $"{all.Count} vectors");
        Assert.Equal(all.Count, all.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (ConfigVector v in all)
        {
            Assert.False(v.Document.Contains('\r') || v.Document.Contains('\n'), $"{v.Name}: a document travels on one line, without CR or LF");
            Assert.Equal(v.Accept, v.Error is null);
            if (!v.Accept)
            {
                Assert.Contains(v.Error, ErrorCodes);
                Assert.Equal(v.Error != "NOT_ASCII", v.Field is not null);
            }
            else
            {
                Assert.Null(v.Field);
            }

            if (v.Error == "BAD_JSON")
            {
                Assert.Equal(ConfigDocumentBuilder.JsonField, v.Field);
            }
        }

        Assert.True(all.Count(v => v.Accept) >= 10);
        Assert.True(all.Count(v => v.Error == "CONFIG_INVALID") >= 20);
        Assert.True(all.Count(v => v.Error == "BAD_JSON") >= 15);
        Assert.Contains(all, v => v.Document.Contains('*', StringComparison.Ordinal) && !v.Document.Contains("/*", StringComparison.Ordinal));
    }

    [Fact]
    public void The_full_document_vector_is_what_CFG_GET_writes_today()
    {
        var board = new LinkHarness();
        BoardLine reply = board.Command("CFG GET");
        Assert.Equal(ConfigVectors.All[0].Document, reply.Payload);
        Assert.Equal(ConfigJson.Write(new MonitorConfig()), reply.Payload);
    }

    [Theory]
    [MemberData(nameof(AllVectors))]
    public void The_board_answers_each_vector_as_specified_and_changes_all_or_nothing(string name)
    {
        ConfigVector vector = ConfigVectors.Named(name);
        var board = new LinkHarness();
        var before = new MonitorConfig();
        board.Monitor.CopyConfigTo(before);
        string snapshotBefore = board.Snapshot();

        IReadOnlyList<string> commands = ConfigJson.Commands(vector.Document, LineTransport.LineBytesMax);
        BoardLine reply = board.SetConfig(vector.Document);
        int sequence = board.NextSequence - 1;
        if (commands.Count == 1 && commands[0].Length + ConfigJson.FramingBytesMax > LineTransport.LineBytesMax)
        {
            // Longer than a line and not a flat object the host can stage: the line itself is refused.
            Assert.Equal("OVERLONG", reply.ErrorCode);
            Assert.Equal(snapshotBefore, board.Snapshot());
            return;
        }

        var after = new MonitorConfig();
        board.Monitor.CopyConfigTo(after);
        if (vector.Accept)
        {
            Assert.True(reply.Type == LinkDictionary.Ok, $"{name}: {reply}");
            Assert.Equal(sequence, reply.Reference);
            Assert.Equal(after.Get(ParamId.SamplePeriodMs), reply.IntField("period_ms"));
            Assert.Equal(after.Get(ParamId.BurstLength), reply.IntField("burst"));

            MonitorConfig expected = Apply(before, vector.Document);
            Assert.True(expected.ContentEquals(after), $"{name}: configuration in force is not the document applied over the previous one");
            string document = board.Command("CFG GET").Payload!;
            Assert.Equal(ConfigJson.Write(expected), document);
            AssertDocumentShows(vector.Document, document);
            return;
        }

        Assert.True(reply.IsError, $"{name}: {reply}");
        Assert.Equal(vector.Error, reply.ErrorCode);
        if (vector.Error == "NOT_ASCII")
        {
            Assert.Null(reply.Reference); // refused before its sequence number is read
        }
        else
        {
            Assert.Equal(sequence, reply.Reference);
            Assert.True(reply.IntField("errors") >= 1);
            Assert.Equal(vector.Field, reply.Field("field"));
            Assert.StartsWith(vector.Field + ": ", reply.Field("msg"), StringComparison.Ordinal);
        }

        Assert.True(before.ContentEquals(after), $"{name}: a refused document changed the configuration");
        Assert.Equal(snapshotBefore, board.Snapshot());
    }

    /// <summary>
    /// What the ESP32's on-device test does with its own reader: the reader and the shared
    /// <see cref="ConfigDocumentBuilder"/> and <see cref="ConfigValidator"/>, without the line,
    /// reach the vector's verdict, and the reader does not throw.
    /// </summary>
    [Theory]
    [MemberData(nameof(LineVectors))]
    public void The_host_reader_reaches_the_same_verdict_without_the_line(string name)
    {
        ConfigVector vector = ConfigVectors.Named(name);
        (string? error, string? field) = ReadDirectly(vector.Document);
        Assert.Equal(vector.Error, error);
        Assert.Equal(vector.Field, field);
    }

    /// <summary>
    /// Once a production bug: Utf8JsonReader.GetString() threw InvalidOperationException for a name
    /// holding a lone surrogate escape ({"x\ud800":1}), which JsonConfigReader did not catch. Now
    /// ConfigJsonChecker refuses every \u escape before any reader runs.
    /// </summary>
    [Fact]
    public void The_host_reader_does_not_throw_on_a_lone_surrogate()
    {
        (string? error, string? field) = ReadDirectly(ConfigVectors.Named(LoneSurrogateVector).Document);
        Assert.Equal("BAD_JSON", error);
        Assert.Equal("json", field);
    }

    /// <summary>
    /// PRODUCTION BUG (reported, host side, message only): JsonConfigReader.ReadArray keeps at most
    /// 64 items and passes Math.Min(count, 64) to the builder, so a 100-knot calibration array is
    /// refused (rightly) with "must have 2..8 knots, got 64".
    /// </summary>
    [Fact]
    public void A_long_calibration_array_is_refused_with_its_real_length()
    {
        var board = new LinkHarness();
        string items = "[" + string.Join(",", Enumerable.Range(1, 100)) + "]";
        BoardLine reply = board.Command("CFG SET {\"adcCalCounts\":" + items + ",\"adcCalMicrovolts\":" + items + "}");
        Assert.Equal("CONFIG_INVALID", reply.ErrorCode);
        Assert.Contains("got 100", reply.Field("msg"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_on_the_line_all_the_same()
    {
        var board = new LinkHarness();
        BoardLine reply = board.Command("CFG SET " + ConfigVectors.Named(LoneSurrogateVector).Document);
        Assert.Equal("BAD_JSON", reply.ErrorCode);
    }

    [Fact]
    public void CFG_GET_output_sent_back_with_CFG_SET_changes_nothing()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.SamplePeriodMs, 250);
        config.Set(ParamId.AdcCalKnotCount, 4);
        int[] counts = [100, 1000, 3000, 4095];
        int[] microvolts = [90000, 850000, 2500000, 3150000];
        counts.CopyTo(config.AdcCalCounts, 0);
        microvolts.CopyTo(config.AdcCalMicrovolts, 0);
        var board = new LinkHarness(LinkMode.Replay, config);

        string document = board.Command("CFG GET").Payload!;
        Assert.True(document.Length > LineTransport.LineBytesMax, "the whole document is longer than a line, so it travels staged");
        Assert.Equal(LinkDictionary.Ok, board.SetConfig(document).Type);
        Assert.Equal(document, board.Command("CFG GET").Payload);
        var after = new MonitorConfig();
        board.Monitor.CopyConfigTo(after);
        Assert.True(config.ContentEquals(after));
    }

    [Fact]
    public void CFG_DEFAULTS_restores_the_defaults_and_CFG_SET_needs_a_document()
    {
        var board = new LinkHarness();
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG SET {\"samplePeriodMs\":200}").Type);
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG DEFAULTS").Type);
        Assert.Equal(ConfigJson.Write(new MonitorConfig()), board.Command("CFG GET").Payload);

        BoardLine missing = board.Command("CFG SET");
        Assert.Equal("MISSING_ARGUMENT", missing.ErrorCode);
        Assert.Equal("json", missing.Field("expected"));
        Assert.Equal("MISSING_ARGUMENT", board.Command("CFG SET    ").ErrorCode);
    }

    [Fact]
    public void A_refused_document_lists_every_problem_and_reports_the_count()
    {
        var board = new LinkHarness();
        BoardLine reply = board.Command("CFG SET {\"foo\":1,\"samplePeriodMs\":\"x\",\"burstLength\":true}");
        Assert.Equal("CONFIG_INVALID", reply.ErrorCode);
        Assert.Equal(3, reply.IntField("errors"));
        Assert.Equal("foo: unknown parameter; samplePeriodMs: must be a whole number, got a string; burstLength: must be a whole number, got a boolean", reply.Field("msg"));
    }

    /// <summary>The document applied over <paramref name="basis"/>, worked out with System.Text.Json alone.</summary>
    private static MonitorConfig Apply(MonitorConfig basis, string document)
    {
        var config = new MonitorConfig();
        config.CopyFrom(basis);
        using JsonDocument json = JsonDocument.Parse(document);
        int[]? counts = null;
        int[]? microvolts = null;
        foreach (JsonProperty member in json.RootElement.EnumerateObject())
        {
            switch (member.Name)
            {
                case ConfigDocumentBuilder.SchemaMember:
                    break;
                case ConfigDocumentBuilder.AdcCalCountsMember:
                    counts = member.Value.EnumerateArray().Select(e => e.GetInt32()).ToArray();
                    break;
                case ConfigDocumentBuilder.AdcCalMicrovoltsMember:
                    microvolts = member.Value.EnumerateArray().Select(e => e.GetInt32()).ToArray();
                    break;
                default:
                    int index = ParameterTable.IndexOf(member.Name);
                    Assert.True(index >= 0, $"accepted document names unknown member {member.Name}");
                    config.Set(ParameterTable.At(index).Id, member.Value.GetInt32());
                    break;
            }
        }

        if (counts is not null && microvolts is not null)
        {
            Array.Clear(config.AdcCalCounts);
            Array.Clear(config.AdcCalMicrovolts);
            counts.CopyTo(config.AdcCalCounts, 0);
            microvolts.CopyTo(config.AdcCalMicrovolts, 0);
            config.Set(ParamId.AdcCalKnotCount, counts.Length);
        }

        Assert.Equal(counts is null, microvolts is null);
        return config;
    }

    /// <summary>Every member of the sent document has its value in the document CFG GET returns.</summary>
    private static void AssertDocumentShows(string sent, string shown)
    {
        using JsonDocument sentJson = JsonDocument.Parse(sent);
        using JsonDocument shownJson = JsonDocument.Parse(shown);
        foreach (JsonProperty member in sentJson.RootElement.EnumerateObject())
        {
            Assert.True(shownJson.RootElement.TryGetProperty(member.Name, out JsonElement value), $"CFG GET lacks {member.Name}");
            Assert.Equal(Values(member.Value), Values(value));
        }
    }

    /// <summary>A member's value as text: the string, or the whole numbers it holds.</summary>
    private static string Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Values)),
        _ => throw new InvalidDataException("unexpected " + value.ValueKind),
    };

    /// <summary>The reader, the builder and the validator without the line: (null, null) for accepted, else (error code, first field).</summary>
    private static (string? Error, string? Field) ReadDirectly(string document)
    {
        var config = new MonitorConfig();
        var errors = new ConfigErrors();
        var builder = new ConfigDocumentBuilder();
        builder.Begin(config, errors);
        byte[] bytes = Encoding.UTF8.GetBytes(document);
        var checker = new ConfigJsonChecker();
        if (checker.Check(bytes, 0, bytes.Length, builder))
        {
            new JsonConfigReader().Read(checker, builder);
        }

        if (!builder.End())
        {
            return (builder.HasSyntaxError ? "BAD_JSON" : "CONFIG_INVALID", errors[0].Field);
        }

        return ConfigValidator.Validate(config, errors, new DerivedSettings()) ? (null, null) : ("CONFIG_INVALID", errors[0].Field);
    }
}
