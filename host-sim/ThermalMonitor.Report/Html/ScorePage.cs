using System.Globalization;
using System.Text;
using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Html;

/// <summary>The scoreboard page: title, pass/fail summary, score table, one small plot per profile.</summary>
internal static class ScorePage
{
    public static string Render(IReadOnlyList<ScoreRow> rows, IReadOnlyList<ReplayTrace> traces, string title)
    {
        foreach (ReplayTrace trace in traces)
        {
            trace.Validate();
        }

        // One fragment id per distinct profile name, shared by its row ("row-…") and plot ("plot-…").
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in rows.Select(r => r.Profile).Concat(traces.Select(t => t.ProfileName)))
        {
            if (!slugs.ContainsKey(name))
            {
                slugs[name] = Markup.Slug("p", name, slugs.Count + 1);
            }
        }

        var traceNames = traces.Select(t => t.ProfileName).ToHashSet(StringComparer.Ordinal);
        var rowByName = new Dictionary<string, ScoreRow>(StringComparer.Ordinal);
        foreach (ScoreRow row in rows)
        {
            rowByName.TryAdd(row.Profile, row);
        }

        var sb = new StringBuilder(256 * 1024);
        Page.Open(sb, title);
        int passed = rows.Count(r => r.Passed);
        sb.Append("<header class=\"page\">\n<div class=\"kicker\">ThermalMonitor · scoreboard</div>\n<h1>")
          .Append(Markup.Escape(title)).Append("</h1>\n<div class=\"chips\">")
          .Append(CultureInfo.InvariantCulture, $"<span class=\"chip\">{rows.Count} profiles</span>")
          .Append(CultureInfo.InvariantCulture, $"<span class=\"chip pass\">{passed} passed</span>")
          .Append(CultureInfo.InvariantCulture, $"<span class=\"chip{(rows.Count - passed > 0 ? " fail" : string.Empty)}\">{rows.Count - passed} failed</span>")
          .Append("</div>\n</header>\n");

        Table(sb, rows, slugs, traceNames);
        Plots(sb, traces, slugs, rowByName);
        Page.Close(sb);
        return sb.ToString();
    }

    /// <summary>Columns of the score table (the failure row spans them all).</summary>
    private const int ScoreColumns = 11;

    private static void Table(StringBuilder sb, IReadOnlyList<ScoreRow> rows, Dictionary<string, string> slugs, HashSet<string> traceNames)
    {
        sb.Append("<section class=\"card\" id=\"score\"><h2>Score</h2>\n")
          .Append("<p class=\"sub\">Delay: first alarm after leak onset. Bound: delay of a clairvoyant CUSUM at the same false-alarm rate. ")
          .Append("Ratio: delay / bound. FA/day: false alarms per simulated day. Baseline: a red low-pressure limit with persistence and nothing else "
              + "(no validation, rate path or thermal model), what a first leak monitor usually is. Why a profile failed is shown under its row.</p>\n")
          .Append("<div class=\"scroll\"><table class=\"score\">\n<thead><tr><th>Profile</th><th>Expected</th><th>Got</th>")
          .Append("<th class=\"num\">Delay</th><th class=\"num\">Bound</th><th class=\"num\">Ratio</th><th class=\"num\">FA/day</th>")
          .Append("<th>Sensor fault</th><th class=\"num\">Baseline delay</th><th class=\"num\">Baseline FA/day</th><th>Result</th></tr></thead>\n<tbody>\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ScoreRow r in rows)
        {
            string slug = slugs[r.Profile];
            string idAttr = seen.Add(r.Profile) ? $" id=\"row-{slug}\"" : string.Empty;
            string name = Markup.Escape(r.Profile);
            sb.Append("<tr class=\"").Append(r.Passed ? "pass" : "fail").Append('"').Append(idAttr).Append('>')
              .Append("<td class=\"name\">").Append(traceNames.Contains(r.Profile) ? $"<a href=\"#plot-{slug}\">{name}</a>" : name).Append("</td>")
              .Append("<td>").Append(Markup.Escape(r.Expected)).Append("</td>")
              .Append("<td>").Append(Markup.Escape(r.Got)).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.DurationOrNone(r.DelayS)).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.DurationOrNone(r.BoundS)).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.RatioOrNone(r.Ratio)).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.PerDay(r.FalseAlarmsPerDay)).Append("</td>")
              .Append("<td>").Append(r.SensorFaultCorrect switch
              {
                  true => "<span class=\"ok\" title=\"reported\">✓</span>",
                  false => "<span class=\"bad\" title=\"not reported\">✗</span>",
                  null => Format.None,
              }).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.DurationOrNone(r.BaselineDelayS)).Append("</td>")
              .Append("<td class=\"num\">").Append(Format.PerDay(r.BaselineFalseAlarmsPerDay)).Append("</td>")
              .Append("<td class=\"result\"><span>").Append(r.Passed ? "PASS" : "FAIL").Append("</span></td>")
              .Append("</tr>\n");

            // The reason on a row of its own across the table: as a last column it was cut off
            // (or forced a sideways scroll) at common screen widths.
            if (!string.IsNullOrEmpty(r.Failure))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"failure\"><td colspan=\"{ScoreColumns}\">")
                  .Append(Markup.Escape(r.Failure)).Append("</td></tr>\n");
            }
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Plots(StringBuilder sb, IReadOnlyList<ReplayTrace> traces, Dictionary<string, string> slugs, Dictionary<string, ScoreRow> rowByName)
    {
        if (traces.Count == 0)
        {
            return;
        }

        sb.Append("<section class=\"card\" id=\"plots\"><h2>Profiles</h2>\n<p class=\"sub\">Loop pressure (kPa) over each whole profile, time since profile start; click a title for its row.</p>\n");
        Page.Legend(sb, traces.Any(t => t.LeakOnsetS is not null));
        sb.Append("<div class=\"grid\">\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (ReplayTrace trace in traces)
        {
            index++;
            string slug = slugs[trace.ProfileName];
            string idAttr = seen.Add(trace.ProfileName) ? $" id=\"plot-{slug}\"" : string.Empty;
            rowByName.TryGetValue(trace.ProfileName, out ScoreRow? row);
            string state = row is null ? string.Empty : row.Passed ? " pass" : " fail";
            string name = Markup.Escape(trace.ProfileName);
            sb.Append("<figure class=\"small").Append(state).Append('"').Append(idAttr).Append(">\n<figcaption>")
              .Append(row is null ? $"<span>{name}</span>" : $"<a href=\"#row-{slug}\">{name}</a>")
              .Append(row is null ? "<span class=\"badge none\">not scored</span>" : $"<span class=\"badge\">{(row.Passed ? "PASS" : "FAIL")}</span>")
              .Append("</figcaption>\n");
            if (trace.TimeS.Length == 0)
            {
                sb.Append("<p class=\"sub\">No samples.</p>\n");
            }
            else
            {
                var alarms = ReplayPage.SortedAlarms(trace);
                TimeWindow window = ReplayPage.WholeWindow(trace.TimeS);
                var markers = ReplayPage.Markers(trace, alarms, window);
                SvgPlot.Render(
                    sb, $"score-{index}", trace.TimeS, new Series("Loop pressure", "kPa", trace.PressureKpa, Palette.Pressure),
                    window, markers, new PanelOptions { ShowTitle = false, FloorMin = 0, FloorReason = "below vacuum: the transducer's offset" }, PanelSize.Small);
            }

            sb.Append("</figure>\n");
        }

        sb.Append("</div>\n</section>\n");
    }
}
