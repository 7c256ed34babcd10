using System.Text;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// Physically impossible readings in Profile CSV v1 and foreign CSVs: kept in the rows (NaN for a
/// missing one), never a reason to refuse a file; structural problems stay errors.
/// </summary>
public sealed class ImpossibleReadingFileTests
{
    public static TheoryData<string, double> Spellings() => new()
    {
        { "", double.NaN },
        { "   ", double.NaN },
        { "NaN", double.NaN },
        { "nan", double.NaN },
        { "-nan", double.NaN },
        { "+NAN", double.NaN },
        { "inf", double.PositiveInfinity },
        { "INF", double.PositiveInfinity },
        { "+inf", double.PositiveInfinity },
        { "Infinity", double.PositiveInfinity },
        { "-inf", double.NegativeInfinity },
        { "-Infinity", double.NegativeInfinity },
        { "1e400", double.PositiveInfinity },
        { "-1e400", double.NegativeInfinity },
        { "-250.5", -250.5 },
        { "9999", 9999.0 },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void EverySpellingReadsInProfileCsvOnBothChannels(string cell, double expected)
    {
        Profile profile = ReadCsv(Fixtures.Csv("0,250,20", $"1,{cell},{cell}", "2,250,20"));

        Assert.Equal(expected, profile.Rows[1].PressureKpa);
        Assert.Equal(expected, profile.Rows[1].TempC);
        Assert.Equal(3, profile.Rows.Count);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void EverySpellingReadsInAForeignCsvOnBothChannels(string cell, double expected)
    {
        Profile profile = Import($"time;pressure;temp\n0;250;20\n1;{cell};{cell}\n2;250;20\n", new());

        Assert.Equal(expected, profile.Rows[1].PressureKpa);
        Assert.Equal(expected, profile.Rows[1].TempC);
    }

    [Fact]
    public void ConversionKeepsImpossibleReadingsAndGaugeCanPushThemBelowVacuum()
    {
        Profile profile = Import(
            "time;p;temp\n0;1,5;68\n1;-1,5;-500\n2;nan;\n3;inf;-inf\n",
            new(PressureUnit: PressureUnit.Bar, Gauge: true, TempUnit: TempUnit.F));

        Assert.Equal(251.325, profile.Rows[0].PressureKpa, precision: 9);
        Assert.Equal(-48.675, profile.Rows[1].PressureKpa, precision: 9);
        Assert.Equal(-295.555555555, profile.Rows[1].TempC, precision: 6);
        Assert.True(double.IsNaN(profile.Rows[2].PressureKpa));
        Assert.True(double.IsNaN(profile.Rows[2].TempC));
        Assert.Equal(double.PositiveInfinity, profile.Rows[3].PressureKpa);
        Assert.Equal(double.NegativeInfinity, profile.Rows[3].TempC);
    }

    [Fact]
    public void CountsPerChannelAndKindFollowTheTransducersRange()
    {
        Profile profile = ReadCsv(Fixtures.Csv(
            "0,250,20",
            "1,-5,-273.15",
            "2,-inf,-300",
            "3,500,inf",
            "4,500.001,",
            "5,,nan",
            "6,NaN,20",
            "7,0,-273.14"));

        ImpossibleReadings counts = ImpossibleReadings.Count(profile, pressureFullScaleKpa: 500.0);
        ImpossibleReadings widerTransducer = ImpossibleReadings.Count(profile, pressureFullScaleKpa: 1000.0);

        Assert.Equal(new ChannelReadingCounts(BelowPhysicalMinimum: 2, BeyondRange: 1, Missing: 2), counts.Pressure);
        Assert.Equal(new ChannelReadingCounts(BelowPhysicalMinimum: 2, BeyondRange: 1, Missing: 2), counts.Temperature);
        Assert.Equal(10, counts.Total);
        Assert.Equal(new ChannelReadingCounts(2, 0, 2), widerTransducer.Pressure);
    }

    [Theory]
    [InlineData(0.0, 500.0, ReadingKind.Possible)]
    [InlineData(500.0, 500.0, ReadingKind.Possible)]
    [InlineData(-0.001, 500.0, ReadingKind.BelowPhysicalMinimum)]
    [InlineData(double.NegativeInfinity, 500.0, ReadingKind.BelowPhysicalMinimum)]
    [InlineData(500.001, 500.0, ReadingKind.BeyondRange)]
    [InlineData(double.PositiveInfinity, 500.0, ReadingKind.BeyondRange)]
    [InlineData(double.NaN, 500.0, ReadingKind.Missing)]
    public void PressureKinds(double pressureKpa, double fullScaleKpa, ReadingKind expected) =>
        Assert.Equal(expected, ReadingKinds.OfPressure(pressureKpa, fullScaleKpa));

    [Theory]
    [InlineData(-273.14, ReadingKind.Possible)]
    [InlineData(1000.0, ReadingKind.Possible)]
    [InlineData(-273.15, ReadingKind.BelowPhysicalMinimum)]
    [InlineData(double.NegativeInfinity, ReadingKind.BelowPhysicalMinimum)]
    [InlineData(double.PositiveInfinity, ReadingKind.BeyondRange)]
    [InlineData(double.NaN, ReadingKind.Missing)]
    public void TemperatureKinds(double tempC, ReadingKind expected) =>
        Assert.Equal(expected, ReadingKinds.OfTemperature(tempC));

    [Fact]
    public void ImpossibleReadingsSurviveAWriteAndRead()
    {
        var profile = new Profile("glitchy", new Dictionary<string, string>(),
        [
            new ProfileRow(0.0, 250.0, 20.0),
            new ProfileRow(1.0, double.NaN, double.NegativeInfinity),
            new ProfileRow(2.0, double.PositiveInfinity, double.NaN),
            new ProfileRow(3.0, -12.5, -300.0),
        ]);

        string text = Encoding.UTF8.GetString(ProfileCsv.Serialize(profile));
        Profile back = ProfileCsv.Parse(Encoding.UTF8.GetBytes(text), "glitchy.csv");

        Assert.EndsWith("time_s,pressure_kpa,temp_c\n0.0,250.000,20.000\n1.0,,-inf\n2.0,inf,\n3.0,-12.500,-300.000\n", text, StringComparison.Ordinal);
        Assert.Equal(profile.Rows, back.Rows);
    }

    [Fact]
    public void AProfileCsvWithoutTempCIsAPressureOnlyRecording()
    {
        Profile profile = ReadCsv("time_s,pressure_kpa\n0,101.3\n1,101.5\n");

        Assert.False(profile.CoolantTemperatureRecorded);
        Assert.False(profile.HasCoolantTemperature);
        Assert.All(profile.Rows, r => Assert.True(double.IsNaN(r.TempC)));
        Assert.Equal(ImpossibleReadings.None, ImpossibleReadings.Count(profile, 500.0));
        Assert.EndsWith("time_s,pressure_kpa\n0.0,101.300\n1.0,101.500\n", Encoding.UTF8.GetString(ProfileCsv.Serialize(profile)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time,pressure\n0,101.3\n1,101.5\n", null)]
    [InlineData("0,101.3,7\n1,101.5,8\n", "time=1,pressure=2")]
    [InlineData("Zeit;Druck;Kommentar\n0;101,3;ok\n1;101,5;ok\n", "time=Zeit,pressure=Druck")]
    public void AForeignCsvWithoutATemperatureColumnIsAPressureOnlyRecording(string content, string? map)
    {
        Profile profile = Import(content, new(Map: map));

        Assert.False(profile.CoolantTemperatureRecorded);
        Assert.False(profile.HasCoolantTemperature);
        Assert.Equal([101.3, 101.5], profile.Rows.Select(r => r.PressureKpa));
        Assert.DoesNotContain("temp=", profile.Metadata["import"], StringComparison.Ordinal);
    }

    [Fact]
    public void ATemperatureColumnWithoutAPossibleReadingGivesNoCoolantTemperature()
    {
        Profile profile = ReadCsv(Fixtures.Csv("0,250,", "1,250,nan", "2,250,-999"));

        Assert.True(profile.CoolantTemperatureRecorded);
        Assert.False(profile.HasCoolantTemperature);
        Assert.Equal(new ChannelReadingCounts(1, 0, 2), ImpossibleReadings.Count(profile, 500.0).Temperature);
    }

    [Fact]
    public void AnImpossibleCabinReadingIsNoCabinReading()
    {
        Profile csv = ReadCsv("time_s,pressure_kpa,temp_c,cabin_temp_c\n0,250,20,nan\n1,250,20,-400\n2,250,20,22.5\n");
        Profile foreign = Import("time,pressure,temp,cabin_temp\n0,250,20,\n1,250,20,inf\n2,250,20,22.5\n", new());

        Assert.Equal([null, null, 22.5], csv.Rows.Select(r => r.CabinTempC));
        Assert.Equal([null, null, 22.5], foreign.Rows.Select(r => r.CabinTempC));
    }

    [Fact]
    public void AHeaderlessFirstLineWithAMissingReadingIsData()
    {
        Profile profile = Import("0,,20\n1,250,nan\n", new(Map: "time=1,pressure=2,temp=3"));

        Assert.Equal(2, profile.Rows.Count);
        Assert.True(double.IsNaN(profile.Rows[0].PressureKpa));
    }

    [Fact]
    public void TimeMustStillBeFiniteInAProfileBuiltInMemory()
    {
        Assert.Throws<ArgumentException>(() => new Profile("t", new Dictionary<string, string>(), [new ProfileRow(double.NaN, 1, 2)]));
        Assert.Throws<ArgumentException>(() => new Profile("t", new Dictionary<string, string>(), [new ProfileRow(0, 1, 2)], coolantTemperatureRecorded: false));
    }

    private static Profile ReadCsv(string content) => ProfileCsv.Parse(Encoding.UTF8.GetBytes(content), "recording.csv");

    private static Profile Import(string content, ForeignCsvOptions options)
    {
        using var dir = new TempDirectory();
        return ForeignCsv.Import(dir.Write("recording.csv", content), options);
    }
}
