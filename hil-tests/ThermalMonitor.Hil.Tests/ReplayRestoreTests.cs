using ThermalMonitor.Core.Config;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// A replay over the wire borrows the board: it sets the replay's configuration, turns telemetry off
/// and switches to REPLAY. Afterwards — finished or cancelled — the board has its own configuration
/// and telemetry period back, and a board that was LIVE is LIVE again.
/// </summary>
public sealed class ReplayRestoreTests
{
    // Limits above the profile's 250 kPa: the replay's configuration shows in its alarms.
    private const string HighLimits = """{"redLowPa":400000,"yellowLowPa":450000}""";

    public static TheoryData<string> Targets() => HilTargets.All();

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_finished_replay_gives_a_live_board_its_configuration_telemetry_and_mode_back(string target)
    {
        using var connection = TargetConnection.Open(target);
        BoardClient client = connection.Client;
        BoardState own = Borrowable(client, "LIVE");

        ReplayOutcome outcome = WireReplayer.Run(Flat(seconds: 60), new ReplayOptions { Config = ConfigJson.Read(HighLimits) }, client, target);

        Assert.Contains(outcome.Result.Alarms, a => a.Cause == "RED_LOW_LIMIT");
        Assert.Contains("\"redLowPa\":400000,", outcome.Result.Config, StringComparison.Ordinal);
        Assert.Equal(own, Now(client));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_cancelled_replay_gives_the_board_back_too(string target)
    {
        using var connection = TargetConnection.Open(target);
        BoardClient client = connection.Client;
        BoardState own = Borrowable(client, "LIVE");
        using var cancellation = new CancellationTokenSource();
        var cancelAtFirstReport = new CallbackProgress(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => WireReplayer.Run(
            Flat(seconds: 600), new ReplayOptions { Config = ConfigJson.Read(HighLimits) }, client, target, cancelAtFirstReport, cancellation.Token));

        Assert.Equal(own, Now(client));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_board_that_was_in_replay_mode_stays_there_with_its_own_configuration(string target)
    {
        using var connection = TargetConnection.Open(target);
        BoardClient client = connection.Client;
        BoardState own = Borrowable(client, "REPLAY");

        WireReplayer.Run(Flat(seconds: 10), new ReplayOptions { Config = ConfigJson.Read(HighLimits) }, client, target);

        Assert.Equal(own, Now(client));
    }

    /// <summary>Gives the board a configuration, telemetry period and mode of its own, unlike a replay's.</summary>
    private static BoardState Borrowable(BoardClient client, string mode)
    {
        client.SendOk("CFG SET {\"rateLimitPaPerS\":250,\"limitPersistMs\":800}");
        client.SendOk("TLM 5000");
        client.SendOk("MODE " + mode);
        BoardState own = Now(client);
        Assert.Equal(mode, own.Mode);
        Assert.Equal(5000, own.TelemetryPeriodMs);
        Assert.Contains("\"rateLimitPaPerS\":250,", own.ConfigDocument, StringComparison.Ordinal);
        return own;
    }

    private static BoardState Now(BoardClient client) => BoardState.Read(client, client.SendOk("HELLO"));

    private static Profile Flat(int seconds) => new(
        "flat-250kpa", new Dictionary<string, string>(), [new ProfileRow(0, 250, 20), new ProfileRow(seconds, 250, 20)]);

    private sealed class CallbackProgress(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}
