using System.Globalization;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Targets;
using Xunit.Abstractions;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// The host's flow control against a virtual board with the ESP32's receive buffer (2048 bytes),
/// cycle (one service point, 16 lines) and a modelled ESP32 cost per command, at 921600 baud:
/// with the rule of PROTOCOL.md §9 (no more bytes unanswered than the advertised buffer) no byte is
/// lost; the old rule (12 INJ lines, ≈ 4 kB, in flight) overruns the same buffer. The board's own
/// count (STATUS rx_overflow_bytes, kept by the emulated UART) is the measure.
/// Set THERMAL_FLOW_SAMPLES=0 to replay the whole profile (minutes per run; the README's figures).
/// </summary>
public sealed class FlowControlTests(ITestOutputHelper output)
{
    private const string Profile = "progress-ms21";
    private const int Baud = 921600;

    /// <summary>
    /// A slower board than the host's CPU: 8 ms per command line carried out (INJ parse and one
    /// monitor step on the ESP32, extrapolated from nanoCLR's cost per sample — low confidence,
    /// which is why the rule does not depend on it).
    /// </summary>
    private const int LineCostMicroseconds = 8000;

    /// <summary>What the old host computed from the old board's rx_buffer=8192: (8192 / 2) / (40 + 3 × (3 × 32 + 1)) = 12 lines.</summary>
    private const int OldWindowLines = 12;

    private static int SamplesToReplay => int.TryParse(Environment.GetEnvironmentVariable("THERMAL_FLOW_SAMPLES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 600;

    /// <summary>On its own virtual board whatever THERMAL_TARGET selects: a real board's losses show in STATUS rx_overflow_bytes after any replay.</summary>
    [Fact]
    public void Bytes_in_flight_within_the_advertised_buffer_lose_nothing_where_the_old_window_overruns()
    {
        string target = HilTargets.VirtualBoard + "@" + Baud.ToString(CultureInfo.InvariantCulture);
        Measurement now = Replay(target, FlowControl.InFlightBytes);
        Measurement old = Replay(target, FlowControl.LegacyInjectWindow);
        output.WriteLine($"{Profile}, {now.Samples} samples at {Baud} baud, ESP32 buffer 2048 B, {LineCostMicroseconds} us per line:");
        output.WriteLine($"  in-flight bytes (new): lost {now.LostBytes} B, peak in flight {now.PeakInFlightBytes} B, refused {now.Refused}, unanswered {now.Unanswered}, injected {now.Injected}, {now.Seconds:F1} s");
        output.WriteLine($"  INJ window (old):      lost {old.LostBytes} B, peak in flight {old.PeakInFlightBytes} B, refused {old.Refused}, unanswered {old.Unanswered}, injected {old.Injected}, {old.Seconds:F1} s");

        Assert.Equal(2048, now.AdvertisedBufferBytes);
        Assert.Equal(0, now.LostBytes);
        Assert.Equal(0, now.Refused);
        Assert.Equal(0, now.Unanswered);
        Assert.Equal(now.Samples, now.Injected);
        Assert.True(now.PeakInFlightBytes <= now.AdvertisedBufferBytes, $"peak {now.PeakInFlightBytes} B in flight");

        // The same board, the same samples: the old rule keeps more in flight than the buffer holds, and loses.
        Assert.True(old.PeakInFlightBytes > old.AdvertisedBufferBytes, $"old rule peaked at {old.PeakInFlightBytes} B");
        Assert.True(old.LostBytes > 0, "the old window lost nothing: the comparison shows nothing");
        Assert.True(old.Injected < old.Samples, $"every one of {old.Samples} samples was carried out under the old rule");
    }

    private sealed record Measurement(int Samples, long Injected, long LostBytes, int PeakInFlightBytes, int AdvertisedBufferBytes, int Refused, int Unanswered, double Seconds);

    private static Measurement Replay(string target, FlowControl flow)
    {
        using var connection = TargetConnection.Open(target, virtualBoardArguments: ["--line-cost-us", LineCostMicroseconds.ToString(CultureInfo.InvariantCulture)]);
        BoardClient client = connection.Client;
        client.FlowControl = flow;
        BoardLine hello = client.WaitReady();
        client.SendOk($"{LinkDictionary.Telemetry} 0");
        client.SendOk($"{LinkDictionary.Mode} {LinkDictionary.ModeName(LinkMode.Replay)}");

        Profile profile = ProfileCsv.Read(LibraryProfiles.Entry(Profile).ProfilePath);
        int burst = hello.IntField(WireField.Burst);
        var stream = new ReplaySampleStream(profile, hello.IntField(WireField.PeriodMs), burst, null, speed: 0);
        int wanted = SamplesToReplay <= 0 ? (int)stream.Total : Math.Min(SamplesToReplay, (int)stream.Total);
        var body = new byte[InjectCommand.BytesMax];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int sent = 0;
        while (sent < wanted && stream.TryNext(out _))
        {
            int length = InjectCommand.Write(stream.Sample, body);
            client.Inject(body.AsSpan(0, length), replyTimeoutMs: 1500, legacyWindow: OldWindowLines);
            sent++;
        }

        client.DrainInjects(3000);
        client.SendRaw("\r\n"); // ends a line that lost bytes, so the next command is read whole
        BoardLine status = client.SendOk(LinkDictionary.Status);
        return new Measurement(
            sent,
            status.LongField(WireField.Injected),
            status.LongField(WireField.RxOverflowBytes),
            client.BytesInFlightPeak,
            hello.IntField(WireField.RxBufferBytes),
            client.InjectErrors,
            client.InjectsUnanswered,
            clock.Elapsed.TotalSeconds);
    }
}
