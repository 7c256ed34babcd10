using System.Globalization;
using System.Xml.Linq;

namespace ThermalMonitor.Cli;

/// <summary>One case of a JUnit report: a profile judged against its expectations.</summary>
/// <param name="Name">The case, e.g. the profile's name.</param>
/// <param name="Failures">Why it failed; empty when it passed.</param>
/// <param name="Skipped">Why it was not judged (e.g. no expectations), or null.</param>
/// <param name="TimeS">Wall time it took, seconds.</param>
public sealed record JunitCase(string Name, IReadOnlyList<string> Failures, string? Skipped, double TimeS);

/// <summary>
/// <c>--junit &lt;file&gt;</c>: the result as a JUnit XML report, the format CI servers (Jenkins,
/// GitLab, GitHub test reporters) read: one <c>testsuite</c> per command, one <c>testcase</c> per
/// profile, a <c>failure</c> with every unmet expectation, a <c>skipped</c> for a profile without any.
/// </summary>
public static class JunitReport
{
    /// <summary>The XML text of a report of <paramref name="cases"/> under <paramref name="suite"/> (e.g. "thermal-sim score").</summary>
    public static string Render(string suite, IReadOnlyList<JunitCase> cases, DateTimeOffset startedUtc)
    {
        int failures = cases.Count(c => c.Failures.Count > 0);
        int skipped = cases.Count(c => c.Skipped is not null && c.Failures.Count == 0);
        string totalTime = Seconds(cases.Sum(c => c.TimeS));
        // The totals go on both levels: some readers take them from <testsuites>, some from <testsuite>.
        XAttribute[] Totals() =>
        [
            new("name", suite), new("tests", cases.Count), new("failures", failures), new("errors", 0), new("skipped", skipped), new("time", totalTime),
        ];
        var testSuite = new XElement("testsuite",
            Totals(),
            new XAttribute("timestamp", startedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            cases.Select(Case));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", Totals(), testSuite));
        return document.Declaration + "\n" + document.Root + "\n";

        XElement Case(JunitCase c)
        {
            var element = new XElement("testcase",
                new XAttribute("classname", suite),
                new XAttribute("name", c.Name),
                new XAttribute("time", Seconds(c.TimeS)));
            if (c.Failures.Count > 0)
            {
                element.Add(new XElement("failure",
                    new XAttribute("message", c.Failures[0]),
                    new XAttribute("type", "ExpectationNotMet"),
                    string.Join("\n", c.Failures)));
            }
            else if (c.Skipped is { } reason)
            {
                element.Add(new XElement("skipped", new XAttribute("message", reason)));
            }

            return element;
        }
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
