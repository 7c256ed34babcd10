using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

/// <summary><c>thermal-sim dictionary</c> prints the committed dictionary, writes it where asked, and says so plainly when it cannot.</summary>
public sealed class DictionaryCommandTests
{
    [Fact]
    public void It_prints_the_dictionary_on_standard_output()
    {
        var result = CliRunner.Run("dictionary");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("thermal-monitor/dictionary@1", document.RootElement.GetProperty("schema").GetString());
        Assert.Contains(document.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("name").GetString() == "LOOP_OVERRUN");
    }

    [Fact]
    public void Out_writes_the_same_document_to_a_file()
    {
        string directory = Directory.CreateTempSubdirectory("thermal-dictionary-").FullName;
        try
        {
            string path = Path.Combine(directory, "sub", "dictionary.json");
            var result = CliRunner.Run("dictionary", "--out", path);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(CliRunner.Run("dictionary").Stdout, File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void An_unwritable_path_is_a_clear_error()
    {
        string directory = Directory.CreateTempSubdirectory("thermal-dictionary-").FullName;
        try
        {
            string blocker = Path.Combine(directory, "file");
            File.WriteAllText(blocker, "not a directory");
            string path = Path.Combine(blocker, "dictionary.json");
            var result = CliRunner.Run("dictionary", "--out", path);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"error: cannot write dictionary JSON to '{path}'", result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
