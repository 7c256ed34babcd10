using System.Globalization;
using System.Text.Json;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Typed, path-aware access to one JSON value: every mismatch is a <see cref="ProfileFormatException"/>
/// saying what was expected and what was found. Objects track which properties were read, so strict
/// schemas can reject unknown (misspelt) ones with <see cref="RejectUnknownProperties"/>.
/// </summary>
internal sealed class JsonValueReader
{
    private readonly JsonSource source;
    private readonly JsonElement element;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public JsonValueReader(JsonSource source, JsonElement element, string path)
    {
        this.source = source;
        this.element = element;
        Path = path;
    }

    /// <summary>JSON path of this value, e.g. $.expected_alarms[0].type.</summary>
    public string Path { get; }

    /// <summary>Whether this value is JSON null.</summary>
    public bool IsNull => element.ValueKind == JsonValueKind.Null;

    /// <summary>The required property <paramref name="name"/> of this object.</summary>
    public JsonValueReader Property(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        read.Add(name);
        return element.TryGetProperty(name, out JsonElement value)
            ? new JsonValueReader(source, value, $"{Path}.{name}")
            : throw source.Error(Path, $"expected a property \"{name}\", found none");
    }

    /// <summary>The property <paramref name="name"/>, or null when absent.</summary>
    public JsonValueReader? OptionalProperty(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        read.Add(name);
        return element.TryGetProperty(name, out JsonElement value)
            ? new JsonValueReader(source, value, $"{Path}.{name}")
            : null;
    }

    /// <summary>Fails on any property of this object that was not read.</summary>
    public void RejectUnknownProperties()
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!read.Contains(property.Name))
            {
                throw source.Error($"{Path}.{property.Name}",
                    $"expected only the properties {string.Join(", ", read)}, found unknown \"{property.Name}\"");
            }
        }
    }

    /// <summary>The elements of this array.</summary>
    public IEnumerable<JsonValueReader> Items()
    {
        RequireKind(JsonValueKind.Array, "an array");
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            yield return new JsonValueReader(source, item, $"{Path}[{index++}]");
        }
    }

    /// <summary>A string.</summary>
    public string String()
    {
        RequireKind(JsonValueKind.String, "a string");
        return element.GetString()!;
    }

    /// <summary>A string or null.</summary>
    public string? NullableString() => IsNull ? null : String();

    /// <summary>One of <paramref name="allowed"/> (exact spelling).</summary>
    public string OneOf(params string[] allowed)
    {
        string value = String();
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Error($"expected one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, found \"{value}\"");
    }

    /// <summary>A finite number.</summary>
    public double Double()
    {
        RequireKind(JsonValueKind.Number, "a number");
        return element.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw Error($"expected a finite number, found {element.GetRawText()}");
    }

    /// <summary>A finite number or null.</summary>
    public double? NullableDouble() => IsNull ? null : Double();

    /// <summary>An integer in the range of <see cref="int"/>.</summary>
    public int Int32()
    {
        RequireKind(JsonValueKind.Number, "an integer");
        return element.TryGetInt32(out int value)
            ? value
            : throw Error($"expected a 32-bit integer, found {element.GetRawText()}");
    }

    /// <summary>An integer in the range of <see cref="long"/>.</summary>
    public long Int64()
    {
        RequireKind(JsonValueKind.Number, "an integer");
        return element.TryGetInt64(out long value)
            ? value
            : throw Error($"expected a 64-bit integer, found {element.GetRawText()}");
    }

    /// <summary>An unsigned 64-bit integer.</summary>
    public ulong UInt64()
    {
        RequireKind(JsonValueKind.Number, "an unsigned integer");
        return element.TryGetUInt64(out ulong value)
            ? value
            : throw Error($"expected an unsigned 64-bit integer, found {element.GetRawText()}");
    }

    /// <summary>This object as compact JSON text (no whitespace between tokens).</summary>
    public string CompactObject()
    {
        RequireKind(JsonValueKind.Object, "an object");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>true or false.</summary>
    public bool Boolean() => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Describe()}"),
    };

    /// <summary>An ISO 8601 date-time with offset, or null.</summary>
    public DateTimeOffset? NullableDateTimeOffset()
    {
        if (IsNull)
        {
            return null;
        }

        string text = String();
        bool parsed = DateTimeOffset.TryParseExact(
            text, JsonText.DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset value);
        return parsed
            ? value
            : throw Error(
                $"expected an ISO 8601 date-time with offset such as \"2022-12-14T21:45:00+00:00\", found \"{text}\"");
    }

    /// <summary>An error located at this value.</summary>
    public ProfileFormatException Error(string detail) => source.Error(Path, detail);

    private void RequireKind(JsonValueKind kind, string expected)
    {
        if (element.ValueKind != kind)
        {
            throw Error($"expected {expected}, found {Describe()}");
        }
    }

    private string Describe() => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Null => "null",
        _ => element.GetRawText(),
    };
}
