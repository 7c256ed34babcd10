using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.Targets;

/// <summary>
/// Hardware in the loop: a profile through the simulated sensor chain into raw ADC counts, and the
/// counts over the serial protocol to a board — in-process, virtual or real — as reduced bursts
/// (INJR, reduced here by the core's own reducer with the replay's settings; the default) or as
/// raw bursts (INJ, <see cref="ReplayOptions.Inject"/>; always for a protocol 1 board). The board is
/// put in a fresh replay session with the replay's configuration first, so its alarms (sequence
/// numbers and times) are those SIL gives for the same counts; afterwards, whatever happened
/// (finished, failed, cancelled), it gets its own configuration and telemetry period back, and a
/// board that was LIVE goes back to LIVE (<see cref="BoardState"/>).
/// </summary>
public static class WireReplayer
{
    private const int ProgressEverySamples = 2000;

    // A paced replay (--speed) takes 2000 samples in 20 s of wall time at 10×: alarms and progress
    // are passed on at least this often instead, so a person sees an alarm when it happens.
    private const double ProgressEveryWallS = 0.25;

    /// <exception cref="ArgumentException">The replay's configuration is invalid.</exception>
    /// <exception cref="BoardRestoreException">The board could not be given its own state back.</exception>
    public static ReplayOutcome Run(Profile profile, ReplayOptions options, BoardClient client, string target, IProgress<ReplayProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        MonitorConfig config = ReplayConfiguration.For(profile, options.Config);
        var derived = new DerivedSettings();
        var errors = new ConfigErrors();
        if (!ConfigValidator.Validate(config, errors, derived))
        {
            throw new ArgumentException("replay configuration is invalid: " + errors[0], nameof(options));
        }

        BoardLine hello = client.WaitReady();
        BoardState own = BoardState.Read(client, hello);
        ReplayOutcome? outcome = null;
        Exception? failure = null;
        try
        {
            outcome = RunSession(profile, options, client, target, config, derived, hello, progress, cancellation);
            return outcome;
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            // Also after an error or a cancellation (Ctrl+C): the board is given back as it was.
            own.Restore(client, failure, outcome);
        }
    }

    private static ReplayOutcome RunSession(Profile profile, ReplayOptions options, BoardClient client, string target, MonitorConfig config, DerivedSettings derived, BoardLine hello, IProgress<ReplayProgress>? progress, CancellationToken cancellation)
    {
        client.Send($"{LinkDictionary.Ack} {LinkDictionary.All}");

        // REPLAY first: a LIVE board keeps its own settings aside now, before the replay's are
        // applied, and gives them back itself on MODE LIVE or when this host goes away.
        client.SendOk($"{LinkDictionary.Mode} {LinkDictionary.ModeName(LinkMode.Replay)}");
        client.SetConfigOk(ConfigJson.Write(config));
        string used = client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}").Payload
            ?? throw new BoardProtocolException("the board answered CFG GET without a document");
        client.SetTelemetryPeriodOk(options.TelemetryPeriodMs);
        // A second MODE REPLAY starts the session from power-on state with the replay's configuration, as the in-process core starts.
        BoardLine started = client.SendOk($"{LinkDictionary.Mode} {LinkDictionary.ModeName(LinkMode.Replay)}");
        int session = started.IntField(WireField.Session);

        // STATUS injected counts since power-on: this replay's samples are what it adds.
        long injectedBefore = client.SendOk(LinkDictionary.Status).LongField(WireField.Injected);

        int periodMs = derived.SamplePeriodMs;
        var stream = new ReplaySampleStream(profile, periodMs, derived.BurstLength, options.SensorSeed, options.Speed, options.MaxGapS);
        long total = stream.Total;
        var body = new byte[InjectCommand.BytesMax];
        InjectForm form = FormFor(options.Inject, hello);
        var reducer = new BurstReducer();

        int reported = 0;
        long index = 0;
        double lastReportWallS = 0;
        while (stream.TryNext(out double timeS))
        {
            cancellation.ThrowIfCancellationRequested();
            // INJR: the reduction the board would do, done here by the same code with the settings
            // the board was just given (derived from the configuration sent above).
            int length = form == InjectForm.Reduced
                ? InjectCommand.WriteReduced(stream.Sample, reducer, derived, body)
                : InjectCommand.Write(stream.Sample, body);
            client.Inject(body.AsSpan(0, length));
            index++;
            if (progress is not null && (index % ProgressEverySamples == 0 || index == total || stream.WallSeconds - lastReportWallS >= ProgressEveryWallS))
            {
                lastReportWallS = stream.WallSeconds;
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
        long boardSamples = status.LongField(WireField.Injected) - injectedBefore;
        var result = new ReplayResult(Profile: profile.Name, Target: target, Samples: boardSamples, DurationS: boardSamples * periodMs / 1000.0, Alarms: alarms)
        {
            ImpossibleReadings = stream.ImpossibleReadings,
            Config = used,
            SampleGaps = stream.Gaps.Count,
        };
        return new ReplayOutcome
        {
            SingleRowSpikes = stream.SingleRowSpikes,
            Gaps = stream.Gaps,
            Result = result,
            Trace = null,
            PressurePa = [],
            ResidualSigmaPa = double.NaN,
            PressureNoiseSigmaPa = double.NaN,
            Derived = derived,
            WallSeconds = stream.WallSeconds,
        };
    }

    /// <summary>
    /// The form the board gets: INJR needs protocol 2, so a protocol 1 board gets bursts (INJ); a
    /// board of a protocol newer than this host knows is refused before anything is sent.
    /// </summary>
    /// <exception cref="BoardProtocolException">The board's HELLO has no usable proto= or a newer one.</exception>
    public static InjectForm FormFor(InjectForm requested, BoardLine hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        if (!hello.Fields.TryGetValue(WireField.Protocol, out string? text)
            || !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int protocol)
            || protocol < 1)
        {
            throw new BoardProtocolException($"the board's HELLO carries no protocol version: {hello.Text}");
        }

        if (protocol > LinkDictionary.ProtocolVersion)
        {
            throw new BoardProtocolException($"the board speaks protocol {protocol}; this host knows 1..{LinkDictionary.ProtocolVersion}: update the host tools");
        }

        return protocol < 2 ? InjectForm.Bursts : requested;
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
