using System.Text;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link;

/// <summary>A configuration as the JSON document the board reads (written by the firmware's own writer).</summary>
public static class ConfigJson
{
    public static string Write(MonitorConfig config)
    {
        var writer = new LineWriter(BoardLink.LineBytesMax);
        writer.BeginRaw();
        ConfigDocumentWriter.Write(config, writer);
        return Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length);
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
    /// board does: the host twin reader, <see cref="ConfigDocumentBuilder"/>, then the validator on the
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
        new JsonConfigReader().Read(bytes, 0, bytes.Length, builder);
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
