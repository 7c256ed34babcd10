using System.Text;
using System.Text.Json;

namespace ThermalMonitor.Profiles;

/// <summary>
/// A parsed JSON file that remembers where each value starts, so that a value that parses but does
/// not fit the schema can still be reported as path:line:column. <see cref="JsonDocument"/> keeps no
/// positions, hence one extra pass with <see cref="Utf8JsonReader"/> recording the start of every value
/// under its JSON path ($.a.b[0]).
/// </summary>
internal sealed class JsonSource : IDisposable
{
    private readonly byte[] utf8;
    private readonly Dictionary<string, long> offsets;
    private readonly JsonDocument document;

    private JsonSource(string sourceName, byte[] utf8, Dictionary<string, long> offsets, JsonDocument document)
    {
        SourceName = sourceName;
        this.utf8 = utf8;
        this.offsets = offsets;
        this.document = document;
    }

    /// <summary>The file name used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>The root value.</summary>
    public JsonValueReader Root => new(this, document.RootElement, "$");

    /// <summary>
    /// Parses <paramref name="utf8"/>; syntax errors and repeated keys become <see cref="ProfileFormatException"/>.
    /// </summary>
    public static JsonSource Parse(byte[] utf8, string sourceName)
    {
        ReadOnlySpan<byte> body = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8.AsSpan(3) : utf8;
        byte[] text = body.ToArray();
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            MapOffsets(text, offsets, sourceName);
            return new JsonSource(sourceName, text, offsets, JsonDocument.Parse(text));
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new ProfileFormatException(
                sourceName, line, column, $"expected valid JSON, found a syntax error ({FirstSentence(e.Message)})", e);
        }
    }

    /// <summary>An error located at the value under <paramref name="path"/> (or the nearest enclosing one).</summary>
    public ProfileFormatException Error(string path, string detail)
    {
        string probe = path;
        long offset;
        while (!offsets.TryGetValue(probe, out offset))
        {
            int cut = Math.Max(probe.LastIndexOf('.'), probe.LastIndexOf('['));
            if (cut <= 0)
            {
                offset = 0;
                break;
            }

            probe = probe[..cut];
        }

        (int line, int column) = LineColumn(utf8, offset);
        return new ProfileFormatException(SourceName, line, column, $"{path}: {detail}");
    }

    /// <inheritdoc/>
    public void Dispose() => document.Dispose();

    private static (int Line, int Column) LineColumn(byte[] utf8, long offset)
    {
        ReadOnlySpan<byte> before = utf8.AsSpan(0, (int)Math.Min(offset, utf8.Length));
        int line = before.Count((byte)'\n') + 1;
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private static void MapOffsets(byte[] text, Dictionary<string, long> offsets, string sourceName)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var containers = new Stack<Container>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    break;
                default:
                    string path = containers.Count == 0 ? "$"
                        : containers.Peek().IsArray ? $"{containers.Peek().Path}[{containers.Peek().NextIndex++}]"
                        : $"{containers.Peek().Path}.{property}";
                    if (!offsets.TryAdd(path, reader.TokenStartIndex))
                    {
                        (int line, int column) = LineColumn(text, reader.TokenStartIndex);
                        throw new ProfileFormatException(
                            sourceName, line, column, $"{path}: expected each property once, found it again");
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
                    }

                    break;
            }
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
