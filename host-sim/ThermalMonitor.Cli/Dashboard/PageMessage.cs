namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// One server-sent event for the pages: its name and its JSON. <c>line</c>: a board line as
/// <c>board monitor --format jsonl</c> writes it; <c>board</c>: the board link's state
/// (<see cref="BoardLinkState"/>); <c>replay</c>: a replay's progress (<see cref="ReplayPageState"/>).
/// </summary>
public sealed record PageMessage(string Event, string Json);
