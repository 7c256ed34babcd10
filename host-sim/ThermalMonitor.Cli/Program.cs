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
    DashboardCommand.Create(),
    DictionaryCommand.Create(),
};

// Background threads (a board link's reader, a virtual board's loop) are outside the try below: an
// exception there would end the process with a stack trace and exit 134. One line and exit 2 instead.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (Environment.GetEnvironmentVariable("THERMAL_SIM_DEBUG") == "1")
    {
        Console.Error.WriteLine($"error: internal error: {e.ExceptionObject}");
    }
    else
    {
        string what = e.ExceptionObject is Exception x ? $"{x.GetType().Name}: {x.Message.ReplaceLineEndings(" ")}" : $"{e.ExceptionObject}";
        Console.Error.WriteLine($"error: internal error: {what} (please report it with the command line; THERMAL_SIM_DEBUG=1 shows where it happened)");
    }

    Environment.Exit(ExitCodes.InternalError);
};

// No response files: "@file" is expanded into arguments by default, which made "board config set
// @file.json" (a JSON document, not a list of arguments) fail; no command of ours takes one.
ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {CommandLineErrors.Describe(parsed)} (see 'thermal-sim --help')");
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
catch (ProfileTooLongException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("THERMAL_SIM_DEBUG") != "1")
{
    // Last resort: a bug, or input nothing checked. One line, not a stack trace; the variable shows it.
    Console.Error.WriteLine($"error: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} (please report it with the command line; THERMAL_SIM_DEBUG=1 shows where it happened)");
    return ExitCodes.InternalError;
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: internal error: {e}");
    return ExitCodes.InternalError;
}
