namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// The board link as the page shows it (event <c>board</c>): <c>lost</c> when an outage begins
/// (cable pulled, board reset), <c>back</c> once the device is open again (the host then asks the
/// board for HELLO and its alarm journal), <c>gone</c> when it did not come back in time.
/// </summary>
/// <param name="State">lost, back or gone.</param>
/// <param name="Reconnects">Reopenings of the device since the dashboard started.</param>
/// <param name="Time">When the host saw it (UTC, ISO 8601).</param>
/// <param name="Text">The same in words, for the event log.</param>
public sealed record BoardLinkState(string State, int Reconnects, string Time, string Text);
