using ThermalMonitor.Sim;

namespace ThermalMonitor.Stimulus;

/// <summary>What a leak does to the pressure: the scenario run with and without its leak, subtracted.</summary>
public static class LeakTrajectory
{
    /// <summary>Pressure with the leak minus the same loop without it (Pa), one value per sample after <paramref name="onsetS"/>.</summary>
    public static IReadOnlyList<double> PressureShiftPa(Scenario leak, double onsetS)
    {
        Scenario healthy = leak with { Leak = new LeakSettings() };
        var shiftPa = new List<double>();
        foreach (var (withLeak, without) in Simulation.RunPhysics(leak).Zip(Simulation.RunPhysics(healthy)))
        {
            if (withLeak.TimeS > onsetS)
            {
                shiftPa.Add((withLeak.PressureKpa - without.PressureKpa) * 1000);
            }
        }

        return shiftPa;
    }
}
