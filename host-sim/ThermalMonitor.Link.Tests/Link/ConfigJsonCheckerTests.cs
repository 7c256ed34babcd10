using System.Globalization;
using System.Text;
using System.Text.Json;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The core's JSON syntax checker (<see cref="ConfigJsonChecker"/>), which every board runs before
/// its JSON library: its own rules and messages, the ESP32 reader's routing (through
/// <see cref="CheckerWalkReader"/>) against the host twin on every shared vector, and a fuzz run
/// of mutated documents judged by the checker and by an independent oracle (System.Text.Json,
/// strict, plus the two rules JSON itself does not have: no <c>\u</c> escape, depth 8).
/// </summary>
public class ConfigJsonCheckerTests
{
    private const int FuzzDocuments = 20000;

    public static TheoryData<string> LineVectors => ConfigVectors.Names(v => v.Error != "NOT_ASCII");

    /// <summary>The whole verdict — error code and every problem's field and text — is the same through either reader.</summary>
    [Theory]
    [MemberData(nameof(LineVectors))]
    public void The_device_reader_s_routing_and_the_host_reader_give_the_same_verdict_on_every_vector(string name)
    {
        ConfigVector vector = ConfigVectors.Named(name);
        Verdict host = Judge(vector.Document, new JsonConfigReader());
        Verdict device = Judge(vector.Document, new CheckerWalkReader());
        Assert.Equal(host, device);
        Assert.Equal(vector.Error, host.Error);
        Assert.Equal(vector.Field, host.Field);
        if (vector.Error == "BAD_JSON")
        {
            Assert.Single(host.Problems);
            Assert.Matches(@"^json: .+ \(at byte \d+\)$", host.Problems[0]);
        }
    }

    [Theory]
    [InlineData("{\"samplePeriodMs\":100,}", "json: a trailing comma before the closing '}' (at byte 22)")]
    [InlineData("{\"a\":[1,2,]}", "json: a trailing comma before the closing ']' (at byte 10)")]
    [InlineData("{'samplePeriodMs':100}", "json: a member name in single quotes (JSON needs double quotes) (at byte 1)")]
    [InlineData("{\"schema\":'x'}", "json: a string in single quotes (JSON needs double quotes) (at byte 10)")]
    [InlineData("{\"a\":1 \"b\":2}", "json: expected ',' or '}' after a member's value (at byte 7)")]
    [InlineData("{\"a\":[1 2]}", "json: expected ',' or ']' after an array item (at byte 8)")]
    [InlineData("{\"a\":0100}", "json: a number with a leading zero (at byte 5)")]
    [InlineData("{\"a\":+1}", "json: a number with a '+' sign (at byte 5)")]
    [InlineData("{\"a\":True}", "json: expected a value (true, false and null are lower case) (at byte 5)")]
    [InlineData("{\"a\\u0041\":1}", "json: a \\u escape: no board decodes them, write the character itself (at byte 3)")]
    [InlineData("{\"a\\q\":1}", "json: an invalid escape (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t) (at byte 3)")]
    [InlineData("{\"a\":[[[[[[[[1]]]]]]]]}", "json: nested deeper than 8 levels (the document object is level 1) (at byte 12)")]
    [InlineData("[]", "json: expected a JSON object ({...}) (at byte 0)")]
    [InlineData("", "json: expected a JSON object ({...}) (at byte 0)")]
    [InlineData("{}x", "json: unexpected content after the closing '}' (at byte 2)")]
    [InlineData("{\"a\":1", "json: the document ends before the closing '}' of an object (at byte 6)")]
    [InlineData("{\"a\":\"xy", "json: the document ends inside a string (at byte 5)")]
    [InlineData("{\"a\":}", "json: expected a value, found '}' (at byte 5)")]
    [InlineData("{\"a\":1.}", "json: a '.' without digits after it (at byte 6)")]
    [InlineData("{\"a\":1e+}", "json: an exponent without digits (at byte 6)")]
    [InlineData("{\"a\":-}", "json: a '-' without digits (at byte 5)")]
    [InlineData("{\"a\" 1}", "json: expected ':' after the member name (at byte 5)")]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", "json: expected ',' or '}' after a member's value (at line 3, byte 2)")]
    public void A_refusal_names_the_first_problem_and_its_byte(string document, string expected)
    {
        Verdict verdict = Judge(document, new JsonConfigReader());
        Assert.Equal("BAD_JSON", verdict.Error);
        Assert.Equal([expected], verdict.Problems);
    }

    [Fact]
    public void Whitespace_is_RFC_8259_whitespace_and_UTF_8_in_strings_is_checked()
    {
        var checker = new ConfigJsonChecker();
        Assert.True(Check(checker, "\r\n{\t\"samplePeriodMs\" :\n100 }\r\n"));
        Assert.True(Check(checker, "{\"comment\":\"caf\u00e9 \u6e29\u5ea6 \ud83c\udf21\"}"));
        Assert.False(Check(checker, "{\f\"a\":1}"));
        byte[] overlong = [(byte)'{', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        Assert.False(checker.Check(overlong, 0, overlong.Length, NewBuilder()));
        byte[] surrogate = [(byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        Assert.False(checker.Check(surrogate, 0, surrogate.Length, NewBuilder()));
    }

    [Fact]
    public void Members_are_kept_in_document_order_with_their_shapes_and_repeats()
    {
        var checker = new ConfigJsonChecker();
        Assert.True(Check(checker, "{ \"b\\/c\" : -12 , \"a\":[1,\"x\",[2]],\"b/c\":1.5,\"d\":{\"e\":1,\"e\":2},\"f\":null,\"g\":true,\"h\":\"s\"}"));
        Assert.Equal(7, checker.MemberCount);
        Assert.Equal(["b/c", "a", "b/c", "d", "f", "g", "h"], Enumerable.Range(0, 7).Select(checker.Name));
        Assert.Equal([JsonShape.Integer, JsonShape.Array, JsonShape.Fraction, JsonShape.Object, JsonShape.Null, JsonShape.Boolean, JsonShape.String], Enumerable.Range(0, 7).Select(checker.Shape));
        Assert.Equal([false, false, true, false, false, false, false], Enumerable.Range(0, 7).Select(checker.IsRepeat));
        Assert.Equal(-12, checker.IntegerValue(0));
        Assert.Equal("s", checker.StringValue(6));
        long[] items = new long[2];
        Assert.Equal(3, checker.ArrayItems(1, items, out JsonShape odd));
        Assert.Equal(JsonShape.String, odd);
        Assert.Equal(1, items[0]);
        Assert.True(Check(checker, "{\"s\":\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"}"));
        Assert.Equal("a\"b\\c/d\be\ff\ng\rh\ti", checker.StringValue(0));
    }

    [Theory]
    [InlineData("2147483647", 2147483647L)]
    [InlineData("-2147483648", -2147483648L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", long.MaxValue)]
    [InlineData("-9223372036854775808", -long.MaxValue)]
    [InlineData("-0", 0L)]
    public void Whole_numbers_saturate_beyond_64_bits(string number, long expected)
    {
        var checker = new ConfigJsonChecker();
        Assert.True(Check(checker, "{\"a\":" + number + "}"));
        Assert.Equal(expected, checker.IntegerValue(0));
        Assert.True(Check(checker, "{\"a\":" + new string('9', 5000) + "}"));
        Assert.Equal(long.MaxValue, checker.IntegerValue(0));
    }

    [Fact]
    public void The_document_object_holds_at_most_MembersMax_members()
    {
        string Members(int count) => "{" + string.Join(",", Enumerable.Range(0, count).Select(i => "\"m" + i.ToString(CultureInfo.InvariantCulture) + "\":0")) + "}";
        var checker = new ConfigJsonChecker();
        Assert.True(Check(checker, Members(ConfigJsonChecker.MembersMax)));
        Assert.Equal(ConfigJsonChecker.MembersMax, checker.MemberCount);
        Verdict verdict = Judge(Members(ConfigJsonChecker.MembersMax + 1), new JsonConfigReader());
        Assert.StartsWith("json: more than 160 members in the document (at byte ", verdict.Problems[0], StringComparison.Ordinal);
        Assert.True(LineTransport.LineBytesMax / 5 < ConfigJsonChecker.MembersMax, "a line cannot carry more members than the checker keeps (\"\":0, is 5 bytes)");
    }

    [Fact]
    public void Checking_a_valid_document_allocates_nothing()
    {
        byte[] document = Encoding.ASCII.GetBytes(ConfigVectors.All[0].Document + "  ");
        var checker = new ConfigJsonChecker();
        ConfigDocumentBuilder builder = NewBuilder();
        Assert.True(checker.Check(document, 0, document.Length, builder));
        long[] items = new long[8];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            checker.Check(document, 0, document.Length, builder);
            checker.IntegerValue(1);
            checker.ArrayItems(checker.MemberCount - 1, items, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Deep_and_long_documents_end_without_exception()
    {
        string deep = "{\"a\":" + new string('[', 100000) + new string(']', 100000) + "}";
        Assert.Equal("BAD_JSON", Judge(deep, new JsonConfigReader()).Error);
        Assert.Equal("BAD_JSON", Judge(new string('{', 50000), new JsonConfigReader()).Error);
        Assert.Equal("BAD_JSON", Judge("{\"a\":\"" + new string('\\', 9999), new JsonConfigReader()).Error);
    }

    /// <summary>
    /// Random mutations of valid documents (insert, delete, replace, duplicate a slice), in the line's
    /// alphabet: the checker passes exactly what the oracle calls well-formed, and a document it
    /// passes gets the same verdict through the host reader and the device reader's routing.
    /// </summary>
    [Fact]
    public void Mutated_documents_are_judged_like_the_oracle_and_alike_by_both_readers()
    {
        string[] seeds = ConfigVectors.All.Where(v => v.Accept && v.Document.Length < 300).Select(v => v.Document)
            .Concat(
            [
                "{\"adcCalCounts\":[175,2900,4095],\"adcCalMicrovolts\":[150000,2450000,3150000],\"schema\":\"thermal-monitor/config@1\"}",
                "{\"samplePeriodMs\":{\"a\":[1,{\"b\":null}],\"c\":true},\"burstLength\":-0.5e+3,\"x\\/y\":\"q\\\"\\\\\\n\"}",
                "{\"redLowPa\":30000,\"yellowLowPa\":60000,\"samplePeriodMs\":[[[[[[1]]]]]]}",
            ]).ToArray();
        const string alphabet = "{}[]\",:0123456789-+.eE tfnlrsu\\/'abxMs";
        var random = new Random(20261204);
        int wellFormed = 0;
        int accepted = 0;
        var checker = new ConfigJsonChecker();
        for (int n = 0; n < FuzzDocuments; n++)
        {
            char[] text = seeds[random.Next(seeds.Length)].ToCharArray();
            var document = new StringBuilder(new string(text));
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations && document.Length > 0; m++)
            {
                int at = random.Next(document.Length);
                switch (random.Next(4))
                {
                    case 0:
                        document.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 1:
                        document.Remove(at, 1);
                        break;
                    case 2:
                        document[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    default:
                        int length = Math.Min(1 + random.Next(12), document.Length - at);
                        document.Insert(random.Next(document.Length), document.ToString(at, length));
                        break;
                }
            }

            string mutated = document.ToString();
            bool expected = OracleWellFormed(mutated);
            Assert.True(expected == Check(checker, mutated), $"checker says {!expected}, oracle says {expected}: {mutated}");
            if (!expected)
            {
                continue;
            }

            wellFormed++;
            AssertRepeatsAsOracle(checker, mutated);
            Verdict host = Judge(mutated, new JsonConfigReader());
            Assert.Equal(host, Judge(mutated, new CheckerWalkReader()));
            accepted += host.Error is null ? 1 : 0;
        }

        Assert.True(wellFormed > FuzzDocuments / 10, $"only {wellFormed} well-formed mutants");
        Assert.True(accepted > 100, $"only {accepted} accepted mutants");
    }

    /// <summary>Well-formed for a board: System.Text.Json strict parse, an object at the top, depth at most 8, no \u escape.</summary>
    private static bool OracleWellFormed(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = ConfigJsonChecker.DepthMax, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if ((reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.PropertyName) && reader.ValueIsEscaped)
            {
                ReadOnlySpan<byte> raw = reader.ValueSpan;
                for (int i = 0; i < raw.Length; i += raw[i] == (byte)'\\' ? 2 : 1)
                {
                    if (raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u')
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static void AssertRepeatsAsOracle(ConfigJsonChecker checker, string text)
    {
        using JsonDocument document = JsonDocument.Parse(text);
        string[] names = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names.Length, checker.MemberCount);
        for (int i = 0; i < names.Length; i++)
        {
            Assert.Equal(names[i], checker.Name(i));
            Assert.Equal(Array.IndexOf(names, names[i]) < i, checker.IsRepeat(i));
        }
    }

    private static bool Check(ConfigJsonChecker checker, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return checker.Check(bytes, 0, bytes.Length, NewBuilder());
    }

    private static ConfigDocumentBuilder NewBuilder()
    {
        var builder = new ConfigDocumentBuilder();
        builder.Begin(new MonitorConfig(), new ConfigErrors());
        return builder;
    }

    /// <summary>Checker, reader, builder and validator as the board runs them.</summary>
    private static Verdict Judge(string text, IConfigDocumentReader reader)
    {
        var config = new MonitorConfig();
        var errors = new ConfigErrors();
        var builder = new ConfigDocumentBuilder();
        builder.Begin(config, errors);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var checker = new ConfigJsonChecker();
        if (checker.Check(bytes, 0, bytes.Length, builder))
        {
            reader.Read(checker, builder);
        }

        string? error = null;
        if (!builder.End())
        {
            error = builder.HasSyntaxError ? "BAD_JSON" : "CONFIG_INVALID";
        }
        else if (!ConfigValidator.Validate(config, errors, new DerivedSettings()))
        {
            error = "CONFIG_INVALID";
        }

        string[] problems = Enumerable.Range(0, errors.Count).Select(i => errors[i].ToString()).ToArray();
        return new Verdict(error, error is null ? null : errors[0].Field, problems);
    }

    private sealed record Verdict(string? Error, string? Field, string[] Problems)
    {
        public bool Equals(Verdict? other) => other is not null && Error == other.Error && Field == other.Field && Problems.SequenceEqual(other.Problems);

        public override int GetHashCode() => HashCode.Combine(Error, Field, Problems.Length);

        public override string ToString() => $"{Error ?? "OK"} field={Field} [{string.Join("; ", Problems)}]";
    }
}
