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
        var config = new MonitorConfig();
        if (basis is not null)
        {
            config.CopyFrom(basis);
        }

        var errors = new ConfigErrors();
        var builder = new ConfigDocumentBuilder();
        builder.Begin(config, errors);
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        new JsonConfigReader().Read(bytes, 0, bytes.Length, builder);
        if (!builder.End() || !ConfigValidator.Validate(config, errors, new DerivedSettings()))
        {
            var problems = new List<string>();
            for (int i = 0; i < errors.Count; i++)
            {
                problems.Add(errors[i].ToString());
            }

            throw new FormatException("configuration: " + string.Join("; ", problems));
        }

        return config;
    }
}
