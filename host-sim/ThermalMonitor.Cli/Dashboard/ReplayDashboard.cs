using System.Diagnostics;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// <c>replay --dashboard</c>: the replay's progress handed to the dashboard's pages as it goes (at
/// most five times a second, and always when it ends), beside the board's own lines.
/// </summary>
public sealed class ReplayDashboard : IDisposable
{
    /// <summary>Fewest wall-clock milliseconds between two progress messages while running.</summary>
    public const int ProgressIntervalMs = 200;

    private readonly Stopwatch sinceLast = Stopwatch.StartNew();
    private readonly DashboardServer server;
    private ReplayPageState state;

    private ReplayDashboard(TargetConnection connection, DashboardServer server, ReplayPageState start)
    {
        Connection = connection;
        this.server = server;
        state = start;
    }

    /// <summary>The board the replay runs on; it does not acknowledge alarms itself: the page's ACK does.</summary>
    public TargetConnection Connection { get; }

    public DashboardServer Server => server;

    /// <summary>Connects to the target and serves the page on <paramref name="listen"/>, saying where on the console.</summary>
    /// <exception cref="UserInputException">The target cannot be reached or the address not listened on.</exception>
    public static ReplayDashboard Open(Spectre.Console.IAnsiConsole console, TargetSpec where, ThermalMonitor.Serial.SerialTransport transport, System.Net.IPEndPoint listen, ReplayPageState start)
    {
        ArgumentNullException.ThrowIfNull(console);
        TargetConnection connection = BoardTargets.Open(console, where, transport, acknowledgeAlarms: false);
        try
        {
            var dashboard = new ReplayDashboard(connection, DashboardLaunch.Serve("--dashboard", listen, connection.Client, console.Profile.Out.Writer), start);
            dashboard.server.PublishReplay(start);
            return dashboard;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The page's view of a replay of <paramref name="profile"/> before its first sample.</summary>
    public static ReplayPageState Starting(Profile profile, string name, string target, double? onsetS, double speed) => new(
        Profile: name,
        Description: profile.Metadata.GetValueOrDefault("description") ?? string.Empty,
        Target: target,
        FirstS: profile.FirstRow.TimeS,
        LastS: profile.LastRow.TimeS,
        StartUtc: profile.StartUtc?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        OnsetS: onsetS,
        SamplesDone: 0,
        SamplesTotal: 0,
        ProfileTimeS: profile.FirstRow.TimeS,
        Speed: speed,
        Phase: "running",
        Text: null);

    /// <summary>
    /// The board's telemetry period for a replay at <paramref name="speed"/>: about fifty lines a
    /// second of wall time (speed × 20 ms of profile time), at least one sample period, a whole
    /// number of them; as fast as possible (0), one line every 100 samples.
    /// </summary>
    public static int TelemetryPeriodMs(double speed, int samplePeriodMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplePeriodMs, 1);
        double wanted = speed > 0 ? speed * 20 : samplePeriodMs * 100.0;
        double periods = Math.Clamp(Math.Round(wanted / samplePeriodMs), 1, ThermalMonitor.Core.Link.BoardLink.TelemetryPeriodMaxMs / samplePeriodMs);
        return (int)periods * samplePeriodMs;
    }

    /// <summary>Passes <paramref name="inner"/>'s reports on, and tells the pages (throttled) where the replay is.</summary>
    public IProgress<ReplayProgress> Follow(IProgress<ReplayProgress> inner) => new Tee(this, inner);

    /// <summary>The replay ended: finished, stopped or failed, with what ended it.</summary>
    public void End(string phase, string? text, long? samplesDone = null)
    {
        state = state with { Phase = phase, Text = text, SamplesDone = samplesDone ?? state.SamplesDone };
        server.PublishReplay(state);
    }

    private void Report(ReplayProgress progress)
    {
        state = state with { SamplesDone = progress.SamplesDone, SamplesTotal = progress.SamplesTotal, ProfileTimeS = progress.ProfileTimeS };
        if (sinceLast.ElapsedMilliseconds >= ProgressIntervalMs || progress.SamplesDone == progress.SamplesTotal)
        {
            sinceLast.Restart();
            server.PublishReplay(state);
        }
    }

    public void Dispose()
    {
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Connection.Dispose();
    }

    private sealed class Tee(ReplayDashboard dashboard, IProgress<ReplayProgress> inner) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value)
        {
            inner.Report(value);
            dashboard.Report(value);
        }
    }
}
