using System.Globalization;
using System.Text;
using ThermalMonitor.Report.Html;

namespace ThermalMonitor.Report.Plotting;

/// <summary>A point of a scatter series.</summary>
/// <param name="X">Data x (positive: the axes are logarithmic).</param>
/// <param name="Y">Data y (values at or below the axis minimum are drawn on it).</param>
/// <param name="Tooltip">Hover text.</param>
internal sealed record ScatterPoint(double X, double Y, string Tooltip);

/// <summary>One series of a scatter plot: points in one colour and marker shape.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Colour">Marker colour.</param>
/// <param name="Shape">Marker shape.</param>
/// <param name="Points">The points on the plot.</param>
/// <param name="Missed">Points without a y (e.g. missed leaks): drawn in a lane above the plot at their x.</param>
internal sealed record ScatterSeries(string Name, string Colour, MarkerShape Shape, IReadOnlyList<ScatterPoint> Points, IReadOnlyList<ScatterPoint> Missed);

/// <summary>Marker shapes, one per series so overlapping series stay distinguishable.</summary>
internal enum MarkerShape
{
    /// <summary>Hollow circle.</summary>
    Circle,

    /// <summary>Hollow square.</summary>
    Square,

    /// <summary>Hollow diamond.</summary>
    Diamond,

    /// <summary>Hollow upward triangle.</summary>
    Triangle,

    /// <summary>A cross.</summary>
    Cross,
}

/// <summary>
/// Draws a scatter plot with logarithmic x and y axes as a standalone inline SVG: frame, 1-2-5 or
/// decade ticks, light grid, horizontal reference lines, hollow markers per series (each with a
/// tooltip), and a "missed" lane above the plot for points without a y.
/// </summary>
internal static class ScatterPlot
{
    private const int Width = 1100;
    private const int Height = 400;
    private const int Left = 70;
    private const int Right = 24;
    private const int Top = 54;
    private const int Bottom = 46;
    private const int MissedLaneY = 36;
    private const double MarkerSize = 4.2;

    /// <summary>Appends the plot's &lt;svg&gt; to <paramref name="sb"/>.</summary>
    public static void Render(
        StringBuilder sb, string id, string title, string xTitle, string yTitle, IReadOnlyList<ScatterSeries> series,
        IReadOnlyList<ReferenceLine> references)
    {
        var all = series.SelectMany(s => s.Points).ToList();
        var allX = all.Select(p => p.X).Concat(series.SelectMany(s => s.Missed).Select(p => p.X)).Where(x => x > 0).ToList();
        var allY = all.Select(p => p.Y).Where(y => y > 0).Concat(references.Select(r => r.Value)).ToList();
        Axis xAxis = Ticks.LogAxis(allX.Count > 0 ? allX.Min() : 1, allX.Count > 0 ? allX.Max() : 10);
        Axis yAxis = Ticks.LogAxis(allY.Count > 0 ? allY.Min() : 1, allY.Count > 0 ? allY.Max() : 10);
        double x0 = Left;
        double x1 = Width - Right;
        double y0 = Top;
        double y1 = Height - Bottom;
        double X(double v) => x0 + ((Math.Log10(Math.Max(v, xAxis.Min)) - Math.Log10(xAxis.Min)) / (Math.Log10(xAxis.Max) - Math.Log10(xAxis.Min)) * (x1 - x0));
        double Y(double v) => y1 - ((Math.Log10(Math.Clamp(v, yAxis.Min, yAxis.Max)) - Math.Log10(yAxis.Min)) / (Math.Log10(yAxis.Max) - Math.Log10(yAxis.Min)) * (y1 - y0));

        var ic = CultureInfo.InvariantCulture;
        sb.Append(ic, $"<svg xmlns=\"{SvgPlot.SvgNamespace}\" class=\"plot scatter\" id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" ")
          .Append(ic, $"aria-label=\"{Markup.Escape(title)}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">\n")
          .Append(ic, $"<title>{Markup.Escape(title)}</title>\n")
          .Append(ic, $"<text x=\"{C(x0)}\" y=\"18\" font-size=\"13\" font-weight=\"600\" fill=\"{Palette.Title}\">{Markup.Escape(yTitle)}</text>\n")
          .Append(ic, $"<text x=\"{C((x0 + x1) / 2)}\" y=\"{C(Height - 8)}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Palette.Text}\">{Markup.Escape(xTitle)}</text>\n");

        // Grid and ticks.
        sb.Append(ic, $"<g stroke=\"{Palette.Grid}\" stroke-width=\"1\">");
        foreach (double v in yAxis.Values)
        {
            sb.Append(ic, $"<line x1=\"{C(x0)}\" x2=\"{C(x1)}\" y1=\"{C(Y(v))}\" y2=\"{C(Y(v))}\"/>");
        }

        foreach (double v in xAxis.Values)
        {
            sb.Append(ic, $"<line x1=\"{C(X(v))}\" x2=\"{C(X(v))}\" y1=\"{C(y0)}\" y2=\"{C(y1)}\"/>");
        }

        sb.Append("</g>\n").Append(ic, $"<g font-size=\"11\" fill=\"{Palette.Text}\" class=\"yticks\">");
        for (int k = 0; k < yAxis.Values.Count; k++)
        {
            sb.Append(ic, $"<text x=\"{C(x0 - 6)}\" y=\"{C(Y(yAxis.Values[k]) + 4)}\" text-anchor=\"end\">{yAxis.Labels[k]}</text>");
        }

        sb.Append("</g>\n").Append(ic, $"<g font-size=\"11\" fill=\"{Palette.Text}\" class=\"xticks\">");
        for (int k = 0; k < xAxis.Values.Count; k++)
        {
            sb.Append(ic, $"<text x=\"{C(X(xAxis.Values[k]))}\" y=\"{C(y1 + 16)}\" text-anchor=\"middle\">{xAxis.Labels[k]}</text>");
        }

        sb.Append("</g>\n");
        foreach (ReferenceLine r in references)
        {
            double y = Y(r.Value);
            sb.Append(ic, $"<g class=\"reference\"><line x1=\"{C(x0)}\" x2=\"{C(x1)}\" y1=\"{C(y)}\" y2=\"{C(y)}\" stroke=\"{r.Colour}\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>")
              .Append(ic, $"<text x=\"{C(x1 - 4)}\" y=\"{C(y - 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"{r.Colour}\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{Markup.Escape(r.Label)}</text></g>\n");
        }

        bool anyMissed = series.Any(s => s.Missed.Count > 0);
        if (anyMissed)
        {
            sb.Append(ic, $"<text x=\"{C(x0 - 6)}\" y=\"{C(MissedLaneY + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Palette.Warning}\">missed</text>\n")
              .Append(ic, $"<line x1=\"{C(x0)}\" x2=\"{C(x1)}\" y1=\"{C(MissedLaneY)}\" y2=\"{C(MissedLaneY)}\" stroke=\"{Palette.Grid}\" stroke-width=\"1\"/>\n");
        }

        for (int s = 0; s < series.Count; s++)
        {
            ScatterSeries one = series[s];
            sb.Append(ic, $"<g class=\"series\" data-series=\"{Markup.Escape(one.Name)}\" fill=\"none\" stroke=\"{one.Colour}\" stroke-width=\"1.4\">");
            foreach (ScatterPoint p in one.Points)
            {
                Marker(sb, one.Shape, X(p.X), Y(p.Y), p.Tooltip);
            }

            foreach (ScatterPoint p in one.Missed)
            {
                Marker(sb, one.Shape, X(p.X), MissedLaneY, p.Tooltip);
            }

            sb.Append("</g>\n");
        }

        sb.Append(ic, $"<path fill=\"none\" stroke=\"{Palette.Axis}\" stroke-width=\"1\" d=\"M{C(x0)},{C(y0)}V{C(y1)}H{C(x1)}\"/>\n")
          .Append("</svg>\n");
    }

    /// <summary>A legend entry's marker as a tiny inline SVG.</summary>
    public static string LegendMarker(MarkerShape shape, string colour)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"{SvgPlot.SvgNamespace}\" width=\"14\" height=\"14\" viewBox=\"0 0 14 14\"><g fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.4\">");
        Marker(sb, shape, 7, 7, null);
        sb.Append("</g></svg>");
        return sb.ToString();
    }

    private static void Marker(StringBuilder sb, MarkerShape shape, double x, double y, string? tooltip)
    {
        string title = tooltip is null ? string.Empty : $"<title>{Markup.Escape(tooltip)}</title>";
        double r = MarkerSize;
        string element = shape switch
        {
            MarkerShape.Circle => $"<circle cx=\"{C(x)}\" cy=\"{C(y)}\" r=\"{C(r * 1.2)}\">{title}</circle>",
            MarkerShape.Square => $"<rect x=\"{C(x - (r * 0.7))}\" y=\"{C(y - (r * 0.7))}\" width=\"{C(r * 1.4)}\" height=\"{C(r * 1.4)}\">{title}</rect>",
            MarkerShape.Diamond => $"<path d=\"M{C(x)},{C(y - r)}L{C(x + r)},{C(y)}L{C(x)},{C(y + r)}L{C(x - r)},{C(y)}Z\">{title}</path>",
            MarkerShape.Triangle => $"<path d=\"M{C(x)},{C(y - r)}L{C(x + r)},{C(y + (r * 0.8))}L{C(x - r)},{C(y + (r * 0.8))}Z\">{title}</path>",
            _ => $"<path d=\"M{C(x - r)},{C(y - r)}L{C(x + r)},{C(y + r)}M{C(x - r)},{C(y + r)}L{C(x + r)},{C(y - r)}\">{title}</path>",
        };
        sb.Append(element);
    }

    private static string C(double value) => Format.Coord(value);
}
