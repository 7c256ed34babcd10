namespace ThermalMonitor.Sim;

/// <summary>
/// The temperature sensor's first-order lag behind the liquid (<see cref="TemperatureSensorSettings"/>),
/// advanced exactly for a liquid temperature held over each step: T_s ← T_l + (T_s − T_l)·e^(−Δt/τ).
/// It starts on the orbit's periodic steady state, like the liquid, so a profile has no warm-up
/// transient of the sensor either.
/// </summary>
public sealed class TemperatureSensorLag
{
    // Periodic start: run whole orbits until the start transient has decayed below e^-40.
    private const double SettlingTimeConstants = 40.0;

    private readonly double decayPerStep;

    /// <summary>
    /// A sensor with time constant <paramref name="timeConstantS"/> (&gt; 0) advanced by <paramref
    /// name="stepS"/>, starting at <paramref name="initialTempC"/>.
    /// </summary>
    public TemperatureSensorLag(double timeConstantS, double stepS, double initialTempC)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeConstantS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepS);
        decayPerStep = Math.Exp(-stepS / timeConstantS);
        TempC = initialTempC;
    }

    /// <summary>Current sensor temperature.</summary>
    public double TempC { get; private set; }

    /// <summary>Advances one step toward <paramref name="liquidTempC"/>.</summary>
    public void Advance(double liquidTempC) => TempC = liquidTempC + ((TempC - liquidTempC) * decayPerStep);

    /// <summary>
    /// The sensor temperature at sunrise on the periodic steady state of a loop whose liquid follows
    /// <paramref name="orbit"/> with eclipse fraction <paramref name="eclipseFraction"/> and equilibria
    /// offset by <paramref name="offsetC"/>: whole orbits of liquid and sensor are stepped from the
    /// liquid's own periodic start until the sensor's start transient has died out.
    /// </summary>
    public static double PeriodicSunriseTempC(
        OrbitSettings orbit, double periodS, double eclipseFraction, double offsetC, double timeConstantS, double stepS)
    {
        ArgumentNullException.ThrowIfNull(orbit);
        var liquid = new LoopThermalModel(orbit, periodS, eclipseFraction, stepS, offsetC);
        var sensor = new TemperatureSensorLag(timeConstantS, stepS, liquid.TempC);
        long orbits = Math.Max(1, (long)Math.Ceiling(SettlingTimeConstants * timeConstantS / periodS));
        long stepsPerOrbit = (long)Math.Round(periodS / stepS);
        double sunlitS = (1.0 - eclipseFraction) * periodS;
        for (long orbitIndex = 0; orbitIndex < orbits; orbitIndex++)
        {
            for (long step = 0; step < stepsPerOrbit; step++)
            {
                liquid.Advance(step * stepS < sunlitS, offsetC);
                sensor.Advance(liquid.TempC);
            }
        }

        return sensor.TempC;
    }
}
