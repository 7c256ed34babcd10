using System.CommandLine;
using System.Net;
using Spectre.Console;
using ThermalMonitor.Cli.Dashboard;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>thermal-sim dashboard</c>: a local web page that follows a board live and acknowledges its alarms.</summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "The board: sil, virtual[@<baud>] or serial:<device>[@<baud>]", Required = true };
        var transport = CommonOptions.SerialTransport();
        var listen = new Option<string>("--listen")
        {
            Description = "Where to serve the page (address:port; port 0 lets the system choose). Beyond loopback, actions need the token printed at start",
            DefaultValueFactory = _ => ListenAddress.Default,
        };
        var telemetry = new Option<int>("--telemetry-ms") { Description = "Telemetry period to ask the board for", DefaultValueFactory = _ => 1000 };
        var command = new Command("dashboard", "Serve a live page for a board: pressure and the detector statistic plotted, the caution-and-warning panel with ACK, the event log and the board's status. Ctrl+C stops.\n"
            + "Example: thermal-sim dashboard --target serial:/dev/ttyUSB0@921600   (then open http://127.0.0.1:8600/)")
        {
            target, transport, listen, telemetry,
        };
        command.SetAction(parse =>
        {
            IPEndPoint endPoint = ListenAddress.Parse(parse.GetValue(listen)!);
            int periodMs = parse.GetValue(telemetry);
            if (periodMs < 0 || periodMs > BoardLink.TelemetryPeriodMaxMs)
            {
                throw new UserInputException($"--telemetry-ms {periodMs}: expected 0..{BoardLink.TelemetryPeriodMaxMs}");
            }

            IAnsiConsole console = Consoles.Human(false);
            // The page acknowledges: the link must not do it behind the person's back.
            using TargetConnection connection = BoardTargets.Open(console, CommonOptions.ParseTarget(parse.GetValue(target)!), CommonOptions.ParseSerialTransport(parse.GetValue(transport)), acknowledgeAlarms: false);
            using var stop = new StopRequest();
            DashboardServer server = DashboardLaunch.Serve("--listen", endPoint, connection.Client, Console.Out);
            try
            {
                // The client asks for this period again after a reconnection (a reset board starts with its default).
                ThrowIfRefused(connection.Client.SetTelemetryPeriod(periodMs), BoardClient.TelemetryCommand(periodMs));
                ThrowIfRefused(connection.Client.Send(LinkDictionary.Alarms), LinkDictionary.Alarms);
                stop.Token.WaitHandle.WaitOne();
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void ThrowIfRefused(BoardLine reply, string command)
    {
        if (reply.IsError)
        {
            throw new UserInputException($"the board refused {command}: {BoardReplyText.Error(reply)}");
        }
    }
}
