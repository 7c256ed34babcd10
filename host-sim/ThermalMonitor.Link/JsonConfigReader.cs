using System.Buffers;
using System.Text.Json;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link;

/// <summary>
/// The host twin of the ESP32's configuration reader. <see cref="ConfigJsonChecker"/> — the same
/// portable code the board runs — has judged the document's syntax before this reader sees it;
/// System.Text.Json in strict mode (no comments, no trailing commas) then walks the members in
/// document order, and <see cref="ConfigDocumentBuilder"/> decides what they mean. The shared
/// vectors in firmware/test-vectors/config-documents.json pin down which documents both accept.
/// </summary>
public sealed class JsonConfigReader : IConfigDocumentReader
{
    private const int ArrayItemsMax = 64;

    public void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(checkedDocument);
        ArgumentNullException.ThrowIfNull(builder);
        try
        {
            var reader = new Utf8JsonReader(checkedDocument.Bytes.AsSpan(checkedDocument.Start, checkedDocument.Length), new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                MaxDepth = ConfigJsonChecker.DepthMax,
            });
            ReadDocument(ref reader, checkedDocument, builder);
        }
        catch (JsonException e)
        {
            // Never for a document the checker passed (the fuzz tests hold the two to each other).
            builder.SyntaxError(Describe(e));
        }
        catch (InvalidOperationException e)
        {
            builder.SyntaxError("invalid text in the document: " + e.Message);
        }
    }

    private static void ReadDocument(ref Utf8JsonReader reader, ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            builder.SyntaxError("expected a JSON object ({...}) (at byte 0)");
            return;
        }

        int index = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            if (index < checkedDocument.MemberCount && checkedDocument.IsRepeat(index))
            {
                reader.Skip();
                builder.Repeated(name);
            }
            else
            {
                ReadMember(ref reader, name, builder);
            }

            index++;
        }

        builder.SyntaxError("the document ends before its closing '}'");
    }

    private static void ReadMember(ref Utf8JsonReader reader, string name, ConfigDocumentBuilder builder)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (TryWholeNumber(ref reader, out long value, out string found))
                {
                    builder.SetInteger(name, value);
                }
                else
                {
                    builder.WrongType(name, found);
                }

                break;
            case JsonTokenType.String:
                builder.SetString(name, reader.GetString() ?? string.Empty);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                builder.WrongType(name, "a boolean");
                break;
            case JsonTokenType.Null:
                builder.WrongType(name, "null");
                break;
            case JsonTokenType.StartObject:
                reader.Skip();
                builder.WrongType(name, "an object");
                break;
            case JsonTokenType.StartArray:
                ReadArray(ref reader, name, builder);
                break;
            default:
                builder.SyntaxError($"unexpected {reader.TokenType} at byte {reader.TokenStartIndex}");
                break;
        }
    }

    private static void ReadArray(ref Utf8JsonReader reader, string name, ConfigDocumentBuilder builder)
    {
        var items = new long[ArrayItemsMax];
        int count = 0;
        string? problem = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Skip();
                problem ??= "an array holding " + (reader.TokenType == JsonTokenType.EndObject ? "an object" : "an array");
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                problem ??= "an array holding " + Kind(reader.TokenType);
                continue;
            }

            if (!TryWholeNumber(ref reader, out long value, out string found))
            {
                problem ??= "an array holding " + found;
                continue;
            }

            if (count < ArrayItemsMax)
            {
                items[count] = value;
            }

            count++;
        }

        if (problem is not null)
        {
            builder.WrongType(name, problem);
            return;
        }

        // The true count, so a long array is reported with its length; the builder reads items only when the count is valid.
        builder.SetIntegerArray(name, items, count);
    }

    /// <summary>A JSON number written as an integer (no '.', no exponent), saturated to 64 bits.</summary>
    private static bool TryWholeNumber(ref Utf8JsonReader reader, out long value, out string found)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (raw.IndexOfAny("."u8) >= 0 || raw.IndexOfAny("eE"u8) >= 0)
        {
            value = 0;
            found = "a number with a fraction or exponent";
            return false;
        }

        if (!reader.TryGetInt64(out value))
        {
            // Beyond 64 bits: saturated like ConfigJsonChecker.IntegerValue, so it is refused as beyond 32 bits on every board.
            value = raw[0] == (byte)'-' ? -long.MaxValue : long.MaxValue;
        }

        found = string.Empty;
        return true;
    }

    private static string Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>
    /// System.Text.Json's message, reduced to what and where: the byte position on the one line of a
    /// wire document; a document from a file of several lines also gets its line (1-based).
    /// </summary>
    private static string Describe(JsonException e)
    {
        string message = e.Message;
        int lineInfo = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string what = lineInfo > 0 ? message[..lineInfo].TrimEnd('.', ' ') : message;
        return (e.LineNumber, e.BytePositionInLine) switch
        {
            ( > 0, long position) => $"{what} (at line {e.LineNumber + 1}, byte {position})",
            (_, long position) => $"{what} (at byte {position})",
            _ => what,
        };
    }
}
