using System.Xml.Linq;

namespace ThermalMonitor.Cli.Tests;

/// <summary><c>--junit</c> on <c>score</c> and <c>replay</c>: a JUnit XML file a CI server reads, one case per profile.</summary>
public sealed class JunitReportTests
{
    private static readonly string Library = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../profiles"));

    [Fact]
    public void Score_writes_one_passing_case_per_profile()
    {
        string path = Path.Combine(CliRunner.TempDirectory(), "score.xml");

        var result = CliRunner.Run("score", "--only", "progress-ms21,iss-2015-false-alarm-glitch", "--junit", path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        XElement suites = XDocument.Load(path).Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        Assert.Equal("2", (string?)suites.Attribute("tests"));
        Assert.Equal("0", (string?)suites.Attribute("failures"));
        var cases = suites.Descendants("testcase").ToList();
        Assert.Equal(["iss-2015-false-alarm-glitch", "progress-ms21"], cases.Select(c => (string)c.Attribute("name")!).Order());
        Assert.All(cases, c => Assert.Empty(c.Elements()));
    }

    [Fact]
    public void Replay_fails_the_case_with_every_unmet_expectation_and_skips_a_profile_without_expectations()
    {
        // A copy of progress-ms21 whose expectation cannot be met: DEPRESSURIZATION within 0.01 s of the onset.
        string directory = CliRunner.TempDirectory();
        string profile = Path.Combine(directory, "ms21.csv.gz");
        File.Copy(Path.Combine(Library, "progress-ms21.csv.gz"), profile);
        File.WriteAllText(Path.Combine(directory, "ms21.expect.json"),
            File.ReadAllText(Path.Combine(Library, "progress-ms21.expect.json")).Replace("\"within_s\": 10", "\"within_s\": 0.01", StringComparison.Ordinal));
        string junit = Path.Combine(directory, "replay.xml");

        var result = CliRunner.Run("replay", profile, "--junit", junit);

        Assert.True(result.ExitCode == 0, result.Stderr);
        XElement suites = XDocument.Load(junit).Root!;
        Assert.Equal("1", (string?)suites.Attribute("failures"));
        XElement failure = suites.Descendants("testcase").Single().Element("failure")!;
        Assert.Contains("expected DEPRESSURIZATION on pressure", (string)failure.Attribute("message")!, StringComparison.Ordinal);

        // Without its .expect.json the same file is not judged: skipped, not passed.
        File.Delete(Path.Combine(directory, "ms21.expect.json"));
        var unjudged = CliRunner.Run("replay", profile, "--junit", junit);
        Assert.True(unjudged.ExitCode == 0, unjudged.Stderr);
        XElement skipped = XDocument.Load(junit).Root!.Descendants("testcase").Single().Element("skipped")!;
        Assert.Equal("no expectations (.expect.json) for this profile", (string?)skipped.Attribute("message"));
    }
}
