using System.Globalization;
using System.Text;
using ThermalMonitor.Report.Html;

namespace ThermalMonitor.Report.Plotting;

/// <summary>
/// Draws one time-series panel as a standalone inline SVG: frame, round ticks, light grid, the
/// min/max envelope of the series (NaN gaps left open), reference lines and event markers.
/// </summary>
internal static class SvgPlot
{
    /// <summary>SVG namespace; the only URI a report contains.</summary>
    public const string SvgNamespace = "http://www.w3.org/2000/svg";

    private const int LaneHeight = 14;
    private const int LaneCountMax = 6;
    private const double LabelCharWidth = 6.3;

    /// <summary>Appends the panel's &lt;svg&gt; element to <paramref name="sb"/>.</summary>
    /// <param name="sb">Output.</param>
    /// <param name="id">Unique id within the page (prefix of the clip path id).</param>
    /// <param name="timeS">Sample times of the trace.</param>
    /// <param name="series">The quantity to draw.</param>
    /// <param name="window">Time window and tick origin.</param>
    /// <param name="markers">Leak onset and alarm markers (those outside the window are skipped).</param>
    /// <param name="options">Scaling and decoration.</param>
    /// <param name="size">Panel geometry.</param>
    public static void Render(
        StringBuilder sb, string id, double[] timeS, Series series, TimeWindow window,
        IReadOnlyList<Marker> markers, PanelOptions options, PanelSize size)
    {
        // Horizontal geometry first: the label lanes above the plot depend on marker positions.
        double x0 = size.Left;
        double x1 = size.Width - size.Right;
        double sx = (x1 - x0) / (window.T1S - window.T0S);
        double X(double t) => x0 + ((t - window.T0S) * sx);
        var visible = markers.Where(m => m.TimeS >= window.T0S && m.TimeS <= window.T1S).OrderBy(m => m.TimeS).ToList();
        LabelSlot[] slots = options.LabelMarkers ? AssignLanes(visible, X, x1) : [];
        int laneBandHeight = slots.Length == 0 ? 0 : (slots.Max(slot => slot.Lane) + 1) * LaneHeight;
        double y0 = size.Top + laneBandHeight;
        double y1 = size.Height - size.Bottom + laneBandHeight;

        var envelope = Envelope.Build(timeS, series.Values, window.T0S, window.T1S, Math.Max(1, (int)(x1 - x0)));
        (Axis yAxis, double? overflowPeak, double? underflowLowest) = ValueRange(envelope, options, (int)((y1 - y0) / 28));
        Axis xAxis = Ticks.TimeAxis(window.T0S, window.T1S, window.OriginS, (int)((x1 - x0) / 90), window.Signed);
        double sy = (y1 - y0) / (yAxis.Max - yAxis.Min);
        var frame = new Frame(x0, x1, y0, y1, X, v => y1 - ((v - yAxis.Min) * sy));

        var ic = CultureInfo.InvariantCulture;
        string clip = id + "-clip";
        sb.Append(ic, $"<svg xmlns=\"{SvgNamespace}\" class=\"plot\" id=\"{id}\" viewBox=\"0 0 {size.Width} {size.Height + laneBandHeight}\" ")
          .Append(ic, $"width=\"100%\" role=\"img\" aria-label=\"{Markup.Escape(series.Title)}, {Markup.Escape(series.Unit)}\" ")
          .Append("font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">\n")
          .Append(ic, $"<title>{Markup.Escape(series.Title)} ({Markup.Escape(series.Unit)})</title>\n")
          .Append(ic, $"<defs><clipPath id=\"{clip}\"><rect x=\"{C(x0)}\" y=\"{C(y0)}\" width=\"{C(x1 - x0)}\" height=\"{C(y1 - y0)}\"/></clipPath></defs>\n");
        string? overNote = overflowPeak is null ? null : $"off scale above {Format.Compact(yAxis.Max, 1)}{PercentSuffix(series)}, peak {PeakText(overflowPeak.Value)}{PercentSuffix(series)}";
        string? underNote = underflowLowest is null ? null : $"readings below {Format.Compact(yAxis.Min, 1)} {series.Unit} ({options.FloorReason}) drawn at {Format.Compact(yAxis.Min, 1)}, lowest {Format.Compact(underflowLowest.Value, 1)}";
        AppendTitle(sb, series, options, frame, overNote is null ? underNote : underNote is null ? overNote : overNote + "; " + underNote);
        AppendGridAndTicks(sb, frame, xAxis, yAxis);
        AppendBands(sb, markers, window, frame);
        if (envelope.HasData)
        {
            // Values beyond a cap or floor run along the edge rather than vanishing off the plot.
            double top = yAxis.Max;
            double bottom = yAxis.Min;
            Func<double, double> y = overflowPeak is null && underflowLowest is null ? frame.Y : v => frame.Y(Math.Clamp(v, bottom, top));
            sb.Append(ic, $"<path class=\"series\" clip-path=\"url(#{clip})\" fill=\"none\" stroke=\"{series.Colour}\" stroke-width=\"1.3\" stroke-linejoin=\"round\" stroke-linecap=\"round\" d=\"");
            AppendPath(sb, envelope, X, y);
            sb.Append("\"/>\n");
        }
        else
        {
            sb.Append(ic, $"<text x=\"{C((x0 + x1) / 2)}\" y=\"{C((y0 + y1) / 2)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Palette.Text}\">{Markup.Escape(options.EmptyText)}</text>\n");
        }

        foreach (ReferenceLine r in options.References)
        {
            double y = frame.Y(r.Value);
            sb.Append(ic, $"<g class=\"reference\"><line x1=\"{C(x0)}\" x2=\"{C(x1)}\" y1=\"{C(y)}\" y2=\"{C(y)}\" stroke=\"{r.Colour}\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>")
              .Append(ic, $"<text x=\"{C(x1 - 4)}\" y=\"{C(y - 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"{r.Colour}\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{Markup.Escape(r.Label)}</text></g>\n");
        }

        AppendMarkers(sb, visible, slots, frame);
        sb.Append(ic, $"<path fill=\"none\" stroke=\"{Palette.Axis}\" stroke-width=\"1\" d=\"M{C(x0)},{C(y0)}V{C(y1)}H{C(x1)}\"/>\n")
          .Append("</svg>\n");
    }

    /// <summary>Y axis from the data, reference lines and options; the peak when it runs off a cap.</summary>
    internal static (Axis Axis, double? OverflowPeak, double? UnderflowLowest) ValueRange(Envelope envelope, PanelOptions options, int tickCountTarget)
    {
        double min = envelope.HasData ? envelope.Min : double.NaN;
        double max = envelope.HasData ? envelope.Max : double.NaN;

        // A few readings just below a physical floor (absolute pressure a hair under vacuum: the
        // transducer's offset) must not stretch the axis a whole tick step below it (to −100 kPa).
        double? underflow = null;
        if (options.FloorMin is double floor && min < floor)
        {
            underflow = min;
            min = floor;
            max = Math.Max(max, floor);
        }

        foreach (ReferenceLine r in options.References)
        {
            min = double.IsNaN(min) ? r.Value : Math.Min(min, r.Value);
            max = double.IsNaN(max) ? r.Value : Math.Max(max, r.Value);
        }

        if (options.IncludeZero)
        {
            min = double.IsNaN(min) ? 0 : Math.Min(min, 0);
            max = double.IsNaN(max) ? 0 : Math.Max(max, 0);
        }

        double? overflow = null;
        if (options.CapMax is double cap && max > cap)
        {
            overflow = max;
            max = cap;
        }

        if (double.IsNaN(min))
        {
            return (Ticks.ValueAxis(0, 1, tickCountTarget), null, null);
        }

        // A little air so the line does not run along the frame, except at an exact zero floor/ceiling.
        // Padding never pushes the range across zero (an absolute pressure axis stays at or above 0).
        double pad = (max - min) * 0.04;
        double lo = min == 0 || underflow is not null ? min : min - pad;
        double hi = max == 0 || overflow is not null ? max : max + pad;
        lo = min >= 0 && lo < 0 ? 0 : lo;
        hi = max <= 0 && hi > 0 ? 0 : hi;
        return (Ticks.ValueAxis(lo, hi, Math.Max(2, tickCountTarget)), overflow, underflow);
    }

    /// <summary>Appends the envelope as SVG path data: one "M…L…" subpath per segment.</summary>
    internal static void AppendPath(StringBuilder sb, Envelope envelope, Func<double, double> x, Func<double, double> y)
    {
        foreach (PlotPoint[] segment in envelope.Segments)
        {
            for (int i = 0; i < segment.Length; i++)
            {
                sb.Append(i == 0 ? 'M' : 'L').Append(C(x(segment[i].TimeS))).Append(',').Append(C(y(segment[i].Value)));
            }

            if (segment.Length == 1)
            {
                sb.Append("h0"); // a lone sample between gaps: a dot (round cap)
            }
        }
    }

    private static void AppendTitle(StringBuilder sb, Series series, PanelOptions options, Frame frame, string? note)
    {
        var ic = CultureInfo.InvariantCulture;
        if (options.ShowTitle)
        {
            sb.Append(ic, $"<text x=\"{C(frame.X0)}\" y=\"18\" font-size=\"13\" fill=\"{Palette.Title}\"><tspan font-weight=\"600\">{Markup.Escape(series.Title)}</tspan>")
              .Append(ic, $"<tspan fill=\"{Palette.Text}\" dx=\"6\">{Markup.Escape(series.Unit)}</tspan></text>\n");
        }
        else
        {
            sb.Append(ic, $"<text x=\"{C(frame.X0 - 6)}\" y=\"{C(frame.Y0 - 8)}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Palette.Text}\">{Markup.Escape(series.Unit)}</text>\n");
        }

        if (note is not null)
        {
            string y = options.ShowTitle ? "18" : C(frame.Y0 - 8);
            sb.Append(ic, $"<text x=\"{C(frame.X1)}\" y=\"{y}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Palette.Text}\">{Markup.Escape(note)}</text>\n");
        }
    }

    private static void AppendGridAndTicks(StringBuilder sb, Frame f, Axis xAxis, Axis yAxis)
    {
        var ic = CultureInfo.InvariantCulture;
        sb.Append(ic, $"<g stroke=\"{Palette.Grid}\" stroke-width=\"1\">");
        foreach (double v in yAxis.Values)
        {
            sb.Append(ic, $"<line x1=\"{C(f.X0)}\" x2=\"{C(f.X1)}\" y1=\"{C(f.Y(v))}\" y2=\"{C(f.Y(v))}\"/>");
        }

        foreach (double t in xAxis.Values)
        {
            sb.Append(ic, $"<line x1=\"{C(f.X(t))}\" x2=\"{C(f.X(t))}\" y1=\"{C(f.Y0)}\" y2=\"{C(f.Y1)}\"/>");
        }

        sb.Append("</g>\n").Append(ic, $"<g font-size=\"11\" fill=\"{Palette.Text}\" class=\"yticks\">");
        for (int k = 0; k < yAxis.Values.Count; k++)
        {
            sb.Append(ic, $"<text x=\"{C(f.X0 - 6)}\" y=\"{C(f.Y(yAxis.Values[k]) + 4)}\" text-anchor=\"end\">{yAxis.Labels[k]}</text>");
        }

        // Edge labels are anchored inwards so they are never cut by the viewport.
        sb.Append("</g>\n").Append(ic, $"<g font-size=\"11\" fill=\"{Palette.Text}\" class=\"xticks\">");
        for (int k = 0; k < xAxis.Values.Count; k++)
        {
            double x = f.X(xAxis.Values[k]);
            string anchor = x > f.X1 - 24 ? "end" : x < f.X0 + 8 ? "start" : "middle";
            sb.Append(ic, $"<text x=\"{C(x)}\" y=\"{C(f.Y1 + 16)}\" text-anchor=\"{anchor}\">{xAxis.Labels[k]}</text>");
        }

        sb.Append("</g>\n");
    }

    /// <summary>Lightly shaded spans while alarms are active, drawn under the data.</summary>
    private static void AppendBands(StringBuilder sb, IReadOnlyList<Marker> markers, TimeWindow window, Frame f)
    {
        foreach (Marker m in markers)
        {
            if (m.BandEndS is double end && end > window.T0S && m.TimeS < window.T1S && end > m.TimeS)
            {
                double bx0 = f.X(Math.Max(m.TimeS, window.T0S));
                double bx1 = f.X(Math.Min(end, window.T1S));
                sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{C(bx0)}\" y=\"{C(f.Y0)}\" width=\"{C(Math.Max(0.5, bx1 - bx0))}\" height=\"{C(f.Y1 - f.Y0)}\" fill=\"{m.Colour}\" fill-opacity=\"0.06\"/>\n");
            }
        }
    }

    /// <summary>Where a marker's label goes: its lane (0 = nearest the plot, -1 = no room) and side.</summary>
    internal readonly record struct LabelSlot(int Lane, bool RightAligned);

    /// <summary>
    /// Greedy lanes for marker labels (markers sorted by time): each label takes the lowest lane
    /// where it does not overlap the previous label; labels sit right of their line, or left of it
    /// near the right edge. A label that fits none of <see cref="LaneCountMax"/> lanes is left out
    /// (its tooltip still has it).
    /// </summary>
    internal static LabelSlot[] AssignLanes(IReadOnlyList<Marker> sortedMarkers, Func<double, double> x, double xRight)
    {
        var laneEnds = new double[LaneCountMax];
        Array.Fill(laneEnds, double.NegativeInfinity);
        var slots = new LabelSlot[sortedMarkers.Count];
        for (int k = 0; k < sortedMarkers.Count; k++)
        {
            double xm = x(sortedMarkers[k].TimeS);
            double width = sortedMarkers[k].Label.Length * LabelCharWidth;
            bool rightAligned = xm + 4 + width > xRight;
            double start = rightAligned ? xm - 4 - width : xm + 4;
            int lane = Array.FindIndex(laneEnds, end => end < start - 6);
            if (lane >= 0)
            {
                laneEnds[lane] = rightAligned ? xm : start + width;
            }

            slots[k] = new LabelSlot(lane, rightAligned);
        }

        return slots;
    }

    private static void AppendMarkers(StringBuilder sb, List<Marker> sortedVisible, LabelSlot[] slots, Frame f)
    {
        // Lines first, then all labels on top of them with a white halo.
        var ic = CultureInfo.InvariantCulture;
        var labels = new StringBuilder();
        for (int k = 0; k < sortedVisible.Count; k++)
        {
            Marker m = sortedVisible[k];
            double x = f.X(m.TimeS);
            double top = f.Y0;
            if (k < slots.Length && slots[k].Lane >= 0)
            {
                double ty = f.Y0 - (slots[k].Lane * LaneHeight) - 5;
                top = ty - 9;
                labels.Append(ic, $"<text x=\"{C(slots[k].RightAligned ? x - 4 : x + 4)}\" y=\"{C(ty)}\" font-size=\"11\" font-weight=\"600\" fill=\"{m.Colour}\"")
                      .Append(" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"")
                      .Append(slots[k].RightAligned ? " text-anchor=\"end\"" : string.Empty)
                      .Append(ic, $">{Markup.Escape(m.Label)}</text>\n");
            }

            string dash = m.Dashed ? " stroke-dasharray=\"5 4\"" : string.Empty;
            sb.Append(ic, $"<g class=\"{m.CssClass}\"><title>{Markup.Escape(m.Tooltip)}</title>")
              .Append(ic, $"<line x1=\"{C(x)}\" x2=\"{C(x)}\" y1=\"{C(top)}\" y2=\"{C(f.Y1)}\" stroke=\"{m.Colour}\" stroke-width=\"1.5\"{dash}/></g>\n");
        }

        if (labels.Length > 0)
        {
            sb.Append("<g class=\"marker-labels\">\n").Append(labels).Append("</g>\n");
        }
    }

    private static string C(double value) => Format.Coord(value);

    private static string PercentSuffix(Series series) => series.Unit.StartsWith('%') ? " %" : string.Empty;

    /// <summary>A peak that ran off the scale: grouped digits, or a power of ten when huge.</summary>
    private static string PeakText(double peak) =>
        peak < 1e7
            ? Format.Count((long)Math.Round(peak))
            : Format.Number(peak / Math.Pow(10, Math.Floor(Math.Log10(peak))), 1) + "·10"
              + string.Concat(((long)Math.Floor(Math.Log10(peak))).ToString(CultureInfo.InvariantCulture).Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));

    /// <summary>Plot area in SVG units and the data-to-pixel maps.</summary>
    private sealed record Frame(double X0, double X1, double Y0, double Y1, Func<double, double> X, Func<double, double> Y);
}
