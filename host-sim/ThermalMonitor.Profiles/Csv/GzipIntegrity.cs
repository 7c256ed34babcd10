using System.Buffers.Binary;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Checks that a gzip file was read to its real end. .NET's <see cref="System.IO.Compression.GZipStream"/>
/// returns end-of-stream, without an error, for a file cut short (even one missing its last 8 bytes),
/// so a truncated <c>.csv.gz</c> would replay as if it were complete. The gzip trailer (RFC 1952 §2.3.1)
/// holds the CRC-32 and the length mod 2^32 of the uncompressed data: both must match what was read.
/// </summary>
/// <remarks>
/// Feed every decompressed byte to <see cref="Append"/>, then call <see cref="Verify"/> with the
/// file's last 8 bytes. A file of several gzip members joined together (<c>cat a.gz b.gz</c>) has a
/// trailer per member and is refused too: profiles are single-member files, as gzip and this tool write them.
/// </remarks>
internal sealed class GzipIntegrity
{
    /// <summary>Bytes of the gzip trailer: CRC-32 then ISIZE, both little-endian.</summary>
    public const int TrailerBytes = 8;

    private readonly System.IO.Hashing.Crc32 crc = new(); // qualified: the firmware core has a Crc32 of its own
    private long length;

    /// <summary>Adds decompressed bytes, in order.</summary>
    public void Append(ReadOnlySpan<byte> inflated)
    {
        crc.Append(inflated);
        length += inflated.Length;
    }

    /// <summary>Throws <see cref="ProfileFormatException"/> unless the trailer describes exactly the bytes appended.</summary>
    /// <param name="compressed">The whole gzip file, or at least its last <see cref="TrailerBytes"/> bytes.</param>
    /// <param name="sourceName">The file, for the message.</param>
    public void Verify(ReadOnlySpan<byte> compressed, string sourceName)
    {
        if (compressed.Length < TrailerBytes)
        {
            throw Incomplete(sourceName, "it is shorter than a gzip trailer");
        }

        ReadOnlySpan<byte> trailer = compressed[^TrailerBytes..];
        uint expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        uint expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        uint actualCrc = crc.GetCurrentHashAsUInt32();
        uint actualLength = unchecked((uint)length);
        if (actualCrc != expectedCrc || actualLength != expectedLength)
        {
            throw Incomplete(
                sourceName,
                $"its end says {expectedLength} bytes with CRC-32 {expectedCrc:x8}, but it gave {length} bytes with CRC-32 {actualCrc:x8}");
        }
    }

    private static ProfileFormatException Incomplete(string sourceName, string detail) =>
        new(sourceName, 1, 0, $"the gzip stream is incomplete or damaged ({detail}): was the file cut short or changed? (several gzip files joined into one are not read either)");
}
