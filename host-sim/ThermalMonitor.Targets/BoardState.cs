using System.Globalization;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Targets;

/// <summary>
/// What a replay over the wire changes on a board and must give back: its configuration (the
/// document <c>CFG GET</c> writes), its telemetry period and its mode. Taken before the replay,
/// restored after it whatever happened.
/// </summary>
/// <param name="ConfigDocument">The board's configuration as <c>CFG GET</c> wrote it.</param>
/// <param name="Mode">The board's mode: LIVE or REPLAY.</param>
/// <param name="TelemetryPeriodMs">The board's telemetry period (<c>STATUS tlm_ms</c>); null if it did not say.</param>
public sealed record BoardState(string ConfigDocument, string Mode, int? TelemetryPeriodMs)
{
    /// <summary>Reads the state of the board behind <paramref name="client"/>; <paramref name="hello"/> is its latest HELLO.</summary>
    /// <exception cref="BoardProtocolException">The board refused CFG GET or STATUS, or sent no document.</exception>
    /// <exception cref="TimeoutException">The board did not answer.</exception>
    public static BoardState Read(BoardClient client, BoardLine hello)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hello);
        BoardLine config = client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}");
        string document = config.Payload is { Length: > 0 } payload
            ? payload
            : throw new BoardProtocolException($"the board answered CFG GET without a document: {config.Text}");
        BoardLine status = client.SendOk(LinkDictionary.Status);
        int? telemetryMs = status.Fields.TryGetValue(WireField.TelemetryPeriodMs, out string? text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) ? ms : null;
        string mode = hello.Fields.GetValueOrDefault(WireField.Mode) ?? LinkDictionary.ModeName(LinkMode.Replay);
        return new BoardState(document, mode, telemetryMs);
    }

    /// <summary>Whether the board was sampling its own ADC (LIVE) before the replay.</summary>
    public bool WasLive => Mode == LinkDictionary.ModeName(LinkMode.Live);

    /// <summary>
    /// Gives the board its state back: waits for injected samples still in flight, applies its own
    /// configuration, sets its telemetry period, and if it was LIVE starts a new LIVE session (a
    /// board left in REPLAY stays in the replay's session, with the replay's alarms in its journal).
    /// </summary>
    /// <param name="client">The connection to the board.</param>
    /// <param name="replayFailure">Why the replay stopped, if it did not finish.</param>
    /// <param name="outcome">What the replay produced, if it finished (kept in the exception).</param>
    /// <exception cref="BoardRestoreException">A step failed; the message says which and what the board holds now.</exception>
    public void Restore(BoardClient client, Exception? replayFailure = null, ReplayOutcome? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        string step = "waiting for the injected samples";
        try
        {
            client.DrainInjects();
            step = "CFG SET its own configuration";
            client.SetConfigOk(ConfigDocument);
            if (TelemetryPeriodMs is int telemetryMs)
            {
                step = $"TLM {telemetryMs}";
                client.SetTelemetryPeriodOk(telemetryMs);
            }

            if (WasLive)
            {
                step = "MODE LIVE";
                client.SendOk($"{LinkDictionary.Mode} {LinkDictionary.ModeName(LinkMode.Live)}");
            }
        }
        catch (Exception e) when (e is TimeoutException or BoardProtocolException or SerialLinkLostException or ObjectDisposedException or IOException)
        {
            throw new BoardRestoreException(this, step, e, replayFailure) { Outcome = outcome };
        }
    }
}
