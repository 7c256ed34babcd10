namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// What a page that connects after the start is given first: the telemetry since the start and the
/// newest alarms and events. Without it a page opened a few seconds into <c>replay --speed 600</c>
/// starts its plots minutes of profile late (a second of wall time is ten minutes of profile).
/// Bounded: each time the telemetry kept reaches <see cref="TelemetryLines"/> every other line is
/// dropped and from then on only every other line is kept (the way the page merges pairs of plot
/// columns), so a long run is all there, evenly spaced, at a coarser grain, from its first line;
/// the newest line is kept besides, so the history ends where the run is. Of the other lines the
/// newest <see cref="NewestLines"/> (the page's event log length). Not thread-safe:
/// <see cref="PageFanOut"/> holds its lock.
/// </summary>
public sealed class PageHistory
{
    /// <summary>Telemetry lines kept at most (≈ 2 MB of JSON; 48 h of profile at 600× leaves 1,024–2,048).</summary>
    public const int TelemetryLines = 2048;

    /// <summary>Alarm, clear and event lines kept: the page's event log shows 200.</summary>
    public const int NewestLines = 200;

    private readonly List<PageMessage> telemetry = new(TelemetryLines);
    private readonly Queue<PageMessage> newest = new(NewestLines);

    // Telemetry lines seen; one in every `stride` of them is kept (1, 2, 4, …).
    private long telemetrySeen;
    private long stride = 1;

    // The newest telemetry line when it is not one of those kept.
    private PageMessage? telemetryTail;

    /// <summary>Keeps <paramref name="message"/> as its kind says (published, so it has its id).</summary>
    public void Add(PageMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Kept)
        {
            case PageHistoryKind.Telemetry:
                if (telemetrySeen++ % stride != 0)
                {
                    telemetryTail = message;
                    break;
                }

                // Full: the kept lines are seen-numbers 0, s, …, (n − 1)·s and this one is n·s, n even,
                // so it is also on the doubled stride.
                if (telemetry.Count == TelemetryLines)
                {
                    ThinByHalf();
                    stride *= 2;
                }

                telemetry.Add(message);
                telemetryTail = null;
                break;
            case PageHistoryKind.Newest:
                if (newest.Count == NewestLines)
                {
                    newest.Dequeue();
                }

                newest.Enqueue(message);
                break;
        }
    }

    /// <summary>The kept messages published after <paramref name="afterId"/>, in the order published, marked past.</summary>
    public List<PageMessage> After(long afterId)
    {
        var merged = new List<PageMessage>(telemetry.Count + newest.Count + 1);
        using Queue<PageMessage>.Enumerator others = newest.GetEnumerator();
        bool more = others.MoveNext();
        foreach (PageMessage line in telemetryTail is null ? telemetry : telemetry.Append(telemetryTail))
        {
            for (; more && others.Current.Id < line.Id; more = others.MoveNext())
            {
                Keep(others.Current);
            }

            Keep(line);
        }

        for (; more; more = others.MoveNext())
        {
            Keep(others.Current);
        }

        return merged;

        void Keep(PageMessage message)
        {
            if (message.Id > afterId)
            {
                merged.Add(message with { Past = true });
            }
        }
    }

    // Keeps lines 0, 2, 4, …: the first line stays, so the plots still start where the run did.
    private void ThinByHalf()
    {
        int kept = 0;
        for (int i = 0; i < telemetry.Count; i += 2)
        {
            telemetry[kept++] = telemetry[i];
        }

        telemetry.RemoveRange(kept, telemetry.Count - kept);
    }
}
