namespace ThermalMonitor.Link;

/// <summary>How <see cref="BoardClient"/> keeps the board's receive buffer from overrunning.</summary>
public enum FlowControl
{
    /// <summary>No more bytes unanswered than the receive buffer the board advertises (PROTOCOL.md §9).</summary>
    InFlightBytes,

    /// <summary>
    /// The rule before protocol notes of December 2026: a fixed number of INJ lines unanswered,
    /// other commands not counted. Kept only to measure, side by side, what it loses.
    /// </summary>
    LegacyInjectWindow,
}
