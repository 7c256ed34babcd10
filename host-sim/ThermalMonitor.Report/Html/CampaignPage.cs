using System.Globalization;
using System.Text;
using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Html;

/// <summary>
/// The campaign page: header facts, the summary table, delay and delay/bound against hole size (log
/// axes, one marker series per detector, missed leaks in a lane on top), false alarms per day per
/// phenomenon per detector (numbers with log-scaled bars), then the caller's other tables.
/// </summary>
internal static class CampaignPage
{
    private const string SummaryId = "summary";
    private const double BarWidthMax = 120;
    private static readonly string[] Colours = ["#2563eb", "#dc2626", "#059669", "#7c3aed", "#d97706"];
    private static readonly MarkerShape[] Shapes = [MarkerShape.Circle, MarkerShape.Square, MarkerShape.Triangle, MarkerShape.Cross];
    private const string BoundColour = "#6b7280";

    public static string Render(CampaignView view)
    {
        view.Validate();
        var sb = new StringBuilder(256 * 1024);
        Page.Open(sb, view.Title);
        sb.Append("<header class=\"page\">\n<div class=\"kicker\">ThermalMonitor · campaign</div>\n<h1>")
          .Append(Markup.Escape(view.Title)).Append("</h1>\n<div class=\"chips\">");
        foreach (CampaignFact fact in view.Facts)
        {
            sb.Append("<span class=\"chip\">").Append(Markup.Escape(fact.Label)).Append(": ").Append(Markup.Escape(fact.Value)).Append("</span>");
        }

        sb.Append("</div>\n</header>\n");
        foreach (CampaignTable table in view.Tables.Where(t => t.Id == SummaryId))
        {
            Table(sb, table);
        }

        DelayPlots(sb, view);
        FalseAlarms(sb, view);
        foreach (CampaignTable table in view.Tables.Where(t => t.Id != SummaryId))
        {
            Table(sb, table);
        }

        Page.Close(sb);
        return sb.ToString();
    }

    private static string Colour(int detector) => Colours[detector % Colours.Length];

    private static MarkerShape Shape(int detector) => Shapes[detector % Shapes.Length];

    private static void DelayPlots(StringBuilder sb, CampaignView view)
    {
        var ic = CultureInfo.InvariantCulture;
        sb.Append("<section class=\"card\" id=\"delay\"><h2>Detection delay against hole size</h2>\n")
          .Append("<p class=\"sub\">Each marker is one leak case: the delay of each detector's first DEPRESSURIZATION alarm after the onset, ")
          .Append("and the information bound (the delay of a clairvoyant detector at the same false-alarm interval). Log axes; leaks a detector missed sit in the lane on top.</p>\n");
        if (view.Leaks.Count == 0)
        {
            sb.Append("<p class=\"sub\">No leak cases.</p></section>\n");
            return;
        }

        var delaySeries = new List<ScatterSeries>
        {
            new("information bound", BoundColour, MarkerShape.Diamond,
                [.. view.Leaks.Where(l => l.BoundS > 0).Select(l => new ScatterPoint(l.HoleMm, l.BoundS!.Value, $"{l.Label}: {Format.Compact(l.HoleMm, 3)} mm, bound {Format.Duration(l.BoundS.Value)}"))],
                []),
        };
        var ratioSeries = new List<ScatterSeries>();
        for (int d = 0; d < view.Detectors.Count; d++)
        {
            string name = view.Detectors[d];
            int index = d;
            var detected = view.Leaks.Where(l => l.DelayS[index] is not null).ToList();
            var missed = view.Leaks.Where(l => l.DelayS[index] is null)
                .Select(l => new ScatterPoint(l.HoleMm, double.NaN, $"{name}, {l.Label}: {Format.Compact(l.HoleMm, 3)} mm missed")).ToList();
            delaySeries.Add(new ScatterSeries(name, Colour(d), Shape(d),
                [.. detected.Select(l => new ScatterPoint(l.HoleMm, l.DelayS[index]!.Value, $"{name}, {l.Label}: {Format.Compact(l.HoleMm, 3)} mm, delay {Format.Duration(l.DelayS[index]!.Value)}"))],
                missed));
            ratioSeries.Add(new ScatterSeries(name, Colour(d), Shape(d),
                [.. detected.Where(l => l.BoundS > 0).Select(l => new ScatterPoint(l.HoleMm, l.DelayS[index]!.Value / l.BoundS!.Value,
                    $"{name}, {l.Label}: {Format.Compact(l.HoleMm, 3)} mm, delay/bound {Format.RatioOrNone(l.DelayS[index]!.Value / l.BoundS!.Value)}"))],
                missed));
        }

        Legend(sb, delaySeries);
        ScatterPlot.Render(sb, "plot-delay", "Detection delay against hole size", "hole diameter (mm)", "delay after onset (s)", delaySeries, []);
        sb.Append("</section>\n<section class=\"card\" id=\"ratio\"><h2>Delay / information bound against hole size</h2>\n")
          .Append("<p class=\"sub\">1 = as fast as a clairvoyant detector could be; the bound's noise is the measurement's alone, so the ratio also holds the cost of thermal compensation. ")
          .Append(ic, $"Dashed: 1 and 2.</p>\n");
        Legend(sb, ratioSeries);
        ScatterPlot.Render(
            sb, "plot-ratio", "Delay over information bound against hole size", "hole diameter (mm)", "delay / bound", ratioSeries,
            [new ReferenceLine(1, "1 (the bound)", Palette.Onset), new ReferenceLine(2, "2", Palette.Caution)]);
        sb.Append("</section>\n");
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<ScatterSeries> series)
    {
        sb.Append("<div class=\"legend\">");
        foreach (ScatterSeries s in series)
        {
            sb.Append("<span>").Append(ScatterPlot.LegendMarker(s.Shape, s.Colour)).Append(Markup.Escape(s.Name)).Append("</span>");
        }

        sb.Append("</div>\n");
    }

    private static void FalseAlarms(StringBuilder sb, CampaignView view)
    {
        var ic = CultureInfo.InvariantCulture;
        sb.Append("<section class=\"card\" id=\"false-alarms\"><h2>False alarms per day, per phenomenon</h2>\n")
          .Append("<p class=\"sub\">False DEPRESSURIZATION alarms on nominal time: each phenomenon alone on the benign base loop (ablation), and the full world with all of them. ")
          .Append("Bar length grows with log(1 + alarms per day).</p>\n<div class=\"scroll\"><table class=\"score campaign-fa\">\n<thead><tr><th>Phenomenon</th><th>What it varies</th><th class=\"num\">Days</th>");
        foreach (string name in view.Detectors)
        {
            sb.Append("<th class=\"num\">").Append(Markup.Escape(name)).Append(" alarms</th><th>").Append(Markup.Escape(name)).Append(" per day</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        double maxRate = view.FalseAlarms.SelectMany(r => r.FalseAlarms.Select(n => r.Days > 0 ? n / r.Days : 0)).DefaultIfEmpty(0).Max();
        foreach (CampaignRateRow row in view.FalseAlarms)
        {
            sb.Append("<tr><td class=\"name\">").Append(Markup.Escape(row.Label)).Append("</td><td>").Append(Markup.Escape(row.Description))
              .Append("</td><td class=\"num\">").Append(Format.Compact(row.Days, 2)).Append("</td>");
            for (int d = 0; d < view.Detectors.Count; d++)
            {
                double rate = row.Days > 0 ? row.FalseAlarms[d] / row.Days : double.NaN;
                double width = maxRate > 0 && rate > 0 ? BarWidthMax * Math.Log10(1 + rate) / Math.Log10(1 + maxRate) : 0;
                sb.Append(ic, $"<td class=\"num\">{row.FalseAlarms[d]}</td><td class=\"num\"><span class=\"rate\">{Format.PerDay(rate)}</span> ")
                  .Append(ic, $"<span class=\"bar\" style=\"display:inline-block;vertical-align:middle;height:9px;width:{Format.Coord(Math.Max(width, rate > 0 ? 1 : 0))}px;background:{Colour(d)};border-radius:2px\"></span></td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Table(StringBuilder sb, CampaignTable table)
    {
        sb.Append("<section class=\"card\" id=\"").Append(Markup.Escape(table.Id)).Append("\"><h2>").Append(Markup.Escape(table.Caption)).Append("</h2>\n");
        if (table.Note is not null)
        {
            sb.Append("<p class=\"sub\">").Append(Markup.Escape(table.Note)).Append("</p>\n");
        }

        sb.Append("<div class=\"scroll\"><table class=\"score\">\n<thead><tr>");
        for (int c = 0; c < table.Header.Count; c++)
        {
            sb.Append(c >= table.NumericFrom ? "<th class=\"num\">" : "<th>").Append(Markup.Escape(table.Header[c])).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                sb.Append(c >= table.NumericFrom ? "<td class=\"num\">" : c == 0 ? "<td class=\"name\">" : "<td>").Append(Markup.Escape(row[c])).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        if (table.Rows.Count == 0)
        {
            sb.Append("<tr><td colspan=\"").Append(table.Header.Count.ToString(CultureInfo.InvariantCulture)).Append("\">none</td></tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }
}
