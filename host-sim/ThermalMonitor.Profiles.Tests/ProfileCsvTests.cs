using System.Text;

namespace ThermalMonitor.Profiles.Tests;

public sealed class ProfileCsvTests
{
    [Theory]
    [InlineData("rich.csv")]
    [InlineData("rich.csv.gz")]
    public void WriteThenReadGivesTheSameProfile(string fileName)
    {
        using var dir = new TempDirectory();
        Profile original = Fixtures.Rich();
        string path = dir.File(fileName);

        ProfileCsv.Write(original, path);
        Profile read = ProfileCsv.Read(path);

        Assert.Equal(original.Name, read.Name);
        Assert.Equal(original.Metadata.OrderBy(p => p.Key), read.Metadata.OrderBy(p => p.Key));
        // -0.0004 °C is written 0.000: the only value not exactly representable at F3.
        Assert.Equal(original.Rows.Select(r => r.TempC == -0.0004 ? r with { TempC = 0.0 } : r), read.Rows);
        Assert.Equal(path, read.SourcePath);
    }

    [Fact]
    public void SerialisationIsFixedDecimalsLfAndMetadataInFixedOrder()
    {
        string text = Encoding.UTF8.GetString(ProfileCsv.Serialize(Fixtures.Rich()));

        Assert.Equal(
            "# format: thermal-monitor/profile-csv@1\n"
            + "# name: rich\n"
            + "# description: hand-made\n"
            + "# sensor_seed: 42\n"
            + "# period_ms: 100\n"
            + "# alpha: first of the unknown keys\n"
            + "# zeta: last\n"
            + "time_s,pressure_kpa,temp_c,cabin_temp_c,fault_pressure,fault_temp,fault_supply\n"
            + "0.0,250.000,13.000,22.00,,,\n"
            + "0.1,249.500,13.001,22.01,open,,\n"
            + "0.2,249.250,13.002,,open,stuck,\n"
            + "1.2,248.000,12.500,22.50,,noise,glitch\n"
            + "2.2,247.125,0.000,23.00,short,,\n",
            text);
    }

    [Fact]
    public void TimesOffTheTenthGridAreWrittenToTheMillisecondAndOptionalColumnsAreLeftOut()
    {
        var profile = new Profile("t", new Dictionary<string, string>(), [new(0.0, 1.0, 2.0), new(0.25, 1.0, 2.0)]);

        string text = Encoding.UTF8.GetString(ProfileCsv.Serialize(profile));

        Assert.Equal(
            "# format: thermal-monitor/profile-csv@1\n# name: t\ntime_s,pressure_kpa,temp_c\n0.000,1.000,2.000\n0.250,1.000,2.000\n",
            text);
    }

    [Fact]
    public void TimesThatCoincideAtTheWrittenPrecisionAreRejected()
    {
        var profile = new Profile("t", new Dictionary<string, string>(), [new(0.0001, 1.0, 2.0), new(0.0002, 1.0, 2.0)]);

        Assert.Throws<ArgumentException>(() => ProfileCsv.Serialize(profile));
    }

    [Fact]
    public void GzipOutputIsDeterministicWithAZeroModificationTime()
    {
        using var dir = new TempDirectory();
        string first = dir.File("a.csv.gz");
        string second = dir.File("b.csv.gz");

        ProfileCsv.Write(Fixtures.Rich(), first);
        ProfileCsv.Write(Fixtures.Rich(), second);

        byte[] bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0 }, bytes[..8]);
        Assert.Equal(ProfileCsv.Serialize(Fixtures.Rich()), ProfileCsv.ReadCsvBytes(first));
    }

    [Fact]
    public void ReadingToleratesBomCrlfCommentsBlankLinesQuotesAndUnknownColumns()
    {
        using var dir = new TempDirectory();
        string path = dir.Write(
            "loose.csv",
            "\uFEFF# just a comment\r\n# Name: loose-one\r\n\r\n"
            + "Time_S, extra ,pressure_kpa,temp_c,cabin_temp_c\r\n0,\"x, y\",100,20,\r\n\r\n1.5,z,101,21,22\r\n");

        Profile profile = ProfileCsv.Read(path);

        Assert.Equal("loose-one", profile.Name);
        Assert.Equal("loose-one", profile.Metadata["name"]);
        Assert.Equal([new ProfileRow(0.0, 100.0, 20.0), new ProfileRow(1.5, 101.0, 21.0, 22.0)], profile.Rows);
        Assert.Equal(1.5, profile.DurationS);
    }

    [Fact]
    public void WithoutANameLineTheFileNameIsTheName()
    {
        using var dir = new TempDirectory();
        string path = dir.File("my-recording.csv.gz");
        File.WriteAllBytes(path, DeterministicGzip.Compress(Encoding.UTF8.GetBytes(Fixtures.Csv("0,1,2"))));

        Assert.Equal("my-recording", ProfileCsv.Read(path).Name);
    }

    [Theory]
    [InlineData("", 1, 0, "found an empty file")]
    [InlineData("# only: metadata\n", 1, 0, "found no header row")]
    [InlineData("time_s,temp_c\n0,1\n", 1, 0, "missing pressure_kpa")]
    [InlineData("time_s,pressure_kpa,temp_c\n", 2, 0, "at least one data row")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,abc,2\n", 2, 2, "expected a reading (a number, inf, -inf, or NaN or an empty cell when missing) for pressure_kpa, found 'abc'")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,1,N/A\n", 2, 3, "for temp_c, found 'N/A'")]
    [InlineData("time_s,pressure_kpa,temp_c,cabin_temp_c\n0,1,2,warm\n", 2, 4, "for cabin_temp_c, found 'warm'")]
    [InlineData("time_s,pressure_kpa,temp_c\n,1,2\n", 2, 1, "expected a finite number for time_s, found an empty cell")]
    [InlineData("time_s,pressure_kpa,temp_c\nNaN,1,2\n", 2, 1, "expected a finite number for time_s, found 'NaN' (not finite)")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,1,2\ninf,1,2\n", 3, 1, "expected a finite number for time_s, found 'inf'")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,1,2\n1,1,2\n1,1,2\n", 4, 1, "expected time_s greater than the previous row's 1, found 1")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,1,2\n-1,1,2\n", 3, 1, "greater than the previous row's 0, found -1")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,1\n", 2, 3, "expected 3 fields as in the header, found 2")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,1,2,3\n", 2, 4, "expected 3 fields as in the header, found 4")]
    [InlineData("time_s,pressure_kpa,temp_c,fault_temp\n0,1,2,broken\n", 2, 4, "open, short, stuck, noise or glitch, found 'broken'")]
    [InlineData("time_s,pressure_kpa,temp_c,Temp_C\n", 1, 4, "found 'temp_c' again")]
    [InlineData("time_s,pressure_kpa,temp_c\n0,\"1,2\n", 2, 2, "closing quote")]
    [InlineData("# format: thermal-monitor/profile-csv@2\ntime_s,pressure_kpa,temp_c\n0,1,2\n", 1, 0, "expected format thermal-monitor/profile-csv@1, found 'thermal-monitor/profile-csv@2'")]
    [InlineData("# sensor_seed: -3\ntime_s,pressure_kpa,temp_c\n0,1,2\n", 1, 0, "unsigned 64-bit integer")]
    [InlineData("# a: 1\n# A: 2\ntime_s,pressure_kpa,temp_c\n0,1,2\n", 2, 0, "found 'a' again")]
    public void BadInputIsReportedWithFileLineAndColumn(string content, int line, int column, string detail)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("bad.csv", content);

        var error = Assert.Throws<ProfileFormatException>(() => ProfileCsv.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}:{column}: expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptGzipAndInvalidUtf8AreFormatErrors()
    {
        using var dir = new TempDirectory();
        string gz = dir.Write("bad.csv.gz", new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff, 1, 2, 3 });
        string latin = dir.Write("bad.csv", Encoding.Latin1.GetBytes("time_s,pressure_kpa,temp_c\n0,1,2 °C\n"));

        Assert.Equal((1, 0), Location(Assert.Throws<ProfileFormatException>(() => ProfileCsv.Read(gz))));
        Assert.Equal((2, 0), Location(Assert.Throws<ProfileFormatException>(() => ProfileCsv.Read(latin))));
    }

    private static (int, int) Location(ProfileFormatException e) => (e.Line, e.Column);
}
