using System.Xml.Linq;

namespace ThermalMonitor.Report.Tests;

public sealed class ScoreReportTests
{
    internal static IReadOnlyList<ScoreRow> Rows { get; } =
    [
        new("soyuz-ms22", "DEPRESSURIZATION CAUTION", "DEPRESSURIZATION CAUTION", 6.44, 1.2, 5.3666, 0, null, 9.1, 0, true, null),
        new("progress-ms21", "DEPRESSURIZATION WARNING", "DEPRESSURIZATION WARNING", 1.0, 0.1, 10.2, 0, null, 1.4, 0, true, null),
        new("nominal-<30d>", "none", "DEPRESSURIZATION CAUTION", null, null, null, 0.0333, null, null, 0.5, false, "1 false alarm at 12:03:04.5 < limit & co"),
        new("open-pressure", "SENSOR_FAULT", "SENSOR_FAULT", null, null, null, 0, true, null, 0, true, null),
    ];

    internal static IReadOnlyList<ReplayTrace> Traces { get; } =
    [
        SyntheticTraces.SmallLeak("soyuz-ms22", durationS: 3 * 3600, rateHz: 1, onsetS: 3600),
        SyntheticTraces.SmallLeak("progress-ms21", durationS: 2 * 3600, rateHz: 1, onsetS: 1800),
        SyntheticTraces.SmallLeak("nominal-<30d>", durationS: 4 * 3600, rateHz: 1, onsetS: null),
    ];

    private static readonly Lazy<HtmlDocument> Doc = new(() => new HtmlDocument(HtmlReport.RenderScore(Rows, Traces, "Scoreboard <nightly> & friends")));

    [Fact]
    public void Score_page_is_one_self_contained_document_with_an_escaped_title()
    {
        HtmlDocument doc = Doc.Value;

        Assert.Single(doc.Elements("html"));
        Assert.Equal("Scoreboard <nightly> & friends", doc.Elements("h1").Single().Value);
        Assert.Equal("Scoreboard <nightly> & friends", doc.Elements("title").Single().Value);
        Assert.DoesNotContain("<nightly>", doc.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", doc.Html, StringComparison.Ordinal);
        Assert.Equal(["http://www.w3.org/2000/svg"], System.Text.RegularExpressions.Regex.Matches(doc.Html, "http://[^\"]*").Select(m => m.Value).Distinct());
    }

    [Fact]
    public void Table_has_one_row_per_score_row_with_pass_fail_classes()
    {
        HtmlDocument doc = Doc.Value;
        XElement table = doc.Elements("table").Single(t => HtmlDocument.HasClass(t, "score"));
        var rows = table.Element("tbody")!.Elements("tr").ToList();

        // Four score rows, and the failed one's reason on a row of its own under it.
        Assert.Equal(5, rows.Count);
        Assert.Equal(["pass", "pass", "fail", "failure", "pass"], rows.Select(r => (string)r.Attribute("class")!));
        var scoreRows = rows.Where(r => (string)r.Attribute("class")! != "failure").ToList();
        Assert.Equal(["PASS", "PASS", "FAIL", "PASS"], scoreRows.Select(r => r.Elements("td").Single(td => HtmlDocument.HasClass(td, "result")).Value));
        Assert.Contains("3 passed", doc.Elements("header").Single().Value, StringComparison.Ordinal);
        Assert.Contains("1 failed", doc.Elements("header").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_formatted_and_missing_values_show_a_dash()
    {
        var cells = Doc.Value.Elements("table").Single().Element("tbody")!.Elements("tr")
            .Select(r => r.Elements("td").Select(td => td.Value).ToList()).ToList();
        int headings = Doc.Value.Elements("table").Single().Element("thead")!.Descendants("th").Count();

        // Profile, Expected, Got, Delay, Bound, Ratio, FA/day, Sensor fault, Baseline delay, Baseline FA/day, Result
        Assert.Equal(["soyuz-ms22", "DEPRESSURIZATION CAUTION", "DEPRESSURIZATION CAUTION", "6.4 s", "1.2 s", "5.4", "0", "—", "9.1 s", "0", "PASS"], cells[0]);
        Assert.Equal(headings, cells[0].Count);
        Assert.Equal("10", cells[1][5]);
        Assert.Equal(["—", "—", "—", "0.03"], cells[2][3..7]);
        Assert.Equal("0.5", cells[2][9]);

        // The failure's reason spans the whole table under its row.
        Assert.Equal(["1 false alarm at 12:03:04.5 < limit & co"], cells[3]);
        XElement reason = Doc.Value.Elements("tr").Single(r => (string?)r.Attribute("class") == "failure").Element("td")!;
        Assert.Equal(headings.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)reason.Attribute("colspan")!);
        Assert.Equal("✓", cells[4][7]);
    }

    [Fact]
    public void Long_delays_read_as_durations_and_the_baseline_is_named_for_what_it_is()
    {
        ScoreRow slow = new("iss-p6-slow", "DEPRESSURIZATION CAUTION", "DEPRESSURIZATION CAUTION", 24074.7, 3125.0, 7.7, 0, null, 90000.0, 0, true, null);
        var doc = new HtmlDocument(HtmlReport.RenderScore([slow], [], "t"));
        var cells = doc.Elements("tbody").Single().Elements("tr").Single().Elements("td").Select(td => td.Value).ToList();

        Assert.Equal(["6 h 41 min", "52 min 5.0 s"], cells[3..5]);
        Assert.Equal("1 d 01 h", cells[8]);
        string legend = doc.Elements("section").Single(e => (string?)e.Attribute("id") == "score").Element("p")!.Value;
        Assert.Contains("Baseline: a red low-pressure limit with persistence and nothing else", legend, StringComparison.Ordinal);
        Assert.DoesNotContain("reference detector", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void One_small_plot_per_trace_anchored_to_its_row_and_back()
    {
        HtmlDocument doc = Doc.Value;
        var figures = doc.Elements("figure").ToList();

        Assert.Equal(3, figures.Count);
        Assert.Equal(3, doc.SvgElements("svg").Count());
        var rowIds = doc.Elements("tr").Select(r => (string?)r.Attribute("id")).Where(id => id is not null).ToHashSet();
        foreach (XElement figure in figures)
        {
            string id = (string)figure.Attribute("id")!;
            Assert.StartsWith("plot-", id, StringComparison.Ordinal);
            string href = (string)figure.Element("figcaption")!.Element("a")!.Attribute("href")!;
            Assert.Equal("#row-" + id["plot-".Length..], href);
            Assert.Contains(href[1..], rowIds);
            Assert.Contains(doc.Elements("a"), a => (string?)a.Attribute("href") == "#" + id); // the row links back
        }

        Assert.True(HtmlDocument.HasClass(figures[2], "fail"));
        Assert.Equal("nominal-<30d>", figures[2].Element("figcaption")!.Element("a")!.Value);
        // Onset markers only on the two leak profiles.
        Assert.Equal(2, doc.SvgElements("g").Count(g => HtmlDocument.HasClass(g, "onset")));
    }

    [Fact]
    public void Rows_without_a_trace_and_traces_without_a_row_are_both_shown()
    {
        var doc = new HtmlDocument(HtmlReport.RenderScore(
            [Rows[3]], [SyntheticTraces.Tiny([1.0, 2.0, 3.0], name: "unscored")], "t"));

        Assert.Single(doc.Elements("tbody").Single().Elements("tr"));
        Assert.DoesNotContain(doc.Elements("td").First().Descendants("a"), _ => true);
        XElement figure = doc.Elements("figure").Single();
        Assert.Contains("not scored", figure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_scoreboard_renders()
    {
        var doc = new HtmlDocument(HtmlReport.RenderScore([], [], "nothing"));

        Assert.Empty(doc.Elements("tbody").Single().Elements("tr"));
        Assert.Empty(doc.SvgElements("svg"));
    }
}
