using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Serial;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Targets;

/// <summary>
/// One connection to a target: the in-process board (sil), a freshly started virtual board process
/// (virtual), or a real board (serial), each behind a <see cref="BoardClient"/> and all reached the
/// same way, over the wire protocol. A fault-injecting relay can be put between the host and any
/// target that has a device path.
/// </summary>
public sealed class TargetConnection : IDisposable
{
    private readonly List<IDisposable> owned = [];

    private TargetConnection(TargetSpec spec, SerialTransport serialTransport)
    {
        Spec = spec;
        SerialTransport = serialTransport;
    }

    public TargetSpec Spec { get; }

    /// <summary>How the device path of a virtual or serial target is opened.</summary>
    public SerialTransport SerialTransport { get; }

    public BoardClient Client { get; private set; } = null!;

    /// <summary>The board's device path (virtual and serial targets).</summary>
    public string? BoardDevicePath { get; private set; }

    public FaultInjectingRelay? Relay { get; private set; }

    /// <param name="target">sil, virtual[@baud] or serial:device[@baud] (<see cref="TargetSpec"/>).</param>
    /// <param name="relayFaults">Put a fault-injecting relay between host and board (virtual and serial targets).</param>
    /// <param name="acknowledgeAlarms">Acknowledge alarms as they arrive.</param>
    /// <param name="virtualBoardArguments">More arguments for a virtual board process.</param>
    /// <param name="serialTransport">
    /// How to open the device path; null = <see cref="SerialTransports.EnvironmentVariable"/> if set,
    /// else the platform default (<see cref="SerialTransports.Default"/>).
    /// </param>
    /// <exception cref="FormatException">The target string, or the transport variable, is malformed.</exception>
    public static TargetConnection Open(string target, RelayFaults? relayFaults = null, bool acknowledgeAlarms = true, IEnumerable<string>? virtualBoardArguments = null, SerialTransport? serialTransport = null)
    {
        var spec = TargetSpec.Parse(target);
        var connection = new TargetConnection(spec, serialTransport ?? SerialTransports.Resolve(null, SerialTransports.EnvironmentVariable));
        try
        {
            connection.Connect(relayFaults, acknowledgeAlarms, virtualBoardArguments ?? []);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Connect(RelayFaults? relayFaults, bool acknowledgeAlarms, IEnumerable<string> virtualBoardArguments)
    {
        ISerialLink link;
        switch (Spec.Kind)
        {
            case TargetKind.Sil:
                if (relayFaults is not null)
                {
                    throw new InvalidOperationException("the sil target has no device path to put a relay in front of");
                }

                link = new InProcessBoard();
                break;
            case TargetKind.Virtual:
                var arguments = new List<string>(virtualBoardArguments);
                if (Spec.Baud > 0)
                {
                    arguments.AddRange(["--baud", Spec.Baud.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                }

                var board = VirtualBoardProcess.Start(arguments);
                owned.Add(board);
                BoardDevicePath = board.DevicePath;
                link = OpenDevice(board.DevicePath, Spec.Baud > 0 ? Spec.Baud : TargetSpec.DefaultBaud, relayFaults);
                break;
            default:
                BoardDevicePath = Spec.Device!;
                link = OpenDevice(Spec.Device!, Spec.Baud, relayFaults);
                break;
        }

        owned.Add(link);
        Client = new BoardClient(link, acknowledgeAlarms);
        owned.Add(Client);
        Client.WaitReady(20000);
    }

    /// <summary>
    /// Replays <paramref name="profile"/> on this target over the wire protocol
    /// (<see cref="WireReplayer"/>): the result's <c>target</c> is the target string; afterwards the
    /// board has its own configuration, telemetry period and mode back.
    /// </summary>
    /// <exception cref="BoardRestoreException">The board could not be given its own state back.</exception>
    public ReplayOutcome Replay(Profile profile, ReplayOptions options, IProgress<ReplayProgress>? progress = null, CancellationToken cancellation = default) =>
        WireReplayer.Run(profile, options, Client, Spec.ToString(), progress, cancellation);

    private ISerialLink OpenDevice(string devicePath, int baud, RelayFaults? relayFaults)
    {
        string hostPath = devicePath;
        if (relayFaults is not null)
        {
            string directory = Path.Combine(Path.GetTempPath(), "tm-hil-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            hostPath = Path.Combine(directory, "ttyRELAY");
            Relay = FaultInjectingRelay.Start(devicePath, hostPath, relayFaults);
            owned.Add(Relay);
        }

        return ReconnectingSerialLink.ForDevice(SerialTransport, hostPath, baud, retryIntervalMs: 100, reconnectTimeoutMs: 15000);
    }

    public void Dispose()
    {
        // Client first (stops its reader), then the link, the relay and the board process.
        for (int i = owned.Count - 1; i >= 0; i--)
        {
            try
            {
                owned[i].Dispose();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Tearing down after a failure: the first error is the one that matters.
            }
        }
    }
}
