using Spectre.Console;

namespace ThermalMonitor.Cli;

/// <summary>Writes results where the user asked, saying so on the human console.</summary>
public static class Outputs
{
    public static void WriteJson(string? path, string json, IAnsiConsole console)
    {
        if (path is null)
        {
            return;
        }

        if (path == "-")
        {
            Console.Out.WriteLine(json);
            return;
        }

        WriteText(path, json + "\n", console, "result JSON");
    }

    public static void WriteText(string path, string text, IAnsiConsole console, string what)
    {
        try
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write {what} to '{path}': {e.Message}");
        }

        console.MarkupLine($"[grey]{what} written to[/] {Markup.Escape(path)}");
    }
}
