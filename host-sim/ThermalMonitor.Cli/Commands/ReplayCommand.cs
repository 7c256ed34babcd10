using System.CommandLine;
using System.Globalization;
using System.Net;
using Spectre.Console;
using ThermalMonitor.Cli.Dashboard;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using Profile = ThermalMonitor.Profiles.Profile;
using ThermalMonitor.Report;
using ThermalMonitor.Scoring;
using ThermalMonitor.Sim;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Serial;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>replay</c>: one profile through the firmware, with the alarms it raised.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var profile = new Argument<string>("profile") { Description = "Library profile name (see 'profiles list') or a CSV file path" };
        var target = CommonOptions.Target();
        var transport = CommonOptions.SerialTransport();
        var speed = new Option<double>("--speed") { Description = "Pace: 1 = real time, 60 = a minute per second; 0 (default) = as fast as possible", DefaultValueFactory = _ => 0 };
        var seed = CommonOptions.Seed();
        var config = new Option<string?>("--config")
        {
            Description = "Firmware configuration for this replay: a JSON document as for 'board config set' (PROTOCOL.md, CFG SET); members not given keep their defaults. On a board it is restored afterwards",
        };
        var window = new Option<string?>("--window")
        {
            Description = "Replay only a stretch of the profile, at its own times: " + ReplayWindow.Syntax + ". "
                + "For real boards, which take samples at their own pace; the slow (thermal-compensated) path learns from the window's start, so leave it room before the leak",
        };
        var inject = new Option<string>("--inject")
        {
            Description = "How a board target gets the samples: 'reduced' (default: INJR, each burst reduced here by the firmware's own reducer with the replay's settings) or 'bursts' (INJ, the raw ADC bursts, reduced by the board). Same results; a protocol 1 board always gets bursts",
            DefaultValueFactory = _ => "reduced",
        };
        inject.AcceptOnlyFromAmong("reduced", "bursts");
        var maxGap = new Option<string>("--max-gap")
        {
            Description = "A stretch longer than this without a row (seconds, 10m, 2h, 1d) is replayed as one time jump, which the firmware sees (SAMPLE_GAP) as after a stall, not filled with interpolated samples; auto = 100 median row intervals, at least 60 s",
            DefaultValueFactory = _ => "auto",
        };
        var dashboard = new Option<string?>("--dashboard")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Follow the replay on a live page (plots, caution-and-warning panel with ACK, progress, leak onset), served on "
                + ListenAddress.Default + " or the address:port given (--dashboard=0.0.0.0:8600; beyond loopback, ACK needs the token printed). "
                + "The replay keeps the pace of --speed; the board sends telemetry for the page; the page stays up after the replay until Ctrl+C",
        };
        var json = CommonOptions.Json();
        var report = CommonOptions.Report();
        var junit = CommonOptions.Junit();
        var library = CommonOptions.Library();
        var foreign = new CommonOptions.Foreign();
        var command = new Command("replay",
            "Replay a profile through the firmware core and list the alarms it raises.\n"
            + "Example: thermal-sim replay soyuz-ms22 --report ms22.html\n"
            + "Example: thermal-sim replay progress-ms21 --target virtual\n"
            + "Example: thermal-sim replay soyuz-ms22 --target virtual --speed 600 --dashboard   (then open http://127.0.0.1:8600/)\n"
            + "Example: thermal-sim replay progress-ms21 --target serial:/dev/ttyUSB0@921600\n"
            + "Example: thermal-sim replay soyuz-ms22 --window onset-2h..onset+1h --target serial:/dev/ttyUSB0@921600\n"
            + "Example: thermal-sim replay bench.csv --map time=Time,pressure=P1,temp=T1 --pressure-unit bar --gauge --json -\n"
            + "Example: thermal-sim replay water-loop.csv --map time=1,pressure=2 --pressure-unit bar --config one-bar-loop.json")
        {
            profile, target, transport, speed, seed, config, window, inject, maxGap, dashboard, json, report, junit, library,
        };
        foreign.AddTo(command);
        command.SetAction(parse =>
        {
            string? jsonPath = parse.GetValue(json);
            Outputs.RequireDistinct(("--json", jsonPath), ("--report", parse.GetValue(report)), ("--junit", parse.GetValue(junit)));
            IAnsiConsole console = Consoles.Human(jsonPath == "-");
            double pace = parse.GetValue(speed);
            if (pace < 0 || double.IsNaN(pace))
            {
                throw new UserInputException($"--speed {pace.ToString(CultureInfo.InvariantCulture)}: expected 0 (as fast as possible) or a positive factor");
            }

            double? maxGapS = ParseMaxGap(parse.GetValue(maxGap)!);
            IPEndPoint? dashboardAt = parse.GetResult(dashboard) is null ? null : ListenAddress.Parse(parse.GetValue(dashboard) ?? ListenAddress.Default, "--dashboard");
            TargetSpec where = CommonOptions.ParseTarget(parse.GetValue(target)!);
            SerialTransport serialTransport = CommonOptions.ParseSerialTransport(parse.GetValue(transport));

            // The configuration is judged before anything runs, as the board would judge it.
            string? configPath = parse.GetValue(config);
            MonitorConfig? requested = configPath is null ? null : ReadConfig(configPath);
            ResolvedProfile resolved = ProfileResolver.Resolve(parse.GetRequiredValue(profile), parse.GetValue(library), foreign.Read(parse));
            double? onsetS = resolved.LeakOnsetS;
            if (parse.GetValue(window) is { } windowText)
            {
                resolved = Windowed(console, resolved, ReplayWindow.Parse(windowText), onsetS);
            }

            PrintHeader(console, resolved, where, configPath);
            PrintNotices(console, resolved, requested);
            int periodMs = ReplayConfiguration.For(resolved.Profile, requested).Get(ParamId.SamplePeriodMs);
            if (maxGapS < ReplaySegments.ShortestMaxGapS(periodMs))
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"--max-gap {parse.GetValue(maxGap)}: expected at least three sample periods ({ReplaySegments.ShortestMaxGapS(periodMs)} s at samplePeriodMs {periodMs}), so that the firmware sees a sample on both sides of a gap"));
            }

            InjectForm form = parse.GetValue(inject) == "bursts" ? InjectForm.Bursts : InjectForm.Reduced;
            var options = new ReplayOptions
            {
                Config = requested, SensorSeed = parse.GetValue(seed), Speed = pace, LeakOnsetS = onsetS, CollectTrace = false, CollectPressure = false,
                Inject = form, MaxGapS = maxGapS,
                TelemetryPeriodMs = dashboardAt is null ? 0 : ReplayDashboard.TelemetryPeriodMs(pace, periodMs),
            };
            using var stop = new StopRequest();
            DateTimeOffset started = DateTimeOffset.UtcNow;
            ReplayOutcome outcome;
            ReplayTrace? trace = null;
            var view = new ReplayRunView(console, $"replay {resolved.Profile.Name} on {where}", onsetS);
            // With a dashboard the person acknowledges alarms on the page, so the link does not.
            using ReplayDashboard? live = dashboardAt is null ? null
                : ReplayDashboard.Open(console, where, serialTransport, dashboardAt, ReplayDashboard.Starting(resolved.Profile, DisplayName(resolved), where.ToString(), onsetS, pace));
            try
            {
                outcome = live is null
                    ? ReplayOnTarget(console, view, resolved, options, where, serialTransport, onsetS, stop.Token)
                    : ReplayOnTarget(console, view, resolved, options, live.Connection, onsetS, live, stop.Token);
                live?.End("finished", $"{outcome.Result.Alarms.Count} alarms raised", outcome.Result.Samples);
                PrintResult(console, outcome, onsetS, DisplayName(resolved));
                Outputs.WriteJson(jsonPath, ReplayResultJson.Serialize(outcome.Result), console);
                if (parse.GetValue(report) is not null)
                {
                    trace = ReportTrace(console, resolved, options, outcome.Result, stop.Token);
                }
            }
            catch (UserInputException e) when (live is not null)
            {
                live.End("failed", e.Message);
                throw;
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                live?.End("stopped", $"{stop.Reason ?? "Ctrl+C"} on the host");
                view.PrintStopped(stop.Reason ?? "Ctrl+C", where.Kind == TargetKind.Sil ? null : "the board has its own configuration back");
                return stop.ExitCode;
            }

            if (parse.GetValue(report) is { } reportPath)
            {
                Outputs.WriteText(reportPath, HtmlReport.RenderReplay(trace!), console, "report");
            }

            if (parse.GetValue(junit) is { } junitPath)
            {
                JunitCase judged = Judge(DisplayName(resolved), resolved, parse.GetValue(window) is not null, outcome);
                Outputs.WriteText(junitPath, JunitReport.Render("thermal-sim replay", [judged], started), console, "JUnit report");
            }

            if (live is not null)
            {
                Consoles.OneLine(console, $"replay finished; the dashboard stays up at {live.Server.Address} until Ctrl+C", "grey");
                stop.Token.WaitHandle.WaitOne();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The replay held to the profile's .expect.json for --junit; a profile without one, or a window
    /// of one (its expectations speak of the whole profile), is a skipped case, not a pass.
    /// </summary>
    private static JunitCase Judge(string name, ResolvedProfile resolved, bool windowed, ReplayOutcome outcome)
    {
        string? skipped = resolved.Expectation is null ? "no expectations (.expect.json) for this profile"
            : windowed ? "a --window replay is not judged against the whole profile's expectations"
            : null;
        IReadOnlyList<string> failures = skipped is null ? ExpectationChecker.Check(resolved.Expectation!, outcome.Result) : [];
        return new JunitCase(name, failures, skipped, outcome.WallSeconds);
    }

    /// <summary>The profile cut to the window (times unchanged), said on the console.</summary>
    private static ResolvedProfile Windowed(IAnsiConsole console, ResolvedProfile resolved, ReplayWindow window, double? onsetS)
    {
        Profile whole = resolved.Profile;
        (double fromS, double toS) = window.Resolve(whole.FirstRow.TimeS, whole.LastRow.TimeS, onsetS);
        Profile cut;
        try
        {
            cut = ProfileWindow.Cut(whole, fromS, toS);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--window {window.Text}: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        console.MarkupLine(Markup.Escape($"window {AlarmTableView.Clock(cut.FirstRow.TimeS)} – {AlarmTableView.Clock(cut.LastRow.TimeS)} of the profile ({CommonOptions.FormatSeconds(cut.DurationS)} of {CommonOptions.FormatSeconds(whole.DurationS)}, {cut.RowCount:N0} rows)"));
        return resolved with { Profile = cut };
    }

    /// <summary>The sample gap (null: auto): at least a second (the firmware notices 2.5 periods), at most the longest replay.</summary>
    private static double? ParseMaxGap(string text)
    {
        if (text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!ReplayWindow.TryParseDuration(text.Trim(), out double seconds))
        {
            throw new UserInputException($"--max-gap '{text}': expected auto or a duration (seconds, 10m, 2h, 1d or h:mm:ss)");
        }

        if (!(seconds >= 1 && seconds <= ReplaySegments.MaxReplayedS))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--max-gap '{text}': expected from 1 s to 366 days, got {seconds} s"));
        }

        return seconds;
    }

    private static MonitorConfig ReadConfig(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UserInputException("--config '': expected a JSON file (the CFG SET document, e.g. {\"redLowPa\":70000,\"yellowLowPa\":85000})");
        }

        try
        {
            return ConfigFile.Read(path);
        }
        catch (ConfigFileException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    /// <summary>
    /// The replay on its target, over the serial protocol whatever the target (the in-process board
    /// for sil, a virtual board, a real one); the board gets its own state back afterwards.
    /// </summary>
    private static ReplayOutcome ReplayOnTarget(IAnsiConsole console, ReplayRunView view, ResolvedProfile resolved, ReplayOptions options, TargetSpec where, SerialTransport serialTransport, double? onsetS, CancellationToken cancellation)
    {
        using TargetConnection connection = BoardTargets.Open(console, where, serialTransport);
        return ReplayOnTarget(console, view, resolved, options, connection, onsetS, null, cancellation);
    }

    private static ReplayOutcome ReplayOnTarget(IAnsiConsole console, ReplayRunView view, ResolvedProfile resolved, ReplayOptions options, TargetConnection connection, double? onsetS, ReplayDashboard? dashboard, CancellationToken cancellation)
    {
        TargetSpec where = connection.Spec;
        try
        {
            return view.Run(p => connection.Replay(resolved.Profile, options, dashboard?.Follow(p) ?? p, cancellation));
        }
        catch (BoardRestoreException e)
        {
            if (e.Outcome is { } finished)
            {
                PrintResult(console, finished, onsetS, DisplayName(resolved));
            }

            string saved = SaveOwnConfig(e.Own);
            throw new UserInputException($"target {where}: {e.Message}; its own configuration is saved in {saved}: put it back with 'thermal-sim board config set @{saved} --target {where}'");
        }
        catch (Exception e) when (e is TimeoutException or ThermalMonitor.Link.BoardProtocolException or ThermalMonitor.Serial.SerialLinkLostException)
        {
            throw new UserInputException($"target {where}: {e.Message}");
        }
    }

    /// <summary>
    /// The report's per-sample series (pressure, temperature, residual, detector statistic): a board
    /// sends none over the wire, so the same counts go through the core run directly, unpaced, and
    /// the page shows those series with the target's alarms. For the same counts both raise the same
    /// alarms (the HIL suite holds every target to it); if they ever differ, the replay says so.
    /// </summary>
    private static ReplayTrace ReportTrace(IAnsiConsole console, ResolvedProfile resolved, ReplayOptions options, ReplayResult onTarget, CancellationToken cancellation)
    {
        console.MarkupLine("[grey]report: the per-sample series come from the same counts through the firmware core run directly[/]");
        IReadOnlyList<TraceAlarm> targetAlarms = [.. onTarget.Alarms.Select(a => new TraceAlarm(a.Seq, a.Type, a.Severity, a.Channel, a.Cause, a.TimeS, a.ClearedTimeS))];
        // The close-up is known from the target's alarms: a long replay's trace keeps it finer than the rest.
        var focus = HtmlReport.CloseUpWindow(options.LeakOnsetS, targetAlarms, resolved.Profile.FirstRow.TimeS, resolved.Profile.LastRow.TimeS);
        ReplayOutcome direct = CoreReplayer.Run(resolved.Profile, options with { Speed = 0, CollectTrace = true, CollectPressure = false, TraceFocus = focus }, null, cancellation);
        if (!direct.Result.Alarms.SequenceEqual(onTarget.Alarms))
        {
            Consoles.OneLine(console, $"warning: the core run directly raised {direct.Result.Alarms.Count} alarms where target {onTarget.Target} raised {onTarget.Alarms.Count} (or different ones); the report plots the direct run's series with the target's alarms");
        }

        ReplayTrace series = direct.Trace!;
        return new ReplayTrace
        {
            ProfileName = series.ProfileName,
            Target = onTarget.Target,
            Description = series.Description,
            LeakOnsetS = series.LeakOnsetS,
            StartUtc = series.StartUtc,
            ModelWarmupS = series.ModelWarmupS,
            StatisticPersistS = series.StatisticPersistS,
            TimeS = series.TimeS,
            PressureKpa = series.PressureKpa,
            TempC = series.TempC,
            ResidualKpa = series.ResidualKpa,
            StatisticPercent = series.StatisticPercent,
            DecimatedSamples = series.DecimatedSamples,
            ValidPressureSamples = series.ValidPressureSamples,
            ValidTempSamples = series.ValidTempSamples,
            Alarms = targetAlarms,
        };
    }

    private static string SaveOwnConfig(BoardState own)
    {
        string path = Path.Combine(Path.GetTempPath(), $"thermal-sim-board-config-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.json");
        File.WriteAllText(path, own.ConfigDocument + "\n");
        return path;
    }

    private static string DisplayName(ResolvedProfile resolved) =>
        resolved.Entry is null ? resolved.Profile.SourcePath ?? resolved.Profile.Name : resolved.Profile.Name;

    private static void PrintHeader(IAnsiConsole console, ResolvedProfile resolved, TargetSpec target, string? configPath)
    {
        Profile p = resolved.Profile;
        string description = p.Metadata.GetValueOrDefault("description") ?? string.Empty;
        string truth = resolved.Expectation is { LeakOnsetS: { } onset } e
            ? $"\nleak onset at {AlarmTableView.Clock(onset)}" + (e.HoleDiameterMm is { } mm ? $", hole {mm.ToString(CultureInfo.InvariantCulture)} mm" : string.Empty) + " [grey](ground truth, for display only)[/]"
            : string.Empty;
        string configuration = configPath is null ? "defaults" : Markup.Escape(configPath);
        console.Write(new Panel(new Markup($"[bold]{Markup.Escape(p.Name)}[/] — {Markup.Escape(description)}\n{CommonOptions.FormatSeconds(p.DurationS)} of profile, firmware target [bold]{target}[/], configuration {configuration}{truth}"))
            .Header("thermal-sim replay").Border(BoxBorder.Rounded));
    }

    /// <summary>What the user should know before the alarms come: a missing coolant temperature, limits the recording starts beyond.</summary>
    private static void PrintNotices(IAnsiConsole console, ResolvedProfile resolved, MonitorConfig? requested)
    {
        string file = DisplayName(resolved);
        if (!resolved.Profile.HasCoolantTemperature)
        {
            Consoles.OneLine(console, $"no coolant temperature in {file}: the thermal-compensated slow path is off for this replay");
        }

        ImpossibleReadings readings = ImpossibleReadings.Count(resolved.Profile, new SensorSettings().PressureFullScaleKpa);
        if (readings.Pressure.BelowPhysicalMinimum * 2 > resolved.Profile.RowCount)
        {
            Consoles.OneLine(console, $"hint: most pressure readings in {file} are below vacuum (absolute pressure < 0 kPa): if the file holds gauge pressure, add --gauge");
        }

        foreach (string hint in LimitHints.For(resolved.Profile, ReplayConfiguration.For(resolved.Profile, requested), file))
        {
            Consoles.OneLine(console, hint);
        }
    }

    private static void PrintResult(IAnsiConsole console, ReplayOutcome outcome, double? onsetS, string file)
    {
        ReplayResult result = outcome.Result;
        if (result.Alarms.Count == 0)
        {
            console.MarkupLine("[green]No alarm raised.[/]");
        }
        else
        {
            console.Write(AlarmTableView.Build(result.Alarms, onsetS));
        }

        if (onsetS is { } onset && result.Alarms.FirstOrDefault(a => a.Type == AlarmNames.Depressurization && a.TimeS >= onset) is { } first)
        {
            console.MarkupLine($"[bold]{AlarmNames.Depressurization}[/] {AlarmTableView.SeverityMarkup(first.Severity)} raised [bold]{CommonOptions.FormatSeconds(first.TimeS - onset)}[/] after leak onset ({Markup.Escape(first.Cause)}).");
        }

        if (ImpossibleReadingsView.Line(result.ImpossibleReadings, file) is { } readings)
        {
            Consoles.OneLine(console, readings);
        }

        if (outcome.Gaps.Count > 0)
        {
            ReplayGap longest = outcome.Gaps.MaxBy(g => g.LengthS)!;
            Consoles.OneLine(console, string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Gaps.Count:N0} time gaps longer than --max-gap in {file} were replayed as time jumps (the firmware saw each as a SAMPLE_GAP), not filled with samples; the longest: {CommonOptions.FormatSeconds(longest.LengthS)} from {longest.FromS} s to {longest.ToS} s at data row {longest.DataRow:N0}"));
        }

        if (outcome.SingleRowSpikes > 0)
        {
            Consoles.OneLine(console, $"{outcome.SingleRowSpikes} single-row spikes in {file} were fed to the firmware as single readings, not interpolated into excursions lasting two row intervals");
        }

        double rate = result.Samples / Math.Max(outcome.WallSeconds, 1e-9);
        console.MarkupLine($"[grey]{result.Samples:N0} samples ({CommonOptions.FormatSeconds(result.DurationS)} of profile) in {outcome.WallSeconds:0.0} s — {rate:N0} samples/s[/]");
    }
}
