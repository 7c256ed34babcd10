namespace ThermalMonitor.Scoring;

/// <summary>One detector's false DEPRESSURIZATION alarms on the nominal time of one phenomenon (or of the full world, "all").</summary>
/// <param name="Phenomenon">Phenomenon name (<see cref="ThermalMonitor.Sim.PhenomenaCatalog"/>), or "all".</param>
/// <param name="Days">Nominal time, days.</param>
/// <param name="FalseAlarms">False alarms raised on it.</param>
/// <param name="ByCause">Of those, how many per cause (ordinal order).</param>
public sealed record PhenomenonFalseAlarms(string Phenomenon, double Days, int FalseAlarms, IReadOnlyDictionary<string, int> ByCause)
{
    /// <summary>False alarms per day; NaN without nominal time.</summary>
    public double PerDay => Days > 0 ? FalseAlarms / Days : double.NaN;
}
