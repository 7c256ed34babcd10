using System.Buffers.Binary;
using System.IO.Compression;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Writes a gzip member with a fixed header: no file name, modification time 0, OS "unknown" (255).
/// <see cref="GZipStream"/> leaves the OS byte to the native zlib build, so two machines could write
/// different headers for the same CSV; fixing it here keeps the library's bytes free of the writer's
/// platform. The deflate body still comes from the platform's zlib, so compressed bytes may differ
/// between zlib builds — which is why the regeneration test compares the decompressed CSV.
/// </summary>
internal static class DeterministicGzip
{
    // ID1 ID2 CM=deflate FLG=0 MTIME=0 (4 bytes) XFL=2 (maximum compression) OS=255 (unknown).
    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xff];

    /// <summary>Compresses <paramref name="content"/> into a single gzip member.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        output.Write(Header);
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(content);
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.Compute(content));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)content.Length));
        output.Write(trailer);
        return output.ToArray();
    }
}
