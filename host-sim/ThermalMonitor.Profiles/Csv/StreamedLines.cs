using System.IO.Compression;
using System.Text;

namespace ThermalMonitor.Profiles;

/// <summary>
/// A file's text lines read from disk one at a time, plain or gzip (recognised by content), as
/// <see cref="TextLines"/> gives them from a whole file: a UTF-8 byte-order mark dropped, split on LF,
/// a trailing CR removed, invalid UTF-8 an error naming its line. Memory is one buffer and one line,
/// whatever the file's length; every enumeration reads the file again.
/// </summary>
internal static class StreamedLines
{
    private const int BufferBytes = 1 << 16;

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the file starts with the gzip magic.</summary>
    public static bool IsGzip(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using FileStream file = File.OpenRead(path);
        return file.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && TextLines.IsGzip(head);
    }

    /// <summary>
    /// Reads a gzip file to its end once and checks its trailer (<see cref="GzipIntegrity"/>): a file cut
    /// short is refused before any of its lines is believed.
    /// </summary>
    /// <exception cref="ProfileFormatException">The stream is corrupt or incomplete.</exception>
    public static void VerifyGzip(string path, string sourceName)
    {
        var integrity = new GzipIntegrity();
        byte[] buffer = new byte[BufferBytes];
        try
        {
            using FileStream file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                integrity.Append(buffer.AsSpan(0, read));
            }
        }
        catch (InvalidDataException e)
        {
            throw new ProfileFormatException(
                sourceName, 1, 0, $"expected a complete gzip stream, found a corrupt one ({e.Message})", e);
        }

        byte[] trailer = new byte[GzipIntegrity.TrailerBytes];
        using (FileStream file = File.OpenRead(path))
        {
            long start = Math.Max(0, file.Length - trailer.Length);
            file.Seek(start, SeekOrigin.Begin);
            int got = file.ReadAtLeast(trailer, trailer.Length, throwOnEndOfStream: false);
            integrity.Verify(trailer.AsSpan(0, got), sourceName);
        }
    }

    /// <summary>The lines of <paramref name="path"/>, read again on every enumeration.</summary>
    public static IEnumerable<string> Read(string path, string sourceName, bool gzip)
    {
        using FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        using Stream input = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        byte[] buffer = new byte[BufferBytes];
        byte[] carry = new byte[256];
        int carried = 0;
        int lineNumber = 0;
        bool first = true;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                int end = newline < 0 ? read : newline;
                if (newline < 0 || carried > 0)
                {
                    Append(ref carry, ref carried, buffer.AsSpan(start, end - start));
                }

                if (newline < 0)
                {
                    break;
                }

                ReadOnlySpan<byte> line = carried > 0 ? carry.AsSpan(0, carried) : buffer.AsSpan(start, end - start);
                yield return Decode(line, ++lineNumber, ref first, sourceName);
                carried = 0;
                start = newline + 1;
            }
        }

        // A file of nothing but a byte-order mark has no lines, as TextLines reads it.
        if (carried > 0 && !(lineNumber == 0 && carry.AsSpan(0, carried).SequenceEqual("\uFEFF"u8)))
        {
            yield return Decode(carry.AsSpan(0, carried), ++lineNumber, ref first, sourceName);
        }
    }

    private static void Append(ref byte[] carry, ref int carried, ReadOnlySpan<byte> bytes)
    {
        if (carried + bytes.Length > carry.Length)
        {
            Array.Resize(ref carry, Math.Max(carry.Length * 2, carried + bytes.Length));
        }

        bytes.CopyTo(carry.AsSpan(carried));
        carried += bytes.Length;
    }

    private static string Decode(ReadOnlySpan<byte> line, int lineNumber, ref bool first, string sourceName)
    {
        if (first)
        {
            first = false;
            if (line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }
        }

        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        try
        {
            return StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProfileFormatException(
                sourceName, lineNumber, 0, "expected UTF-8 text, found an invalid byte sequence", e);
        }
    }
}
