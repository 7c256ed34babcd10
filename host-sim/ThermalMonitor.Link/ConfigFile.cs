using ThermalMonitor.Core.Config;

namespace ThermalMonitor.Link;

/// <summary>
/// A configuration document in a file (<c>thermal-sim replay --config &lt;file.json&gt;</c>): the same
/// JSON document as <c>CFG SET</c> (PROTOCOL.md, section 11) — parameter-table names, members not given
/// keep their defaults — judged by the same reader, builder and validator as the board. The document
/// may span lines; a UTF-8 byte-order mark is skipped.
/// </summary>
public static class ConfigFile
{
    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The defaults with the document in <paramref name="path"/> applied.</summary>
    /// <exception cref="ConfigFileException">
    /// The file cannot be read, is not JSON, or a member is unknown, of the wrong type or out of range,
    /// or the configuration it gives is invalid: one line, <c>path: field: problem</c>.
    /// </exception>
    public static MonitorConfig Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ConfigFileException(path, $"cannot be read: {e.Message}");
        }

        if (bytes.AsSpan().StartsWith(Utf8ByteOrderMark))
        {
            bytes = bytes[Utf8ByteOrderMark.Length..];
        }

        var errors = new ConfigErrors();
        return ConfigJson.TryRead(bytes, basis: null, errors, out MonitorConfig config)
            ? config
            : throw new ConfigFileException(path, ConfigJson.Describe(errors));
    }
}
