namespace ThermalMonitor.Profiles.Tests;

/// <summary>Small hand-made profiles shared by the tests.</summary>
internal static class Fixtures
{
    /// <summary>A profile with every column in use: cabin, all three fault columns, uneven spacing.</summary>
    public static Profile Rich() => new(
        "rich",
        new Dictionary<string, string>
        {
            ["format"] = Profile.FormatId,
            ["name"] = "rich",
            ["description"] = "hand-made",
            ["sensor_seed"] = "42",
            ["period_ms"] = "100",
            ["zeta"] = "last",
            ["alpha"] = "first of the unknown keys",
        },
        [
            new ProfileRow(0.0, 250.0, 13.0, 22.0),
            new ProfileRow(0.1, 249.5, 13.001, 22.01, ProfileFault.Open, ProfileFault.None, ProfileFault.None),
            new ProfileRow(0.2, 249.25, 13.002, null, ProfileFault.Open, ProfileFault.Stuck, ProfileFault.None),
            new ProfileRow(1.2, 248.0, 12.5, 22.5, ProfileFault.None, ProfileFault.Noise, ProfileFault.Glitch),
            new ProfileRow(2.2, 247.125, -0.0004, 23.0, ProfileFault.Short, ProfileFault.None, ProfileFault.None),
        ]);

    /// <summary>Profile CSV text with the given rows under the standard header.</summary>
    public static string Csv(params string[] rows) =>
        "time_s,pressure_kpa,temp_c\n" + string.Concat(rows.Select(r => r + "\n"));
}
