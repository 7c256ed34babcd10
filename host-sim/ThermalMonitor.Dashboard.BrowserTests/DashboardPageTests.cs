using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThermalMonitor.VirtualBoard;
using Xunit.Abstractions;

namespace ThermalMonitor.Dashboard.BrowserTests;

/// <summary>
/// Issue 13 in a real browser: the dashboard following a virtual board that lives through the
/// Progress MS-21 leak (onset at 3600 s of the profile, 6 s of wall time at --speed 600), which
/// raises a DEPRESSURIZATION WARNING (rate of drop) and a CAUTION (yellow low limit) about a second
/// after the onset.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserSession session, ITestOutputHelper output)
{
    private const float PatienceMs = 90_000;
    private const string WarningLight = "[data-alarm='DEPRESSURIZATION pressure WARNING']";
    private const string CautionLight = "[data-alarm='DEPRESSURIZATION pressure CAUTION']";

    [Fact]
    public async Task The_page_follows_the_MS21_leak_lights_the_panel_and_acknowledges_on_the_board()
    {
        using var board = LiveBoard("progress-ms21");
        using var dashboard = DashboardProcess.Start("--target", "serial:" + board.DevicePath, "--telemetry-ms", "5000");
        (IPage page, List<string> errors) = await Open(dashboard, height: 1000);

        // Connected, and the board named.
        await Assertions.Expect(page.Locator("#link")).ToHaveTextAsync("following the board", new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#board")).ToContainTextAsync("board virtual", new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#pressure")).ToHaveTextAsync(new Regex(@"^\d+\.\d\d kPa$"), new() { Timeout = PatienceMs });

        // The plot grows while the board lives on.
        int firstColumns = await PlottedColumns(page, "plotPressure");
        await page.WaitForFunctionAsync($"() => ({PlottedColumnsScript("plotPressure")}) > {firstColumns}", null, new() { Timeout = PatienceMs });

        // Both lights, each in its colour, flashing: nothing is acknowledged yet.
        ILocator warning = page.Locator(WarningLight);
        ILocator caution = page.Locator(CautionLight);
        await Assertions.Expect(warning).ToHaveClassAsync(new Regex(@"\bWARNING\b.*\bflashing\b"), new() { Timeout = PatienceMs });
        await Assertions.Expect(caution).ToHaveClassAsync(new Regex(@"\bCAUTION\b.*\bflashing\b"), new() { Timeout = PatienceMs });
        Assert.Equal("rgb(204, 0, 0)", await warning.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(230, 160, 0)", await caution.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(26, 26, 26)", await page.Locator("[data-alarm='OVERTEMP temp WARNING']").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        // The times are the board's: about a second after the onset at 3600 s.
        ILocator warningRow = page.Locator("#alarmRows tr.WARNING").First;
        string raised = await warningRow.Locator("td").Nth(5).TextContentAsync() ?? string.Empty;
        double raisedS = double.Parse(raised.Replace(" s", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(raisedS, 3600, 3610);
        string warningSeq = await warningRow.GetAttributeAsync("data-seq") ?? throw new InvalidOperationException("a row without its alarm number");

        // ACK on the WARNING: its light goes steady, the CAUTION's keeps flashing.
        await warningRow.Locator("button.ack").ClickAsync();
        await Assertions.Expect(warning).Not.ToHaveClassAsync(new Regex(@"\bflashing\b"), new() { Timeout = PatienceMs });
        await Assertions.Expect(warning).ToHaveClassAsync(new Regex(@"\bWARNING\b"));
        await Assertions.Expect(caution).ToHaveClassAsync(new Regex(@"\bflashing\b"));
        await Assertions.Expect(page.Locator("#actionResult")).ToHaveTextAsync($"alarm {warningSeq} acknowledged");

        // The board says so itself: its journal (ALARMS) has the WARNING acknowledged, the CAUTION not.
        using JsonDocument journal = JsonDocument.Parse(await (await page.APIRequest.GetAsync(new Uri(dashboard.Address, "api/alarms").ToString())).TextAsync());
        JsonElement[] alarms = [.. journal.RootElement.GetProperty("alarms").EnumerateArray()];
        Assert.Equal(1, alarms.Single(a => a.GetProperty("seq").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) == warningSeq).GetProperty("acked").GetInt32());
        Assert.Contains(alarms, a => a.GetProperty("sev").GetString() == "CAUTION" && a.GetProperty("acked").GetInt32() == 0);

        // ACK ALL: every light steady.
        await page.Locator("#ackAll").ClickAsync();
        await Assertions.Expect(caution).Not.ToHaveClassAsync(new Regex(@"\bflashing\b"), new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("ALARM_ACKED");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-ms21.png"), FullPage = true });
        await page.CloseAsync();
    }

    /// <summary>
    /// <c>replay soyuz-ms22 --target virtual --speed 600 --dashboard</c>, cut to its first four hours
    /// (onset at 10800 s; 24 s of wall time): the page shows the replay's progress, its profile time
    /// in UTC and the leak onset; the slow path's CAUTION (CUSUM) lights before the rate-of-drop
    /// WARNING; all four plots fill and carry a mark at each alarm and at the onset. The screenshot
    /// is the README's (docs/dashboard-soyuz-ms22.png).
    /// </summary>
    [Fact]
    public async Task A_virtual_board_replaying_the_MS22_leak_is_followed_to_the_end_with_progress_onset_and_alarm_marks()
    {
        using var replay = DashboardProcess.Replay("soyuz-ms22", "--target", "virtual", "--speed", "600", "--window", "start..onset+1h");
        (IPage page, List<string> errors) = await Open(replay, height: 1500);

        await Assertions.Expect(page.Locator("#replay")).ToBeVisibleAsync(new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#replayProfile")).ToHaveTextAsync("soyuz-ms22 on virtual at 600× real time");
        await Assertions.Expect(page.Locator("#replayOnset")).ToHaveTextAsync("leak onset at 3:00:00 (2022-12-15 00:45:00 UTC), ground truth: the dashed line");

        // The progress and the plots move on together; the profile time is told in UTC too.
        double progressBefore = await page.EvalOnSelectorAsync<double>("#replayProgress", "e => e.value");
        int columnsBefore = await PlottedColumns(page, "plotPressure");
        await page.WaitForFunctionAsync(
            $"() => document.getElementById('replayProgress').value > {progressBefore} && ({PlottedColumnsScript("plotPressure")}) > {columnsBefore}",
            null, new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#replayTime")).ToHaveTextAsync(new Regex(@"^profile time \d:\d\d:\d\d · 2022-12-1[45] \d\d:\d\d:\d\d UTC$"));

        ILocator caution = page.Locator(CautionLight);
        ILocator warning = page.Locator(WarningLight);
        await Assertions.Expect(caution).ToHaveClassAsync(new Regex(@"\bCAUTION\b.*\bflashing\b"), new() { Timeout = PatienceMs });
        await Assertions.Expect(warning).ToHaveClassAsync(new Regex(@"\bWARNING\b.*\bflashing\b"), new() { Timeout = PatienceMs });
        // A measurement, not a requirement: from the host receiving each alarm's line to the page drawing it.
        double[] latencyMs = await page.EvaluateAsync<double[]>("() => window.alarmDisplayLatencyMs");
        output.WriteLine($"alarm display latency (host received -> page drawn): {string.Join(", ", latencyMs)} ms");
        Assert.Equal(2, latencyMs.Length);
        string[] causes = [.. (await page.Locator("#alarmRows tr td:nth-child(5)").AllTextContentsAsync()).Reverse()];
        Assert.Equal(["CUSUM", "RATE_OF_DROP"], causes);
        // The picture ten minutes of profile time after the onset, when the collapse is on the plots;
        // flashing paused for it, or a light may be caught in its dark half.
        await page.WaitForFunctionAsync("() => parseFloat(document.getElementById('boardTime').textContent) > 11400", null, new() { Timeout = PatienceMs });
        await page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-soyuz-ms22.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });

        await Assertions.Expect(page.Locator("#replayPhase")).ToHaveTextAsync("finished: 2 alarms raised", new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#replayPercent")).ToHaveTextAsync("100 % (144,001 of 144,001 samples)");

        // Every plot filled: four hours of telemetry every 12 s of profile time over 900 columns of 16 s;
        // the statistic once the thermal model is ready (about 93 minutes in). A page that opens late
        // (a loaded machine: 846 columns in one CI run before the dashboard kept a history) is given
        // the telemetry it missed, so only lines lost on the way could leave a column empty.
        await page.WaitForTimeoutAsync(600); // one redraw after the last telemetry
        int pressureColumns = await PlottedColumns(page, "plotPressure");
        output.WriteLine($"plotted columns: pressure {pressureColumns} of 900");
        Assert.InRange(pressureColumns, 890, 900);
        Assert.InRange(await PlottedColumns(page, "plotTemperature"), 890, 900);
        Assert.InRange(await PlottedColumns(page, "plotResidual"), 300, 900);
        Assert.InRange(await PlottedColumns(page, "plotStatistic"), 300, 600);

        // The marks, above the data at the top of each plot: red at the WARNING, amber at the CAUTION,
        // the dashed grey at the onset, each within two pixels of its column (marks that share one are
        // drawn side by side: the three fall within 16 s here, one column of this axis); nothing an hour in.
        double cautionS = await RaisedS(page, "CAUTION"), warningS = await RaisedS(page, "WARNING");
        Assert.InRange(cautionS, 10800, 10800 + 600);
        Assert.InRange(warningS, cautionS, 10800 + 600);
        foreach (string plot in (string[])["plotPressure", "plotStatistic"])
        {
            Mark[] drawn = JsonSerializer.Deserialize<Mark[]>(await page.EvaluateAsync<string>("id => JSON.stringify(window.dashboard.marksDrawn(id))", plot), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.Equal(["onset", "CAUTION", "WARNING"], drawn.Select(m => m.Kind));
            Assert.Equal([10800, cautionS, warningS], drawn.Select(m => m.TimeS));
            foreach (Mark mark in drawn)
            {
                int column = await page.EvaluateAsync<int>("t => window.dashboard.columnOf(t)", mark.TimeS);
                Assert.InRange(mark.X, column, column + 4.5);
                Assert.Equal(mark.Kind switch { "WARNING" => "255,51,51,255", "CAUTION" => "255,187,0,255", _ => "204,204,204,255" }, await Pixel(page, plot, (int)mark.X, 2));
            }

            Assert.Equal("0,0,0,0", await Pixel(page, plot, await page.EvaluateAsync<int>("t => window.dashboard.columnOf(t)", 3600), 2));
        }

        // The replay is over and the board has its own state back: nothing of it is left to acknowledge.
        await Assertions.Expect(page.Locator("button.ack")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#ackAll")).ToBeDisabledAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    /// <summary>
    /// A page opened only after <c>replay progress-ms21 --target sil --dashboard</c> has finished (a
    /// person who starts a fast replay and then opens the browser): the server's history gives it the
    /// replay's telemetry, so every plot column is filled, and its alarms and events, so the
    /// annunciator, the alarm rows (nothing left to acknowledge) and the event log tell the story. Those
    /// alarms were not seen live, so no display latency is measured for them.
    /// </summary>
    [Fact]
    public async Task A_page_opened_after_the_replay_finished_shows_the_whole_replay()
    {
        using var replay = DashboardProcess.Replay("progress-ms21", "--target", "sil");
        await WaitUntilReplayFinished(replay.Address);
        (IPage page, List<string> errors) = await Open(replay, height: 1500);

        await Assertions.Expect(page.Locator("#replayPhase")).ToHaveTextAsync("finished: 2 alarms raised", new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#alarmRows tr")).ToHaveCountAsync(2, new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("button.ack")).ToHaveCountAsync(0);
        // The events of the replay, from the history: the two alarms as they were raised.
        await Assertions.Expect(page.Locator("#events li.alarm")).ToHaveCountAsync(2, new() { Timeout = PatienceMs });
        // Three hours of telemetry every 10 s of profile over 900 columns of 12 s.
        await page.WaitForTimeoutAsync(600); // one redraw
        Assert.InRange(await PlottedColumns(page, "plotPressure"), 890, 900);
        Assert.InRange(await PlottedColumns(page, "plotTemperature"), 890, 900);
        Assert.Empty(await page.EvaluateAsync<double[]>("() => window.alarmDisplayLatencyMs"));
        Mark[] drawn = JsonSerializer.Deserialize<Mark[]>(await page.EvaluateAsync<string>("id => JSON.stringify(window.dashboard.marksDrawn(id))", "plotPressure"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("onset", drawn[0].Kind);
        Assert.Equal(3, drawn.Length);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    /// <summary>Reads the page stream's replay state (it comes first, before any line) until the replay has finished.</summary>
    private static async Task WaitUntilReplayFinished(Uri dashboard)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMilliseconds(PatienceMs);
        while (DateTime.UtcNow < deadline)
        {
            await using (Stream stream = await http.GetStreamAsync(new Uri(dashboard, "api/events")))
            {
                using var reader = new StreamReader(stream);
                string? eventName = null;
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        eventName = line["event: ".Length..];
                    }
                    else if (eventName == "replay" && line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        if (JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("phase").GetString() == "finished")
                        {
                            return;
                        }

                        break;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the replay behind {dashboard} did not finish within {PatienceMs / 1000} s");
    }

    /// <summary>
    /// The board goes away (its process ends, its device disappears) and another comes up on the same
    /// device path: the page says it is lost and reconnecting, then back, and follows the new board's
    /// telemetry from its own clock.
    /// </summary>
    [Fact]
    public async Task A_board_that_goes_away_is_shown_reconnecting_and_followed_again_when_it_is_back()
    {
        string link = Path.Combine(Path.GetTempPath(), "thermal-dashboard-" + Guid.NewGuid().ToString("N"));
        var board = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "60", "--link", link]);
        using var dashboard = DashboardProcess.Start("--target", "serial:" + link, "--telemetry-ms", "1000");
        (IPage page, List<string> errors) = await Open(dashboard, height: 1000);
        await Assertions.Expect(page.Locator("#link")).ToHaveTextAsync("following the board", new() { Timeout = PatienceMs });
        await page.WaitForFunctionAsync("() => parseFloat(document.getElementById('boardTime').textContent) > 120", null, new() { Timeout = PatienceMs });

        board.Dispose();
        await Assertions.Expect(page.Locator("#boardLink")).ToHaveTextAsync("board lost, reconnecting…", new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#boardLink")).ToHaveClassAsync(new Regex(@"\bdown\b"));
        string lastTime = await page.Locator("#boardTime").TextContentAsync() ?? string.Empty;

        using var again = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "60", "--link", link]);
        await Assertions.Expect(page.Locator("#boardLink")).ToHaveTextAsync("board back (reconnected 1×)", new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#boardLink")).ToHaveClassAsync(new Regex(@"\bup\b"));
        // The new board's telemetry, from its own clock: the page restarts its plots and follows it.
        await Assertions.Expect(page.Locator("#boardTime")).Not.ToHaveTextAsync(lastTime, new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("the board's clock went back", new() { Timeout = PatienceMs });
        await page.WaitForFunctionAsync($"() => ({PlottedColumnsScript("plotPressure")}) > 5", null, new() { Timeout = PatienceMs });
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("the board's link was lost");
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("the board's link is back (reconnection 1)");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    /// <summary>When the alarm of <paramref name="severity"/> was raised (board seconds), from its row.</summary>
    private static async Task<double> RaisedS(IPage page, string severity)
    {
        string raised = await page.Locator($"#alarmRows tr.{severity}").First.Locator("td").Nth(5).TextContentAsync() ?? string.Empty;
        return double.Parse(raised.Replace(" s", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A mark as the page drew it: what (onset or a severity), its time, and the pixel column it was drawn at.</summary>
    public sealed record Mark(string Kind, double TimeS, double X);

    /// <summary>The pixel (r,g,b,a) of a plot at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    private static Task<string> Pixel(IPage page, string canvasId, int x, int y) => page.EvaluateAsync<string>(
        "([id, x, y]) => Array.from(document.getElementById(id).getContext('2d').getImageData(x, y, 1, 1).data).join(',')",
        new object[] { canvasId, x, y });

    /// <summary>A virtual board living <paramref name="profile"/> at 600 times real speed.</summary>
    private static VirtualBoardProcess LiveBoard(string profile) =>
        VirtualBoardProcess.Start(["--live", profile, "--speed", "600", "--link", Path.Combine(Path.GetTempPath(), "thermal-dashboard-" + Guid.NewGuid().ToString("N"))]);

    /// <summary>The dashboard's page in a new tab, with every console error and page error it raises collected.</summary>
    private async Task<(IPage Page, List<string> Errors)> Open(DashboardProcess dashboard, int height)
    {
        IPage page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(dashboard.Address.ToString());
        return (page, errors);
    }

    /// <summary>Pixel columns of a plot with its data colour (#5af) in them: the threshold line and the marks are not counted.</summary>
    private static string PlottedColumnsScript(string canvasId) =>
        $"(() => {{ const c = document.getElementById('{canvasId}'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
        + "const lit = new Set(); for (let i = 0; i < d.length; i += 4) { if (d[i] === 85 && d[i + 1] === 170 && d[i + 2] === 255 && d[i + 3] > 0) lit.add((i / 4) % c.width); } return lit.size; })()";

    private static Task<int> PlottedColumns(IPage page, string canvasId) => page.EvaluateAsync<int>(PlottedColumnsScript(canvasId));
}
