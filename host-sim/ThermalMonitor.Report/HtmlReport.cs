using ThermalMonitor.Report.Html;

namespace ThermalMonitor.Report;

/// <summary>
/// Renders replays and scoreboards as single self-contained HTML pages: inline SVG plots and inline
/// CSS, no scripts, no fonts or images, no network. Text is escaped; numbers use the invariant
/// culture. Traces of any length are decimated to a min/max envelope per pixel column, so a page
/// stays well under a few megabytes.
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// One replay: header (profile, target, description, samples, duration), alarm table with
    /// onset-relative times, stacked pressure / temperature / residual / detector-statistic plots of
    /// the whole profile with alarm and leak-onset markers, and the same plots zoomed on the detection.
    /// </summary>
    /// <exception cref="ArgumentException">The trace's arrays differ in length or its times are not strictly increasing.</exception>
    public static string RenderReplay(ReplayTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return ReplayPage.Render(trace);
    }

    /// <summary>
    /// The window the replay page's detection close-up will show for these alarms, or null: what a
    /// <see cref="TraceRecorder"/> of a long replay keeps at finer resolution.
    /// </summary>
    public static (double FromS, double ToS)? CloseUpWindow(double? leakOnsetS, IReadOnlyList<TraceAlarm> alarms, double startS, double endS)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        var span = new ReplayTrace
        {
            ProfileName = "-", Target = "-", LeakOnsetS = leakOnsetS,
            TimeS = [startS, endS], PressureKpa = [], TempC = [], ResidualKpa = [], StatisticPercent = [],
        };
        List<TraceAlarm> sorted = [.. alarms.OrderBy(a => a.TimeS).ThenBy(a => a.Seq)];
        return Html.CloseUp.For(span, sorted) is ({ } window, _) ? (window.T0S, window.T1S) : null;
    }

    /// <summary>
    /// The scoreboard: <paramref name="title"/>, a pass/fail summary, the table of
    /// <paramref name="rows"/>, and one small pressure plot per trace, each linked to the row with
    /// the same profile name.
    /// </summary>
    /// <exception cref="ArgumentException">A trace's arrays differ in length or its times are not strictly increasing.</exception>
    public static string RenderScore(IReadOnlyList<ScoreRow> rows, IReadOnlyList<ReplayTrace> traces, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(title);
        return ScorePage.Render(rows, traces, title);
    }

    /// <summary>
    /// A campaign: header facts, the summary table, detection delay and delay / information bound
    /// against hole size (log axes, one marker series per detector, missed leaks on top), false alarms
    /// per day per phenomenon per detector, then the view's other tables.
    /// </summary>
    /// <exception cref="ArgumentException">A per-detector list does not have one entry per detector.</exception>
    public static string RenderCampaign(CampaignView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return CampaignPage.Render(view);
    }
}
