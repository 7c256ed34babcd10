using System.Text.Json;

namespace ThermalMonitor.Link.Tests;

/// <summary>One case of firmware/test-vectors/config-documents.json (format: firmware/test-vectors/README.md).</summary>
public sealed record ConfigVector(string Name, string Document, bool Accept, string? Error, string? Field)
{
    public override string ToString() => Name;
}

/// <summary>The shared configuration-document vectors: what every reader of the board must accept and refuse.</summary>
public static class ConfigVectors
{
    public const string RelativePath = "firmware/test-vectors/config-documents.json";

    private static readonly string[] Members = ["name", "document", "accept", "error", "field"];

    public static IReadOnlyList<ConfigVector> All { get; } = Load();

    public static ConfigVector Named(string name) => All.Single(v => v.Name == name);

    /// <summary>Vector names as theory data (names, not vectors, so each case shows by name).</summary>
    public static TheoryData<string> Names(Func<ConfigVector, bool>? filter = null)
    {
        var data = new TheoryData<string>();
        foreach (ConfigVector vector in All.Where(filter ?? (_ => true)))
        {
            data.Add(vector.Name);
        }

        return data;
    }

    private static List<ConfigVector> Load()
    {
        string path = RepositoryFiles.PathOf(RelativePath);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var vectors = new List<ConfigVector>();
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            string[] names = item.EnumerateObject().Select(p => p.Name).ToArray();
            if (!names.SequenceEqual(Members))
            {
                throw new InvalidDataException($"{RelativePath}: vector {vectors.Count} has members [{string.Join(", ", names)}], expected [{string.Join(", ", Members)}] in that order");
            }

            vectors.Add(new ConfigVector(
                item.GetProperty("name").GetString()!,
                item.GetProperty("document").GetString()!,
                item.GetProperty("accept").GetBoolean(),
                item.GetProperty("error").GetString(),
                item.GetProperty("field").GetString()));
        }

        return vectors;
    }
}
