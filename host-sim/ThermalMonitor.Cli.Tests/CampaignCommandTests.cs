using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

public class CampaignCommandTests
{
    [Fact]
    public void A_tiny_campaign_prints_the_detectors_side_by_side_and_its_json_to_stdout()
    {
        string dir = CliRunner.TempDirectory();
        string report = Path.Combine(dir, "campaign.html");

        var result = CliRunner.Run(
            "campaign", "--seed", "3", "--loops", "1", "--nominal-days", "0.02", "--leaks", "1", "--ablation-days", "0",
            "--parallel", "1", "--json", "-", "--report", report);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("thermal-monitor/campaign-result@1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("cases").GetArrayLength());
        Assert.Contains("false alarms per day", result.Stderr);
        Assert.Contains("v1", result.Stderr);
        Assert.Contains("v2", result.Stderr);
        Assert.Contains("campaign: 100 %", result.Stderr);
        Assert.Contains("<svg", File.ReadAllText(report));
    }

    [Theory]
    [InlineData(new[] { "campaign", "--loops", "0" }, "--loops 0: expected a whole number from 1 to 100000")]
    [InlineData(new[] { "campaign", "--nominal-days", "-1" }, "--nominal-days -1")]
    [InlineData(new[] { "campaign", "--detectors", "v1,v7" }, "--detectors: unknown detector configuration 'v7'; known: v1, v2")]
    [InlineData(new[] { "campaign", "--case-hours", "200" }, "--case-hours 200: expected a number of hours from 1 to 72")]
    [InlineData(new[] { "campaign", "--parallel", "0" }, "--parallel 0")]
    [InlineData(new[] { "campaign", "--leaks", "many" }, "error:")]
    public void Bad_input_is_one_specific_line_and_exit_code_2(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }
}
