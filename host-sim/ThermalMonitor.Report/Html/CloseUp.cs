using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Html;

/// <summary>The window of the detection close-up: around the leak onset and the first alarm after it.</summary>
internal static class CloseUp
{
    /// <summary>Shown before the leak onset: the quiet loop the detection is measured against.</summary>
    public const double BeforeOnsetS = 120;

    /// <summary>Shown after the first alarm: how the leak and the statistic go on.</summary>
    public const double AfterAlarmS = 180;

    /// <summary>Shown before the first alarm when the onset is unknown: the build-up.</summary>
    public const double BeforeAlarmS = 300;

    /// <summary>Shown after the onset when no alarm followed it.</summary>
    public const double UndetectedAfterOnsetS = 600;

    /// <summary>
    /// The close-up window and a caption saying what it shows, or null when there is neither an
    /// onset nor an alarm, or the window misses the trace. Ticks count from the onset (or the first
    /// alarm when the onset is unknown).
    /// </summary>
    public static (TimeWindow Window, string Caption)? For(ReplayTrace trace, IReadOnlyList<TraceAlarm> sortedAlarms)
    {
        if (trace.TimeS.Length < 2)
        {
            return null;
        }

        double t0;
        double t1;
        double origin;
        string caption;
        if (trace.LeakOnsetS is double onset)
        {
            TraceAlarm? first = sortedAlarms.FirstOrDefault(a => a.TimeS >= onset);
            origin = onset;
            t0 = onset - BeforeOnsetS;
            if (first is not null)
            {
                t1 = first.TimeS + AfterAlarmS;
                caption = $"From {Format.Duration(BeforeOnsetS)} before the leak onset to {Format.Duration(AfterAlarmS)} after the first alarm (#{first.Seq}, {Format.Relative(first.TimeS - onset, "onset")}).";
            }
            else
            {
                t1 = onset + UndetectedAfterOnsetS;
                caption = $"No alarm followed the leak onset: {Format.Duration(BeforeOnsetS)} before to {Format.Duration(UndetectedAfterOnsetS)} after it.";
            }

            caption += " Times from the leak onset.";
        }
        else if (sortedAlarms.Count > 0)
        {
            TraceAlarm first = sortedAlarms[0];
            origin = first.TimeS;
            t0 = first.TimeS - BeforeAlarmS;
            t1 = first.TimeS + AfterAlarmS;
            caption = $"Leak onset unknown: {Format.Duration(BeforeAlarmS)} before to {Format.Duration(AfterAlarmS)} after the first alarm (#{first.Seq}, raised at {Format.Clock(first.TimeS)}). Times from that alarm.";
        }
        else
        {
            return null;
        }

        t0 = Math.Max(t0, trace.TimeS[0]);
        t1 = Math.Min(t1, trace.TimeS[^1]);
        if (!(t1 > t0))
        {
            return null;
        }

        return (new TimeWindow(t0, t1, origin, Signed: true), caption);
    }
}
