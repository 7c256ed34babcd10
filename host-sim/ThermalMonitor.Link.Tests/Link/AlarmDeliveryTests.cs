using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// Alarm delivery at the link (PROTOCOL.md, alarm delivery): an alarm is owed to the host until the
/// host acknowledges it, re-sent (re=1) every 2 s of board time meanwhile; a slot raised again
/// before its first occurrence was acknowledged owes both; a journal of 16 counts what it had to
/// overwrite; MODE starts a new session in which a replay raises the very same alarms again.
/// </summary>
public class AlarmDeliveryTests
{
    private const double FaultS = 0.6;
    private const double GoodS = 6.5;

    /// <summary>
    /// A healthy loop whose pressure reads fail for <see cref="FaultS"/> every cycle: each cycle
    /// raises a pressure SENSOR_FAULT (3 failed samples) and clears it (5 s of good samples).
    /// </summary>
    private static RawSample[] FaultCycles(int cycles)
    {
        double cycleS = FaultS + GoodS;
        RawSample[] samples = SimulatedSamples.Healthy(2.0 + (cycles * cycleS));
        foreach (RawSample sample in samples)
        {
            double t = (sample.TimestampMs / 1000.0) - 2.0;
            if (t >= 0 && t % cycleS < FaultS)
            {
                sample.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
            }
        }

        return samples;
    }

    private static List<BoardLine> InjectAll(LinkHarness board, IEnumerable<RawSample> samples)
    {
        var lines = new List<BoardLine>();
        foreach (RawSample sample in samples)
        {
            Assert.Equal(LinkDictionary.Ok, board.Inject(sample, out List<BoardLine> more).Type);
            lines.AddRange(more);
        }

        return lines;
    }

    private static List<BoardLine> Alarms(IEnumerable<BoardLine> lines) => lines.Where(l => l.Type == LinkDictionary.Alarm).ToList();

    [Fact]
    public void An_unacknowledged_alarm_is_sent_again_every_2_s_until_acknowledged()
    {
        var board = new LinkHarness();
        BoardLine raised = Assert.Single(Alarms(InjectAll(board, FaultCycles(1).Take(45))));
        Assert.Equal("0", raised.Field("re"));
        Assert.Equal("SENSOR_FAULT", raised.Field("type"));
        Assert.Equal("WARNING", raised.Field("sev"));
        Assert.Equal("pressure", raised.Field("ch"));
        Assert.Equal("READ_FAILED", raised.Field("cause"));
        Assert.Equal("-", raised.Field("cleared"));
        Assert.Equal("0", raised.Field("acked"));
        Assert.Equal("1", raised.Field("session"));
        int seq = raised.IntField("seq");

        Assert.Empty(Alarms(board.Service(1999)));
        BoardLine again = Assert.Single(Alarms(board.Service(2000)));
        Assert.Equal("1", again.Field("re"));
        Assert.Equal(seq, again.IntField("seq"));
        Assert.Equal(raised.Field("t"), again.Field("t"));
        Assert.Empty(Alarms(board.Service(3999)));
        Assert.Single(Alarms(board.Service(4000)));
        Assert.Single(Alarms(board.Service(6100)));

        BoardLine ack = board.Command($"ACK {seq}", out List<BoardLine> lines);
        Assert.Equal(LinkDictionary.Ok, ack.Type);
        Assert.Equal(seq, ack.IntField("alarm"));
        Assert.Equal("ACKED", ack.Field("result"));
        Assert.Contains(lines, l => l.Type == LinkDictionary.Event && l.Field("id") == "ALARM_ACKED" && l.IntField("alarm") == seq);

        Assert.Empty(Alarms(board.Service(8100)));
        Assert.Empty(Alarms(board.Service(10100)));
        Assert.Equal("ALREADY", board.Command($"ACK {seq}").Field("result"));
    }

    [Fact]
    public void ACK_ALL_stops_every_re_send()
    {
        var board = new LinkHarness();
        Assert.Equal(3, Alarms(InjectAll(board, FaultCycles(3))).Count);
        Assert.Equal(3, Alarms(board.Service(2000)).Count);

        BoardLine ack = board.Command("ACK ALL");
        Assert.Equal(LinkDictionary.Ok, ack.Type);
        Assert.Equal(3, ack.IntField("acked"));
        Assert.Equal(0, board.Link.Journal.UnacknowledgedCount);
        Assert.Empty(Alarms(board.Service(4000)));
        Assert.Empty(Alarms(board.Service(6000)));
        Assert.Equal(0, board.Command("ACK ALL").IntField("acked"));
    }

    [Fact]
    public void A_slot_raised_again_before_the_first_was_acknowledged_owes_both()
    {
        var board = new LinkHarness();
        List<BoardLine> lines = InjectAll(board, FaultCycles(2));
        List<BoardLine> raised = Alarms(lines);
        Assert.Equal([1, 2], raised.Select(l => l.IntField("seq")));
        Assert.All(raised, l => Assert.Equal("SENSOR_FAULT", l.Field("type")));
        BoardLine clear = lines.First(l => l.Type == LinkDictionary.Clear);
        Assert.Equal(1, clear.IntField("seq"));

        List<BoardLine> resent = Alarms(board.Service(2000));
        Assert.Equal([1, 2], resent.Select(l => l.IntField("seq")).Order());
        Assert.Equal(clear.Field("t"), resent.Single(l => l.IntField("seq") == 1).Field("cleared"));

        // The table already moved on to occurrence 2; the journal still owes occurrence 1.
        BoardLine ack = board.Command("ACK 1");
        Assert.Equal(LinkDictionary.Ok, ack.Type);
        Assert.Equal("DELIVERED", ack.Field("result"));
        Assert.Equal([2], Alarms(board.Service(4000)).Select(l => l.IntField("seq")));

        BoardLine listed = board.Command("ALARMS", out List<BoardLine> all);
        Assert.Equal(2, listed.IntField("listed"));
        Assert.Equal(["1:1", "2:0"], Alarms(all).Select(l => l.Field("seq") + ":" + l.Field("acked")));
    }

    [Fact]
    public void HELLO_re_sends_what_is_owed_and_ALARMS_lists_the_whole_journal_oldest_first()
    {
        var board = new LinkHarness();
        InjectAll(board, FaultCycles(3));
        Assert.Equal(LinkDictionary.Ok, board.Command("ACK 2").Type);

        BoardLine hello = board.Command("HELLO", out List<BoardLine> lines);
        Assert.Equal(LinkDictionary.Hello, hello.Type);
        Assert.Equal([1, 3], Alarms(lines).Select(l => l.IntField("seq")));
        Assert.All(Alarms(lines), l => Assert.Equal("1", l.Field("re")));

        BoardLine listed = board.Command("ALARMS", out lines);
        Assert.Equal(3, listed.IntField("listed"));
        Assert.Equal([1, 2, 3], Alarms(lines).Select(l => l.IntField("seq")));
        Assert.True(lines.IndexOf(listed) > lines.IndexOf(Alarms(lines)[^1]), "OK comes after the listed alarms");
    }

    [Fact]
    public void More_than_16_unacknowledged_alarms_overwrite_the_oldest_and_STATUS_counts_them()
    {
        var board = new LinkHarness();
        Assert.Equal(18, Alarms(InjectAll(board, FaultCycles(18))).Count);

        BoardLine status = board.Command("STATUS");
        Assert.Equal(18, status.IntField("alarms_raised"));
        Assert.Equal(16, status.IntField("unacked"));
        Assert.Equal(2, status.IntField("journal_lost"));

        BoardLine listed = board.Command("ALARMS", out List<BoardLine> lines);
        Assert.Equal(16, listed.IntField("listed"));
        Assert.Equal(Enumerable.Range(3, 16), Alarms(lines).Select(l => l.IntField("seq")));
        Assert.Equal(16, Alarms(board.Service(2000)).Count);
        Assert.Equal("NOT_FOUND", board.Command("ACK 1").ErrorCode);
    }

    [Fact]
    public void Acknowledged_entries_make_room_before_unacknowledged_ones_are_lost()
    {
        var board = new LinkHarness();
        RawSample[] samples = FaultCycles(20);
        List<BoardLine> lines = InjectAll(board, samples.Take(samples.Length / 2));
        board.Command("ACK ALL");
        lines.AddRange(InjectAll(board, samples.Skip(samples.Length / 2)));

        Assert.Equal(20, Alarms(lines).Count);
        BoardLine status = board.Command("STATUS");
        Assert.Equal(0, status.IntField("journal_lost"));
        Assert.True(status.IntField("unacked") <= 16);
    }

    [Fact]
    public void MODE_REPLAY_starts_a_new_session_in_which_the_same_samples_raise_the_same_alarms()
    {
        var board = new LinkHarness();
        RawSample[] samples = FaultCycles(3);
        List<BoardLine> first = InjectAll(board, samples);
        Assert.Equal(3, board.Link.Journal.UnacknowledgedCount);

        BoardLine mode = board.Command("MODE REPLAY");
        Assert.Equal(LinkDictionary.Ok, mode.Type);
        Assert.Equal("REPLAY", mode.Field("mode"));
        Assert.Equal(2, mode.IntField("session"));
        Assert.Equal(2, board.Link.Session);
        Assert.Equal(0, board.Command("ALARMS").IntField("listed")); // the old session's journal went with it
        Assert.Equal(0, board.Command("STATUS").IntField("samples"));

        List<BoardLine> second = InjectAll(board, samples);
        Assert.Equal(Replayed(first), Replayed(second));
        Assert.All(Alarms(first), l => Assert.Equal("1", l.Field("session")));
        Assert.All(Alarms(second), l => Assert.Equal("2", l.Field("session")));
        Assert.Equal([1, 2, 3], Alarms(second).Select(l => l.IntField("seq")));
        Assert.Equal(2, board.Command("HELLO").IntField("session"));
    }

    [Fact]
    public void MODE_LIVE_also_starts_a_new_session_and_INJ_is_then_refused()
    {
        var board = new LinkHarness();
        InjectAll(board, FaultCycles(1));
        BoardLine mode = board.Command("MODE LIVE");
        Assert.Equal("LIVE", mode.Field("mode"));
        Assert.Equal(2, mode.IntField("session"));
        Assert.Equal(0, board.Link.Journal.UnacknowledgedCount);
        Assert.Equal("WRONG_MODE", board.Inject(FaultCycles(1)[0]).ErrorCode);
        Assert.True(board.Link.StepLive(SimulatedSamples.Healthy(0.2)[0]));
        Assert.Equal(1, board.Link.SamplesLive);
    }

    /// <summary>What a replay must reproduce: alarms and clears with their sequence numbers, times and causes.</summary>
    private static List<string> Replayed(IEnumerable<BoardLine> lines) => lines
        .Where(l => l.Type is LinkDictionary.Alarm or LinkDictionary.Clear)
        .Select(l => l.Type == LinkDictionary.Alarm
            ? $"ALARM seq={l.Field("seq")} type={l.Field("type")} sev={l.Field("sev")} t={l.Field("t")} cause={l.Field("cause")} value={l.Field("value")}"
            : $"CLEAR seq={l.Field("seq")} t={l.Field("t")}")
        .ToList();
}
