using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// A replay borrows a LIVE board — its configuration, calibration and telemetry period — and the
/// board gives them back itself: on MODE LIVE, or when the host has been silent for a minute.
/// </summary>
public class ReplaySessionTests
{
    private const string Own = "{\"limitPersistMs\":800,\"adcCalCounts\":[170,2910,4095],\"adcCalMicrovolts\":[151000,2449000,3150000]}";

    [Fact]
    public void MODE_LIVE_gives_back_the_configuration_calibration_and_telemetry_period_a_replay_borrowed()
    {
        var board = new BoardHarness(LinkMode.Live);
        board.Command("CFG SET " + Own);
        board.Command("TLM 5000");
        MonitorConfig own = board.Config();

        Assert.Equal(LinkDictionary.Ok, board.Command("MODE REPLAY").Type);
        Assert.Equal(1, board.Command("STATUS").IntField("replay_holds_live"));
        board.Command("CFG DEFAULTS");
        board.Command("TLM 0");
        Assert.False(own.ContentEquals(board.Config()));

        List<BoardLine> lines = board.Command("MODE LIVE", out BoardLine reply);
        Assert.Equal("LIVE", reply.Field("mode"));
        Assert.True(own.ContentEquals(board.Config()));
        Assert.Equal(5000, board.Loop.Link.TelemetryPeriodMs);
        BoardLine ended = Assert.Single(lines, l => l.Fields.GetValueOrDefault("id") == "REPLAY_ENDED");
        Assert.Equal(1, ended.IntField("code"));
        Assert.Equal(reply.IntField("session"), ended.IntField("value"));
        Assert.Equal(0, board.Command("STATUS").IntField("replay_holds_live"));
    }

    [Fact]
    public void A_silent_host_gets_the_board_back_to_LIVE_after_the_timeout_and_not_before()
    {
        var board = new BoardHarness(LinkMode.Live);
        board.Command("CFG SET " + Own);
        MonitorConfig own = board.Config();
        board.Command("MODE REPLAY");
        board.Command("CFG DEFAULTS");

        board.Clock.Advance((BoardLink.ReplayIdleTimeoutMs - 1) * 1000L);
        board.Loop.RunCycle();
        Assert.Equal(LinkMode.Replay, board.Loop.Link.Mode);

        board.Clock.Advance(1000);
        board.Loop.RunCycle();
        Assert.Equal(LinkMode.Live, board.Loop.Link.Mode);
        Assert.True(own.ContentEquals(board.Config()));
        BoardLine ended = Assert.Single(board.Take(), l => l.Fields.GetValueOrDefault("id") == "REPLAY_ENDED");
        Assert.Equal(2, ended.IntField("code"));

        // Back in LIVE the board samples its own sensors again.
        int calls = board.Source.Calls;
        board.Loop.RunCycle();
        Assert.Equal(calls + 1, board.Source.Calls);
    }

    [Fact]
    public void A_board_that_started_in_REPLAY_has_nothing_to_give_back_and_no_timeout()
    {
        var board = new BoardHarness(LinkMode.Replay);
        board.Command("MODE REPLAY");
        Assert.Equal(0, board.Command("STATUS").IntField("replay_holds_live"));
        board.Clock.Advance(10L * BoardLink.ReplayIdleTimeoutMs * 1000);
        board.Loop.RunCycle();
        Assert.Equal(LinkMode.Replay, board.Loop.Link.Mode);
        Assert.DoesNotContain(board.Take(), l => l.Fields.GetValueOrDefault("id") == "REPLAY_ENDED");
    }

    [Fact]
    public void A_long_document_travels_staged_and_is_applied_whole_or_not_at_all()
    {
        var board = new BoardHarness(LinkMode.Live);
        var wanted = new MonitorConfig();
        wanted.Set(ParamId.LimitPersistMs, 900);
        wanted.Set(ParamId.RedLowPa, 30000);
        wanted.Set(ParamId.YellowLowPa, 60000);
        string document = ConfigJson.Write(wanted);
        IReadOnlyList<string> commands = ConfigJson.Commands(document, LineTransport.LineBytesMax);
        Assert.True(commands.Count >= 3, "a whole document needs at least two parts and a commit");
        foreach (string command in commands.Take(commands.Count - 1))
        {
            Assert.Equal(LinkDictionary.Ok, board.Command(command).Type);
            Assert.True(new MonitorConfig().ContentEquals(board.Config()), "nothing applies before COMMIT");
        }

        Assert.Equal(LinkDictionary.Ok, board.Command(commands[^1]).Type);
        Assert.True(wanted.ContentEquals(board.Config()));

        // Parts that together are invalid are refused whole at COMMIT.
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG STAGE {\"limitPersistMs\":700}").Type);
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG STAGE {\"redLowPa\":90000}").Type);
        Assert.Equal("CONFIG_INVALID", board.Command("CFG COMMIT").ErrorCode); // red above yellow
        Assert.True(wanted.ContentEquals(board.Config()));

        // A refused part drops the parts before it: the COMMIT after it changes nothing.
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG STAGE {\"limitPersistMs\":700}").Type);
        Assert.Equal("CONFIG_INVALID", board.Command("CFG STAGE {\"noSuchParameter\":1}").ErrorCode);
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG COMMIT").Type);
        Assert.True(wanted.ContentEquals(board.Config()));

        // So does any other CFG command between the parts and the COMMIT.
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG STAGE {\"limitPersistMs\":700}").Type);
        Assert.Equal(LinkDictionary.Config, board.Command("CFG GET").Type);
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG COMMIT").Type);
        Assert.Equal(900, board.Config().Get(ParamId.LimitPersistMs));
    }
}
