using System.Text;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// Holds host-sim/profiles/ to the code: every stored profile regenerates byte for byte from its
/// scenario file, and the code's definitions equal the stored scenario and expectation files.
/// To rewrite the library after an intended change: THERMAL_WRITE_PROFILES=1 dotnet test --filter LibraryWriter.
/// </summary>
public sealed class LibraryTests
{
    private const long MaxLibraryBytes = 20L * 1024 * 1024;

    private static readonly string Directory = ProfileLibrary.FindDefaultDirectory();

    public static TheoryData<string> StoredNames() => [.. StoredNameList()];

    private static string[] StoredNameList() =>
        [.. System.IO.Directory.GetFiles(ProfileLibrary.FindDefaultDirectory(), "*" + ProfileNaming.ScenarioExtension)
            .Select(p => Path.GetFileName(p)[..^ProfileNaming.ScenarioExtension.Length])
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(StoredNames))]
    public void StoredProfileRegeneratesByteForByte(string name)
    {
        RecordedScenario recorded = ScenarioJson.Read(Path.Combine(Directory, name + ProfileNaming.ScenarioExtension));

        byte[] regenerated = ProfileCsv.Serialize(ProfileGenerator.Generate(recorded));
        byte[] stored = ProfileCsv.ReadCsvBytes(StoredPath(name + ProfileNaming.CompressedProfileExtension));

        if (!regenerated.AsSpan().SequenceEqual(stored))
        {
            Assert.Fail($"{name}: regenerated CSV differs from the stored one. {FirstDifference(stored, regenerated)}");
        }
    }

    [Fact]
    public void DefinitionsEqualTheStoredScenarioAndExpectationFiles()
    {
        IReadOnlyList<(RecordedScenario Recorded, Expectation Expectation)> definitions = ProfileLibrary.Definitions();

        Assert.Equal(StoredNameList(), definitions.Select(d => d.Recorded.Scenario.Name).Order(StringComparer.Ordinal));
        foreach ((RecordedScenario recorded, Expectation expectation) in definitions)
        {
            string name = recorded.Scenario.Name;
            Assert.Equal(name, expectation.Profile);
            Assert.True(ProfileNaming.IsValidName(name), name);
            Assert.Equal(ScenarioJson.Serialize(recorded), ReadText(name + ProfileNaming.ScenarioExtension));
            Assert.Equal(ExpectationFile.Serialize(expectation), ReadText(name + ProfileNaming.ExpectExtension));
            Assert.Equal(expectation, ExpectationFile.Read(StoredPath(name + ProfileNaming.ExpectExtension)));
        }
    }

    [Fact]
    public void EveryStoredProfileHasBothSidecarsAndReadsBack()
    {
        IReadOnlyList<LibraryEntry> entries = ProfileLibrary.Load(Directory);

        Assert.Equal(StoredNameList(), entries.Select(e => e.Name));
        foreach (LibraryEntry entry in entries)
        {
            Assert.True(entry.HasExpectation && entry.HasScenario, entry.Name);
            Assert.EndsWith(ProfileNaming.CompressedProfileExtension, entry.ProfilePath, StringComparison.Ordinal);
        }

        Profile soyuz = ProfileCsv.Read(entries.Single(e => e.Name == "soyuz-ms22").ProfilePath);
        Assert.Equal("soyuz-ms22", soyuz.Name);
        Assert.Equal(172_799.9, soyuz.DurationS);
        Assert.Equal("2022-12-14T21:45:00Z", soyuz.Metadata["start_utc"]);
    }

    [Fact]
    public void TheLibraryHasTheRequiredProfilesAndDays()
    {
        string[] names = [.. StoredNameList()];
        string[] required =
        [
            "soyuz-ms22", "progress-ms21", "progress-ms22-nominal", "progress-ms31-nominal-undock",
            "iss-p6-2013-slow-leak", "iss-2015-false-alarm-glitch", "nominal-eclipse-2d", "nominal-high-beta-1d",
        ];
        string[] faults =
        [
            .. from channel in new[] { "pressure", "temp", "supply" }
               from kind in new[] { "open", "short", "stuck", "noise" }
               select $"fault-{channel}-{kind}",
        ];

        Assert.Empty(required.Concat(faults).Except(names));
        double nominalDays = ProfileLibrary.Definitions()
            .Where(d => d.Expectation.ExpectedAlarms.Count == 0
                && d.Expectation.LeakOnsetS is null
                && d.Recorded.Scenario.Faults.Count == 0)
            .Sum(d => d.Recorded.Scenario.DurationS) / 86_400.0;
        Assert.True(nominalDays >= 3.0, $"{nominalDays} nominal days");
    }

    [Fact]
    public void TheLibraryStaysSmall()
    {
        long bytes = new DirectoryInfo(Directory).EnumerateFiles().Sum(f => f.Length);

        Assert.True(bytes <= MaxLibraryBytes, $"{bytes} bytes");
    }

    [Fact]
    public void TheReadmeDescribesEveryProfile()
    {
        string readme = ReadText("README.md");

        Assert.All(StoredNameList(), name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
    }

    private static string StoredPath(string fileName) => Path.Combine(Directory, fileName);

    private static string ReadText(string fileName) => File.ReadAllText(StoredPath(fileName), Encoding.UTF8);

    private static string FirstDifference(byte[] stored, byte[] regenerated)
    {
        string[] expected = Encoding.UTF8.GetString(stored).Split('\n');
        string[] actual = Encoding.UTF8.GetString(regenerated).Split('\n');
        for (int i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            string? e = i < expected.Length ? expected[i] : null;
            string? a = i < actual.Length ? actual[i] : null;
            if (e != a)
            {
                return $"First difference at line {i + 1}: "
                    + $"stored '{e ?? "(end of file)"}', regenerated '{a ?? "(end of file)"}'.";
            }
        }

        return "Same lines, different bytes.";
    }
}
