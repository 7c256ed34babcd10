namespace ThermalMonitor.Profiles;

/// <summary>One row of a profile: physical values at one instant, plus the sensor faults in force.</summary>
/// <param name="TimeS">Seconds from profile start.</param>
/// <param name="PressureKpa">
/// Absolute loop pressure at the transducer, as recorded: NaN when the reading is missing, and possibly
/// impossible (below vacuum, beyond range, ±∞; see <see cref="ReadingKinds"/>).
/// </param>
/// <param name="TempC">
/// Loop coolant temperature at the NTC, as recorded: NaN when missing (or when the profile has no
/// temperature), and possibly impossible (at or below absolute zero, +∞).
/// </param>
/// <param name="CabinTempC">Cabin/compartment air temperature, when recorded.</param>
/// <param name="PressureFault">Fault on the pressure channel from this row on.</param>
/// <param name="TempFault">Fault on the temperature channel from this row on.</param>
/// <param name="SupplyFault">Fault on the supply-sense channel from this row on.</param>
public readonly record struct ProfileRow(
    double TimeS,
    double PressureKpa,
    double TempC,
    double? CabinTempC,
    ProfileFault PressureFault,
    ProfileFault TempFault,
    ProfileFault SupplyFault)
{
    /// <summary>A fault-free row.</summary>
    public ProfileRow(double timeS, double pressureKpa, double tempC, double? cabinTempC = null)
        : this(timeS, pressureKpa, tempC, cabinTempC, ProfileFault.None, ProfileFault.None, ProfileFault.None)
    {
    }
}
