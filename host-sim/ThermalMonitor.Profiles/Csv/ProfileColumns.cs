namespace ThermalMonitor.Profiles;

/// <summary>Column names of Profile CSV v1 and the text of the fault values.</summary>
internal static class ProfileColumns
{
    public const string Time = "time_s";
    public const string Pressure = "pressure_kpa";
    public const string Temp = "temp_c";
    public const string Cabin = "cabin_temp_c";
    public const string FaultPressure = "fault_pressure";
    public const string FaultTemp = "fault_temp";
    public const string FaultSupply = "fault_supply";

    /// <summary>Fixed decimals written for each value (time is F1 or F3, see the writer).</summary>
    public const int PressureDecimals = 3;

    /// <summary>Coolant temperature decimals: 1 mK, well below the NTC chain's resolution.</summary>
    public const int TempDecimals = 3;

    /// <summary>Cabin temperature decimals: the cabin is context for plots, not a detector input.</summary>
    public const int CabinDecimals = 2;

    /// <summary>The cell text of <paramref name="fault"/> (empty for none).</summary>
    public static string FaultText(ProfileFault fault) => fault switch
    {
        ProfileFault.None => "",
        ProfileFault.Open => "open",
        ProfileFault.Short => "short",
        ProfileFault.Stuck => "stuck",
        ProfileFault.Noise => "noise",
        ProfileFault.Glitch => "glitch",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault."),
    };

    /// <summary>Parses a fault cell (case-insensitive); false for anything else.</summary>
    public static bool TryParseFault(string cell, out ProfileFault fault)
    {
        fault = cell.ToLowerInvariant() switch
        {
            "" => ProfileFault.None,
            "open" => ProfileFault.Open,
            "short" => ProfileFault.Short,
            "stuck" => ProfileFault.Stuck,
            "noise" => ProfileFault.Noise,
            "glitch" => ProfileFault.Glitch,
            _ => (ProfileFault)(-1),
        };
        return fault >= ProfileFault.None;
    }
}
