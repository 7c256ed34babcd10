using System.Text;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// A <c>.csv.gz</c> cut short must be refused as such: .NET's GZipStream reads a truncated file to a
/// silent end, so without the trailer check a profile cut at a line boundary replayed as if complete
/// and one cut mid-line was blamed on its CSV ("expected 3 fields as in the header, found 1").
/// </summary>
public sealed class GzipIntegrityTests
{
    private static byte[] CompressedRich() => DeterministicGzip.Compress(ProfileCsv.Serialize(Fixtures.Rich()));

    [Fact]
    public void A_whole_gzip_profile_reads()
    {
        byte[] gz = CompressedRich();

        Profile read = ProfileCsv.Parse(gz, "rich.csv.gz");

        Assert.Equal(Fixtures.Rich().Rows.Count, read.Rows.Count);
    }

    [Theory]
    [InlineData(1)]   // the trailer's last byte
    [InlineData(8)]   // the whole trailer
    [InlineData(12)]  // into the deflate data
    public void A_gzip_profile_cut_short_is_refused_as_incomplete_not_read_as_shorter(int bytesCut)
    {
        byte[] gz = CompressedRich();

        var e = Assert.Throws<ProfileFormatException>(() => ProfileCsv.Parse(gz[..^bytesCut], "cut.csv.gz"));

        Assert.Contains("the gzip stream is incomplete or damaged", e.Message, StringComparison.Ordinal);
        Assert.Contains("cut.csv.gz", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_profile_cut_at_a_line_boundary_is_refused_although_every_line_it_gives_is_whole()
    {
        // The compressor flushed after a whole line (as a logger that is killed may leave it), and
        // the file ends there: it decodes to whole lines only, and .NET reads it without complaint.
        byte[] csv = ProfileCsv.Serialize(Fixtures.Rich());
        int lineEnd = Encoding.ASCII.GetString(csv).LastIndexOf('\n', csv.Length - 2) + 1;
        using var compressed = new MemoryStream();
        int flushedLength;
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(csv, 0, lineEnd);
            gzip.Flush();
            flushedLength = (int)compressed.Length;
            gzip.Write(csv, lineEnd, csv.Length - lineEnd);
        }

        byte[] cut = compressed.ToArray()[..flushedLength];
        using (var plain = new System.IO.Compression.GZipStream(new MemoryStream(cut), System.IO.Compression.CompressionMode.Decompress))
        using (var output = new MemoryStream())
        {
            plain.CopyTo(output); // what .NET alone makes of it: no error, the lines before the cut
            Assert.Equal(lineEnd, (int)output.Length);
        }

        var e = Assert.Throws<ProfileFormatException>(() => ProfileCsv.Parse(cut, "cut.csv.gz"));

        Assert.Contains("incomplete or damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_byte_in_the_data_is_refused()
    {
        byte[] gz = CompressedRich();
        byte[] damaged = (byte[])gz.Clone();
        damaged[damaged.Length - GzipIntegrity.TrailerBytes - 1] ^= 0x01; // the last byte of the deflate data

        Assert.Throws<ProfileFormatException>(() => ProfileCsv.Parse(damaged, "damaged.csv.gz"));
    }

    [Fact]
    public void Two_gzip_members_joined_are_refused_with_a_message_that_says_so()
    {
        byte[] gz = CompressedRich();

        var e = Assert.Throws<ProfileFormatException>(() => ProfileCsv.Parse([.. gz, .. gz], "joined.csv.gz"));

        Assert.Contains("several gzip files joined", e.Message, StringComparison.Ordinal);
    }
}
