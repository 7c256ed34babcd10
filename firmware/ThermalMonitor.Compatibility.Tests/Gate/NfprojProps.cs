using System.Xml.Linq;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// The shared nanoFramework package properties of nfproj.props, and the naming rule that ties them
/// to package ids: the id minus "nanoFramework." minus dots, prefixed "Nf", suffixed "Version" or
/// "HintPath" (nanoFramework.System.Device.Adc → NfSystemDeviceAdcVersion).
/// </summary>
internal sealed class NfprojProps(IReadOnlyDictionary<string, string> properties)
{
    public IReadOnlyDictionary<string, string> Properties { get; } = properties;

    public static NfprojProps Load(string path) =>
        new(XDocument.Load(path).Descendants()
            .Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && e.Attribute("Condition") is null)
            .GroupBy(e => e.Name.LocalName)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal));

    public static string VersionProperty(string packageId) => $"Nf{Stem(packageId)}Version";

    public static string HintPathProperty(string packageId) => $"Nf{Stem(packageId)}HintPath";

    private static string Stem(string packageId)
    {
        const string prefix = "nanoFramework.";
        var name = packageId.StartsWith(prefix, StringComparison.Ordinal) ? packageId[prefix.Length..] : packageId;
        return name.Replace(".", "", StringComparison.Ordinal);
    }
}
