using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Tests.Alarms;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// An injected sample is the sample: random raw samples (32 reads per channel, counts 0..4095,
/// channels failed with each read status, increasing timestamps) written by the host's
/// <see cref="InjectCommand"/>, framed, and sent to a board in replay mode step the board's monitor
/// exactly as the same samples step a monitor directly — same telemetry, same events on the wire.
/// </summary>
public class InjectRoundTripTests
{
    private const int Runs = 60;
    private const int SamplesPerRun = 120;

    private static readonly ReadStatus[] Failures = [ReadStatus.NotRead, ReadStatus.DriverError, ReadStatus.Incomplete];

    [Fact]
    public void Injected_samples_step_the_board_exactly_like_a_monitor_stepped_directly()
    {
        var random = new Random(20240607);
        int samples = 0;
        int events = 0;
        for (int run = 0; run < Runs; run++)
        {
            var board = new LinkHarness();
            board.Command("TLM 1"); // telemetry with every sample (0 would turn it off): its fields are checked too
            var twin = new LeakMonitor();
            twin.ReportBoardEvent(EventId.Boot, 0, (int)ResetCause.PowerOn, 0); // what Start() reports
            EventDrain.All(twin.TryDequeueEvent);

            var levels = new int[Channels.Count];
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                levels[channel] = random.Next(0, Channels.AdcCountsMax + 1);
            }

            long timeMs = random.Next(0, 100000);
            var sample = new RawSample();
            for (int i = 0; i < SamplesPerRun; i++)
            {
                timeMs += random.Next(10) == 0 ? random.Next(300, 5000) : random.Next(1, 200);
                FillRandom(sample, random, levels, timeMs);

                BoardLine reply = board.Inject(sample, out List<BoardLine> lines);
                twin.Step(sample);
                samples++;

                Assert.True(reply.Type == LinkDictionary.Ok, $"run {run} sample {i}: {reply}");
                AssertSameTelemetry(twin.Telemetry, board.Monitor.Telemetry, $"run {run} sample {i}");
                List<string> expected = EventDrain.All(twin.TryDequeueEvent).Select(WireEvents.Of).ToList();
                Assert.Equal(expected, WireEvents.FromLines(lines));
                events += expected.Count;

                BoardLine telemetry = Assert.Single(lines, l => l.Type == LinkDictionary.Telemetry);
                Assert.Equal("replay", telemetry.Field("src"));
                Assert.Equal(twin.Telemetry.TimestampMs, telemetry.LongField("t"));
                Assert.Equal(twin.Telemetry.SampleCount, telemetry.LongField("n"));
                Assert.Equal(twin.Telemetry.PressurePa, telemetry.IntField("p_pa"));
                Assert.Equal(twin.Telemetry.TempMilliC, telemetry.IntField("temp_mc"));
                Assert.Equal(twin.Telemetry.SupplyMicrovolts, telemetry.IntField("sup_uv"));
                Assert.Equal(new string(twin.Telemetry.Outcomes.Select(LinkDictionary.OutcomeLetter).ToArray()), telemetry.Field("st"));
            }

            Assert.False(board.Monitor.HasInvariantFailure);
        }

        Assert.Equal(Runs * SamplesPerRun, samples);
        Assert.True(events > Runs, $"only {events} events: the random samples never upset the monitor");
    }

    [Fact]
    public void Simulated_loop_samples_round_trip_through_the_wire_too()
    {
        var board = new LinkHarness();
        var twin = new LeakMonitor();
        twin.ReportBoardEvent(EventId.Boot, 0, (int)ResetCause.PowerOn, 0);
        EventDrain.All(twin.TryDequeueEvent);
        var wire = new List<string>();
        foreach (RawSample sample in SimulatedSamples.Leak(120, 60, 12.0))
        {
            Assert.Equal(LinkDictionary.Ok, board.Inject(sample, out List<BoardLine> lines).Type);
            twin.Step(sample);
            AssertSameTelemetry(twin.Telemetry, board.Monitor.Telemetry, $"t={sample.TimestampMs}");
            wire.AddRange(WireEvents.FromLines(lines));
        }

        List<string> expected = EventDrain.All(twin.TryDequeueEvent).Select(WireEvents.Of).ToList();
        Assert.Contains(expected, e => e.StartsWith("ALARM", StringComparison.Ordinal) && e.Contains("type=DEPRESSURIZATION", StringComparison.Ordinal));
        Assert.Equal(expected, wire);
    }

    [Theory]
    [InlineData(ChannelId.Pressure, 1)]
    [InlineData(ChannelId.Pressure, 31)]
    [InlineData(ChannelId.Temperature, 33)]
    [InlineData(ChannelId.Supply, 64)]
    [InlineData(ChannelId.Temperature, 2)]
    public void Wrong_number_of_reads_is_out_of_range_and_steps_nothing(ChannelId channel, int reads)
    {
        var board = new LinkHarness();
        RawSample sample = SimulatedSamples.Healthy(0.2)[0];
        Assert.Equal(LinkDictionary.Ok, board.Inject(sample).Type);
        long samplesBefore = board.Monitor.Telemetry.SampleCount;

        RawSample wrong = SimulatedSamples.Copy(sample);
        wrong.TimestampMs += 100;
        for (int i = 0; i < reads; i++)
        {
            wrong.ReadsCounts(channel)[i] = 2000 + i;
        }

        wrong.SetReads(channel, reads);
        int sequence = board.NextSequence;
        BoardLine reply = board.Inject(wrong);

        Assert.True(reply.IsError);
        Assert.Equal(sequence, reply.Reference);
        Assert.Equal("OUT_OF_RANGE", reply.ErrorCode);
        Assert.Equal(MonitorDictionary.ChannelName(channel), reply.Field("arg"));
        Assert.Equal(32, reply.IntField("expected_reads"));
        Assert.Equal(reads, reply.IntField("got"));
        Assert.Matches($"^\\d+ ERR {sequence} OUT_OF_RANGE .*expected_reads=32 got={reads}", reply.Text);
        Assert.Equal(samplesBefore, board.Monitor.Telemetry.SampleCount);
    }

    [Fact]
    public void The_expected_burst_follows_the_configuration()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.BurstLength, 16);
        var board = new LinkHarness(LinkMode.Replay, config);
        Assert.Equal("16", board.Boot.Single(l => l.Type == LinkDictionary.Hello).Field("burst"));

        var sample = new RawSample { TimestampMs = 100 };
        for (int channel = 0; channel < Channels.Count; channel++)
        {
            sample.ReadsCounts((ChannelId)channel).AsSpan(0, 32).Fill(2000);
            sample.SetReads((ChannelId)channel, 32);
        }

        BoardLine reply = board.Inject(sample);
        Assert.Equal("OUT_OF_RANGE", reply.ErrorCode);
        Assert.Equal(16, reply.IntField("expected_reads"));
        Assert.Equal(32, reply.IntField("got"));

        for (int channel = 0; channel < Channels.Count; channel++)
        {
            sample.SetReads((ChannelId)channel, 16);
        }

        Assert.Equal(LinkDictionary.Ok, board.Inject(sample).Type);
        Assert.Equal(1, board.Monitor.Telemetry.SampleCount);
    }

    [Fact]
    public void Failed_reads_travel_as_their_status()
    {
        var sample = new RawSample { TimestampMs = 1234 };
        sample.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
        sample.SetFailed(ChannelId.Temperature, ReadStatus.Incomplete);
        sample.SetFailed(ChannelId.Supply, ReadStatus.NotRead);
        Assert.Equal("INJ 1234 !1 !2 -", LinkHarness.InjectBody(sample));

        var board = new LinkHarness();
        Assert.Equal(LinkDictionary.Ok, board.Inject(sample).Type);
        Assert.Equal(1, board.Monitor.Telemetry.SampleCount);
    }

    /// <summary>
    /// PRODUCTION BUG (reported, host side): InjectCommand.Write writes an empty token for a channel
    /// whose status is Ok but whose read count is 0 ("INJ 100  ABC… -" has two spaces), so the board
    /// reads the following channel's token in its place and answers MISSING_ARGUMENT for the supply
    /// channel instead of refusing the pressure channel's burst length.
    /// </summary>
    [Fact]
    public void Zero_reads_on_a_channel_marked_read_is_refused_by_the_encoder()
    {
        RawSample sample = SimulatedSamples.Copy(SimulatedSamples.Healthy(0.2)[0]);
        sample.SetReads(ChannelId.Pressure, 0);
        var error = Assert.Throws<ArgumentException>(() => InjectCommand.Write(sample, new byte[InjectCommand.BytesMax]));
        Assert.Contains("Pressure", error.Message, StringComparison.Ordinal);
    }

    private static void FillRandom(RawSample sample, Random random, int[] levels, long timeMs)
    {
        sample.TimestampMs = timeMs;
        for (int index = 0; index < Channels.Count; index++)
        {
            var channel = (ChannelId)index;
            if (random.Next(8) == 0)
            {
                sample.SetFailed(channel, Failures[random.Next(Failures.Length)]);
                continue;
            }

            if (random.Next(30) == 0)
            {
                levels[index] = random.Next(0, Channels.AdcCountsMax + 1); // a jump: slew, glitches, faults
            }
            else
            {
                levels[index] = Math.Clamp(levels[index] + random.Next(-3, 4), 0, Channels.AdcCountsMax);
            }

            int[] reads = sample.ReadsCounts(channel);
            int noise = random.Next(4) == 0 ? 400 : 6;
            for (int i = 0; i < 32; i++)
            {
                reads[i] = random.Next(50) == 0
                    ? random.Next(0, Channels.AdcCountsMax + 1)
                    : Math.Clamp(levels[index] + random.Next(-noise, noise + 1), 0, Channels.AdcCountsMax);
            }

            sample.SetReads(channel, 32);
        }
    }

    private static void AssertSameTelemetry(MonitorTelemetry expected, MonitorTelemetry actual, string where)
    {
        Assert.True(expected.SampleCount == actual.SampleCount, $"{where}: samples {actual.SampleCount}, expected {expected.SampleCount}");
        Assert.True(expected.TimestampMs == actual.TimestampMs, $"{where}: time");
        Assert.True(expected.PressurePa == actual.PressurePa, $"{where}: pressure {actual.PressurePa}, expected {expected.PressurePa}");
        Assert.True(expected.TempMilliC == actual.TempMilliC, $"{where}: temperature");
        Assert.True(expected.SupplyMicrovolts == actual.SupplyMicrovolts, $"{where}: supply");
        Assert.True(expected.CountsQ8.SequenceEqual(actual.CountsQ8), $"{where}: counts");
        Assert.True(expected.Outcomes.SequenceEqual(actual.Outcomes), $"{where}: outcomes");
        Assert.True(expected.FaultReasons.SequenceEqual(actual.FaultReasons), $"{where}: fault reasons");
        Assert.True(expected.DiscardedSamples == actual.DiscardedSamples, $"{where}: discarded");
        Assert.True(expected.CusumPermille == actual.CusumPermille && expected.RateDropPa == actual.RateDropPa, $"{where}: detector");
    }
}
