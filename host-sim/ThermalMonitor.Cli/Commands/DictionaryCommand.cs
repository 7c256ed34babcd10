using System.CommandLine;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Link.Dictionary;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>dictionary</c>: the machine-readable dictionary of the monitor and its serial protocol (docs/dictionary.json).</summary>
public static class DictionaryCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var command = new Command("dictionary", "Print the dictionary of the monitor and its serial protocol as JSON (" + DictionaryJson.Schema + "): events, commands, messages and their fields, names, parameters.\n"
            + "Example: thermal-sim dictionary\n"
            + "Example: thermal-sim dictionary --out docs/dictionary.json") { output };
        command.SetAction(parse =>
        {
            string json = DictionaryJson.Write();
            if (parse.GetValue(output) is { } path)
            {
                Outputs.WriteText(path, json, Consoles.Human(jsonOnStdout: true), "dictionary JSON");
            }
            else
            {
                Console.Out.Write(json);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
