namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// The entry point that writes host-sim/profiles/ from <see cref="ProfileLibrary.Definitions"/>. It runs
/// only when asked — <c>THERMAL_WRITE_PROFILES=1 dotnet test --filter LibraryWriter</c> — so an ordinary
/// test run never rewrites the data it checks; otherwise it passes without doing anything.
/// </summary>
public sealed class LibraryWriter
{
    public const string EnvironmentVariable = "THERMAL_WRITE_PROFILES";

    [Fact]
    public void WritesTheLibraryWhenAsked()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) != "1")
        {
            return;
        }

        ProfileLibrary.WriteAll(ProfileLibrary.FindDefaultDirectory());
    }
}
