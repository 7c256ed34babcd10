using System.Globalization;
using System.Net;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary><c>--listen</c>, <c>--dashboard</c>: where the dashboard serves, and whether that is this machine only.</summary>
public static class ListenAddress
{
    /// <summary>The default: loopback, a port not used by the usual development servers.</summary>
    public const string Default = "127.0.0.1:8600";

    /// <summary>
    /// <c>addr:port</c>, <c>[v6]:port</c> or <c>localhost:port</c> (port 0: the system chooses).
    /// </summary>
    /// <exception cref="UserInputException">The text is not such an address.</exception>
    public static IPEndPoint Parse(string text, string option = "--listen")
    {
        string trimmed = text.Trim();
        string candidate = trimmed.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + trimmed["localhost".Length..] : trimmed;
        if (!IPEndPoint.TryParse(candidate, out IPEndPoint? endPoint) || !HasPort(candidate))
        {
            throw new UserInputException($"{option} '{text}': expected address:port, e.g. 127.0.0.1:8600, 0.0.0.0:8600 (every interface) or [::1]:8600");
        }

        return endPoint;
    }

    /// <summary>Whether only this machine can reach the address.</summary>
    public static bool IsLoopback(IPEndPoint endPoint) => IPAddress.IsLoopback(endPoint.Address);

    private static bool HasPort(string text)
    {
        int colon = text.LastIndexOf(':');
        return colon > 0 && !text.EndsWith(']') && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535;
    }
}
