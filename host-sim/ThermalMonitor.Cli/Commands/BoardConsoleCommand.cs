using System.CommandLine;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Commands;

/// <summary>
/// <c>board console</c>: type the board's commands (PROTOCOL.md §6) as they are; each goes with the
/// next sequence number and its check, and the reply comes back as a sentence (<see cref="BoardConsole"/>).
/// Scriptable: with standard input not a terminal it reads the commands from it and prints no prompt.
/// </summary>
public static class BoardConsoleCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target")
        {
            Description = "The board: serial:<device>[@<baud>] (a real board), virtual[@<baud>] (starts one) or sil",
            Required = true,
        };
        var transport = CommonOptions.SerialTransport();
        var raw = new Option<bool>("--raw") { Description = "Show the wire lines both ways ('> 2 TLM 250*7B77', '< 3 OK 2 period_ms=250*…') instead of sentences" };
        var command = new Command("console", "Type the board's commands (STATUS, TLM 250, ACK ALL, CFG SET {...}); each is sent with the next sequence number and its check, "
            + "and the reply is printed as a sentence; alarms, events and telemetry are printed as they arrive. help lists the commands; quit, exit or Ctrl+D leaves.\n"
            + "Example: thermal-sim board console --target serial:/dev/ttyUSB0@921600\n"
            + "Example: printf 'STATUS\\nTLM 250\\n' | thermal-sim board console --target sil")
        {
            target, raw, transport,
        };
        command.SetAction(parse =>
        {
            var spec = CommonOptions.ParseTarget(parse.GetValue(target)!);
            var serialTransport = CommonOptions.ParseSerialTransport(parse.GetValue(transport));
            bool atTerminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
            using var stop = new StopRequest();
            using TargetConnection connection = BoardTargets.Open(Consoles.Human(false), spec, serialTransport, acknowledgeAlarms: false);
            // A board on a device was named by BoardTargets with its path; the in-process one is named here.
            if (connection.BoardDevicePath is null && connection.Client.Hello is { } hello)
            {
                Console.Out.WriteLine($"connected: {BoardReplyText.Success(hello)}");
            }

            if (atTerminal)
            {
                Console.Out.WriteLine("type the board's commands (help lists them); quit, exit or Ctrl+D leaves");
            }

            using var session = new BoardConsole(connection.Client, Console.Out, Console.Error, parse.GetValue(raw), prompt: atTerminal);
            return session.Run(Console.In, stop.Token);
        });
        return command;
    }
}
