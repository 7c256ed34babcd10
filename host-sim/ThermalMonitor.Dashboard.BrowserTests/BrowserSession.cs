using Microsoft.Playwright;

namespace ThermalMonitor.Dashboard.BrowserTests;

/// <summary>
/// One headless Chromium for the test run, driven by Playwright. The browser is Debian's package
/// (<c>apt-get install chromium</c>, which <c>.ci/run</c> does), not Playwright's download, which is
/// not reachable here: <c>THERMAL_CHROMIUM</c> names another executable.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string executable = Environment.GetEnvironmentVariable("THERMAL_CHROMIUM") is { Length: > 0 } named ? named
            : Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"no Chromium at {string.Join(", ", Candidates)}: install Debian's (apt-get install chromium; .ci/run does) or set THERMAL_CHROMIUM");
        playwright = await Playwright.CreateAsync();
        // Playwright adds --no-sandbox itself when run as root, as CI is.
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
