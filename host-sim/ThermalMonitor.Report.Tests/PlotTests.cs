using System.Text;
using System.Xml.Linq;
using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Tests;

public sealed class PlotTests
{
    private static Marker At(double t, string label) => new(t, null, Palette.Caution, label, label, Dashed: false);

    [Fact]
    public void Clustered_marker_labels_take_separate_lanes_and_distant_ones_share_lane_zero()
    {
        Marker[] markers = [At(0, "leak onset"), At(1, "#1 WARNING +1.0 s"), At(1.2, "#2 CAUTION +1.2 s"), At(20, "#3 WARNING +20.3 s"), At(500, "#4 CAUTION")];

        var slots = SvgPlot.AssignLanes(markers, t => 100 + t, xRight: 1000);

        Assert.Equal([0, 1, 2, 3, 0], slots.Select(s => s.Lane));
        Assert.All(slots, s => Assert.False(s.RightAligned));
    }

    [Fact]
    public void Labels_near_the_right_edge_are_right_aligned()
    {
        var slots = SvgPlot.AssignLanes([At(990, "#9 WARNING")], t => t, xRight: 1000);

        Assert.True(slots.Single().RightAligned);
    }

    [Fact]
    public void Capped_statistic_runs_along_the_top_edge_and_says_how_far_off_scale()
    {
        double[] t = [.. Enumerable.Range(0, 100).Select(i => (double)i)];
        double[] v = [.. t.Select(x => x < 50 ? 10.0 : 5000.0)];
        var sb = new StringBuilder();
        SvgPlot.Render(sb, "p", t, new Series("Detector statistic", "% of alarm threshold", v, Palette.Statistic),
            new TimeWindow(0, 99, 0, false), [], new PanelOptions { IncludeZero = true, CapMax = 300, References = [new ReferenceLine(100, "alarm level 100 %", Palette.Warning)] },
            PanelSize.Wide);

        XElement svg = XElement.Parse(sb.ToString());
        Assert.Contains("off scale above 300 %, peak 5\u2009000 %", svg.Value, StringComparison.Ordinal);
        string top = (string)svg.Descendants(HtmlDocument.SvgName("clipPath")).Single().Element(HtmlDocument.SvgName("rect"))!.Attribute("y")!;
        string d = (string)svg.Descendants(HtmlDocument.SvgName("path")).Single(p => HtmlDocument.HasClass(p, "series")).Attribute("d")!;
        Assert.EndsWith("," + top, d, StringComparison.Ordinal); // last point pinned to the top edge
    }

    [Fact]
    public void Each_plot_is_a_standalone_svg_document()
    {
        double[] t = [0, 1, 2];
        var sb = new StringBuilder();
        SvgPlot.Render(sb, "p", t, new Series("Loop pressure", "kPa", [250, 249, 248], Palette.Pressure),
            new TimeWindow(0, 2, 0, false), [At(1, "#1 <x>")], new PanelOptions { LabelMarkers = true }, PanelSize.Small);

        XElement svg = XElement.Parse(sb.ToString());
        Assert.Equal(HtmlDocument.SvgName("svg"), svg.Name);
        Assert.Equal("p-clip", (string)svg.Descendants(HtmlDocument.SvgName("clipPath")).Single().Attribute("id")!);
        Assert.Contains(svg.Descendants(HtmlDocument.SvgName("text")), e => e.Value == "#1 <x>");
    }
}
