using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ThermalMonitor.Report.Tests;

public sealed partial class ReplayReportTests
{
    private static readonly ReplayTrace Leak = SyntheticTraces.SmallLeak();
    private static readonly Lazy<string> LeakHtml = new(() => HtmlReport.RenderReplay(Leak));

    [Fact]
    public void Synthetic_leak_trace_raises_both_alarms_after_the_onset()
    {
        // Guards the fixture the other tests rely on.
        Assert.Equal(2, Leak.Alarms.Count);
        Assert.All(Leak.Alarms, a => Assert.True(a.TimeS > Leak.LeakOnsetS));
    }

    [Fact]
    public void A_pressure_a_hair_below_vacuum_does_not_stretch_the_pressure_axis_to_minus_100_kPa()
    {
        // A loop emptied to vacuum: the firmware's converted pressure scatters around 0 kPa, the
        // transducer's offset putting some readings at -0.4 kPa. The axis went down to -100 kPa.
        double[] pressure = [.. Enumerable.Range(0, 600).Select(i => i < 300 ? 300.0 - i : (i % 2 == 0 ? -0.4 : 0.3))];
        var doc = new HtmlDocument(HtmlReport.RenderReplay(SyntheticTraces.Tiny(pressure)));

        XElement panel = doc.Root.Descendants(HtmlDocument.SvgName("svg")).First(e => ((string?)e.Attribute("aria-label"))?.StartsWith("Loop pressure", StringComparison.Ordinal) == true);
        double[] ticks = [.. panel.Descendants(HtmlDocument.SvgName("text")).Select(e => e.Value.Replace('\u2212', '-'))
            .Where(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        Assert.Equal(0, ticks.Min());
        Assert.Contains("readings below 0 kPa (below vacuum: the transducer's offset) drawn at 0, lowest \u22120.4", panel.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pressure_that_stays_above_vacuum_has_no_floor_note()
    {
        Assert.DoesNotContain("readings below", LeakHtml.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_is_one_well_formed_html_document()
    {
        var doc = new HtmlDocument(LeakHtml.Value);

        Assert.Equal("html", doc.Root.Root!.Name.LocalName);
        Assert.Single(doc.Elements("html"));
        Assert.Single(doc.Elements("head"));
        Assert.Single(doc.Elements("body"));
        Assert.Single(doc.Elements("style"));
        Assert.StartsWith("<!DOCTYPE html>", LeakHtml.Value, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(LeakHtml.Value, "<html[ >]"));
        Assert.Contains("<meta charset=\"utf-8\"/>", LeakHtml.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_references_nothing_outside_itself()
    {
        string html = LeakHtml.Value;

        var uris = UriPattern().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["http://www.w3.org/2000/svg"], uris);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(UrlFunctionPattern().Matches(html), m => Assert.StartsWith("url(#", m.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Header_names_profile_target_description_samples_and_duration()
    {
        var doc = new HtmlDocument(LeakHtml.Value);
        string header = doc.Elements("header").Single().Value;

        Assert.Equal(Leak.ProfileName, doc.Elements("h1").Single().Value);
        Assert.Contains("sil", header, StringComparison.Ordinal);
        Assert.Contains("92.9 min orbit", header, StringComparison.Ordinal);
        Assert.Contains("216\u2009001", header, StringComparison.Ordinal); // 6 h at 10 Hz, both ends
        Assert.Contains("6 h 00 min", header, StringComparison.Ordinal);
        Assert.Contains("10 Hz", header, StringComparison.Ordinal);
        Assert.Contains("2:00:00.0", header, StringComparison.Ordinal); // the onset
        string delay = "+" + (Leak.Alarms[0].TimeS - Leak.LeakOnsetS!.Value).ToString("F1", CultureInfo.InvariantCulture) + " s";
        Assert.Contains(doc.Elements("div"), d => HtmlDocument.HasClass(d, "stat") && d.Value.StartsWith("Detection delay" + delay, StringComparison.Ordinal));
    }

    [Fact]
    public void Whole_profile_and_close_up_each_draw_four_plots()
    {
        var doc = new HtmlDocument(LeakHtml.Value);
        var ids = doc.SvgElements("svg").Select(s => (string)s.Attribute("id")!).ToList();

        Assert.Equal(["whole-0", "whole-1", "whole-2", "whole-3", "closeup-0", "closeup-1", "closeup-2", "closeup-3"], ids);
        Assert.All(doc.SvgElements("svg"), svg =>
        {
            Assert.Single(svg.Descendants(HtmlDocument.SvgName("path")), p => HtmlDocument.HasClass(p, "series"));
            Assert.NotEmpty(svg.Descendants(HtmlDocument.SvgName("g")).Single(g => HtmlDocument.HasClass(g, "yticks")).Elements());
            Assert.NotEmpty(svg.Descendants(HtmlDocument.SvgName("g")).Single(g => HtmlDocument.HasClass(g, "xticks")).Elements());
        });
        foreach (string unit in (string[])["kPa", "°C", "% of alarm threshold"])
        {
            Assert.Contains(doc.SvgElements("title"), t => t.Value.Contains(unit, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Statistic_plots_draw_the_alarm_level_and_the_ceiling()
    {
        var doc = new HtmlDocument(LeakHtml.Value);
        foreach (string id in (string[])["whole-3", "closeup-3"])
        {
            XElement svg = doc.SvgElements("svg").Single(s => (string?)s.Attribute("id") == id);
            var references = svg.Descendants(HtmlDocument.SvgName("g")).Where(g => HtmlDocument.HasClass(g, "reference")).Select(g => g.Value).ToList();
            Assert.Equal(["alarm level 100 %", "ceiling 200 %: the statistic is held at twice its threshold"], references);
        }

        Assert.Contains("a flat line there is the ceiling", doc.Elements("p").Single(p => (string?)p.Attribute("id") == "statistic-note").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_that_knows_its_start_time_and_settings_explains_utc_warm_up_and_confirmation()
    {
        var alarm = new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 12.5, null);
        ReplayTrace plain = SyntheticTraces.Tiny([.. Enumerable.Repeat(250.0, 30)], onsetS: 10, alarms: [alarm]);
        var trace = new ReplayTrace
        {
            ProfileName = plain.ProfileName,
            Target = plain.Target,
            LeakOnsetS = plain.LeakOnsetS,
            TimeS = plain.TimeS,
            PressureKpa = plain.PressureKpa,
            TempC = plain.TempC,
            ResidualKpa = [.. Enumerable.Repeat(double.NaN, 30)], // a 30 s recording: the model never learned
            StatisticPercent = [.. Enumerable.Repeat(double.NaN, 30)],
            Alarms = plain.Alarms,
            StartUtc = new DateTimeOffset(2022, 12, 15, 0, 45, 0, TimeSpan.Zero),
            ModelWarmupS = 5600,
            StatisticPersistS = 3,
        };
        var doc = new HtmlDocument(HtmlReport.RenderReplay(trace));

        XElement whole = doc.Elements("section").Single(e => (string?)e.Attribute("id") == "whole");
        Assert.Contains("Time since profile start (0 is 2022-12-15 00:45:00.0 UTC)", whole.Element("p")!.Value, StringComparison.Ordinal);
        Assert.Contains("2022-12-15 00:45:12.5 UTC", doc.Elements("table").Single().Value, StringComparison.Ordinal);
        Assert.Contains("ground truth, 2022-12-15 00:45:10.0 UTC", doc.Elements("header").Single().Value, StringComparison.Ordinal);
        Assert.Contains(doc.SvgElements("title"), t => t.Value.Contains("(2022-12-15 00:45:12.5 UTC)", StringComparison.Ordinal));
        foreach (string id in (string[])["whole-2", "whole-3"])
        {
            XElement svg = doc.SvgElements("svg").Single(s => (string?)s.Attribute("id") == id);
            Assert.Contains("no values yet: the thermal model learns for the first 1 h 33 min of a replay (modelWarmupS)", svg.Value, StringComparison.Ordinal);
        }

        Assert.Contains("only after it has stayed above 100 % for 3.0 s", doc.Elements("p").Single(p => (string?)p.Attribute("id") == "statistic-note").Value, StringComparison.Ordinal);

        // Without them the page claims nothing it does not know.
        var bare = new HtmlDocument(HtmlReport.RenderReplay(SyntheticTraces.Tiny([.. Enumerable.Repeat(250.0, 30)], onsetS: 10, alarms: [alarm])));
        Assert.DoesNotContain("UTC", bare.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("only after it has stayed above", bare.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarm_table_has_one_row_per_alarm_with_onset_relative_times()
    {
        var trace = SyntheticTraces.Tiny(
            [.. Enumerable.Repeat(250.0, 600)],
            onsetS: 100,
            alarms:
            [
                new TraceAlarm(7, "DEPRESSURIZATION", "WARNING", "pressure", "RATE_OF_DROP", 109.5, 400),
                new TraceAlarm(3, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 104.2, null),
                new TraceAlarm(9, "SENSOR_FAULT", "CAUTION", "temp", "OPEN", 97, null),
            ]);
        var doc = new HtmlDocument(HtmlReport.RenderReplay(trace));

        XElement table = doc.Elements("table").Single(t => HtmlDocument.HasClass(t, "alarms"));
        var rows = table.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(3, rows.Count);
        // Sorted by time; seq, severity colour class, raised time and onset-relative time.
        Assert.Equal(["9", "3", "7"], rows.Select(r => r.Elements("td").First().Value));
        Assert.Equal("+4.2 s after onset", rows[1].Elements("td").Single(td => HtmlDocument.HasClass(td, "rel")).Value);
        Assert.Equal("+9.5 s after onset", rows[2].Elements("td").Single(td => HtmlDocument.HasClass(td, "rel")).Value);
        Assert.Equal("\u22123.0 s before onset", rows[0].Elements("td").Single(td => HtmlDocument.HasClass(td, "rel")).Value);
        Assert.Contains("0:01:44.2", rows[1].Value, StringComparison.Ordinal);
        Assert.True(HtmlDocument.HasClass(rows[2].Descendants("span").First(), "sev-warning"));
        Assert.True(HtmlDocument.HasClass(rows[1].Descendants("span").First(), "sev-caution"));
        Assert.Contains("0:06:40.0", rows[2].Value, StringComparison.Ordinal); // cleared
        Assert.Contains("not cleared", rows[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarm_table_without_onset_has_no_relative_column()
    {
        var trace = SyntheticTraces.Tiny(
            [.. Enumerable.Repeat(250.0, 600)],
            alarms: [new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 104.2, null)]);
        var doc = new HtmlDocument(HtmlReport.RenderReplay(trace));

        XElement table = doc.Elements("table").Single(t => HtmlDocument.HasClass(t, "alarms"));
        Assert.Single(table.Element("tbody")!.Elements("tr"));
        Assert.DoesNotContain("onset", table.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Onset_marker_is_drawn_when_the_onset_is_known_and_absent_otherwise()
    {
        var alarms = new[] { new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 320, null) };
        double[] pressure = [.. Enumerable.Range(0, 600).Select(i => 250.0 - Math.Max(0, i - 300) * 0.1)];

        var with = new HtmlDocument(HtmlReport.RenderReplay(SyntheticTraces.Tiny(pressure, onsetS: 300, alarms: alarms)));
        var without = new HtmlDocument(HtmlReport.RenderReplay(SyntheticTraces.Tiny(pressure, onsetS: null, alarms: alarms)));

        static List<XElement> Markers(HtmlDocument d, string cls) =>
            [.. d.SvgElements("g").Where(g => HtmlDocument.HasClass(g, "marker") && HtmlDocument.HasClass(g, cls))];

        // One onset marker in each of the 8 plots, dashed; the alarm marker likewise.
        Assert.Equal(8, Markers(with, "onset").Count);
        Assert.All(Markers(with, "onset"), g => Assert.NotNull(g.Element(HtmlDocument.SvgName("line"))!.Attribute("stroke-dasharray")));
        Assert.Empty(Markers(without, "onset"));
        Assert.Equal(8, Markers(with, "alarm").Count);
        Assert.Equal(8, Markers(without, "alarm").Count);
        Assert.DoesNotContain("leak onset", without.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_up_spans_onset_minus_two_minutes_to_first_alarm_plus_three()
    {
        var trace = SyntheticTraces.Tiny(
            [.. Enumerable.Repeat(250.0, 3600)], onsetS: 1000,
            alarms: [new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 1010, null)]);
        var window = Html.CloseUp.For(trace, trace.Alarms)!.Value.Window;

        Assert.Equal(880, window.T0S);
        Assert.Equal(1190, window.T1S);
        Assert.Equal(1000, window.OriginS);

        // Signed tick labels relative to the onset in the close-up plots.
        var doc = new HtmlDocument(HtmlReport.RenderReplay(trace));
        var labels = doc.SvgElements("svg").Single(s => (string?)s.Attribute("id") == "closeup-0")
            .Descendants(HtmlDocument.SvgName("g")).Single(g => HtmlDocument.HasClass(g, "xticks")).Elements().Select(e => e.Value).ToList();
        Assert.Contains("0", labels);
        Assert.Contains("\u2212120 s", labels);
        Assert.Contains("+60 s", labels);
        Assert.Contains(doc.SvgElements("text"), e => e.Value == "#1 CAUTION +10.0 s");
    }

    [Fact]
    public void Close_up_centres_on_the_first_alarm_when_the_onset_is_unknown_and_is_absent_without_either()
    {
        var alarms = new[] { new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 2000, null) };
        var withAlarm = SyntheticTraces.Tiny([.. Enumerable.Repeat(250.0, 3600)], alarms: alarms);
        var window = Html.CloseUp.For(withAlarm, withAlarm.Alarms)!.Value.Window;
        Assert.Equal(2000 - Html.CloseUp.BeforeAlarmS, window.T0S);
        Assert.Equal(2000 + Html.CloseUp.AfterAlarmS, window.T1S);

        var quiet = SyntheticTraces.Tiny([.. Enumerable.Repeat(250.0, 3600)]);
        Assert.Null(Html.CloseUp.For(quiet, quiet.Alarms));
        var doc = new HtmlDocument(HtmlReport.RenderReplay(quiet));
        Assert.Equal(4, doc.SvgElements("svg").Count());
        Assert.Contains("nothing to zoom on", doc.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_gaps_split_the_line_into_separate_path_segments()
    {
        double[] pressure = [.. Enumerable.Range(0, 300).Select(i => 250.0 + Math.Sin(i / 10.0))];
        for (int i = 100; i < 120; i++)
        {
            pressure[i] = double.NaN;
        }

        for (int i = 200; i < 210; i++)
        {
            pressure[i] = double.NaN;
        }

        var doc = new HtmlDocument(HtmlReport.RenderReplay(SyntheticTraces.Tiny(pressure)));
        string d = doc.SeriesPath("whole-0");

        Assert.Equal(3, d.Count(c => c == 'M'));
        Assert.DoesNotContain("NaN", doc.Html, StringComparison.Ordinal);
        Assert.Equal(1, doc.SeriesPath("whole-1").Count(c => c == 'M')); // temperature has no gap
    }

    [Fact]
    public void Profile_name_description_and_alarm_text_are_escaped()
    {
        const string evil = "<script>alert('x')</script> & \"co\"";
        var trace = SyntheticTraces.Tiny([.. Enumerable.Repeat(250.0, 100)], onsetS: 10,
            alarms: [new TraceAlarm(1, "<b>TYPE</b>", "<i>", "<ch>", "<cause>", 20, null)], name: evil);
        trace = new ReplayTrace
        {
            ProfileName = trace.ProfileName, Target = "serial:/dev/<tty>", Description = "a < b && c > d",
            LeakOnsetS = trace.LeakOnsetS, TimeS = trace.TimeS, PressureKpa = trace.PressureKpa, TempC = trace.TempC,
            ResidualKpa = trace.ResidualKpa, StatisticPercent = trace.StatisticPercent, Alarms = trace.Alarms,
        };
        string html = HtmlReport.RenderReplay(trace);
        var doc = new HtmlDocument(html); // would throw on a stray '<' or '&'

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;", html, StringComparison.Ordinal);
        Assert.Equal(evil, doc.Elements("h1").Single().Value);
        Assert.Equal("a < b && c > d", doc.Elements("p").Single(p => HtmlDocument.HasClass(p, "desc")).Value);
        Assert.Contains(doc.SvgElements("title"), t => t.Value.Contains("<b>TYPE</b>", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_one()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            string html = HtmlReport.RenderReplay(SyntheticTraces.Tiny(
                [.. Enumerable.Repeat(250.5, 100)], onsetS: 10,
                alarms: [new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 14.2, null)]));
            Assert.Contains("+4.2 s after onset", html, StringComparison.Ordinal);
            Assert.Equal(html, HtmlReport.RenderReplay(SyntheticTraces.Tiny(
                [.. Enumerable.Repeat(250.5, 100)], onsetS: 10,
                alarms: [new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", 14.2, null)])));
            Assert.DoesNotMatch(CoordinateWithCommaPattern(), html);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Two_million_sample_trace_renders_a_report_of_a_few_megabytes_at_most()
    {
        // 48 h at ~11.6 Hz with the leak at 24 h.
        var trace = SyntheticTraces.SmallLeak(durationS: 48 * 3600, rateHz: 2_000_000 / (48.0 * 3600), onsetS: 24 * 3600);
        Assert.True(trace.TimeS.Length >= 2_000_000);

        string html = HtmlReport.RenderReplay(trace);

        Assert.InRange(html.Length, 50_000, 3_000_000);
        var doc = new HtmlDocument(html);
        Assert.Equal(8, doc.SvgElements("svg").Count());
        // Whole-profile panels: at most two points per pixel column (1100 wide) plus the NaN-gap edges.
        string d = doc.SeriesPath("whole-0");
        Assert.InRange(d.Count(c => c is 'M' or 'L'), 1000, (2 * 1100) + 10);
    }

    [Fact]
    public void Empty_and_single_sample_traces_render()
    {
        var empty = new ReplayTrace
        {
            ProfileName = "empty", Target = "sil", TimeS = [], PressureKpa = [], TempC = [], ResidualKpa = [], StatisticPercent = [],
        };
        Assert.Contains("no samples", HtmlReport.RenderReplay(empty), StringComparison.Ordinal);

        var single = SyntheticTraces.Tiny([250.0]);
        var doc = new HtmlDocument(HtmlReport.RenderReplay(single));
        Assert.Equal(4, doc.SvgElements("svg").Count());
    }

    [Fact]
    public void All_nan_channel_says_so_instead_of_drawing()
    {
        var trace = SyntheticTraces.Tiny([.. Enumerable.Repeat(double.NaN, 50)]);
        var doc = new HtmlDocument(HtmlReport.RenderReplay(trace));
        XElement svg = doc.SvgElements("svg").Single(s => (string?)s.Attribute("id") == "whole-0");

        Assert.DoesNotContain(svg.Descendants(HtmlDocument.SvgName("path")), p => HtmlDocument.HasClass(p, "series"));
        Assert.Contains("no valid samples", svg.Value, StringComparison.Ordinal);
        Assert.Contains("0 %", doc.Elements("header").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_traces_are_rejected_with_the_member_named()
    {
        var trace = SyntheticTraces.Tiny([1.0, 2.0, 3.0]);
        var shortTemp = new ReplayTrace
        {
            ProfileName = "x", Target = "sil", TimeS = trace.TimeS, PressureKpa = trace.PressureKpa, TempC = [1.0],
            ResidualKpa = trace.ResidualKpa, StatisticPercent = trace.StatisticPercent,
        };
        var backwards = new ReplayTrace
        {
            ProfileName = "x", Target = "sil", TimeS = [0, 2, 1], PressureKpa = trace.PressureKpa, TempC = trace.TempC,
            ResidualKpa = trace.ResidualKpa, StatisticPercent = trace.StatisticPercent,
        };

        Assert.Contains("TempC", Assert.Throws<ArgumentException>(() => HtmlReport.RenderReplay(shortTemp)).Message, StringComparison.Ordinal);
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => HtmlReport.RenderReplay(backwards)).Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("https?://[^\"'\\s)<>]*")]
    private static partial Regex UriPattern();

    [GeneratedRegex("url\\([^)]*\\)")]
    private static partial Regex UrlFunctionPattern();

    [GeneratedRegex("[xy][12]?=\"-?\\d+,\\d")]
    private static partial Regex CoordinateWithCommaPattern();
}
