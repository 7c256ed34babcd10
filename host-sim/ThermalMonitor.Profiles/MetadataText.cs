namespace ThermalMonitor.Profiles;

/// <summary>Rules shared by the reader and writer for <c># key: value</c> metadata lines.</summary>
internal static class MetadataText
{
    /// <summary>Keys are lower-case letters, digits, '_', '.', '-'.</summary>
    public static bool IsValidKey(string key) =>
        key.Length > 0 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-');

    /// <summary>
    /// Parses <c># key: value</c> (key case-insensitive, spaces around the colon allowed); false for a
    /// plain comment line.
    /// </summary>
    public static bool TryParse(string line, out string key, out string value)
    {
        key = value = "";
        if (!line.StartsWith('#'))
        {
            return false;
        }

        string body = line[1..].TrimStart();
        int colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        string candidate = body[..colon].TrimEnd().ToLowerInvariant();
        if (!IsValidKey(candidate))
        {
            return false;
        }

        key = candidate;
        value = body[(colon + 1)..].Trim();
        return true;
    }
}
