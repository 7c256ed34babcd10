using System.Net;
using System.Security.Cryptography;
using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// Starts a dashboard for a command (<c>dashboard</c>, <c>replay --dashboard</c>) and says where it is:
/// on loopback no token; beyond it, a token made now that every action must carry.
/// </summary>
public static class DashboardLaunch
{
    /// <exception cref="UserInputException">The address cannot be listened on (taken, not this machine's).</exception>
    public static DashboardServer Serve(string option, IPEndPoint endPoint, BoardClient client, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(output);
        string? token = ListenAddress.IsLoopback(endPoint) ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        DashboardServer server;
        try
        {
            server = DashboardServer.StartAsync(endPoint, client, token).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new UserInputException($"{option} {endPoint}: {e.Message}");
        }

        string url = token is null ? server.Address.ToString() : $"{server.Address}?token={token}";
        output.WriteLine($"dashboard: {url}");
        if (token is not null)
        {
            output.WriteLine($"listening beyond loopback: acknowledging needs the token ({token}), which the address above carries");
        }

        output.Flush();
        return server;
    }
}
