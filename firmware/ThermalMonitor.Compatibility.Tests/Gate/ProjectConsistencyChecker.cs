using System.Text.RegularExpressions;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Rule (d): a .nfproj agrees with the disk (no globbing, so every .cs file is listed and every listed
/// file exists), with nfproj.props (one version per package), with its own references (one HintPath
/// per package, strong-name versions that match) and with the API lists (every package has one).
/// </summary>
internal sealed partial class ProjectConsistencyChecker(RepositoryLayout layout, NfprojProps props, ApiLibrary library)
{
    // The test framework package also ships the launcher executable, referenced through this property.
    // It has no API meant for callers, so it needs no list of its own.
    private static readonly Dictionary<string, string> ExtraHintPathProperties = new(StringComparer.Ordinal)
    {
        ["NfUnitTestLauncherHintPath"] = "nanoFramework.TestFramework",
    };

    public IReadOnlyList<Finding> Check(FirmwareProject project)
    {
        var findings = new FindingList();
        findings.AddRange(CompileItemsMatchDisk(project));
        findings.AddRange(PackagesAreComplete(project));
        findings.AddRange(VersionsMatchProps(project));
        findings.AddRange(ReferencesMatchPackages(project));
        findings.AddRange(PackagesHaveApiLists(project));
        return findings.ToSortedList();
    }

    private IEnumerable<Finding> CompileItemsMatchDisk(FirmwareProject project)
    {
        var projectFile = layout.RelativePath(project.ProjectPath);
        var listed = project.CompileItems.Select(item => item.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var item in project.CompileItems.Where(item => !File.Exists(item.FullPath)))
        {
            yield return new Finding(projectFile, item.Line, 1, RuleIds.ProjectFiles, item.Include,
                $"<Compile Include=\"{item.Include}\"> names {layout.RelativePath(item.FullPath)}, which does not exist");
        }

        var onDisk = Directory.EnumerateFiles(project.Directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !RepositoryLayout.IsBuildOutput(Path.GetRelativePath(project.Directory, path)))
            .Order(StringComparer.Ordinal);
        foreach (var file in onDisk.Where(file => !listed.Contains(file)))
        {
            yield return new Finding(layout.RelativePath(file), 1, 1, RuleIds.ProjectFiles, layout.RelativePath(file),
                $"{layout.RelativePath(file)} is not listed as <Compile Include> in {projectFile} (classic projects do not glob: it would not be built)");
        }
    }

    private IEnumerable<Finding> PackagesAreComplete(FirmwareProject project)
    {
        var packagesFile = layout.RelativePath(project.PackagesConfigPath);
        if (!File.Exists(project.PackagesConfigPath))
        {
            yield return new Finding(packagesFile, 1, 1, RuleIds.ProjectPackages, packagesFile, $"{project.Name} has no packages.config (it needs at least {PackageDependencies.CoreLibrary})");
            yield break;
        }

        var declared = project.Packages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (!declared.Contains(PackageDependencies.CoreLibrary))
        {
            yield return new Finding(packagesFile, 1, 1, RuleIds.ProjectPackages, PackageDependencies.CoreLibrary, $"packages.config must declare {PackageDependencies.CoreLibrary} (mscorlib)");
        }

        foreach (var package in project.Packages)
        {
            if (!library.Dependencies.IsKnown(package.Id))
            {
                yield return new Finding(packagesFile, package.Line, 1, RuleIds.ProjectPackages, package.Id,
                    $"{package.Id} is not a package the gate knows (add it, with its dependencies, to firmware/nanoframework-api/package-dependencies.txt and add its API list)");
            }

            foreach (var missing in library.Dependencies.DirectDependencies(package.Id).Where(d => !declared.Contains(d)))
            {
                yield return new Finding(packagesFile, package.Line, 1, RuleIds.ProjectPackages, missing,
                    $"{package.Id} depends on {missing}, which packages.config does not declare");
            }
        }
    }

    private IEnumerable<Finding> VersionsMatchProps(FirmwareProject project)
    {
        var packagesFile = layout.RelativePath(project.PackagesConfigPath);
        foreach (var package in project.Packages)
        {
            var property = NfprojProps.VersionProperty(package.Id);
            if (!props.Properties.TryGetValue(property, out var version))
            {
                yield return new Finding(packagesFile, package.Line, 1, RuleIds.ProjectVersion, package.Id, $"nfproj.props has no {property} for {package.Id}");
            }
            else if (version != package.Version)
            {
                yield return new Finding(packagesFile, package.Line, 1, RuleIds.ProjectVersion, package.Id,
                    $"{package.Id} is {package.Version} here but {property} in nfproj.props is {version}");
            }
        }
    }

    private IEnumerable<Finding> ReferencesMatchPackages(FirmwareProject project)
    {
        var projectFile = layout.RelativePath(project.ProjectPath);
        var matches = project.References.Select(r => (Reference: r, Package: PackageOf(r, project.Packages))).ToList();
        foreach (var (reference, package) in matches)
        {
            if (reference.HintPath is null)
            {
                continue;
            }

            if (PropertyName(reference.HintPath) is { } property && !props.Properties.ContainsKey(property))
            {
                yield return new Finding(projectFile, reference.Line, 1, RuleIds.ProjectReference, reference.Include, $"the HintPath uses $({property}), which nfproj.props does not define");
            }
            else if (package is null)
            {
                yield return new Finding(projectFile, reference.Line, 1, RuleIds.ProjectReference, reference.Include,
                    $"reference {reference.Include} (HintPath {reference.HintPath}) comes from no package in packages.config");
            }
            else if (StrongNameVersion(reference.Include) is { } version && version != package.Version)
            {
                yield return new Finding(projectFile, reference.Line, 1, RuleIds.ProjectReference, reference.Include,
                    $"the reference says Version={version}.0 but packages.config has {package.Id} {package.Version}");
            }
        }

        foreach (var package in project.Packages.Where(p => !matches.Any(m => m.Package == p)))
        {
            yield return new Finding(projectFile, 1, 1, RuleIds.ProjectReference, package.Id,
                $"no <Reference> uses {package.Id}: add one with <HintPath>$({NfprojProps.HintPathProperty(package.Id)})</HintPath>");
        }
    }

    private IEnumerable<Finding> PackagesHaveApiLists(FirmwareProject project)
    {
        var packagesFile = layout.RelativePath(project.PackagesConfigPath);
        foreach (var package in project.Packages)
        {
            if (!library.Lists.TryGetValue(package.Id, out var list))
            {
                yield return new Finding(packagesFile, package.Line, 1, RuleIds.ProjectApiList, package.Id,
                    $"no API list firmware/nanoframework-api/{package.Id}.txt: write it from the package's public library sources at its release tag with tools/nf-api-list, as firmware/nanoframework-api/README.md describes");
            }
            else if (ApiList.MajorMinor(list.Version) != ApiList.MajorMinor(package.Version))
            {
                // The device binds by major.minor, and the lists cover the newest tag read (e.g. Esp32 1.6.42 for 1.6.40).
                yield return new Finding(packagesFile, package.Line, 1, RuleIds.ProjectApiList, package.Id,
                    $"the API list is for {list.Version}, a different major.minor than {package.Version}");
            }
        }
    }

    // A reference belongs to a package when its HintPath is that package's nfproj.props property or
    // a path through the package's "<id>.<version>" folder.
    private static PackageEntry? PackageOf(AssemblyReference reference, IReadOnlyList<PackageEntry> packages)
    {
        if (reference.HintPath is not { } hintPath)
        {
            return null;
        }

        if (PropertyName(hintPath) is { } property)
        {
            var packageId = ExtraHintPathProperties.GetValueOrDefault(property);
            return packages.FirstOrDefault(p => p.Id == packageId || NfprojProps.HintPathProperty(p.Id) == property);
        }

        var path = hintPath.Replace('\\', '/');
        return packages.FirstOrDefault(p => path.Contains($"/{p.Id}.{p.Version}/", StringComparison.OrdinalIgnoreCase));
    }

    private static string? PropertyName(string hintPath) => PropertyReference().Match(hintPath) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? StrongNameVersion(string include) => StrongName().Match(include) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^\$\((\w+)\)$")]
    private static partial Regex PropertyReference();

    [GeneratedRegex(@"Version=(\d+\.\d+\.\d+)\.\d+")]
    private static partial Regex StrongName();
}
