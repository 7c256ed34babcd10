using System.Globalization;
using System.Text;
using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Html;

/// <summary>The replay report: header, alarm table, whole-profile plots, onset close-up.</summary>
internal static class ReplayPage
{
    public static string Render(ReplayTrace trace)
    {
        trace.Validate();
        var sb = new StringBuilder(512 * 1024);
        Page.Open(sb, "Replay: " + trace.ProfileName);
        var alarms = SortedAlarms(trace);
        Header(sb, trace, alarms);
        AlarmTable(sb, trace, alarms);

        if (trace.TimeS.Length == 0)
        {
            sb.Append("<section class=\"card\"><h2>Plots</h2><p class=\"sub\">The trace holds no samples.</p></section>\n");
        }
        else
        {
            var whole = WholeWindow(trace.TimeS);
            sb.Append("<section class=\"card\" id=\"whole\"><h2>Whole profile</h2>\n")
              .Append("<p class=\"sub\">Time since profile start")
              .Append(trace.StartUtc is DateTimeOffset start ? " (0 is " + Markup.Escape(Utc(start)) + ")" : string.Empty)
              .Append(". Hover a marker for the alarm's details.</p>\n");
            Page.Legend(sb, trace.LeakOnsetS is not null);
            Stack(sb, "whole", trace, whole, Markers(trace, alarms, whole));
            StatisticNote(sb, trace);
            sb.Append("</section>\n");

            if (CloseUp.For(trace, alarms) is (TimeWindow window, string caption))
            {
                sb.Append("<section class=\"card\" id=\"closeup\"><h2>Detection close-up</h2>\n")
                  .Append("<p class=\"sub\">").Append(Markup.Escape(caption)).Append("</p>\n");
                Page.Legend(sb, trace.LeakOnsetS is not null);
                Stack(sb, "closeup", trace, window, Markers(trace, alarms, window));
                sb.Append("</section>\n");
            }
            else
            {
                sb.Append("<section class=\"card\" id=\"closeup\"><h2>Detection close-up</h2>")
                  .Append("<p class=\"sub\">No leak onset is known and no alarm was raised: nothing to zoom on.</p></section>\n");
            }
        }

        Page.Close(sb);
        return sb.ToString();
    }

    internal static List<TraceAlarm> SortedAlarms(ReplayTrace trace) =>
        [.. trace.Alarms.OrderBy(a => a.TimeS).ThenBy(a => a.Seq)];

    /// <summary>The whole trace; a single sample gets a second either side.</summary>
    internal static TimeWindow WholeWindow(double[] timeS) =>
        timeS[^1] > timeS[0]
            ? new TimeWindow(timeS[0], timeS[^1], 0, Signed: false)
            : new TimeWindow(timeS[0] - 1, timeS[0] + 1, 0, Signed: false);

    /// <summary>Onset and alarm markers; in the close-up, alarm labels carry the time since the onset, when known.</summary>
    internal static List<Marker> Markers(ReplayTrace trace, IReadOnlyList<TraceAlarm> alarms, TimeWindow window)
    {
        var markers = new List<Marker>();
        double endS = trace.TimeS.Length > 0 ? trace.TimeS[^1] : 0;
        if (trace.LeakOnsetS is double onset)
        {
            markers.Add(new Marker(onset, null, Palette.Onset, "leak onset", "Leak onset (ground truth) at " + Format.Clock(onset), Dashed: true));
        }

        foreach (TraceAlarm a in alarms)
        {
            string label = string.Create(CultureInfo.InvariantCulture, $"#{a.Seq} {a.Severity}");
            if (window.Signed && trace.LeakOnsetS is double onsetS && Math.Round(a.TimeS - onsetS, 1) != 0)
            {
                double relative = a.TimeS - onsetS;
                label += " " + (relative > 0 ? "+" : string.Empty) + Format.Duration(relative);
            }

            string tooltip = string.Create(
                CultureInfo.InvariantCulture,
                $"#{a.Seq} {a.Type} {a.Severity} on {a.Channel} ({a.Cause}), raised at {Format.Clock(a.TimeS)}")
                + (trace.StartUtc is DateTimeOffset start ? " (" + Utc(start.AddSeconds(a.TimeS)) + ")" : string.Empty)
                + (trace.LeakOnsetS is double o ? ", " + Format.Relative(a.TimeS - o, "onset") : string.Empty)
                + (a.ClearedTimeS is double c ? ", cleared at " + Format.Clock(c) : ", not cleared");
            double? bandEnd = a.ClearedTimeS ?? endS;
            markers.Add(new Marker(a.TimeS, bandEnd, Palette.Severity(a.Severity), label, tooltip, Dashed: false));
        }

        return markers;
    }

    private static void Stack(StringBuilder sb, string idPrefix, ReplayTrace trace, TimeWindow window, List<Marker> markers)
    {
        Series[] series =
        [
            new("Loop pressure", "kPa", trace.PressureKpa, Palette.Pressure),
            new("Coolant temperature", "°C", trace.TempC, Palette.Temperature),
            new("Thermal-compensated residual", "kPa", trace.ResidualKpa, Palette.Residual),
            new("Detector statistic (CUSUM)", "% of alarm threshold", trace.StatisticPercent, Palette.Statistic),
        ];
        // Before the model has learned there is no residual and no statistic: say why, not just "no samples".
        string notLearnedYet = trace.ModelWarmupS is double warmupS
            ? $"no values yet: the thermal model learns for the first {Format.Duration(warmupS)} of a replay (modelWarmupS)"
            : new PanelOptions().EmptyText;
        PanelOptions[] options =
        [
            new() { LabelMarkers = true, FloorMin = 0, FloorReason = "below vacuum: the transducer's offset" },
            new(),
            new() { IncludeZero = true, EmptyText = notLearnedYet },
            new()
            {
                IncludeZero = true,
                CapMax = 300,
                EmptyText = notLearnedYet,
                References =
                [
                    new ReferenceLine(100, "alarm level 100 %", Palette.Warning),
                    new ReferenceLine(StatisticCeilingPercent, "ceiling 200 %: the statistic is held at twice its threshold", Palette.Text),
                ],
            },
        ];
        for (int k = 0; k < series.Length; k++)
        {
            SvgPlot.Render(sb, $"{idPrefix}-{k}", trace.TimeS, series[k], window, markers, options[k], PanelSize.Wide);
        }
    }

    /// <summary>The firmware holds each CUSUM at twice its threshold, so the statistic never shows more than 200 %.</summary>
    internal const double StatisticCeilingPercent = 200;

    /// <summary>What the statistic panel cannot show by itself: its ceiling, and the wait between crossing 100 % and the alarm.</summary>
    private static void StatisticNote(StringBuilder sb, ReplayTrace trace)
    {
        sb.Append("<p class=\"sub\" id=\"statistic-note\">The detector statistic is held at 200 % (twice its threshold): a flat line there is the ceiling, not a lost signal.");
        if (trace.StatisticPersistS is double persistS)
        {
            sb.Append(" A CAUTION from the statistic is raised only after it has stayed above 100 % for ")
              .Append(Markup.Escape(Format.Duration(persistS)))
              .Append(" (cusumPersistMs, with the growth check: still rising), so the alarm comes that long after the crossing.");
        }

        sb.Append("</p>\n");
    }

    /// <summary>A UTC time to the tenth of a second: "2022-12-15 00:45:03.9 UTC".</summary>
    internal static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.f", CultureInfo.InvariantCulture) + " UTC";

    private static void Header(StringBuilder sb, ReplayTrace trace, List<TraceAlarm> alarms)
    {
        double[] t = trace.TimeS;
        sb.Append("<header class=\"page\">\n<div class=\"kicker\">ThermalMonitor · replay report</div>\n")
          .Append("<h1>").Append(Markup.Escape(trace.ProfileName)).Append("</h1>\n")
          .Append("<div>target <code class=\"target\">").Append(Markup.Escape(trace.Target)).Append("</code></div>\n");
        if (!string.IsNullOrWhiteSpace(trace.Description))
        {
            sb.Append("<p class=\"desc\">").Append(Markup.Escape(trace.Description)).Append("</p>\n");
        }

        sb.Append("<div class=\"stats\">\n");
        double durationS = t.Length > 1 ? t[^1] - t[0] : 0;
        long samples = trace.DecimatedSamples ?? t.Length;
        string rate = t.Length > 1 ? Format.Compact((samples - 1) / durationS, 2) + " Hz" : Format.None;
        Stat(sb, "Samples", Format.Count(samples), rate == Format.None ? string.Empty : "at " + rate);
        Stat(sb, "Duration", t.Length > 1 ? Format.Duration(durationS) : Format.None,
            t.Length > 0 ? Format.Clock(t[0]) + " to " + Format.Clock(t[^1]) : string.Empty);
        Stat(sb, "Leak onset", trace.LeakOnsetS is double onset ? Format.Clock(onset) : "unknown",
            trace.LeakOnsetS is not double onsetS ? "no ground truth"
            : trace.StartUtc is DateTimeOffset start ? "ground truth, " + Utc(start.AddSeconds(onsetS)) : "ground truth");

        TraceAlarm? first = trace.LeakOnsetS is double o2 ? alarms.FirstOrDefault(a => a.TimeS >= o2) : alarms.FirstOrDefault();
        if (first is null)
        {
            Stat(sb, "First alarm", "none", trace.LeakOnsetS is null ? string.Empty : "leak not detected");
        }
        else
        {
            string what = string.Create(CultureInfo.InvariantCulture, $"#{first.Seq} {first.Severity} · {first.Cause}");
            if (trace.LeakOnsetS is double o3)
            {
                double delayS = first.TimeS - o3;
                Stat(sb, "Detection delay", (delayS > 0 ? "+" : string.Empty) + Format.Duration(delayS), "after onset: " + what);
            }
            else
            {
                Stat(sb, "First alarm", Format.Clock(first.TimeS), what);
            }
        }

        int warnings = alarms.Count(a => Markup.SeverityClass(a.Severity) == "sev-warning");
        int cautions = alarms.Count(a => Markup.SeverityClass(a.Severity) == "sev-caution");
        Stat(sb, "Alarms", alarms.Count.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{warnings} warning, {cautions} caution"));
        Stat(sb, "Valid pressure", ValidPercent(trace.PressureKpa, trace.ValidPressureSamples, trace.DecimatedSamples),
            "temperature " + ValidPercent(trace.TempC, trace.ValidTempSamples, trace.DecimatedSamples));
        sb.Append("</div>\n</header>\n");
    }

    private static string ValidPercent(double[] values, long? decimatedValid, long? decimatedSamples)
    {
        if (values.Length == 0)
        {
            return Format.None;
        }

        // Decimated series hold buckets, not samples: the counts come with the trace.
        long total = decimatedSamples ?? values.Length;
        long valid = decimatedValid ?? values.Count(double.IsFinite);
        double percent = 100.0 * valid / total;
        return (valid == total ? "100" : Format.Number(Math.Min(percent, 99.9), 1)) + " %";
    }

    private static void Stat(StringBuilder sb, string key, string value, string sub)
    {
        sb.Append("<div class=\"stat\"><div class=\"k\">").Append(Markup.Escape(key)).Append("</div><div class=\"v\">")
          .Append(Markup.Escape(value)).Append("</div>");
        if (sub.Length > 0)
        {
            sb.Append("<div class=\"s\">").Append(Markup.Escape(sub)).Append("</div>");
        }

        sb.Append("</div>\n");
    }

    private static void AlarmTable(StringBuilder sb, ReplayTrace trace, List<TraceAlarm> alarms)
    {
        sb.Append("<section class=\"card\" id=\"alarms\"><h2>Alarms</h2>\n");
        if (alarms.Count == 0)
        {
            sb.Append("<p class=\"sub\">No alarms were raised.</p></section>\n");
            return;
        }

        bool onsetKnown = trace.LeakOnsetS is not null;
        sb.Append("<table class=\"alarms\">\n<thead><tr><th class=\"num\">#</th><th>Type</th><th>Severity</th><th>Channel</th><th>Cause</th>")
          .Append("<th class=\"num\">Raised</th>")
          .Append(onsetKnown ? "<th>Relative to leak onset</th>" : string.Empty)
          .Append("<th class=\"num\">Cleared</th></tr></thead>\n<tbody>\n");
        foreach (TraceAlarm a in alarms)
        {
            sb.Append("<tr>")
              .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{a.Seq}</td>")
              .Append("<td>").Append(Markup.Escape(a.Type)).Append("</td>")
              .Append("<td><span class=\"sev ").Append(Markup.SeverityClass(a.Severity)).Append("\">").Append(Markup.Escape(a.Severity)).Append("</span></td>")
              .Append("<td>").Append(Markup.Escape(a.Channel)).Append("</td>")
              .Append("<td>").Append(Markup.Escape(a.Cause)).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.Clock(a.TimeS)).Append(" <span class=\"muted\">").Append(Format.Number(a.TimeS, 1)).Append(" s")
              .Append(trace.StartUtc is DateTimeOffset start ? "<br/>" + Markup.Escape(Utc(start.AddSeconds(a.TimeS))) : string.Empty)
              .Append("</span></td>");
            if (trace.LeakOnsetS is double onset)
            {
                sb.Append("<td class=\"rel\">").Append(Format.Relative(a.TimeS - onset, "onset")).Append("</td>");
            }

            sb.Append("<td class=\"num\">")
              .Append(a.ClearedTimeS is double c
                  ? Format.Clock(c) + " <span class=\"muted\">after " + Format.Duration(c - a.TimeS) + "</span>"
                  : "<span class=\"muted\">not cleared</span>")
              .Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }
}
