namespace ThermalMonitor.Report.Tests;

/// <summary>Writes sample reports next to the build output for a person to open in a browser.</summary>
public sealed class SampleReportTests
{
    [Fact]
    public void Writes_sample_replay_and_score_reports()
    {
        string directory = Path.Combine(ProjectDirectory(), "bin");
        Directory.CreateDirectory(directory);

        string replay = HtmlReport.RenderReplay(SyntheticTraces.SmallLeak());
        string replayPath = Path.Combine(directory, "sample-report.html");
        File.WriteAllText(replayPath, replay);
        string score = HtmlReport.RenderScore(ScoreReportTests.Rows, ScoreReportTests.Traces, "Sample scoreboard");
        File.WriteAllText(Path.Combine(directory, "sample-score.html"), score);

        Assert.True(new FileInfo(replayPath).Length is > 10_000 and < 3_000_000);
        _ = new HtmlDocument(File.ReadAllText(replayPath));
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ThermalMonitor.Report.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ThermalMonitor.Report.Tests.csproj not found above " + AppContext.BaseDirectory);
    }
}
