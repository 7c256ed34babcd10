using System.CommandLine;
using ThermalMonitor.Cli;
using ThermalMonitor.Cli.Commands;
using ThermalMonitor.Profiles;

var root = new RootCommand(
    "thermal-sim — replays coolant-loop leak profiles (Soyuz MS-22, Progress MS-21, ...) through the ThermalMonitor firmware.\n"
    + "Example: thermal-sim replay soyuz-ms22")
{
    ProfilesCommand.Create(),
    GenerateCommand.Create(),
    ReplayCommand.Create(),
    ScoreCommand.Create(),
    CampaignCommand.Create(),
    ReportCommand.Create(),
    BoardCommand.Create(),
    DictionaryCommand.Create(),
};

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {parsed.Errors[0].Message} (see 'thermal-sim --help')");
    return ExitCodes.BadInput;
}

try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UserInputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
catch (ProfileFormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
