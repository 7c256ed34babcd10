using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The repository cites only documents it contains. No tracked file — source, README, scenario JSON,
/// or the description embedded in a compressed profile — may cite the internal planning documents
/// that users do not have (their names are built below rather than written out, so that this file
/// passes its own scan), and every citation of a section of a document under docs/ must name a
/// numbered heading that exists in that document.
/// </summary>
public partial class DocumentCitationTests
{
    /// <summary>Text no tracked file may contain: the two planning documents and the folder beside the clone.</summary>
    private static readonly string[] Forbidden = ["DESIGN" + ".md", "DOMAIN" + ".md", ".." + "/shared", ".." + "\\shared"];

    private const string DocsFolder = "docs";

    /// <summary>
    /// A citation: docs/&lt;name&gt;.md (or, inside docs/, a Markdown link to a sibling &lt;name&gt;.md) followed by
    /// a list of section numbers, each with or without §, separated by commas, slashes or dashes, with
    /// optional parentheses or "item N" after a number; a list may continue on the next line of a
    /// comment when the number there carries §.
    /// </summary>
    [GeneratedRegex(
        @"(?:docs/(?<doc>[A-Za-z0-9_-]+)\.md|\]\((?<sibling>[A-Za-z0-9_-]+)\.md\))"
        + @"(?<list>(?:(?:[ \t]*(?:[,/–-][ \t]*)?(?:and[ \t]+)?§?|[ \t]*(?:[,/–-][ \t]*)?\r?\n[ \t]*(?://+|#|\*)?[ \t]*(?:and[ \t]+)?§)"
        + @"\d+(?:\.\d+)*(?:[ \t]*\([^()\r\n]*\))?(?:[ \t]+item[ \t]+\d+)?)*)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\([^()\r\n]*\)|item[ \t]+\d+")]
    private static partial Regex ListNoise();

    [GeneratedRegex(@"\d+(?:\.\d+)*")]
    private static partial Regex SectionNumber();

    /// <summary>A numbered Markdown heading: "## 3. Title", "### 3.5 Title".</summary>
    [GeneratedRegex(@"^#{1,6}[ \t]+(?<number>\d+(?:\.\d+)*)\.?[ \t]")]
    private static partial Regex NumberedHeading();

    [Fact]
    public void NoTrackedFileCitesThePlanningDocumentsOrTheSharedFolder()
    {
        var findings = new List<string>();
        foreach (string path in TrackedFiles())
        {
            string text = ReadText(path);
            foreach (string forbidden in Forbidden)
            {
                for (int at = text.IndexOf(forbidden, StringComparison.Ordinal); at >= 0; at = text.IndexOf(forbidden, at + 1, StringComparison.Ordinal))
                {
                    findings.Add($"{path}:{LineOf(text, at)}: cites {forbidden}, which is not in the repository; cite docs/design.md, docs/physics.md or a public source");
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void EverySectionCitedInDocsExists()
    {
        var sectionsByDoc = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        var findings = new List<string>();
        int checkedCitations = 0;
        foreach (string path in TrackedFiles())
        {
            string text = ReadText(path);
            bool insideDocs = path.StartsWith(DocsFolder + "/", StringComparison.Ordinal) && !path[(DocsFolder.Length + 1)..].Contains('/', StringComparison.Ordinal);
            foreach ((string doc, string[] sections, int at) in Citations(text))
            {
                if (doc.Length == 0 || (!insideDocs && IsSiblingLink(text, at)))
                {
                    continue;
                }

                string docPath = $"{DocsFolder}/{doc}.md";
                if (!sectionsByDoc.TryGetValue(docPath, out HashSet<string>? headings))
                {
                    headings = File.Exists(RepositoryFiles.PathOf(docPath)) ? Headings(File.ReadAllLines(RepositoryFiles.PathOf(docPath))) : null;
                    sectionsByDoc[docPath] = headings;
                }

                if (headings is null)
                {
                    findings.Add($"{path}:{LineOf(text, at)}: cites {docPath}, which does not exist");
                    continue;
                }

                foreach (string section in sections)
                {
                    checkedCitations++;
                    if (!headings.Contains(section))
                    {
                        findings.Add($"{path}:{LineOf(text, at)}: cites {docPath} §{section}, which has no such numbered heading");
                    }
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        Assert.True(checkedCitations > 100, $"only {checkedCitations} section citations found: the scan is not seeing the repository");
    }

    [Theory]
    [InlineData(" §0/§2.3 [P] (press report).", "0 2.3")]
    [InlineData(" 4.1-4.3, 5.7.\",", "4.1 4.3 5.7")]
    [InlineData(" §1.1 (timeline, hole, temperatures), §2.3 (loop), §3.3, §3.6 (worked example)", "1.1 2.3 3.3 3.6")]
    [InlineData(" §1.6 item 3, §3.5", "1.6 3.5")]
    [InlineData(" §3.3–§3.6).", "3.3 3.6")]
    [InlineData(" §3.6's 2–10 kPa", "3.6")]
    [InlineData(" §4.1 and §4.2", "4.1 4.2")]
    [InlineData("\n    /// §5.9).", "5.9")]
    [InlineData("\n1. a numbered list is not a citation", "")]
    [InlineData(" sections, written as source", "")]
    public void CitationListsParse(string after, string expected)
    {
        string text = "see docs/" + "example.md" + after;

        (string doc, string[] sections, _) = Assert.Single(Citations(text));

        Assert.Equal("example", doc);
        Assert.Equal(expected, string.Join(' ', sections));
    }

    [Fact]
    public void HeadingsAreTheNumberedOnes()
    {
        string[] lines = ["# Title", "## 0. Numbers", "## 1. The incidents", "### 1.1 Soyuz", "### 7.4 Detection (§5)", "## Unnumbered", "1. a list"];

        Assert.Equal(["0", "1", "1.1", "7.4"], Headings(lines).Order(StringComparer.Ordinal));
    }

    /// <summary>Every citation in a text: the document's name, its section numbers, and where it starts.</summary>
    private static IEnumerable<(string Doc, string[] Sections, int At)> Citations(string text)
    {
        foreach (Match match in Citation().Matches(text))
        {
            string doc = match.Groups["doc"].Success ? match.Groups["doc"].Value : match.Groups["sibling"].Value;
            string list = ListNoise().Replace(match.Groups["list"].Value, " ");
            yield return (doc, [.. SectionNumber().Matches(list).Select(m => m.Value)], match.Index);
        }
    }

    private static bool IsSiblingLink(string text, int at) => text[at] == ']';

    private static HashSet<string> Headings(IEnumerable<string> lines)
    {
        var headings = new HashSet<string>(StringComparer.Ordinal);
        bool inCode = false;
        foreach (string line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode && NumberedHeading().Match(line) is { Success: true } heading)
            {
                headings.Add(heading.Groups["number"].Value);
            }
        }

        return headings;
    }

    /// <summary>Repository-relative paths (forward slashes) of the tracked files that exist in the work tree.</summary>
    private static IReadOnlyList<string> TrackedFiles()
    {
        List<string>? files = GitLsFiles();
        files ??=
        [
            .. Directory.EnumerateFiles(RepositoryFiles.Root, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/'))
                .Where(p => !p.Split('/').SkipLast(1).Any(segment => segment is ".git" or "bin" or "obj" or "TestResults")),
        ];
        return [.. files.Where(p => File.Exists(RepositoryFiles.PathOf(p))).Order(StringComparer.Ordinal)];
    }

    /// <summary>The index's file list, or null where git or the repository's .git is not there (then the tree is walked).</summary>
    private static List<string>? GitLsFiles()
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", RepositoryFiles.Root, "ls-files", "-z"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using Process git = Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>A file's text; a .gz file is decompressed first, so the profiles' embedded descriptions are read too.</summary>
    private static string ReadText(string relativePath)
    {
        string fullPath = RepositoryFiles.PathOf(relativePath);
        if (!relativePath.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllText(fullPath, Encoding.UTF8);
        }

        using var gzip = new GZipStream(File.OpenRead(fullPath), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static int LineOf(string text, int index)
    {
        int line = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
