using System.Text;

namespace ThermalMonitor.Report.Html;

/// <summary>Escaping of user text for HTML and SVG (both as XML-compatible markup).</summary>
internal static class Markup
{
    /// <summary>
    /// Escapes &amp; &lt; &gt; " ' and drops the control characters XML forbids, so the text is safe
    /// in element content and in double- or single-quoted attributes of both HTML and SVG.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A fragment identifier for <paramref name="text"/>: lower-case ASCII letters, digits and '-',
    /// prefixed so it starts with a letter and suffixed with <paramref name="index"/> so it is unique.
    /// </summary>
    public static string Slug(string prefix, string text, int index)
    {
        var sb = new StringBuilder(prefix.Length + text.Length + 8).Append(prefix).Append('-');
        bool dash = true;
        foreach (char c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb.Length < prefix.Length + 41)
            {
                sb.Append('-');
                dash = true;
            }

            if (sb.Length >= prefix.Length + 41)
            {
                break;
            }
        }

        return sb.Append(dash ? string.Empty : "-").Append(index).ToString();
    }

    /// <summary>CSS class for a severity: sev-warning, sev-caution or sev-other.</summary>
    public static string SeverityClass(string? severity) => severity?.Trim().ToUpperInvariant() switch
    {
        "WARNING" or "EMERGENCY" or "ALARM" => "sev-warning",
        "CAUTION" => "sev-caution",
        _ => "sev-other",
    };
}
