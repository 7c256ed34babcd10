namespace ThermalMonitor.Profiles;

/// <summary>
/// Splits one CSV line into fields: RFC 4180 quoting ("a, b" is one field, "" inside quotes is a
/// quote), fields trimmed of surrounding spaces. Quoted fields may not span lines.
/// </summary>
internal static class CsvFields
{
    /// <summary>
    /// The fields of <paramref name="line"/>; null and <paramref name="errorField"/> set (1-based) when a
    /// quote is not closed or is followed by text.
    /// </summary>
    public static List<string>? Split(string line, char delimiter, out int errorField)
    {
        var fields = new List<string>();
        errorField = 0;
        int position = 0;
        while (true)
        {
            int start = position;
            while (position < line.Length && line[position] == ' ')
            {
                position++;
            }

            if (position < line.Length && line[position] == '"')
            {
                string? quoted = ReadQuoted(line, delimiter, ref position);
                if (quoted is null)
                {
                    errorField = fields.Count + 1;
                    return null;
                }

                fields.Add(quoted);
            }
            else
            {
                position = start;
                int end = line.IndexOf(delimiter, position);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields.Add(line[position..end].Trim());
                position = end;
            }

            if (position >= line.Length)
            {
                return fields;
            }

            position++; // past the delimiter
        }
    }

    /// <summary>Counts <paramref name="delimiter"/> outside quotes (for delimiter detection).</summary>
    public static int CountOutsideQuotes(string line, char delimiter)
    {
        int count = 0;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    private static string? ReadQuoted(string line, char delimiter, ref int position)
    {
        var text = new System.Text.StringBuilder();
        position++; // opening quote
        while (true)
        {
            if (position >= line.Length)
            {
                return null;
            }

            char c = line[position++];
            if (c != '"')
            {
                text.Append(c);
                continue;
            }

            if (position < line.Length && line[position] == '"')
            {
                text.Append('"');
                position++;
                continue;
            }

            break;
        }

        while (position < line.Length && line[position] == ' ')
        {
            position++;
        }

        return position >= line.Length || line[position] == delimiter ? text.ToString().Trim() : null;
    }
}
