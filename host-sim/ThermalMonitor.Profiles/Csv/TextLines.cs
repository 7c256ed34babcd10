using System.IO.Compression;
using System.Text;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Turns a file's bytes into numbered text lines: gunzips when the bytes start with the gzip magic
/// (so <c>.csv.gz</c> and a renamed file both work), drops a UTF-8 byte-order mark, splits on LF and
/// removes a trailing CR (CRLF files read the same).
/// </summary>
internal static class TextLines
{
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when <paramref name="bytes"/> start with the gzip magic 1f 8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>The decompressed bytes of a gzip stream, or the input when it is not gzip.</summary>
    /// <exception cref="ProfileFormatException">The gzip stream is corrupt, or ends before its end (<see cref="GzipIntegrity"/>).</exception>
    public static byte[] Inflate(byte[] bytes, string sourceName)
    {
        if (!IsGzip(bytes))
        {
            return bytes;
        }

        try
        {
            using var input = new MemoryStream(bytes, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            var integrity = new GzipIntegrity();
            integrity.Append(output.GetBuffer().AsSpan(0, (int)output.Length));
            integrity.Verify(bytes, sourceName);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ProfileFormatException(
                sourceName, 1, 0, $"expected a complete gzip stream, found a corrupt one ({e.Message})", e);
        }
    }

    /// <summary>
    /// Splits into lines. Invalid UTF-8 is an error naming its line, unless
    /// <paramref name="latin1Fallback"/>, in which case the whole file is read as Latin-1 (foreign
    /// recordings from older tools often are).
    /// </summary>
    public static List<string> Split(byte[] bytes, string sourceName, bool latin1Fallback)
    {
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var lines = new List<string>();
        int lineNumber = 0;
        while (!text.IsEmpty)
        {
            lineNumber++;
            int newline = text.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? text : text[..newline];
            text = newline < 0 ? [] : text[(newline + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            try
            {
                lines.Add(StrictUtf8.GetString(line));
            }
            catch (DecoderFallbackException e)
            {
                if (latin1Fallback)
                {
                    byte[] reencoded = Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(bytes));
                    return Split(reencoded, sourceName, latin1Fallback: false);
                }

                throw new ProfileFormatException(
                    sourceName, lineNumber, 0, "expected UTF-8 text, found an invalid byte sequence", e);
            }
        }

        return lines;
    }
}
