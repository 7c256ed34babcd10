using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

public class LibraryCommandTests
{
    [Fact]
    public void Profiles_list_names_the_incident_replays()
    {
        var result = CliRunner.Run("profiles", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("soyuz-ms22", result.Stdout);
        Assert.Contains("progress-ms21", result.Stdout);
    }

    [Fact]
    public void Profiles_show_gives_metadata_and_ground_truth()
    {
        var result = CliRunner.Run("profiles", "show", "soyuz-ms22");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sensor_seed", result.Stdout);
        Assert.Contains("DEPRESSURIZATION", result.Stdout);
    }

    [Fact]
    public void Generate_writes_a_profile_that_replays()
    {
        string directory = CliRunner.TempDirectory();
        string path = Path.Combine(directory, "small-leak.csv.gz");

        var generated = CliRunner.Run("generate", "--preset", "progress-ms21", "--hole-mm", "2", "--onset-s", "3600", "--duration-h", "1.5", "--out", path);
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(directory, "small-leak.scenario.json")));

        var replayed = CliRunner.Run("replay", path, "--json", "-");
        Assert.True(replayed.ExitCode == 0, replayed.Stderr);
        using var json = JsonDocument.Parse(replayed.Stdout);
        Assert.Contains(json.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("type").GetString() == "DEPRESSURIZATION");
    }

    [Fact]
    public void Generate_rejects_an_out_of_range_hole()
    {
        var result = CliRunner.Run("generate", "--preset", "progress-ms21", "--hole-mm", "-1", "--out", Path.Combine(CliRunner.TempDirectory(), "x.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--hole-mm -1", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Score_of_a_subset_meets_every_expectation_and_writes_json_and_html()
    {
        string directory = CliRunner.TempDirectory();
        string jsonPath = Path.Combine(directory, "score.json");
        string htmlPath = Path.Combine(directory, "score.html");

        var result = CliRunner.Run("score", "--only", "progress-ms21,iss-2015-false-alarm-glitch,fault-pressure-open", "--json", jsonPath, "--report", htmlPath);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var profiles = json.RootElement.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal(3, profiles.Count);
        Assert.All(profiles, p => Assert.True(p.GetProperty("passed").GetBoolean()));
        Assert.Contains("<svg", File.ReadAllText(htmlPath));
    }
}
