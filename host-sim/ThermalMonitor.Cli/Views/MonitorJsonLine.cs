using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// One line the board sent as one JSON object on one line (<c>board monitor --format jsonl</c>):
/// <c>time</c> (when the host received it, UTC, ISO 8601), <c>kind</c> (alarm, clear, event,
/// telemetry or reply), the wire <c>type</c> and <c>seq</c>, <c>ref</c> and <c>error</c> for
/// replies, the <c>fields</c> (whole numbers as numbers, <c>-</c> as null, the rest as strings),
/// the <c>text</c> <c>--format text</c> prints, and the <c>raw</c> line as it came.
/// </summary>
public static class MonitorJsonLine
{
    /// <summary>°, ‰ and apostrophes as they are: the lines are read by people and log tools, never embedded in HTML.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Kind(BoardLine line) => line.Type switch
    {
        LinkDictionary.Alarm => "alarm",
        LinkDictionary.Clear => "clear",
        LinkDictionary.Event => "event",
        LinkDictionary.Telemetry => "telemetry",
        _ => "reply",
    };

    /// <summary>A line's <c>time</c>: UTC to the millisecond (the dashboard's own events use it too, so its page reads one form).</summary>
    public static string Time(DateTimeOffset received) =>
        received.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Format(BoardLine line, DateTimeOffset received)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("time", Time(received));
            json.WriteString("kind", Kind(line));
            json.WriteString("type", line.Type);
            json.WriteNumber("seq", line.Sequence);
            if (line.Reference is int reference)
            {
                json.WriteNumber("ref", reference);
            }

            if (line.ErrorCode is { } code)
            {
                json.WriteString("error", code);
            }

            json.WriteStartObject("fields");
            foreach ((string key, string value) in line.Fields)
            {
                if (value == LinkDictionary.NotRead)
                {
                    json.WriteNull(key);
                }
                else if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
                {
                    json.WriteNumber(key, number);
                }
                else
                {
                    json.WriteString(key, value);
                }
            }

            json.WriteEndObject();
            json.WriteString("text", BoardMessageText.Describe(line));
            json.WriteString("raw", line.Text);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
