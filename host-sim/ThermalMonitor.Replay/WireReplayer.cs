using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;

namespace ThermalMonitor.Replay;

/// <summary>
/// Hardware in the loop: a profile through the simulated sensor chain into raw ADC counts, and the
/// counts over the serial protocol (INJ) to a board — in-process, virtual or real. The board is
/// put in a fresh replay session with the wanted configuration first, so its alarms (sequence
/// numbers and times) are those SIL gives for the same counts.
/// </summary>
public static class WireReplayer
{
    private const int ProgressEverySamples = 2000;

    public static ReplayOutcome Run(Profile profile, ReplayOptions options, BoardClient client, string target, IProgress<ReplayProgress>? progress = null, CancellationToken cancellation = default)
    {
        MonitorConfig config = options.Config ?? new MonitorConfig();
        var derived = new DerivedSettings();
        var errors = new ConfigErrors();
        if (!ConfigValidator.Validate(config, errors, derived))
        {
            throw new ArgumentException("replay configuration is invalid: " + errors[0], nameof(options));
        }

        BoardLine hello = client.WaitReady();
        client.Send($"{LinkDictionary.Ack} {LinkDictionary.All}");
        client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Set} {ConfigJson.Write(config)}");
        client.SendOk($"{LinkDictionary.Telemetry} 0");
        BoardLine started = client.SendOk($"{LinkDictionary.Mode} {LinkDictionary.ModeName(LinkMode.Replay)}");
        int session = started.IntField("session");

        int periodMs = derived.SamplePeriodMs;
        var stream = new ReplaySampleStream(profile, periodMs, derived.BurstLength, options.SensorSeed, options.Speed);
        long total = stream.Total;
        var body = new byte[InjectCommand.BytesMax];
        int window = InjectWindow(hello, derived.BurstLength);

        int reported = 0;
        long index = 0;
        while (stream.TryNext(out double timeS))
        {
            cancellation.ThrowIfCancellationRequested();
            int length = InjectCommand.Write(stream.Sample, body);
            client.Inject(body.AsSpan(0, length), window);
            index++;
            if (progress is not null && (index % ProgressEverySamples == 0 || index == total))
            {
                reported = ReportNewAlarms(client, session, reported, progress, index, total, timeS);
                progress.Report(new ReplayProgress(index, total, timeS, null));
            }
        }

        client.DrainInjects();

        // A STATUS reply comes after every line the board wrote before it: all alarms are in.
        BoardLine status = client.SendOk(LinkDictionary.Status);
        if (client.InjectErrors > 0)
        {
            throw new BoardProtocolException($"the board refused {client.InjectErrors} injected samples; last: {client.LastInjectError}");
        }

        if (progress is not null)
        {
            ReportNewAlarms(client, session, reported, progress, index, total, profile.DurationS);
        }

        var alarms = client.Alarms.Where(a => a.Session == session).OrderBy(a => a.Seq)
            .Select(a => new ResultAlarm(a.Seq, a.Type, a.Severity, a.Channel, a.TimeMs / 1000.0, a.ClearedTimeMs / 1000.0, a.Cause))
            .ToList();
        long boardSamples = status.LongField("injected");
        var result = new ReplayResult(Profile: profile.Name, Target: target, Samples: boardSamples, DurationS: boardSamples * periodMs / 1000.0, Alarms: alarms);
        return new ReplayOutcome
        {
            Result = result,
            Trace = null,
            PressurePa = [],
            ResidualSigmaPa = double.NaN,
            PressureNoiseSigmaPa = double.NaN,
            Derived = derived,
            WallSeconds = stream.WallSeconds,
        };
    }

    /// <summary>How many INJ lines may be unanswered: what fits the board's receive buffer, with room to spare.</summary>
    public static int InjectWindow(BoardLine hello, int burstLength)
    {
        int rxBufferBytes = hello.Fields.ContainsKey("rx_buffer") ? hello.IntField("rx_buffer") : 256;
        int lineBytes = 40 + (3 * ((3 * burstLength) + 1));
        return Math.Max(1, (rxBufferBytes / 2) / lineBytes);
    }

    private static int ReportNewAlarms(BoardClient client, int session, int reported, IProgress<ReplayProgress> progress, long index, long total, double timeS)
    {
        IReadOnlyList<WireAlarm> all = client.Alarms;
        for (int i = reported; i < all.Count; i++)
        {
            WireAlarm a = all[i];
            if (a.Session == session)
            {
                progress.Report(new ReplayProgress(index, total, timeS, new ResultAlarm(a.Seq, a.Type, a.Severity, a.Channel, a.TimeMs / 1000.0, a.ClearedTimeMs / 1000.0, a.Cause)));
            }
        }

        return all.Count;
    }
}
