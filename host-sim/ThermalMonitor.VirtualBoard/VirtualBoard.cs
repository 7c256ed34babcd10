using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The firmware's <see cref="BoardLoop"/> behind a pseudo-terminal, with the ESP32's seams
/// replaced by host twins of the same shape: an <see cref="EmulatedUart"/> with the ESP32
/// driver's receive buffer (bytes beyond it are lost and counted), a <see cref="ScaledClock"/>,
/// a <see cref="LiveSampler"/> for the ADC, and a settings medium. Because the loop is the
/// ESP32's, so are its period, its one service point per cycle and its lines per service.
/// </summary>
public sealed class VirtualBoard : IDisposable
{
    private readonly PseudoTerminal pty;
    private readonly EmulatedUart uart;
    private readonly BoardLoop loop;
    private readonly LiveSampler? live;
    private readonly int baud;
    private readonly int lineCostMicroseconds;
    private readonly ScaledClock clock;
    private bool disposed;

    public VirtualBoard(VirtualBoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        baud = options.Baud;
        pty = PseudoTerminal.Create(options.LinkPath);
        // With no host reading, a full pty must not stall the board: output is dropped after a while.
        pty.WriteStallTimeoutMs = 50;
        uart = new EmulatedUart(pty, options.Baud, options.ReceiveBufferBytes);
        var board = new BoardInfo("virtual", LinkDictionary.FirmwareVersion, ResetCause.PowerOn);
        lineCostMicroseconds = options.LineCostMicroseconds;
        clock = new ScaledClock(options.LiveProfile is null ? 1.0 : Math.Max(options.Speed, 1e-3));
        if (options.LiveProfile is not null)
        {
            var config = options.Config ?? new Core.Config.MonitorConfig();
            var derived = new Core.Config.DerivedSettings();
            var errors = new Core.Config.ConfigErrors();
            if (!Core.Config.ConfigValidator.Validate(config, errors, derived))
            {
                throw new ArgumentException("the board configuration is invalid: " + errors[0], nameof(options));
            }

            live = new LiveSampler(options.LiveProfile, derived.SamplePeriodMs, derived.BurstLength, options.SensorSeed);
        }

        loop = new BoardLoop(board, clock, uart, new JsonConfigReader(), live, null, new HostMemoryGauge(), options.SettingsMedium ?? new MemorySettingsMedium(), options.Config);
        loop.Start(live is null ? LinkMode.Replay : LinkMode.Live);
    }

    /// <summary>Where a host opens the board: the stable link if one was asked for, else /dev/pts/N.</summary>
    public string DevicePath => pty.DevicePath;

    public string SlavePath => pty.SlavePath;

    public LinkMode Mode => loop.Link.Mode;

    public int Baud => baud;

    public bool LiveFinished => live?.Finished ?? false;

    /// <summary>Bytes the emulated driver lost because its buffer was full.</summary>
    public long ReceiveLostBytes => uart.ReceiveLostBytes;

    /// <summary>What boot found in the settings medium.</summary>
    public SettingsLoadResult SettingsAtBoot => loop.SettingsAtBoot;

    /// <summary>Runs the board loop until cancelled.</summary>
    public void Run(CancellationToken cancellation)
    {
        if (lineCostMicroseconds == 0)
        {
            using CancellationTokenRegistration stop = cancellation.Register(loop.Stop);
            if (!cancellation.IsCancellationRequested && !disposed)
            {
                loop.Run();
            }

            return;
        }

        // The same cycle, with the emulated CPU time spent between cycles (not inside the
        // measured work, so STATUS keeps the host's timing and no overrun is invented).
        while (!cancellation.IsCancellationRequested && !disposed)
        {
            int lines = loop.RunCycle();
            if (lines > 0)
            {
                Thread.Sleep(TimeSpan.FromTicks(lines * (long)lineCostMicroseconds * 10));
            }

            loop.WaitForNextCycle(lines);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        loop.Stop();
        uart.Dispose();
        pty.Dispose();
    }
}
