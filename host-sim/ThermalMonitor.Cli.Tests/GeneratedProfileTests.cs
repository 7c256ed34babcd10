using System.IO.Compression;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// A profile generated from a preset with changes says what it is, and its replay knows its leak
/// onset: before, <c>generate --preset soyuz-ms22 --hole-mm 0.3</c> kept the preset's "0.8 mm hole"
/// text, and its replay had no "after leak onset" column although its .scenario.json holds the onset.
/// </summary>
public sealed class GeneratedProfileTests
{
    [Fact]
    public void A_customised_preset_describes_its_changes_and_its_replay_times_alarms_from_the_onset()
    {
        string path = Path.Combine(CliRunner.TempDirectory(), "ms22-0.3mm.csv.gz");

        var generated = CliRunner.Run("generate", "--preset", "soyuz-ms22", "--hole-mm", "0.3", "--onset-s", "7200", "--duration-h", "3", "--out", path);

        Assert.True(generated.ExitCode == 0, generated.Stderr);
        string description = DescriptionOf(path);
        Assert.StartsWith("Generated from the soyuz-ms22 preset with a length of 3 h, one 0.3 mm hole opening at t = 7200 s in place of its leak;", description, StringComparison.Ordinal);

        var replayed = CliRunner.Run("replay", path);

        Assert.True(replayed.ExitCode == 0, replayed.Stderr);
        Assert.Contains("after leak onset", replayed.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"DEPRESSURIZATION \w+ raised [0-9.]+ (s|min) after leak onset", replayed.Stdout);
    }

    [Fact]
    public void An_unchanged_preset_keeps_its_own_description()
    {
        string path = Path.Combine(CliRunner.TempDirectory(), "ms21.csv.gz");

        var generated = CliRunner.Run("generate", "--preset", "progress-ms21", "--out", path);

        Assert.True(generated.ExitCode == 0, generated.Stderr);
        Assert.StartsWith("Progress MS-21 style external-loop leak: 12 mm radiator hole", DescriptionOf(path), StringComparison.Ordinal);
    }

    private static string DescriptionOf(string gzipProfile)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzipProfile), CompressionMode.Decompress));
        for (string? line = reader.ReadLine(); line is not null && line.StartsWith('#'); line = reader.ReadLine())
        {
            if (line.StartsWith("# description: ", StringComparison.Ordinal))
            {
                return line["# description: ".Length..];
            }
        }

        throw new Xunit.Sdk.XunitException("no description line in " + gzipProfile);
    }
}
