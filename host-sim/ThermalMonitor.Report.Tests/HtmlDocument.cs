using System.Xml;
using System.Xml.Linq;

namespace ThermalMonitor.Report.Tests;

/// <summary>A rendered report parsed as XML (the renderer keeps its markup XML-compatible).</summary>
internal sealed class HtmlDocument
{
    private const string Svg = "http://www.w3.org/2000/svg";

    public HtmlDocument(string html)
    {
        Html = html;
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        Root = XDocument.Load(reader);
    }

    public string Html { get; }

    public XDocument Root { get; }

    public static XName SvgName(string local) => XName.Get(local, Svg);

    /// <summary>HTML elements (no namespace) named <paramref name="local"/>.</summary>
    public IEnumerable<XElement> Elements(string local) => Root.Descendants(local);

    /// <summary>SVG elements named <paramref name="local"/>.</summary>
    public IEnumerable<XElement> SvgElements(string local) => Root.Descendants(SvgName(local));

    public static bool HasClass(XElement e, string cls) =>
        ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cls);

    /// <summary>The "d" of the series path of the SVG plot with the given id.</summary>
    public string SeriesPath(string plotId) =>
        (string)SvgElements("svg").Single(s => (string?)s.Attribute("id") == plotId)
            .Descendants(SvgName("path")).Single(p => HasClass(p, "series")).Attribute("d")!;
}
