using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Writer settings shared by the JSON formats: two-space indentation, LF line endings on every
/// platform (the default is the platform's newline), numbers in the shortest form that reads back to
/// the same double, invariant by construction, and non-ASCII text such as "°" or "β" kept readable.
/// </summary>
internal static class JsonText
{
    /// <summary>Date-time format of the JSON files: ISO 8601 with offset, fraction only when needed.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the text, ending in a newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteFile(string path, string text) =>
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Parses a file with positions for error messages.</summary>
    public static JsonSource ReadFile(string path) => JsonSource.Parse(File.ReadAllBytes(path), path);

    /// <summary>Writes a number, or null.</summary>
    public static void WriteNullableNumber(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a string, or null.</summary>
    public static void WriteNullableString(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
