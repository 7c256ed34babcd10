using System.Text;

namespace ThermalMonitor.Report.Html;

/// <summary>The page shell shared by both reports: doctype, head with inline CSS, body, footer.</summary>
/// <remarks>
/// The markup is kept XML-compatible (every element closed, attributes quoted, no named entities
/// other than XML's own) so tests and tools can parse a report with an XML reader.
/// </remarks>
internal static class Page
{
    private const string Css = """
        :root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --bg: #f4f6f9; --card: #ffffff;
                --warn: #dc2626; --caut: #d97706; --other: #64748b; --pass: #15803d; --fail: #dc2626; }
        * { box-sizing: border-box; }
        html { background: var(--bg); }
        body { margin: 0 auto; max-width: 1180px; padding: 28px 24px 48px; color: var(--ink);
               font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        header.page { margin-bottom: 18px; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 11px; color: var(--muted); font-weight: 600; }
        h1 { margin: 2px 0 6px; font-size: 26px; line-height: 1.2; word-break: break-word; }
        h2 { margin: 0 0 4px; font-size: 17px; }
        p { margin: 6px 0; }
        .desc { color: #374151; max-width: 80ch; }
        .muted { color: var(--muted); }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
        .target { display: inline-block; background: #eef2ff; color: #3730a3; border-radius: 6px; padding: 1px 8px; }
        section.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
                       padding: 16px 18px; margin: 16px 0; box-shadow: 0 1px 2px rgba(16, 24, 40, .04); }
        .sub { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
        .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin-top: 14px; }
        .stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
        .stat .k { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
        .stat .v { font-size: 19px; font-weight: 600; margin-top: 2px; font-variant-numeric: tabular-nums; }
        .stat .s { font-size: 12px; color: var(--muted); }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
        td.num, th.num { text-align: right; }
        td.num { white-space: nowrap; }
        tbody tr:hover { background: #f9fafb; }
        .sev { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; color: #fff; }
        .sev.sev-warning { background: var(--warn); }
        .sev.sev-caution { background: var(--caut); }
        .sev.sev-other { background: var(--other); }
        tr.pass td.result span { background: var(--pass); }
        tr.fail td.result span { background: var(--fail); }
        tr.fail { background: #fef2f2; }
        tr.fail:hover { background: #fee2e2; }
        td.result span { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 700; color: #fff; }
        .ok { color: var(--pass); font-weight: 700; }
        .bad { color: var(--fail); font-weight: 700; }
        .failure { color: #991b1b; font-size: 12.5px; }
        .legend { display: flex; flex-wrap: wrap; gap: 16px; font-size: 12px; color: #374151; margin: 4px 0 8px; }
        .legend span { display: inline-flex; align-items: center; gap: 6px; }
        .legend i { display: inline-block; width: 18px; height: 0; border-top: 2px solid; }
        .legend i.dash { border-top-style: dashed; }
        .legend i.band { height: 10px; border: 0; }
        svg.plot { display: block; width: 100%; height: auto; margin: 2px 0 6px; }
        .chips { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 10px; }
        .chip { border-radius: 999px; padding: 3px 12px; font-weight: 600; font-size: 13px; background: #e5e7eb; }
        .chip.pass { background: #dcfce7; color: #166534; }
        .chip.fail { background: #fee2e2; color: #991b1b; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
        figure.small { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px 4px; }
        figure.small.fail { border-color: #fca5a5; }
        figure.small figcaption { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; font-weight: 600; }
        figure.small figcaption a { color: var(--ink); text-decoration: none; word-break: break-word; }
        figure.small figcaption a:hover { text-decoration: underline; }
        figure.small .badge { font-size: 11px; font-weight: 700; border-radius: 999px; padding: 1px 8px; color: #fff; white-space: nowrap; }
        figure.small.pass .badge { background: var(--pass); }
        figure.small.fail .badge { background: var(--fail); }
        figure.small .badge.none { background: var(--other); }
        td a { color: inherit; }
        .scroll { overflow-x: auto; }
        table.score { font-size: 13px; }
        table.score th, table.score td { padding: 6px 7px; }
        table.score td.name { white-space: nowrap; font-weight: 600; }
        table.score tr.failure td { padding-top: 0; border-top: none; white-space: normal; }
        :target { outline: 2px solid #93c5fd; outline-offset: 2px; }
        footer { margin-top: 24px; font-size: 12px; color: var(--muted); }
        @media print { html { background: #fff; } section.card, .stat, figure.small { box-shadow: none; break-inside: avoid; } }
        """;

    /// <summary>Writes the doctype, head and opening body tag.</summary>
    public static void Open(StringBuilder sb, string title)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
          .Append("<meta name=\"generator\" content=\"ThermalMonitor.Report\"/>\n")
          .Append("<title>").Append(Markup.Escape(title)).Append("</title>\n")
          .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
    }

    /// <summary>Writes the footer and closes the document.</summary>
    public static void Close(StringBuilder sb)
    {
        sb.Append("<footer>ThermalMonitor report: one self-contained file (inline SVG and CSS, no scripts, no network). ")
          .Append("Plots draw each pixel column's minimum and maximum, so single-sample spikes stay visible; gaps are samples without a valid value.</footer>\n")
          .Append("</body>\n</html>\n");
    }

    /// <summary>The severity/onset legend above a plot stack.</summary>
    public static void Legend(StringBuilder sb, bool onset)
    {
        sb.Append("<div class=\"legend\">");
        if (onset)
        {
            sb.Append("<span><i class=\"dash\" style=\"border-color:#111827\"></i>leak onset (ground truth)</span>");
        }

        sb.Append("<span><i style=\"border-color:#dc2626\"></i>WARNING raised</span>")
          .Append("<span><i style=\"border-color:#d97706\"></i>CAUTION raised</span>")
          .Append("<span><i class=\"band\" style=\"background:rgba(220,38,38,.12)\"></i>alarm active (until cleared)</span>")
          .Append("</div>\n");
    }
}
