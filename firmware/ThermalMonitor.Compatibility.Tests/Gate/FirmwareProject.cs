using System.Xml;
using System.Xml.Linq;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>An item of a project file: the text as written, the file it resolves to, and its line there.</summary>
internal sealed record ProjectItem(string Include, string FullPath, int Line);

/// <summary>A &lt;Reference&gt; of a .nfproj (an assembly from a NuGet package).</summary>
internal sealed record AssemblyReference(string Include, string? HintPath, int Line);

/// <summary>A &lt;package&gt; entry of packages.config.</summary>
internal sealed record PackageEntry(string Id, string Version, int Line);

/// <summary>
/// What the gate reads from a classic (non-SDK) .nfproj and its packages.config. Classic projects list
/// every source file explicitly, with Windows separators, relative to the project directory.
/// </summary>
internal sealed record FirmwareProject(
    string ProjectPath,
    string AssemblyName,
    bool IsExecutable,
    IReadOnlyList<ProjectItem> CompileItems,
    IReadOnlyList<AssemblyReference> References,
    IReadOnlyList<ProjectItem> ProjectReferences,
    string PackagesConfigPath,
    IReadOnlyList<PackageEntry> Packages)
{
    public string Name => Path.GetFileNameWithoutExtension(ProjectPath);

    public string Directory => Path.GetDirectoryName(ProjectPath)!;

    public static FirmwareProject Load(string projectPath)
    {
        projectPath = Path.GetFullPath(projectPath);
        var directory = Path.GetDirectoryName(projectPath)!;
        var project = XDocument.Load(projectPath, LoadOptions.SetLineInfo);
        var packagesConfigPath = Path.Combine(directory, "packages.config");

        return new FirmwareProject(
            projectPath,
            Property(project, "AssemblyName") ?? Path.GetFileNameWithoutExtension(projectPath),
            Property(project, "OutputType") is "Exe" or "WinExe",
            Items(project, "Compile", directory),
            [.. Elements(project, "Reference").Select(e => new AssemblyReference(Attribute(e, "Include"), Child(e, "HintPath"), LineOf(e)))],
            Items(project, "ProjectReference", directory),
            packagesConfigPath,
            File.Exists(packagesConfigPath) ? ReadPackages(packagesConfigPath) : []);
    }

    private static List<PackageEntry> ReadPackages(string path) =>
    [
        .. Elements(XDocument.Load(path, LoadOptions.SetLineInfo), "package")
            .Select(e => new PackageEntry(Attribute(e, "id"), Attribute(e, "version"), LineOf(e))),
    ];

    private static List<ProjectItem> Items(XDocument project, string itemType, string directory) =>
    [
        .. Elements(project, itemType)
            .Where(e => e.Attribute("Include") is not null)
            .Select(e => new ProjectItem(Attribute(e, "Include"), Resolve(directory, Attribute(e, "Include")), LineOf(e))),
    ];

    private static string Resolve(string directory, string include) =>
        Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')));

    // The MSBuild 2003 namespace is optional in newer files: match local names only.
    private static IEnumerable<XElement> Elements(XDocument document, string localName) =>
        document.Descendants().Where(e => e.Name.LocalName == localName);

    private static string? Property(XDocument project, string name) =>
        Elements(project, name).Select(e => e.Value.Trim()).LastOrDefault(value => value.Length > 0);

    private static string? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

    private static string Attribute(XElement element, string name) => element.Attribute(name)?.Value ?? "";

    private static int LineOf(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
