namespace ThermalMonitor.Targets;

/// <summary>
/// A board could not be given its own state back after a replay over the wire: it may still hold
/// the replay's configuration (and be in REPLAY mode). <see cref="Own"/> is what it had, so the
/// caller can tell the user how to put it back.
/// </summary>
public sealed class BoardRestoreException(BoardState own, string step, Exception cause, Exception? replayFailure)
    : Exception(Describe(step, cause, replayFailure), cause)
{
    /// <summary>The board's state before the replay.</summary>
    public BoardState Own { get; } = own;

    /// <summary>The restore step that failed (e.g. "CFG SET its own configuration").</summary>
    public string Step { get; } = step;

    /// <summary>Why the replay itself stopped, when it did not finish; null after a finished replay.</summary>
    public Exception? ReplayFailure { get; } = replayFailure;

    /// <summary>What the replay produced when it finished before the restore failed; null otherwise.</summary>
    public ReplayOutcome? Outcome { get; init; }

    private static string Describe(string step, Exception cause, Exception? replayFailure)
    {
        // A lost link usually stops both the replay and the restore: say it once.
        string because = replayFailure is not null && cause.Message.Contains(replayFailure.Message, StringComparison.Ordinal)
            ? "the same cause"
            : cause.Message;
        return (replayFailure is null ? string.Empty : $"the replay stopped ({replayFailure.Message}), and ")
            + $"the board's own configuration was not restored ({step} failed: {because}); "
            + "the board may still hold the replay's configuration";
    }
}
