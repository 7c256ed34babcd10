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

    /// <summary>
    /// Refuses, before anything is written, two outputs of one command that name the same file (the
    /// second would overwrite the first). Standard output ('-') and options not given are left out.
    /// </summary>
    public static void RequireDistinct(params (string Option, string? Path)[] outputs)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string option, string? path) in outputs)
        {
            if (path is null or "-")
            {
                continue;
            }

            string full = Path.GetFullPath(path);
            if (seen.TryGetValue(full, out string? first))
            {
                throw new UserInputException($"{first} and {option} both name '{path}': give them different files");
            }

            seen[full] = option;
        }
    }

    /// <summary>
    /// Refuses, before anything is written, a file that exists (unless <paramref name="force"/>) or
    /// whose directory does not.
    /// </summary>
    public static void RequireWritable(string option, string path, bool force)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new UserInputException($"{option} '{path}': the directory '{directory}' does not exist");
        }

        if (!force && (File.Exists(full) || Directory.Exists(full)))
        {
            throw new UserInputException($"{option} '{path}': the file exists; add --force to overwrite it");
        }
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
