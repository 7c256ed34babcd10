using System.Text;

namespace ThermalMonitor.Profiles.Tests;

public sealed class ForeignCsvTests
{
    [Theory]
    [InlineData(PressureUnit.Pa, 250000.0, 250.0)]
    [InlineData(PressureUnit.KPa, 250.0, 250.0)]
    [InlineData(PressureUnit.Bar, 2.5, 250.0)]
    [InlineData(PressureUnit.Psi, 10.0, 68.94757293168361)]
    public void PressureUnitsConvertToKpa(PressureUnit unit, double value, double expectedKpa)
    {
        Profile profile = Import($"time,pressure,temp\n0,{Text(value)},20\n", new(PressureUnit: unit));

        Assert.Equal(expectedKpa, profile.Rows[0].PressureKpa, precision: 9);
    }

    [Fact]
    public void GaugeAddsOneStandardAtmosphere()
    {
        Profile profile = Import("time,pressure,temp\n0,1.5,20\n", new(PressureUnit: PressureUnit.Bar, Gauge: true));

        Assert.Equal(251.325, profile.Rows[0].PressureKpa, precision: 9);
    }

    [Theory]
    [InlineData(TempUnit.C, 20.0, 20.0)]
    [InlineData(TempUnit.K, 293.15, 20.0)]
    [InlineData(TempUnit.F, 68.0, 20.0)]
    public void TemperatureUnitsConvertToCelsius(TempUnit unit, double value, double expectedC)
    {
        Profile profile = Import($"time,pressure,temp\n0,250,{Text(value)}\n", new(TempUnit: unit));

        Assert.Equal(expectedC, profile.Rows[0].TempC, precision: 9);
    }

    [Theory]
    [InlineData("time,pressure,temp\n0,250.5,20.25\n1,251,21\n", null)]
    [InlineData("time;pressure;temp\n0;250,5;20,25\n1;251;21\n", null)]
    [InlineData("time\tpressure\ttemp\n0\t250.5\t20.25\n1\t251\t21\n", null)]
    [InlineData("time|pressure|temp\n0|250.5|20.25\n1|251|21\n", null)]
    [InlineData("time:pressure:temp\n0:250.5:20.25\n1:251:21\n", ':')]
    public void DelimitersAreDetectedOrGiven(string content, char? delimiter)
    {
        Profile profile = Import(content, new(Delimiter: delimiter));

        Assert.Equal([new ProfileRow(0.0, 250.5, 20.25), new ProfileRow(1.0, 251.0, 21.0)], profile.Rows);
    }

    [Theory]
    [InlineData("2022-12-15T00:45:00Z", "2022-12-15T00:45:00.5Z", "2022-12-15T00:46:00Z")]
    [InlineData("2022-12-15T03:45:00+03:00", "2022-12-15T03:45:00.5+03:00", "2022-12-15T03:46:00+03:00")]
    [InlineData("2022-12-15 00:45:00", "2022-12-15 00:45:00.5", "2022-12-15 00:46:00")]
    [InlineData("2022-12-15T00:45:00", "2022-12-15T00:45:00.500", "2022-12-15T00:46")]
    public void DateTimesBecomeSecondsFromTheFirstRow(string first, string second, string third)
    {
        Profile profile = Import(
            $"timestamp,pressure_kpa,temp_c\n{first},250,20\n{second},250,20\n{third},250,20\n", new());

        Assert.Equal([0.0, 0.5, 60.0], profile.Rows.Select(r => r.TimeS));
        Assert.Equal("2022-12-15T00:45:00Z", profile.Metadata["start_utc"]);
    }

    [Fact]
    public void SecondsAreMadeRelativeToTheFirstRow()
    {
        Profile profile = Import("time_s,p,temperature\n1700000000,250,20\n1700000000.5,250,20\n", new());

        Assert.Equal([0.0, 0.5], profile.Rows.Select(r => r.TimeS));
        Assert.Equal("1700000000", profile.Metadata["time_origin_s"]);
    }

    [Fact]
    public void MapByNameIsCaseInsensitiveAndIgnoresUnitSuffixes()
    {
        Profile profile = Import(
            "Elapsed,Loop Pressure (bar),Coolant [C],Air\n0,2.5,20,22\n10,2.4,19,23\n",
            new(Map: "time=elapsed,pressure=loop pressure,temp=COOLANT,cabin=air", PressureUnit: PressureUnit.Bar));

        Assert.Equal([new ProfileRow(0.0, 250.0, 20.0, 22.0), new ProfileRow(10.0, 240.0, 19.0, 23.0)], profile.Rows);
    }

    [Fact]
    public void MapByNumberWorksWithAndWithoutAHeader()
    {
        var options = new ForeignCsvOptions(Map: "time=3,pressure=1,temp=2");

        Profile withHeader = Import("a,b,c\n250,20,0\n251,21,1\n", options);
        Profile headerless = Import("250,20,0\n251,21,1\n", options);

        Assert.Equal([new ProfileRow(0.0, 250.0, 20.0), new ProfileRow(1.0, 251.0, 21.0)], withHeader.Rows);
        Assert.Equal(withHeader.Rows, headerless.Rows);
    }

    [Fact]
    public void ThePartOfTheMapLeftOutIsFoundByName()
    {
        Profile profile = Import("t,pressure,temp\n0,250,20\n", new(Map: "time=t"));

        Assert.Equal(250.0, profile.Rows[0].PressureKpa);
    }

    [Fact]
    public void MetadataRecordsTheImport()
    {
        Profile profile = Import(
            "time;pressure;temp\n0;2,5;20\n", new(PressureUnit: PressureUnit.Bar, Gauge: true, TempUnit: TempUnit.K));

        Assert.Equal("recording", profile.Name);
        Assert.Equal(Profile.FormatId, profile.Metadata["format"]);
        Assert.Equal(
            "columns time=1, pressure=2, temp=3; delimiter semicolon; pressure bar gauge (+101.325 kPa); temperature K",
            profile.Metadata["import"]);
    }

    [Fact]
    public void Latin1FilesAreRead()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("old.csv", Encoding.Latin1.GetBytes("time,pressure,temp (°C)\n0,250,20\n"));

        Assert.Equal(20.0, ForeignCsv.Import(path, new()).Rows[0].TempC);
    }

    [Theory]
    [InlineData("time=1,pressure")]
    [InlineData("time=1,flow=2")]
    [InlineData("time=1,time=2")]
    [InlineData("time=0")]
    [InlineData("time=")]
    public void MalformedMapsAreArgumentErrors(string map)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("r.csv", "time,pressure,temp\n0,1,2\n");

        var error = Assert.Throws<ArgumentException>(() => ForeignCsv.Import(path, new(Map: map)));
        Assert.Contains("--map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALetterCannotBeTheDelimiter() =>
        Assert.Throws<ArgumentException>(() => Import("time,pressure,temp\n0,1,2\n", new(Delimiter: 'x')));

    [Theory]
    [InlineData("", 1, 0, "found an empty file")]
    [InlineData("time pressure temp\n0 1 2\n", 1, 0, "--delimiter")]
    [InlineData("when,pressure,heat\n0,1,2\n", 1, 0, "expected a column for time (time, time_s, timestamp), found columns 'when', 'pressure', 'heat'")]
    [InlineData("when,force,heat\n0,1,2\n", 1, 0, "expected a column for time (time, time_s, timestamp) and pressure (pressure, pressure_kpa, p)")]
    [InlineData("time,pressure,temp\n0,1,2\n0,1,2\n", 3, 1, "expected a time later than line 2's")]
    [InlineData("time,pressure,temp\n0,1..5,2\n", 2, 2, "expected a reading (a number, inf, -inf, or NaN or an empty cell when missing) for pressure, found '1..5'")]
    [InlineData("time,pressure,temp\n0,1,n/a\n", 2, 3, "for temp, found 'n/a'")]
    [InlineData("time,pressure,temp\n0,1,2\nNaN,1,2\n", 3, 1, "in seconds like the first row's, found 'NaN'")]
    [InlineData("time,pressure,temp\n,1,2\n", 2, 1, "seconds or as a date-time")]
    [InlineData("time,pressure,temp\nnoon,1,2\n", 2, 1, "seconds or as a date-time")]
    [InlineData("time,pressure,temp\n0,1,2\n2022-12-15 00:45:00,1,2\n", 3, 1, "in seconds like the first row's")]
    [InlineData("time,pressure,temp\n0,1\n", 2, 3, "expected at least 3 fields, found 2")]
    [InlineData("time,pressure,temp\n", 2, 0, "at least one data row")]
    public void BadFilesAreReportedWithFileLineAndColumn(string content, int line, int column, string detail)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("bad.csv", content);

        var error = Assert.Throws<ProfileFormatException>(() => ForeignCsv.Import(path, new()));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}:{column}: expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MappedColumnsThatDoNotExistAreReportedAtTheHeader()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("r.csv", "time,pressure,temp\n0,1,2\n");

        var byName = Assert.Throws<ProfileFormatException>(() => ForeignCsv.Import(path, new(Map: "pressure=psi")));
        var byNumber = Assert.Throws<ProfileFormatException>(() => ForeignCsv.Import(path, new(Map: "pressure=9")));

        Assert.Contains("expected a column named 'psi' for --map pressure", byName.Message, StringComparison.Ordinal);
        Assert.Contains("expected a column 9 for --map pressure=9, found only 3 columns", byNumber.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitNamesParseAsOnTheCommandLine()
    {
        Assert.Equal(PressureUnit.KPa, UnitConversion.ParsePressureUnit("kPa"));
        Assert.Equal(PressureUnit.Psi, UnitConversion.ParsePressureUnit("PSI"));
        Assert.Equal(TempUnit.F, UnitConversion.ParseTempUnit("f"));
        Assert.Throws<ArgumentException>(() => UnitConversion.ParsePressureUnit("atm"));
    }

    private static string Text(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Profile Import(string content, ForeignCsvOptions options)
    {
        using var dir = new TempDirectory();
        return ForeignCsv.Import(dir.Write("recording.csv", content), options);
    }
}
