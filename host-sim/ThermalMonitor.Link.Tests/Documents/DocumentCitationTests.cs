using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The repository cites only documents it contains. No tracked file — source, README, scenario JSON,
/// or the description embedded in a compressed profile — may cite the internal planning documents
/// that users do not have — the two design documents, the folder beside the clone, and the folder's
/// other documents and paths (their names are built below or broken by braces rather than written
/// out, so that this file passes its own scan) — and every citation of a section of a document under docs/ must name a
/// numbered heading that exists in that document.
/// </summary>
public partial class DocumentCitationTests
{
    /// <summary>Text no tracked file may contain: the two planning documents and the folder beside the clone.</summary>
    private static readonly string[] Forbidden = ["DESIGN" + ".md", "DOMAIN" + ".md", ".." + "/shared", ".." + "\\shared"];

    private const string DocsFolder = "docs";

    /// <summary>
    /// The planning folder's other documents, by file name: the nanoFramework facts, the style notes
    /// and the nanoCLR notes. A hit is the whole file name in any directory and any case, but not the
    /// tail of a longer name (TIGER_STYLE, code-style).
    /// </summary>
    [GeneratedRegex(@"(?<![\w.-])(?:nanoframework-facts|STYLE|nanoclr)\.md(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex PlanningDocumentName();

    /// <summary>
    /// A path whose first segment is the planning folder: "shared" then a slash or backslash, at the
    /// start of a path (optionally "./"), i.e. not preceded by a character that continues a word, a
    /// path, a drive, a repository reference or a variable. So ".../dotnet/shared/..." (a later
    /// segment), "MetadataProcessor.Shared/" (case) and the word in prose ("shared between",
    /// "shared vectors") are not hits; prose writes "shared or exclusive", not with a slash.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.\-/\\:@~$%])(?:\.[/\\])?shared[/\\]")]
    private static partial Regex PlanningFolderPath();

    /// <summary>A public repository's file written as owner/repo:path or owner/repo@ref:path.</summary>
    [GeneratedRegex(@"^[\w.-]+/[\w.-]+(?:@[\w.-]+)?:")]
    private static partial Regex RepositoryQualifiedPath();

    /// <summary>Characters that end the token a hit sits in: white space, quotes, brackets, separators.</summary>
    private const string TokenDelimiters = "`'\"()<>[]{}|,;*";

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
    public void NoTrackedFileCitesThePlanningFoldersOtherDocumentsOrPaths()
    {
        var findings = new List<string>();
        foreach (string path in TrackedFiles())
        {
            string text = ReadText(path);
            foreach ((string cited, int at) in PlanningCitations(text))
            {
                findings.Add($"{path}:{LineOf(text, at)}: cites {cited}, internal planning material that is not in the repository; "
                    + "cite the repository's own file (e.g. firmware/nanoframework-api/README.md, docs/design.md) or a public source");
            }
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    /// <summary>The rule itself. Braces break the names in this file and are removed before the scan.</summary>
    [Theory]
    [InlineData("/// {shared}/nanoframework-api/README.md: inherited members", "{shared}/")]
    [InlineData("copy the lists from `{shared}/nanoframework-api/` into", "{shared}/")]
    [InlineData("copy it from {shared}/nanoframework-api (see the README there)", "{shared}/")]
    [InlineData("see ./{shared}/notes", "./{shared}/")]
    [InlineData("see {shared}\\notes", "{shared}\\")]
    [InlineData("lacks (docs/design.md §3,\n/// {nanoframework-facts}.md (d)).", "{nanoframework-facts}.md")]
    [InlineData("instead of throwing inside the loop ({STYLE}.md B4).", "{STYLE}.md")]
    [InlineData("see ../notes/{nanoclr}.md.", "{nanoclr}.md")]
    [InlineData("see {Style}.md", "{Style}.md")]
    [InlineData("the state is shared between threads; the shared vectors", "")]
    [InlineData("(…/dotnet/{shared}/Microsoft.NETCore.App/<v>/)", "")]
    [InlineData("$mdp_src/MetadataProcessor.{Shared}/MetadataProcessor.{Shared}.projitems", "")]
    [InlineData("<https://github.com/owner/repo/blob/main/{shared}/x.cs>", "")]
    [InlineData("[rules](https://github.com/owner/repo/blob/main/{STYLE}.md)", "")]
    [InlineData("`owner/repo@121ef04:{shared}/x.cs`, owner/repo:{STYLE}.md", "")]
    [InlineData("tigerbeetle/tigerbeetle:docs/TIGER_{STYLE}.md, TIGER_{STYLE}.md, code-{style}.md, {STYLE}.mdx", "")]
    public void PlanningCitationRule(string text, string expected)
    {
        string[] hits = [.. PlanningCitations(Unbrace(text)).Select(hit => hit.Cited)];

        string[] wanted = expected.Length == 0 ? [] : [Unbrace(expected)];

        Assert.Equal(wanted, hits);
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

    /// <summary>
    /// Citations of the planning folder's documents or paths in a text, with where each starts. A hit
    /// inside a URL or an owner/repo[@ref]:path reference names a public repository's file, not the folder.
    /// </summary>
    private static IEnumerable<(string Cited, int At)> PlanningCitations(string text)
    {
        var hits = PlanningDocumentName().Matches(text).Concat(PlanningFolderPath().Matches(text));
        foreach (Match hit in hits.OrderBy(m => m.Index))
        {
            string token = TokenAround(text, hit.Index);
            if (!token.Contains("://", StringComparison.Ordinal) && !RepositoryQualifiedPath().IsMatch(token))
            {
                yield return (hit.Value, hit.Index);
            }
        }
    }

    /// <summary>The run of characters around an index up to white space or a delimiter.</summary>
    private static string TokenAround(string text, int index)
    {
        static bool Ends(char c) => char.IsWhiteSpace(c) || TokenDelimiters.Contains(c, StringComparison.Ordinal);
        int start = index;
        while (start > 0 && !Ends(text[start - 1]))
        {
            start--;
        }

        int end = index;
        while (end < text.Length && !Ends(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private static string Unbrace(string text) => text.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);

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
