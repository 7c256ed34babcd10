namespace ThermalMonitor.Profiles;

/// <summary>
/// A profile, expectation, scenario or replay-result file is malformed. The message is one line,
/// <c>path:line:column: what was expected, what was found</c>, fit for a CLI's error output.
/// </summary>
/// <remarks>
/// <see cref="Line"/> is 1-based. For CSV files <see cref="Column"/> is the 1-based field number (the
/// n-th cell of the row), 0 when the error concerns the whole line or file; for JSON files it is the
/// 1-based character column of the offending value.
/// </remarks>
public sealed class ProfileFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="detail"/> says what was expected and what was found.</summary>
    public ProfileFormatException(string filePath, int line, int column, string detail, Exception? inner = null)
        : base($"{filePath}:{line}:{column}: {detail}", inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The file (or a stand-in name such as "&lt;stdin&gt;") the error is in.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>1-based field (CSV) or character (JSON) column; 0 for the whole line or file.</summary>
    public int Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }
}
