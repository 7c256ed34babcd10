using System.IO.Compression;
using System.Text;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The first lines of a text file, gunzipped when it is gzip, read without loading the file (a
/// recording may be hundreds of megabytes): enough to tell what kind of CSV it is.
/// </summary>
internal static class FileHead
{
    private const int BytesRead = 64 * 1024;
    private const int LinesMax = 50;

    /// <summary>Up to 50 lines from the first 64 KiB, CR removed, read as Latin-1 (any byte is a character).</summary>
    public static IReadOnlyList<string> Lines(string path)
    {
        using FileStream file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int magicRead = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        using Stream text = magicRead == 2 && TextLines.IsGzip(magic) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var buffer = new byte[BytesRead];
        int filled = 0;
        try
        {
            filled = text.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException)
        {
            // Damaged gzip: nothing readable at its start either.
        }

        string start = Encoding.Latin1.GetString(buffer, 0, filled);
        return [.. start.Split('\n').Take(LinesMax).Select(l => l.TrimEnd('\r'))];
    }
}
