namespace ThermalMonitor.Cli;

/// <summary>
/// The message of an <see cref="ArgumentException"/> written for users (the libraries' option and
/// baud checks) without the " (Parameter 'baud')" that .NET appends to it.
/// </summary>
public static class ArgumentExceptionText
{
    public static string WithoutParameterName(ArgumentException e)
    {
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }
}
