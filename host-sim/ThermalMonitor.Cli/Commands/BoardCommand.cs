using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;
using ThermalMonitor.Targets;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>board</c>: talk to a board over the serial protocol (PROTOCOL.md), or be one (<c>board virtual</c>).</summary>
public static class BoardCommand
{
    public static Command Create() => new("board", "Talk to a board over the serial protocol (status, config, ack, monitor), list serial ports, or run a virtual board.\n"
        + "Example: thermal-sim board status --target serial:/dev/ttyUSB0\n"
        + "Example: thermal-sim board virtual --live soyuz-ms22 --speed 60 --link /tmp/ttyTM0")
    {
        Status(), Config(), Mode(), Ack(), Monitor(), Ports(), Virtual(), BoardCalibrateCommand.Create(), BoardConsoleCommand.Create(),
    };

    private static Command Status()
    {
        var target = BoardTarget();
        var transport = CommonOptions.SerialTransport();
        var raw = RawOption();
        var command = new Command("status", "Show the board's STATUS: loop timing, overruns, memory, counters.\nExample: thermal-sim board status --target serial:/dev/ttyUSB0") { target, transport, raw };
        command.SetAction(parse =>
        {
            IAnsiConsole console = Consoles.Human(false);
            using TargetConnection connection = BoardTargets.Open(console, CommonOptions.ParseTarget(parse.GetValue(target)!), CommonOptions.ParseSerialTransport(parse.GetValue(transport)), acknowledgeAlarms: false);
            BoardLine status = Exchange(connection, parse.GetValue(raw), client => client.Send(LinkDictionary.Status));
            if (parse.GetValue(raw))
            {
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn("value");
            foreach ((string key, string value) in status.Fields)
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Config()
    {
        var target = BoardTarget();
        var transport = CommonOptions.SerialTransport();
        var raw = RawOption();
        var action = new Argument<string>("action") { Description = "get, set, defaults (every parameter and the ADC calibration back to the built-in defaults; asks first, or --yes) or save (write the configuration in force to the board's storage, so it survives a reset)" };
        var document = new Argument<string?>("document") { Description = "For set: a JSON document, or @file.json (pretty-printed or not: it is sent as one line)", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--config-file") { Description = "For set: read the JSON document from this file (as @file)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "For defaults: reset without asking (needed when standard input is not a terminal)" };
        var command = new Command("config", "Get or set the board's configuration (JSON, PROTOCOL.md), reset it to the defaults, or save it on the board.\n"
            + "Example: thermal-sim board config get --target virtual > board.json\n"
            + "Example: thermal-sim board config save --target serial:/dev/ttyUSB0\n"
            + "Example: thermal-sim board config set '{\"rateLimitPaPerS\":250}' --target serial:/dev/ttyUSB0\n"
            + "Example: thermal-sim board config set @board.json --target serial:/dev/ttyUSB0   (or --config-file board.json)\n"
            + "Example: thermal-sim board config defaults --yes --target serial:/dev/ttyUSB0")
        {
            action, document, file, yes, target, transport, raw,
        };
        command.SetAction(parse =>
        {
            string verb = parse.GetRequiredValue(action);
            string? text = parse.GetValue(document);
            string? path = parse.GetValue(file);
            if (verb != "set" && (text is not null || path is not null))
            {
                throw new UserInputException($"board config {verb}: takes no document (only set does)");
            }

            string? line = verb switch
            {
                "get" => $"{LinkDictionary.Config} {LinkDictionary.Get}",
                "defaults" => $"{LinkDictionary.Config} {LinkDictionary.Defaults}",
                "save" => $"{LinkDictionary.Config} {LinkDictionary.Save}",
                "set" => null,
                _ => throw new UserInputException($"board config '{verb}': expected get, set, defaults or save"),
            };
            bool confirmed = parse.GetValue(yes);
            if (confirmed && verb != "defaults")
            {
                throw new UserInputException($"board config {verb}: --yes is for defaults only (nothing else asks)");
            }

            TargetSpec spec = CommonOptions.ParseTarget(parse.GetValue(target)!);
            if (verb == "defaults" && !confirmed)
            {
                ConfirmDefaults(spec);
            }

            ConfigSource? setDocument = line is null ? ConfigSource.From(text, path) : null;
            IAnsiConsole console = Consoles.Human(true); // stdout: the document (get), the sentence, or the wire lines
            using TargetConnection connection = BoardTargets.Open(console, spec, CommonOptions.ParseSerialTransport(parse.GetValue(transport)), acknowledgeAlarms: false);
            BoardLine reply = Exchange(connection, parse.GetValue(raw), client => setDocument is null ? client.Send(line!) : client.SetConfig(setDocument.Line), setDocument?.Path);

            if (!parse.GetValue(raw))
            {
                string said = BoardReplyText.Describe(reply);
                Console.Out.WriteLine(verb == "defaults" ? "default " + said : said);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>config defaults</c> throws away every parameter and the ADC calibration: asked at a
    /// terminal, refused without <c>--yes</c> anywhere else, before the board is even opened.
    /// </summary>
    private static void ConfirmDefaults(TargetSpec target)
    {
        if (!Confirmation.CanAsk)
        {
            throw new UserInputException("board config defaults resets every parameter and the ADC calibration of the board to the built-in defaults; add --yes to do it without a terminal to confirm on");
        }

        if (!Confirmation.Ask($"reset the whole configuration of {target} to defaults?"))
        {
            throw new UserInputException($"board config defaults: not confirmed; the configuration of {target} is unchanged");
        }
    }

    private static Command Mode()
    {
        var target = BoardTarget();
        var transport = CommonOptions.SerialTransport();
        var raw = RawOption();
        var which = new Argument<string>("mode") { Description = "live (sample the board's own sensors) or replay (take only injected samples)" };
        var command = new Command("mode", "Switch the board between LIVE and REPLAY (a new session either way).\n"
            + "REPLAY from LIVE borrows the board's settings; LIVE gives them back, as does a minute without a line from the host.\n"
            + "Example: thermal-sim board mode live --target serial:/dev/ttyUSB0") { which, target, transport, raw };
        command.SetAction(parse =>
        {
            string mode = parse.GetRequiredValue(which);
            string wire = mode switch
            {
                "live" => LinkDictionary.ModeName(LinkMode.Live),
                "replay" => LinkDictionary.ModeName(LinkMode.Replay),
                _ => throw new UserInputException($"board mode '{mode}': expected live or replay"),
            };
            IAnsiConsole console = Consoles.Human(false);
            using TargetConnection connection = BoardTargets.Open(console, CommonOptions.ParseTarget(parse.GetValue(target)!), CommonOptions.ParseSerialTransport(parse.GetValue(transport)), acknowledgeAlarms: false);
            Say(Exchange(connection, parse.GetValue(raw), client => client.Send($"{LinkDictionary.Mode} {wire}")), parse.GetValue(raw));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Ack()
    {
        var target = BoardTarget();
        var transport = CommonOptions.SerialTransport();
        var raw = RawOption();
        var which = new Argument<string>("alarm") { Description = "Alarm sequence number, or 'all'" };
        var command = new Command("ack", "Acknowledge an alarm (or all).\nExample: thermal-sim board ack all --target serial:/dev/ttyUSB0") { which, target, transport, raw };
        command.SetAction(parse =>
        {
            string alarm = parse.GetRequiredValue(which);
            if (alarm != "all" && !int.TryParse(alarm, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new UserInputException($"board ack '{alarm}': expected an alarm sequence number or 'all'");
            }

            IAnsiConsole console = Consoles.Human(false);
            using TargetConnection connection = BoardTargets.Open(console, CommonOptions.ParseTarget(parse.GetValue(target)!), CommonOptions.ParseSerialTransport(parse.GetValue(transport)), acknowledgeAlarms: false);
            Say(Exchange(connection, parse.GetValue(raw), client => client.Send($"{LinkDictionary.Ack} {(alarm == "all" ? LinkDictionary.All : alarm)}")), parse.GetValue(raw));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Monitor()
    {
        var target = BoardTarget();
        var transport = CommonOptions.SerialTransport();
        var telemetry = new Option<int>("--telemetry-ms") { Description = "Telemetry period to ask for (0 = off)", DefaultValueFactory = _ => 1000 };
        var acknowledge = new Option<bool>("--ack") { Description = "Acknowledge alarms as they arrive (otherwise the board keeps re-sending them; each is shown once)" };
        var format = new Option<string>("--format")
        {
            Description = "text: one sentence per line (never wrapped when piped); jsonl: one JSON object per line (time, kind, type, seq, fields, text, raw)",
            DefaultValueFactory = _ => "text",
        };
        var command = new Command("monitor", "Show what the board says, live: alarms (once each), events, telemetry, one line each. Ctrl+C stops.\n"
            + "Example: thermal-sim board monitor --target serial:/dev/ttyUSB0\n"
            + "Example: thermal-sim board monitor --target serial:/dev/ttyUSB0 --format jsonl >> board.jsonl") { target, telemetry, acknowledge, format, transport };
        command.SetAction(parse =>
        {
            int periodMs = parse.GetValue(telemetry);
            if (periodMs < 0 || periodMs > BoardLink.TelemetryPeriodMaxMs)
            {
                throw new UserInputException($"--telemetry-ms {periodMs}: expected 0..{BoardLink.TelemetryPeriodMaxMs}");
            }

            MonitorFormat output = parse.GetValue(format) switch
            {
                "text" => MonitorFormat.Text,
                "jsonl" => MonitorFormat.Jsonl,
                string other => throw new UserInputException($"--format '{other}': expected text or jsonl"),
                null => MonitorFormat.Text,
            };

            // JSON lines keep standard output to themselves; what is said about the connection goes to standard error.
            IAnsiConsole console = Consoles.Human(jsonOnStdout: output == MonitorFormat.Jsonl);
            using TargetConnection connection = BoardTargets.Open(console, CommonOptions.ParseTarget(parse.GetValue(target)!), CommonOptions.ParseSerialTransport(parse.GetValue(transport)), parse.GetValue(acknowledge));
            using var stop = new StopRequest();
            var view = new MonitorView(console, output, Console.Out, TimeProvider.System);
            connection.Client.LineReceived += view.Show;
            Exchange(connection, raw: false, client => client.SetTelemetryPeriod(periodMs));
            Exchange(connection, raw: false, client => client.Send(LinkDictionary.Alarms));
            stop.Token.WaitHandle.WaitOne();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Ports()
    {
        var command = new Command("ports", "List serial devices that look like boards: USB-serial adapters on Linux and macOS, the COM ports Windows knows (System.IO.Ports).");
        command.SetAction(_ =>
        {
            IReadOnlyList<string> candidates = SerialDevices.Candidates();
            if (candidates.Count == 0)
            {
                Console.Out.WriteLine("no USB-serial devices found (Linux: /dev/ttyUSB*, /dev/ttyACM*; macOS: /dev/cu.usbserial*; Windows: the COM ports it lists)");
            }

            foreach (string device in candidates)
            {
                Console.Out.WriteLine(device);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Virtual()
    {
        var live = new Option<string?>("--live") { Description = "Live mode: sample this profile (library name or CSV path) at real-time pace instead of waiting for injected counts" };
        var speed = new Option<double>("--speed") { Description = "Live mode pace relative to real time", DefaultValueFactory = _ => 1.0 };
        var link = new Option<string?>("--link") { Description = "Also create this symbolic link to the device (a stable name, e.g. /tmp/ttyTM0)" };
        var baud = new Option<int>("--baud") { Description = "Pace bytes like a UART at this baud; 0 = unpaced", DefaultValueFactory = _ => 0 };
        var library = CommonOptions.Library();
        var command = new Command("virtual", "Run a virtual board on a pseudo-terminal and print its device path; talk to it with --target serial:<path> or any terminal program.\n"
            + "Example: thermal-sim board virtual --live soyuz-ms22 --speed 60 --link /tmp/ttyTM0   (then: picocom -b 921600 /tmp/ttyTM0)")
        {
            live, speed, link, baud, library,
        };
        command.SetAction(parse =>
        {
            int baudValue = parse.GetValue(baud);
            double speedValue = parse.GetValue(speed);
            if (baudValue < 0)
            {
                throw new UserInputException($"--baud {baudValue}: expected 0 (unpaced) or a positive baud rate");
            }

            if (!(speedValue > 0) || double.IsInfinity(speedValue))
            {
                throw new UserInputException($"--speed {speedValue.ToString(CultureInfo.InvariantCulture)}: expected a positive number");
            }

            var profile = parse.GetValue(live) is string name ? ProfileResolver.Resolve(name, parse.GetValue(library), null).Profile : null;
            VirtualBoardLink.ClearStale(parse.GetValue(link), Console.Out);

            // Ctrl+C, SIGTERM and SIGHUP all end the run through Dispose, which removes the link.
            using var stop = new StopRequest();
            using var board = new ThermalMonitor.VirtualBoard.VirtualBoard(new VirtualBoardOptions { LinkPath = parse.GetValue(link), Baud = baudValue, LiveProfile = profile, Speed = speedValue });
            Console.Out.WriteLine($"virtual board ({(profile is null ? "replay mode" : "live: " + profile.Name)}) on {board.DevicePath} (pty {board.SlavePath}); Ctrl+C stops");
            Console.Out.WriteLine(VirtualBoardProcess.DeviceMarker + board.DevicePath);
            board.Run(stop.Token);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> BoardTarget() => new("--target")
    {
        Description = "The board: virtual[@<baud>] (starts one) or serial:<device>[@<baud>]; sil works too",
        Required = true,
    };

    private static Option<bool> RawOption() => new("--raw")
    {
        Description = "Print the protocol lines instead of sentences: what was sent ('> ') and what came back ('< ')",
    };

    /// <summary>
    /// One exchange of a board command: the reply, with the wire lines on standard output when
    /// <paramref name="raw"/>; a refusal is one error line in words (BoardReplyText), exit code 2,
    /// after the name of the file the command came from, if any.
    /// </summary>
    private static BoardLine Exchange(TargetConnection connection, bool raw, Func<BoardClient, BoardLine> send, string? source = null)
    {
        using WireTrace? trace = raw ? new WireTrace(connection.Client, Console.Out) : null;
        BoardLine reply = Checked(() => send(connection.Client));
        trace?.WaitShown(reply);
        if (reply.IsError)
        {
            string refusal = BoardReplyText.Error(reply);
            throw new UserInputException(source is null ? refusal : $"{source}: {refusal}");
        }

        return reply;
    }

    /// <summary>A reply as a sentence on standard output, unless the wire lines were shown instead.</summary>
    private static void Say(BoardLine reply, bool raw)
    {
        if (!raw)
        {
            Console.Out.WriteLine(BoardReplyText.Describe(reply));
        }
    }

    private static T Checked<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is TimeoutException or BoardProtocolException or SerialLinkLostException)
        {
            throw new UserInputException(e.Message);
        }
    }
}
