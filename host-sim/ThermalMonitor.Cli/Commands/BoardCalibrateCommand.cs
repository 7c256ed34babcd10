using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Commands;

/// <summary>
/// <c>board calibrate</c>: turns measured (pin millivolts, raw counts) pairs into the board's ADC
/// calibration knots and applies them with <c>CFG SET {"adcCalCounts":[...],"adcCalMicrovolts":[...]}</c>
/// (PROTOCOL.md §11; procedure in hardware/README.md, "Per-board ADC calibration").
/// </summary>
public static class BoardCalibrateCommand
{
    public const int PointsMin = 2;
    public const int PointsMax = 8;
    public const decimal MillivoltsMax = 3300m;
    public const int CountsMax = 4095;

    private const string PointForm = "<millivolts>=<counts>, e.g. 1500.5=1790";

    public static Command Create()
    {
        var points = new Option<string[]>("--point")
        {
            Description = "A measured knot: the pin voltage in mV (0..3300, decimals allowed) and the raw ADC reading (0..4095) at it, as "
                + PointForm + ". Give 2 to 8, one --point each",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var target = new Option<string>("--target")
        {
            Description = "The board: serial:<device>[@<baud>] (a real board), virtual[@<baud>] (starts one) or sil",
            Required = true,
        };
        var transport = CommonOptions.SerialTransport();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the CFG SET document and stop; nothing is sent" };
        var command = new Command("calibrate", "Set the board's ADC calibration from 2..8 measured points (pin mV = raw counts), sent as CFG SET adcCalCounts/adcCalMicrovolts.\n"
            + "Example: thermal-sim board calibrate --point 150=175 --point 2450=2900 --point 3150=4095 --target serial:/dev/ttyUSB0@921600\n"
            + "Example: thermal-sim board calibrate --point 151.2=180 --point 1650=1962 --point 2449.8=2895 --target virtual --dry-run")
        {
            points, target, dryRun, transport,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<Knot> knots = Knots(parse.GetValue(points) ?? []);
            string document = Document(knots);
            CheckWithHostReader(document);
            var spec = CommonOptions.ParseTarget(parse.GetValue(target)!);
            var serialTransport = CommonOptions.ParseSerialTransport(parse.GetValue(transport));
            if (parse.GetValue(dryRun))
            {
                Console.Out.WriteLine(document);
                return ExitCodes.Success;
            }

            IAnsiConsole console = Consoles.Human(false);
            using TargetConnection connection = BoardTargets.Open(console, spec, serialTransport, acknowledgeAlarms: false);
            BoardLine reply = Checked(() => connection.Client.Send($"{LinkDictionary.Config} {LinkDictionary.Set} {document}"));
            if (reply.IsError)
            {
                throw new UserInputException(BoardReplyText.Error(reply));
            }

            CheckInForce(Checked(() => connection.Client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}")), knots);

            var table = new Table().Border(TableBorder.Rounded).AddColumn("knot").AddColumn(new TableColumn("counts").RightAligned())
                .AddColumn(new TableColumn("pin mV").RightAligned()).AddColumn(new TableColumn("pin µV").RightAligned());
            for (int i = 0; i < knots.Count; i++)
            {
                table.AddRow(
                    i.ToString(CultureInfo.InvariantCulture),
                    knots[i].Counts.ToString(CultureInfo.InvariantCulture),
                    (knots[i].Microvolts / 1000m).ToString("0.000", CultureInfo.InvariantCulture),
                    knots[i].Microvolts.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(table);
            console.MarkupLine($"calibration applied ({knots.Count} knots; it lasts until the board restarts: keep the command to apply it again)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One calibration knot: a raw reading and the pin voltage it stands for.</summary>
    public readonly record struct Knot(int Counts, int Microvolts, string Text);

    /// <summary>Parses, range-checks and sorts the points by counts; throws a one-line error naming the bad point.</summary>
    public static IReadOnlyList<Knot> Knots(IReadOnlyList<string> points)
    {
        if (points.Count < PointsMin || points.Count > PointsMax)
        {
            throw new UserInputException($"board calibrate: give {PointsMin} to {PointsMax} --point {PointForm.Split(',')[0]}, got {points.Count}");
        }

        var knots = points.Select(Parse).OrderBy(k => k.Counts).ToList();
        for (int i = 1; i < knots.Count; i++)
        {
            Knot low = knots[i - 1];
            Knot high = knots[i];
            if (high.Counts == low.Counts)
            {
                throw new UserInputException($"--point '{low.Text}' and --point '{high.Text}' have the same counts {high.Counts}: counts must be strictly increasing");
            }

            if (high.Microvolts <= low.Microvolts)
            {
                throw new UserInputException($"--point '{low.Text}' and --point '{high.Text}': the voltage must rise with the counts "
                    + $"({Millivolts(low)} mV at {low.Counts} counts, {Millivolts(high)} mV at {high.Counts} counts)");
            }
        }

        return knots;
    }

    /// <summary>The CFG SET document: knots sorted by counts, microvolts as whole numbers.</summary>
    public static string Document(IReadOnlyList<Knot> knots)
    {
        var text = new StringBuilder("{\"adcCalCounts\":[");
        text.AppendJoin(',', knots.Select(k => k.Counts.ToString(CultureInfo.InvariantCulture)));
        text.Append("],\"adcCalMicrovolts\":[");
        text.AppendJoin(',', knots.Select(k => k.Microvolts.ToString(CultureInfo.InvariantCulture)));
        text.Append("]}");
        return text.ToString();
    }

    private static Knot Parse(string text)
    {
        string[] parts = text.Split('=');
        if (parts.Length != 2
            || !decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal millivolts)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int counts))
        {
            throw new UserInputException($"--point '{text}': expected {PointForm}");
        }

        if (millivolts > MillivoltsMax)
        {
            throw new UserInputException($"--point '{text}': {parts[0]} mV is outside 0..{MillivoltsMax.ToString(CultureInfo.InvariantCulture)} mV");
        }

        if (counts > CountsMax)
        {
            throw new UserInputException($"--point '{text}': {parts[1]} counts is outside 0..{CountsMax}");
        }

        int microvolts = (int)decimal.Round(millivolts * 1000m, MidpointRounding.AwayFromZero);
        return new Knot(counts, microvolts, text);
    }

    private static string Millivolts(Knot knot) => (knot.Microvolts / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Runs the document through the host twin of the board's configuration reader, so a refusal is explained before anything is sent.</summary>
    private static void CheckWithHostReader(string document)
    {
        try
        {
            ConfigJson.Read(document, new MonitorConfig());
        }
        catch (FormatException e)
        {
            throw new UserInputException($"the calibration would be refused: {e.Message}");
        }
    }

    /// <summary>Reads the knots back (CFG GET) so "applied" means the board has them in force.</summary>
    private static void CheckInForce(BoardLine reply, IReadOnlyList<Knot> knots)
    {
        MonitorConfig inForce;
        try
        {
            inForce = ConfigJson.Read(reply.Payload ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"the board accepted the calibration but its CFG GET reply cannot be read: {e.Message}");
        }

        bool same = inForce.Get(ParamId.AdcCalKnotCount) == knots.Count
            && knots.Select((k, i) => inForce.AdcCalCounts[i] == k.Counts && inForce.AdcCalMicrovolts[i] == k.Microvolts).All(equal => equal);
        if (!same)
        {
            throw new UserInputException("the board answered OK but CFG GET does not show the new knots; run 'thermal-sim board config get' and check adcCalCounts/adcCalMicrovolts");
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
