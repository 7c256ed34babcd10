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
    /// Soyuz MS-22 (onset at 10800 s, 18 s of wall time at --speed 600): the slow path's CAUTION
    /// (CUSUM) lights before the rate-of-drop WARNING, and the statistic is plotted — the thermal
    /// model is ready long before the leak. The screenshot is the README's (docs/dashboard-soyuz-ms22.png).
    /// </summary>
    [Fact]
    public async Task During_the_MS22_leak_the_CUSUM_caution_comes_first_and_the_statistic_is_plotted()
    {
        using var board = LiveBoard("soyuz-ms22");
        using var dashboard = DashboardProcess.Start("--target", "serial:" + board.DevicePath, "--telemetry-ms", "5000");
        (IPage page, List<string> errors) = await Open(dashboard, height: 900);

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
        Assert.True(await PlottedColumns(page, "plotStatistic") > 100, "the statistic is not plotted");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-soyuz-ms22.png") });
        await page.CloseAsync();
    }

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

    private static string PlottedColumnsScript(string canvasId) =>
        $"(() => {{ const c = document.getElementById('{canvasId}'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
        + "const lit = new Set(); for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) lit.add(((i - 3) / 4) % c.width); } return lit.size; })()";

    private static Task<int> PlottedColumns(IPage page, string canvasId) => page.EvaluateAsync<int>(PlottedColumnsScript(canvasId));
}
