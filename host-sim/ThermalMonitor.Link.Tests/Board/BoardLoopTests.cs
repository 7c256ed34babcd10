using System.Globalization;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The one loop every board runs, on a fake clock: its period, its single service point with at
/// most 16 commands, its REPLAY pace, and loss in a driver buffer the host overruns.
/// </summary>
public class BoardLoopTests
{
    [Fact]
    public void A_LIVE_board_takes_one_sample_per_period_and_sleeps_the_rest_of_it()
    {
        var board = new BoardHarness(LinkMode.Live);
        int samplesBefore = board.Source.Calls;
        for (int cycle = 0; cycle < 50; cycle++)
        {
            int lines = board.Loop.RunCycle();
            board.Clock.Advance(3000); // pretend the cycle's work took 3 ms on top of the fake clock
            board.Loop.WaitForNextCycle(lines);
        }

        Assert.Equal(50, board.Source.Calls - samplesBefore);
        Assert.Equal(50, board.Loop.Monitor.Telemetry.SampleCount);
        // Every wait is the 100 ms period less the 3 ms of work: the schedule does not drift.
        Assert.Equal(50, board.Clock.Sleeps.Count);
        Assert.All(board.Clock.Sleeps, ms => Assert.Equal(97, ms));
        Assert.Equal(50 * 100_000L, board.Clock.Microseconds);
    }

    [Fact]
    public void A_REPLAY_board_does_not_sleep_to_the_period_and_waits_only_when_idle()
    {
        var board = new BoardHarness(LinkMode.Replay);
        board.Deliver("TLM 0", "STATUS");
        int lines = board.Loop.RunCycle();
        Assert.Equal(2, lines);
        board.Loop.WaitForNextCycle(lines);
        Assert.Empty(board.Clock.Sleeps);

        Assert.Equal(0, board.Port.IdleWaits);

        lines = board.Loop.RunCycle();
        Assert.Equal(0, lines);
        board.Loop.WaitForNextCycle(lines);
        Assert.Empty(board.Clock.Sleeps);
        Assert.Equal(1, board.Port.IdleWaits); // an idle REPLAY board waits for input, not for its period
        Assert.Equal(0, board.Source.Calls); // REPLAY never samples its own sensors
    }

    [Fact]
    public void One_service_point_per_cycle_carries_out_at_most_16_commands()
    {
        var board = new BoardHarness(LinkMode.Replay);
        string[] commands = Enumerable.Range(1, 40).Select(i => "TLM " + (1000 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
        board.Deliver(commands);
        Assert.Equal(16, board.Loop.RunCycle());
        Assert.Equal(1016, board.Loop.Link.TelemetryPeriodMs);
        Assert.Equal(16, board.Loop.RunCycle());
        Assert.Equal(8, board.Loop.RunCycle());
        Assert.Equal(0, board.Loop.RunCycle());
        Assert.Equal(1040, board.Loop.Link.TelemetryPeriodMs);
        Assert.Equal(40, board.Take().Count(l => l.Type == LinkDictionary.Ok));
    }

    [Fact]
    public void Bytes_beyond_the_driver_buffer_are_lost_counted_and_the_damaged_line_refused()
    {
        var board = new BoardHarness(LinkMode.Replay);
        string[] commands = Enumerable.Range(1, 200).Select(i => "TLM " + (2000 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
        int accepted = board.Deliver(commands); // a host that ignores the flow control, between two service points
        Assert.Equal(BoardHarness.RxBufferBytes, accepted);
        long lost = board.Port.ReceiveLostBytes;
        Assert.True(lost > 0);

        List<BoardLine> lines = board.RunUntilIdle();
        board.DeliverRaw("\r\n"); // a host that may have overrun ends the damaged line
        lines.AddRange(board.RunUntilIdle());
        BoardLine overflow = Assert.Single(lines, l => l.ErrorCode == "RX_OVERFLOW");
        Assert.Equal(lost, overflow.LongField("lost_bytes"));
        Assert.Equal(lost, board.Command("STATUS").LongField("rx_overflow_bytes"));
        Assert.Equal(2048, board.Command("HELLO").IntField("rx_buffer"));
    }

    [Fact]
    public void The_work_time_of_a_cycle_is_recorded_and_an_overrun_reported_with_its_payload()
    {
        var board = new BoardHarness(LinkMode.Live);
        var clock = board.Clock;
        var slow = new SlowSource(clock, board.Source, workMicroseconds: 150_000);
        var loop = new BoardLoop(new BoardInfo("test", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), clock, board.Port, new JsonConfigReader(), slow, null, null, null, null);
        loop.Start(LinkMode.Live);
        board.Take();
        loop.RunCycle();
        BoardLine overrun = Assert.Single(board.Take(), l => l.Fields.GetValueOrDefault("id") == "LOOP_OVERRUN");
        Assert.Equal(150_000, overrun.IntField("code"));
        Assert.Equal(100_000, overrun.IntField("value"));
        Assert.Equal(1, loop.Board.Loop.Overruns);
        Assert.Equal(150_000, loop.Board.Loop.MaxMicroseconds);
    }

    /// <summary>A sample source whose read takes a given time on the fake clock.</summary>
    private sealed class SlowSource(ManualClock clock, ISampleSource inner, int workMicroseconds) : ISampleSource
    {
        public bool TrySample(ThermalMonitor.Core.Acquisition.RawSample into, int burstLength, long nowMs)
        {
            clock.Advance(workMicroseconds);
            return inner.TrySample(into, burstLength, nowMs);
        }
    }
}
