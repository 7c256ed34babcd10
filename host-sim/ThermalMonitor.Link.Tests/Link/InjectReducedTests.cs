using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// INJR (PROTOCOL.md §6): a sample whose bursts the host reduced with the board's own reducer and
/// settings steps the board exactly as INJ with the bursts does — every line the board writes and
/// every per-channel value the monitor keeps, over windows of library profiles with leaks, sensor
/// faults and noise — and a bad INJR line is refused with the right error and changes nothing.
/// </summary>
public class InjectReducedTests
{
    public static TheoryData<string, double, int> Windows => new()
    {
        { "soyuz-ms22", 10740, 3000 },           // leak onset at 10800 s: DEPRESSURIZATION alarms
        { "fault-pressure-noise", 5990, 1500 },   // noisy channel: spreads and rejected reads
        { "fault-temp-stuck", 5980, 1500 },       // stuck sensor
        { "fault-pressure-open", 5990, 600 },     // open circuit: a fault alarm
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Reduced_lines_step_the_board_byte_for_byte_as_bursts_do_over_a_library_window(string profileName, double fromS, int samples)
    {
        Profile whole = ProfileCsv.Read(RepositoryFiles.PathOf($"host-sim/profiles/{profileName}.csv.gz"));
        Profile window = ProfileWindow.Cut(whole, fromS, fromS + (samples / 10.0) + 1);
        var bursts = new LinkHarness();
        var reduced = new LinkHarness();
        var alternating = new LinkHarness(); // INJ and INJR in turn on one board: the sample buffer is shared
        foreach (LinkHarness board in new[] { bursts, reduced, alternating })
        {
            Assert.Equal(LinkDictionary.Ok, board.Command("TLM 1").Type); // telemetry with every sample
        }

        var stream = new ReplaySampleStream(window, bursts.Monitor.Derived.SamplePeriodMs, bursts.Monitor.Derived.BurstLength, null, 0);
        int count = 0;
        int withRejected = 0;
        int maxSpread = 0;
        while (count < samples && stream.TryNext(out _))
        {
            RawSample sample = stream.Sample;
            BoardLine a = bursts.Inject(sample, out List<BoardLine> burstLines);
            BoardLine b = reduced.InjectReduced(sample, out List<BoardLine> reducedLines);
            BoardLine c = count % 2 == 0 ? alternating.Inject(sample, out List<BoardLine> mixedLines) : alternating.InjectReduced(sample, out mixedLines);
            Assert.True(a.Type == LinkDictionary.Ok, $"sample {count}: INJ {a}");
            Assert.Equal(Texts(burstLines), Texts(reducedLines));
            Assert.Equal(Texts(burstLines), Texts(mixedLines));
            AssertSameChannels(bursts.Monitor.Telemetry, reduced.Monitor.Telemetry, count);
            AssertSameChannels(bursts.Monitor.Telemetry, alternating.Monitor.Telemetry, count);
            withRejected += bursts.Monitor.Telemetry.RejectedReads.Any(r => r > 0) ? 1 : 0;
            maxSpread = Math.Max(maxSpread, bursts.Monitor.Telemetry.SpreadCounts.Max());
            count++;
        }

        Assert.Equal(samples, count);
        Assert.Equal(bursts.Command("STATUS").Text, reduced.Command("STATUS").Text);
        Assert.Equal(bursts.Command("ALARMS").Text, reduced.Command("ALARMS").Text);
        Assert.Equal(LinkHarness.JournalText(bursts.Link.Journal), LinkHarness.JournalText(reduced.Link.Journal));
        Assert.Equal(samples, bursts.Monitor.Telemetry.SampleCount + bursts.Monitor.Telemetry.DiscardedSamples);
        Assert.True(maxSpread > 0, "the window's bursts never spread");
        if (profileName == "soyuz-ms22")
        {
            Assert.Contains(bursts.Received, l => l.Type == LinkDictionary.Alarm && l.Field("type") == "DEPRESSURIZATION");
        }

        if (profileName == "fault-pressure-noise")
        {
            Assert.True(withRejected > 0, "no burst of the noisy window had a rejected read");
        }
    }

    [Fact]
    public void The_reduced_form_carries_the_reducer_s_values_in_ten_hex_digits()
    {
        var sample = new RawSample { TimestampMs = 1234 };
        sample.ReadsCounts(ChannelId.Pressure).AsSpan(0, 32).Fill(0x56C);
        sample.SetReads(ChannelId.Pressure, 32);
        int[] temp = sample.ReadsCounts(ChannelId.Temperature);
        for (int i = 0; i < 32; i++)
        {
            temp[i] = 0xA70 + (i % 5); // kept reads 0xA70..0xA74: spread 4
        }

        temp[3] = 0xFFF; // an outlier, trimmed, and one rejected read
        temp[7] = 0x000; // another
        sample.SetReads(ChannelId.Temperature, 32);
        sample.SetFailed(ChannelId.Supply, ReadStatus.DriverError);

        var derived = new DerivedSettings();
        Assert.True(ConfigValidator.Validate(new MonitorConfig(), new ConfigErrors(), derived));
        Assert.InRange(derived.BurstTrimEachSide, 1, 5); // trims both outliers, keeps 0xA70..0xA74
        var reducer = new BurstReducer();
        Assert.True(reducer.Reduce(temp, 32, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts));
        string expectedTemp = reducer.CountsQ8.ToString("X5", CultureInfo.InvariantCulture) + "004" + "02";
        Assert.Equal("INJR 1234 56C0000000 " + expectedTemp + " !1", LinkHarness.InjectReducedBody(sample));

        sample.SetFailed(ChannelId.Pressure, ReadStatus.NotRead);
        Assert.StartsWith("INJR 1234 - ", LinkHarness.InjectReducedBody(sample), StringComparison.Ordinal);
    }

    [Fact]
    public void The_encoder_refuses_what_INJ_would_be_refused_for_and_sends_an_unreducible_burst_as_failed()
    {
        byte[] body = new byte[InjectCommand.ReducedBytesMax];
        RawSample sample = SimulatedSamples.Copy(SimulatedSamples.Healthy(0.2)[0]);
        sample.SetReads(ChannelId.Temperature, 31);
        var reducer = new BurstReducer();
        Assert.Throws<ArgumentException>(() => InjectCommand.WriteReduced(sample, reducer, 32, 4, 40, body));

        sample = SimulatedSamples.Copy(SimulatedSamples.Healthy(0.2)[0]);
        sample.ReadsCounts(ChannelId.Supply)[5] = 4096;
        Assert.Throws<ArgumentOutOfRangeException>(() => InjectCommand.WriteReduced(sample, reducer, 32, 4, 40, body));

        // A trim that leaves nothing: the board's reducer refuses the burst, so it travels as a failed read.
        sample = SimulatedSamples.Copy(SimulatedSamples.Healthy(0.2)[0]);
        Assert.Equal(ReadStatus.Ok, sample.Status(ChannelId.Pressure));
        int length = InjectCommand.WriteReduced(sample, reducer, 32, 16, 40, body);
        Assert.Matches(@"^INJR \d+ !2 ", Encoding.ASCII.GetString(body, 0, length));
    }

    /// <summary>One valid INJR line's channel tokens (pressure, temp, supply) for the refusal cases.</summary>
    private const string Valid = "56DB500A00 A734000700 7B3A000800";

    [Theory]
    [InlineData("INJR 100 FFF0100000 A734000700 7B3A000800", "OUT_OF_RANGE", "pressure", "min=0 max=1048320 got=1048321")]
    [InlineData("INJR 100 FFFFF00000 A734000700 7B3A000800", "OUT_OF_RANGE", "pressure", "min=0 max=1048320 got=1048575")]
    [InlineData("INJR 100 56DB500A00 A734000721 7B3A000800", "OUT_OF_RANGE", "temp", "min=0 max=32 got=33")]
    [InlineData("INJR 100 56DB500A00 A7340007FF 7B3A000800", "OUT_OF_RANGE", "temp", "min=0 max=32 got=255")]
    [InlineData("INJR 100 56DB500A00 A734000700 7B3A000841", "OUT_OF_RANGE", "supply", "min=0 max=32 got=65")]
    [InlineData("INJR 100 56DB500A0 A734000700 7B3A000800", "BAD_ARGUMENT", "pressure", "got=56DB500A0")]
    [InlineData("INJR 100 56DB500A000 A734000700 7B3A000800", "BAD_ARGUMENT", "pressure", "got=56DB500A000")]
    [InlineData("INJR 100 56DB500A00 A73400G700 7B3A000800", "BAD_ARGUMENT", "temp", "got=A73400G700")]
    [InlineData("INJR 100 56DB500A00 A734000700 7B3A00080-", "BAD_ARGUMENT", "supply", "got=7B3A00080-")]
    [InlineData("INJR 100 56DB500A00 A734000700 !4", "BAD_ARGUMENT", "supply", "got=!4")]
    [InlineData("INJR 100 56DB500A00 !0 -", "BAD_ARGUMENT", "temp", "got=!0")]
    [InlineData("INJR 100 -- A734000700 7B3A000800", "BAD_ARGUMENT", "pressure", "got=--")]
    [InlineData("INJR 100 56C56556D56D56F56756B57157157657057456557056C57157256A56C56C56956A56D56956C57556A56F57557357056E A734000700 7B3A000800", "BAD_ARGUMENT", "pressure", "got=56C56556D56D56F56756B571")]
    [InlineData("INJR 1e3 " + Valid, "BAD_ARGUMENT", "time_ms", "got=1e3")]
    [InlineData("INJR -100 " + Valid, "BAD_ARGUMENT", "time_ms", "got=-100")]
    [InlineData("INJR 100 56DB500A00 A734000700", "MISSING_ARGUMENT", null, "expected=supply")]
    [InlineData("INJR 100", "MISSING_ARGUMENT", null, "expected=pressure")]
    [InlineData("INJR", "MISSING_ARGUMENT", null, "expected=time_ms")]
    [InlineData("INJR 100 " + Valid + " 7B3A000800", "TOO_MANY_ARGUMENTS", null, "extra=7B3A000800")]
    [InlineData("injr 100 " + Valid, "UNKNOWN_COMMAND", null, "got=injr")]
    public void A_bad_INJR_line_is_refused_naming_what_is_wrong_and_changes_nothing(string command, string error, string? argument, string fields)
    {
        var board = new LinkHarness();
        Assert.Equal(LinkDictionary.Ok, board.Command("INJR 0 " + Valid).Type);
        string before = board.Snapshot();
        long samples = board.Monitor.Telemetry.SampleCount;
        int[] countsBefore = [.. board.Monitor.Telemetry.CountsQ8];

        int sequence = board.NextSequence;
        BoardLine reply = board.Command(command, out List<BoardLine> lines);

        Assert.Equal(error, reply.ErrorCode);
        Assert.Equal(sequence, reply.Reference);
        Assert.Single(lines);
        if (argument is not null)
        {
            Assert.Equal(argument, reply.Field(WireField.Argument));
        }

        Assert.Contains(" " + fields + "*", reply.Text, StringComparison.Ordinal);
        Assert.Equal(samples, board.Monitor.Telemetry.SampleCount);
        Assert.Equal(countsBefore, board.Monitor.Telemetry.CountsQ8);
        Assert.Equal(before, board.Snapshot());

        // The next good line steps as if the bad one had never come.
        var twin = new LinkHarness();
        twin.Command("INJR 0 " + Valid);
        twin.Snapshot();
        twin.Command("STATUS"); // the refused line and the snapshot's commands move only the receive counters
        Assert.Equal(twin.Command("INJR 100 " + Valid, out List<BoardLine> twinLines).Type, board.Command("INJR 100 " + Valid, out List<BoardLine> boardLines).Type);
        Assert.Equal(WireEvents.FromLines(twinLines), WireEvents.FromLines(boardLines));
        Assert.Equal(twin.Monitor.Telemetry.CountsQ8, board.Monitor.Telemetry.CountsQ8);
    }

    [Fact]
    public void The_largest_values_of_every_field_are_accepted()
    {
        var board = new LinkHarness();
        Assert.Equal(LinkDictionary.Ok, board.Command("INJR 0 FFF00FFF20 00000FFF20 fff00fff20").Type);
        Assert.Equal([Channels.AdcCountsMax * 256, 0, Channels.AdcCountsMax * 256], board.Monitor.Telemetry.CountsQ8);
        Assert.Equal([4095, 4095, 4095], board.Monitor.Telemetry.SpreadCounts);
        Assert.Equal([32, 32, 32], board.Monitor.Telemetry.RejectedReads);
    }

    [Fact]
    public void The_rejected_reads_are_held_to_the_burst_in_force()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.BurstLength, 16);
        var board = new LinkHarness(LinkMode.Replay, config);
        BoardLine refused = board.Command("INJR 0 56DB500A11 A734000700 7B3A000800");
        Assert.Equal("OUT_OF_RANGE", refused.ErrorCode);
        Assert.Equal(16, refused.IntField(WireField.Max));
        Assert.Equal(LinkDictionary.Ok, board.Command("INJR 0 56DB500A10 A734000700 7B3A000800").Type);
    }

    [Fact]
    public void INJR_outside_replay_is_WRONG_MODE_and_changes_nothing()
    {
        var board = new LinkHarness(LinkMode.Live);
        string before = board.Snapshot();
        BoardLine reply = board.Command("INJR 100 " + Valid);
        Assert.Equal("WRONG_MODE", reply.ErrorCode);
        Assert.Equal("REPLAY", reply.Field(WireField.Need));
        Assert.Equal(before, board.Snapshot());
        Assert.Equal(0, board.Monitor.Telemetry.SampleCount);
    }

    private static List<string> Texts(List<BoardLine> lines) => lines.Select(l => l.Text).ToList();

    private static void AssertSameChannels(MonitorTelemetry expected, MonitorTelemetry actual, int sample)
    {
        Assert.True(expected.CountsQ8.SequenceEqual(actual.CountsQ8), $"sample {sample}: counts");
        Assert.True(expected.SpreadCounts.SequenceEqual(actual.SpreadCounts), $"sample {sample}: spreads");
        Assert.True(expected.RejectedReads.SequenceEqual(actual.RejectedReads), $"sample {sample}: rejected reads");
        Assert.True(expected.PinMicrovolts.SequenceEqual(actual.PinMicrovolts), $"sample {sample}: pin voltages");
        Assert.True(expected.Outcomes.SequenceEqual(actual.Outcomes), $"sample {sample}: outcomes");
        Assert.True(expected.FaultReasons.SequenceEqual(actual.FaultReasons), $"sample {sample}: fault reasons");
        Assert.Equal(expected.PressurePa, actual.PressurePa);
        Assert.Equal(expected.TempMilliC, actual.TempMilliC);
        Assert.Equal(expected.SupplyMicrovolts, actual.SupplyMicrovolts);
    }
}
