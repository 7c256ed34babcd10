namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// One server-sent event for the pages: its name and its JSON. <c>line</c>: a board line as
/// <c>board monitor --format jsonl</c> writes it; <c>board</c>: the board link's state
/// (<see cref="BoardLinkState"/>); <c>replay</c>: a replay's progress (<see cref="ReplayPageState"/>).
/// </summary>
/// <param name="Kept">What a page that connects later is given of it (<see cref="PageHistory"/>).</param>
public sealed record PageMessage(string Event, string Json, PageHistoryKind Kept = PageHistoryKind.None)
{
    /// <summary>Its place in the order published (1, 2, …), the event's SSE id; 0 until published.</summary>
    public long Id { get; init; }

    /// <summary>Given to a page from the history, published before it connected (the SSE event <c>past</c>).</summary>
    public bool Past { get; init; }
}
