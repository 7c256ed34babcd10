using System.Text.Json;
using ThermalMonitor.Cli.Dashboard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 13, <c>replay … --dashboard</c> on the server side: the page's stream carries the replay
/// (what, where, the profile's UTC start and leak onset, progress to the end) and the board's
/// telemetry of the replayed samples, not the flood of replies to the samples; the page stays up
/// after the replay until Ctrl+C.
/// </summary>
public sealed class ReplayDashboardTests
{
    [Fact]
    public void The_stream_follows_the_MS21_replay_to_its_end_and_the_page_stays_up_until_ctrl_c()
    {
        var replays = new List<JsonElement>();
        var telemetryTimesMs = new List<long>();
        var alarms = new List<string>();
        var otherKinds = new HashSet<string>();
        var result = DashboardRunner.WithDashboard(["replay", "progress-ms21", "--target", "sil", "--dashboard=127.0.0.1:0"], url =>
        {
            using var stream = DashboardRunner.Http.GetStreamAsync(url + "api/events").Result;
            using var reader = new StreamReader(stream);
            string eventName = "";
            while (!(replays.Count > 0 && replays[^1].GetProperty("phase").GetString() == "finished") && reader.ReadLine() is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    eventName = line["event: ".Length..];
                    continue;
                }

                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                JsonElement data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (eventName == "replay")
                {
                    replays.Add(data);
                }
                else if (data.GetProperty("kind").GetString() is "telemetry")
                {
                    Assert.Equal("replay", data.GetProperty("fields").GetProperty("src").GetString());
                    telemetryTimesMs.Add(data.GetProperty("fields").GetProperty("t").GetInt64());
                }
                else if (data.GetProperty("kind").GetString() is "alarm")
                {
                    alarms.Add($"{data.GetProperty("fields").GetProperty("sev").GetString()} {data.GetProperty("fields").GetProperty("cause").GetString()}");
                }
                else
                {
                    otherKinds.Add(data.GetProperty("type").GetString()!);
                }
            }
        });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        JsonElement first = replays[0], last = replays[^1];
        Assert.Equal("progress-ms21", first.GetProperty("profile").GetString());
        Assert.Equal("sil", first.GetProperty("target").GetString());
        Assert.Equal("2023-02-11T08:15:00Z", first.GetProperty("startUtc").GetString());
        Assert.Equal(3600, first.GetProperty("onsetS").GetDouble());
        Assert.Equal(0, first.GetProperty("firstS").GetDouble());
        Assert.Equal(10799.9, first.GetProperty("lastS").GetDouble());
        Assert.Equal("finished", last.GetProperty("phase").GetString());
        Assert.Equal(108_000, last.GetProperty("samplesDone").GetInt64());
        Assert.Equal("2 alarms raised", last.GetProperty("text").GetString());
        // Progress only goes forward.
        long[] done = [.. replays.Select(r => r.GetProperty("samplesDone").GetInt64())];
        Assert.Equal(done.Order(), done);

        // As fast as possible: the board reports every 100th sample (10 s of profile), in profile time.
        Assert.InRange(telemetryTimesMs.Count, 100, 1080);
        Assert.All(telemetryTimesMs.Zip(telemetryTimesMs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 10_000, $"{pair.First} then {pair.Second}"));
        Assert.Contains("WARNING RATE_OF_DROP", alarms);
        Assert.Contains("CAUTION YELLOW_LOW_LIMIT", alarms);
        // No OK to the thousands of INJR: HELLO is the only reply a page gets.
        Assert.Subset(new HashSet<string> { "HELLO", "EVT", "CLEAR" }, otherKinds);
        Assert.Contains("HELLO", otherKinds);

        Assert.Contains("replay finished; the dashboard stays up at http://", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("RATE_OF_DROP", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// A page opened after the replay has finished (as a person who starts <c>replay --dashboard</c>
    /// and then opens the browser may well do at 600×) still gets the whole replay: every telemetry
    /// line and the alarms, from the server's history, as <c>past</c> events; before the history it got
    /// none of them.
    /// </summary>
    [Fact]
    public void A_page_opened_after_the_replay_finished_gets_its_telemetry_and_alarms_from_the_history()
    {
        var telemetryTimesMs = new List<long>();
        var alarms = new HashSet<string>();
        string? phase = null;
        var result = DashboardRunner.WithDashboard(["replay", "progress-ms21", "--target", "sil", "--dashboard=127.0.0.1:0"], url =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (phase != "finished" && DateTime.UtcNow < deadline)
            {
                telemetryTimesMs.Clear();
                alarms.Clear();
                phase = null;
                using var stream = DashboardRunner.Http.GetStreamAsync(url + "api/events").Result;
                using var reader = new StreamReader(stream);
                string eventName = "";
                // The history comes at once after the state; a second without a line is its end.
                using var quiet = new CancellationTokenSource();
                while (true)
                {
                    quiet.CancelAfter(TimeSpan.FromSeconds(1));
                    string? line;
                    try
                    {
                        line = reader.ReadLineAsync(quiet.Token).AsTask().Result;
                    }
                    catch (AggregateException e) when (e.InnerException is OperationCanceledException)
                    {
                        break;
                    }

                    if (line is null)
                    {
                        break;
                    }

                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        eventName = line["event: ".Length..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        JsonElement data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                        if (eventName == "replay")
                        {
                            phase = data.GetProperty("phase").GetString();
                        }
                        else if (eventName == "past" && data.GetProperty("kind").GetString() == "telemetry")
                        {
                            telemetryTimesMs.Add(data.GetProperty("fields").GetProperty("t").GetInt64());
                        }
                        else if (eventName == "past" && data.GetProperty("kind").GetString() == "alarm")
                        {
                            alarms.Add($"{data.GetProperty("fields").GetProperty("sev").GetString()} {data.GetProperty("fields").GetProperty("cause").GetString()}");
                        }
                    }

                    if (phase is not null and not "finished")
                    {
                        break;   // still running: look again shortly
                    }
                }

                if (phase != "finished")
                {
                    Thread.Sleep(200);
                }
            }
        });

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("finished", phase);
        // Every 100th of the 108,000 samples (10 s of profile): all of them, in order, none twice.
        Assert.InRange(telemetryTimesMs.Count, 1075, 1080);
        Assert.All(telemetryTimesMs.Zip(telemetryTimesMs.Skip(1)), pair => Assert.Equal(10_000, pair.Second - pair.First));
        Assert.InRange(telemetryTimesMs[0], 0, 50_000);
        Assert.InRange(telemetryTimesMs[^1], 10_750_000, 10_800_000);
        Assert.Contains("WARNING RATE_OF_DROP", alarms);
        Assert.Contains("CAUTION YELLOW_LOW_LIMIT", alarms);
    }

    [Theory]
    [InlineData(600, 100, 12_000)]  // 50 lines a second of wall time
    [InlineData(60, 100, 1_200)]
    [InlineData(1, 100, 100)]       // never faster than the samples come
    [InlineData(0, 100, 10_000)]    // as fast as possible: every 100th sample
    [InlineData(600, 250, 12_000)]  // a whole number of sample periods
    [InlineData(10, 250, 250)]
    [InlineData(1e9, 100, 3_600_000)] // at most the board's longest period
    public void The_board_is_asked_for_about_fifty_telemetry_lines_a_second_of_wall_time(double speed, int samplePeriodMs, int expectedMs)
    {
        Assert.Equal(expectedMs, ReplayDashboard.TelemetryPeriodMs(speed, samplePeriodMs));
    }

    [Fact]
    public void One_ctrl_c_ends_a_finished_replays_dashboard_while_a_page_is_still_following_it()
    {
        var result = DashboardRunner.InterruptWithPageOpen(["replay", "fault-temp-open", "--target", "sil", "--dashboard=127.0.0.1:0"], line => line.Contains("\"phase\":\"finished\"", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("samples", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_address_that_is_not_one_is_one_error_line_before_the_replay()
    {
        var result = CliRunner.Run("replay", "progress-ms21", "--dashboard=nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --dashboard 'nowhere': expected address:port, e.g. 127.0.0.1:8600, 0.0.0.0:8600 (every interface) or [::1]:8600", Assert.Single(result.StderrLines));
        Assert.DoesNotContain("samples", result.Stdout, StringComparison.Ordinal);
    }
}
