using System.Text;

namespace ThermalMonitor.Cli;

/// <summary>
/// A configuration document as CFG SET carries it: one line (PROTOCOL.md section 11). A document
/// from a file or typed inline may be pretty-printed; a line break on the wire would end the command
/// early (the board then waits for the rest and the host times out), so whitespace outside JSON
/// strings is collapsed here. Strings are kept byte for byte; a line break inside one cannot travel
/// and is refused, naming where it is.
/// </summary>
public static class ConfigDocumentText
{
    private const string Structural = "{}[],:";

    /// <param name="text">The document as written.</param>
    /// <param name="source">What to call it in an error: the file's path, or "the document".</param>
    /// <exception cref="UserInputException">A line break inside a string.</exception>
    public static string OneLine(string text, string source)
    {
        var line = new StringBuilder(text.Length);
        bool inString = false;
        bool escaped = false;
        bool pendingSpace = false;
        int lineNumber = 1;
        foreach (char c in text.TrimStart('\uFEFF'))
        {
            if (inString)
            {
                if (c is '\n' or '\r')
                {
                    throw new UserInputException($"{source}: line {lineNumber}: a line break inside a JSON string; the document travels on one line (write \\n for a line break in a string)");
                }

                line.Append(c);
                inString = escaped || c != '"';
                escaped = !escaped && c == '\\';
                continue;
            }

            if (c == '\n')
            {
                lineNumber++;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            // One space only where it separates two tokens that would otherwise run together
            // ("[1 2]" stays malformed for the board to report, rather than becoming "[12]").
            if (pendingSpace && line.Length > 0 && !Structural.Contains(line[^1], StringComparison.Ordinal) && !Structural.Contains(c, StringComparison.Ordinal))
            {
                line.Append(' ');
            }

            pendingSpace = false;
            line.Append(c);
            inString = c == '"';
        }

        return line.ToString();
    }
}
