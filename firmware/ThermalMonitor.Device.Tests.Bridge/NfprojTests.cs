using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>
/// The device test project is a nanoFramework unit test project the Visual Studio extension and
/// the test adapter recognise, and it lists exactly the files the bridge runs (classic projects do
/// not glob: a file missing from the .nfproj would run here but never on the board).
/// </summary>
public sealed class NfprojTests
{
    private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    private static readonly string ProjectPath = Path.Combine(RepositoryFiles.DeviceTestsDirectory, "NFUnitTest.nfproj");

    private static readonly XDocument Project = XDocument.Load(ProjectPath);

    [Fact]
    public void Compile_items_are_exactly_the_cs_files_on_disk()
    {
        var listed = Items("Compile").Select(path => path.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var onDisk = RepositoryFiles.SourceFiles(RepositoryFiles.DeviceTestsDirectory).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, listed);
    }

    [Fact]
    public void It_is_a_test_project_whose_assembly_is_named_NFUnitTest()
    {
        // The UnitTestLauncher does Assembly.Load("NFUnitTest").
        Assert.Equal("NFUnitTest", Property("AssemblyName"));
        Assert.Equal("NFUnitTest.nfproj", Path.GetFileName(ProjectPath));
        Assert.Equal("Library", Property("OutputType"));
        Assert.Equal("true", Property("IsTestProject"));
        Assert.Equal("UnitTest", Property("TestProjectType"));
        Assert.Equal("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", Property("ProjectTypeGuids"));
        Assert.Contains("TestContainer", Items("ProjectCapability"));
        Assert.Equal(@"$(MSBuildProjectDirectory)\nano.runsettings", Property("RunSettingsFilePath"));
        Assert.Contains(@"..\..\nfproj.props", Project.Descendants(Msbuild + "Import").Select(i => (string)i.Attribute("Project")));
    }

    [Fact]
    public void It_references_the_core_and_the_test_framework_through_nfproj_props()
    {
        Assert.Equal([@"..\ThermalMonitor.Core\ThermalMonitor.Core.nfproj"], Items("ProjectReference"));
        var hintPaths = Project.Descendants(Msbuild + "Reference").Select(r => (string)r.Element(Msbuild + "HintPath")).ToList();
        Assert.Equal(["$(NfCoreLibraryHintPath)", "$(NfTestFrameworkHintPath)", "$(NfUnitTestLauncherHintPath)"], hintPaths);
    }

    [Fact]
    public void Packages_are_the_core_library_and_the_test_framework_at_the_nfproj_props_versions()
    {
        XDocument props = XDocument.Load(RepositoryFiles.PathOf("nfproj.props"));
        string PropsValue(string name) => props.Descendants(Msbuild + name).Single().Value;
        var packages = XDocument.Load(Path.Combine(RepositoryFiles.DeviceTestsDirectory, "packages.config")).Descendants("package")
            .ToDictionary(p => (string)p.Attribute("id"), p => p);

        Assert.Equal(["nanoFramework.CoreLibrary", "nanoFramework.TestFramework"], packages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(PropsValue("NfCoreLibraryVersion"), (string)packages["nanoFramework.CoreLibrary"].Attribute("version"));
        Assert.Equal(PropsValue("NfTestFrameworkVersion"), (string)packages["nanoFramework.TestFramework"].Attribute("version"));
        Assert.Equal("true", (string)packages["nanoFramework.TestFramework"].Attribute("developmentDependency"));
        Assert.All(packages.Values, p => Assert.Equal("netnano1.0", (string)p.Attribute("targetFramework")));
    }

    [Fact]
    public void Run_settings_are_those_the_nanoFramework_adapter_expects()
    {
        XElement settings = XDocument.Load(Path.Combine(RepositoryFiles.DeviceTestsDirectory, "nano.runsettings")).Root;
        XElement run = settings.Element("RunConfiguration");
        Assert.Equal("1", (string)run.Element("MaxCpuCount"));
        Assert.Equal(@".\TestResults", (string)run.Element("ResultsDirectory"));
        Assert.Equal("120000", (string)run.Element("TestSessionTimeout"));
        Assert.Equal("net48", (string)run.Element("TargetFrameworkVersion"));
        Assert.Equal("x64", (string)run.Element("TargetPlatform"));
        XElement adapter = settings.Element("nanoFrameworkAdapter");
        Assert.Equal("None", (string)adapter.Element("Logging"));
        Assert.Equal("False", (string)adapter.Element("IsRealHardware"));
    }

    private static string Property(string name) => Project.Descendants(Msbuild + name).Single().Value;

    private static string[] Items(string itemType) => Project.Descendants(Msbuild + itemType).Select(item => (string)item.Attribute("Include")).ToArray();
}
