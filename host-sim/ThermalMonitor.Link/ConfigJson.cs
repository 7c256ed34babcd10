using System.Text;
using System.Text.Json;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link;

/// <summary>A configuration as the JSON document the board reads (written by the firmware's own writer).</summary>
public static class ConfigJson
{
    public static string Write(MonitorConfig config)
    {
        var writer = new LineWriter(LineTransport.OutgoingLineBytesMax);
        writer.BeginRaw();
        ConfigDocumentWriter.Write(config, writer);
        return Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length);
    }

    /// <summary>Bytes a command line costs beyond its text: "&lt;seq&gt; " (up to 11) and "*XXXX\r\n".</summary>
    public const int FramingBytesMax = 18;

    /// <summary>
    /// The commands that carry <paramref name="document"/> to a board whose lines hold at most
    /// <paramref name="lineBytesMax"/> bytes: one <c>CFG SET</c> when it fits, else <c>CFG STAGE</c>
    /// parts of whole members and a <c>CFG COMMIT</c> that applies them as one (PROTOCOL.md §11).
    /// The calibration members travel together. A document that cannot be split (not one flat JSON
    /// object, or a member given twice) goes whole, so the board gives its own verdict.
    /// </summary>
    public static IReadOnlyList<string> Commands(string document, int lineBytesMax)
    {
        ArgumentNullException.ThrowIfNull(document);
        string set = $"{LinkDictionary.Config} {LinkDictionary.Set} {document}";
        if (set.Length + FramingBytesMax <= lineBytesMax)
        {
            return [set];
        }

        List<string>? parts = TrySplit(document, lineBytesMax - FramingBytesMax - $"{LinkDictionary.Config} {LinkDictionary.Stage} ".Length);
        if (parts is null)
        {
            return [set];
        }

        var commands = parts.Select(p => $"{LinkDictionary.Config} {LinkDictionary.Stage} {p}").ToList();
        commands.Add($"{LinkDictionary.Config} {LinkDictionary.Commit}");
        return commands;
    }

    /// <summary>Splits a flat object into objects of whole members, each at most <paramref name="partBytesMax"/> long; null when it cannot.</summary>
    private static List<string>? TrySplit(string document, int partBytesMax)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(document);
        var members = new List<(string Name, string Text)>();
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                long start = reader.TokenStartIndex;
                reader.Read();
                reader.Skip();
                long end = reader.BytesConsumed;

                if (members.Any(m => m.Name == name))
                {
                    return null;
                }

                members.Add((name, Encoding.UTF8.GetString(utf8, (int)start, (int)(end - start))));
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        // The calibration arrays (and a knot count given with them) must reach the board in one part.
        string[] together = [ConfigDocumentBuilder.AdcCalCountsMember, ConfigDocumentBuilder.AdcCalMicrovoltsMember, "adcCalKnotCount"];
        var groups = new List<string>();
        string calibration = string.Join(",", members.Where(m => together.Contains(m.Name)).Select(m => m.Text));
        if (calibration.Length > 0)
        {
            groups.Add(calibration);
        }

        groups.AddRange(members.Where(m => !together.Contains(m.Name)).Select(m => m.Text));
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (string group in groups)
        {
            if (group.Length + 2 > partBytesMax)
            {
                return null;
            }

            if (current.Length > 0 && current.Length + group.Length + 2 > partBytesMax)
            {
                parts.Add("{" + current + "}");
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(',');
            }

            current.Append(group);
        }

        if (current.Length > 0 || parts.Count == 0)
        {
            parts.Add("{" + current + "}");
        }

        return parts;
    }

    /// <summary>Reads a document over <paramref name="basis"/> with the host twin reader; throws with every problem listed.</summary>
    public static MonitorConfig Read(string json, MonitorConfig? basis = null)
    {
        var errors = new ConfigErrors();
        if (!TryRead(Encoding.UTF8.GetBytes(json), basis, errors, out MonitorConfig config))
        {
            throw new FormatException("configuration: " + Describe(errors));
        }

        return config;
    }

    /// <summary>
    /// Reads document <paramref name="bytes"/> over <paramref name="basis"/> (null: the defaults) as the
    /// board does: <see cref="ConfigJsonChecker"/>, the host twin reader, <see cref="ConfigDocumentBuilder"/>, then the validator on the
    /// whole configuration (only when the document itself was fine). False with every problem in
    /// <paramref name="errors"/>; then <paramref name="config"/> must not be used.
    /// </summary>
    public static bool TryRead(byte[] bytes, MonitorConfig? basis, ConfigErrors errors, out MonitorConfig config)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(errors);
        config = new MonitorConfig();
        if (basis is not null)
        {
            config.CopyFrom(basis);
        }

        var builder = new ConfigDocumentBuilder();
        builder.Begin(config, errors);
        var checker = new ConfigJsonChecker();
        if (checker.Check(bytes, 0, bytes.Length, builder))
        {
            new JsonConfigReader().Read(checker, builder);
        }

        return builder.End() && ConfigValidator.Validate(config, errors, new DerivedSettings());
    }

    /// <summary>Every problem as <c>field: what is wrong</c>, separated by "; ".</summary>
    public static string Describe(ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problems = new List<string>();
        for (int i = 0; i < errors.Count; i++)
        {
            problems.Add(errors[i].ToString());
        }

        return string.Join("; ", problems);
    }
}
