namespace ThermalMonitor.Report.Tests;

public sealed class CampaignReportTests
{
    private static CampaignView View() => new()
    {
        Title = "Campaign <seed 7>",
        Facts = [new("seed", "7"), new("loops", "3")],
        Detectors = ["v1", "v2"],
        Leaks =
        [
            new("case 10, loop 0", 0.07, 40.0, [120.0, 60.0]),
            new("case 11, loop 1", 0.4, 3.0, [9.0, null]),
            new("case 12, loop 2", 6.0, 0.1, [1.0, 1.0]),
            new("case 13, loop 0", 1.5, null, [null, 2.0]),
        ],
        FalseAlarms =
        [
            new("sensor-lag", "temperature sensor lagging the liquid", 2.0, [40, 0]),
            new("all", "the full world", 10.0, [5, 1]),
        ],
        Tables =
        [
            new("loops", "The loops", null, ["loop", "P kPa"], [["0", "250"], ["1", "120"]]),
            new("summary", "Summary", "note & more", ["", "v1", "v2"], [["false alarms per day", "0.5", "0.1"]]),
        ],
    };

    [Fact]
    public void Page_is_well_formed_with_both_scatter_plots_and_every_table()
    {
        var doc = new HtmlDocument(HtmlReport.RenderCampaign(View()));

        Assert.Equal("Campaign <seed 7>", doc.Elements("title").Single().Value);
        var plots = doc.SvgElements("svg").Where(s => HtmlDocument.HasClass(s, "scatter")).Select(s => (string)s.Attribute("id")!).ToList();
        Assert.Equal(["plot-delay", "plot-ratio"], plots);
        string[] sections = [.. doc.Elements("section").Select(s => (string)s.Attribute("id")!)];
        Assert.Equal(["summary", "delay", "ratio", "false-alarms", "loops"], sections);
        Assert.DoesNotContain("http://", doc.Html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Delay_plot_has_a_bound_series_and_one_per_detector_with_missed_leaks_on_top()
    {
        var doc = new HtmlDocument(HtmlReport.RenderCampaign(View()));
        var delay = doc.SvgElements("svg").Single(s => (string?)s.Attribute("id") == "plot-delay");
        var series = delay.Descendants(HtmlDocument.SvgName("g")).Where(g => HtmlDocument.HasClass(g, "series")).ToList();

        Assert.Equal(["information bound", "v1", "v2"], series.Select(g => (string)g.Attribute("data-series")!));
        Assert.Equal(3, series[0].Elements().Count());
        Assert.Equal(4, series[1].Elements().Count());
        Assert.Equal(4, series[2].Elements().Count());
        Assert.Contains(series[2].Descendants(HtmlDocument.SvgName("title")), t => t.Value.Contains("0.4 mm missed", StringComparison.Ordinal));
        Assert.Contains(delay.Descendants(HtmlDocument.SvgName("text")), t => t.Value == "missed");
    }

    [Fact]
    public void Ratio_plot_draws_reference_lines_at_one_and_two_and_only_leaks_with_a_bound()
    {
        var doc = new HtmlDocument(HtmlReport.RenderCampaign(View()));
        var ratio = doc.SvgElements("svg").Single(s => (string?)s.Attribute("id") == "plot-ratio");

        var labels = ratio.Descendants(HtmlDocument.SvgName("g")).Where(g => HtmlDocument.HasClass(g, "reference")).Select(g => g.Value).ToList();
        Assert.Equal(["1 (the bound)", "2"], labels);
        var v1 = ratio.Descendants(HtmlDocument.SvgName("g")).Single(g => (string?)g.Attribute("data-series") == "v1");
        Assert.Equal(3 + 1, v1.Elements().Count());
        Assert.Contains(v1.Descendants(HtmlDocument.SvgName("title")), t => t.Value.Contains("delay/bound 3.0", StringComparison.Ordinal));
    }

    [Fact]
    public void False_alarm_table_has_counts_rates_and_bars_per_detector()
    {
        var doc = new HtmlDocument(HtmlReport.RenderCampaign(View()));
        var rows = doc.Elements("table").Single(t => HtmlDocument.HasClass(t, "campaign-fa")).Descendants("tbody").Single().Elements("tr").ToList();

        Assert.Equal(["sensor-lag", "all"], rows.Select(r => r.Elements("td").First().Value));
        string[] lagCells = [.. rows[0].Elements("td").Select(c => c.Value.Trim())];
        Assert.Equal(["sensor-lag", "temperature sensor lagging the liquid", "2", "40", "20", "0", "0"], lagCells);
        var bars = rows[0].Descendants("span").Where(s => HtmlDocument.HasClass(s, "bar")).Select(s => (string)s.Attribute("style")!).ToList();
        Assert.Contains("width:120px", bars[0], StringComparison.Ordinal);
        Assert.Contains("width:0px", bars[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Per_detector_lists_of_the_wrong_length_are_rejected_by_name()
    {
        CampaignView bad = View() with { Leaks = [new("case 1", 1.0, 1.0, [1.0])] };

        var error = Assert.Throws<ArgumentException>(() => HtmlReport.RenderCampaign(bad));

        Assert.Contains("CampaignView.Leaks[0].DelayS", error.Message, StringComparison.Ordinal);
    }
}
