namespace ThermalMonitor.Cli;

/// <summary>
/// The document of <c>board config set</c>: given inline, as <c>@file</c> or with
/// <c>--config-file</c>, read and made the one line CFG SET carries (<see cref="ConfigDocumentText"/>).
/// </summary>
/// <param name="Line">The document on one line.</param>
/// <param name="Path">The file it came from, named in errors; null when given inline.</param>
public sealed record ConfigSource(string Line, string? Path)
{
    /// <exception cref="UserInputException">No document, two, an unreadable file or a line break in a string.</exception>
    public static ConfigSource From(string? inline, string? filePath)
    {
        if (inline is not null && filePath is not null)
        {
            throw new UserInputException($"board config set: give the document once: inline (or @file) or with --config-file {filePath}, not both");
        }

        string? path = filePath ?? (inline is not null && inline.StartsWith('@') ? inline[1..] : null);
        if (path is null)
        {
            return inline is null
                ? throw new UserInputException("board config set: give the JSON document (inline, @file.json or --config-file <file>)")
                : new ConfigSource(ConfigDocumentText.OneLine(inline, "the document"), null);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UserInputException($"{path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: {e.Message}");
        }

        return new ConfigSource(ConfigDocumentText.OneLine(text, path), path);
    }
}
