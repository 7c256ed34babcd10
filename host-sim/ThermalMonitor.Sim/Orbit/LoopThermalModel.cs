namespace ThermalMonitor.Sim;

/// <summary>
/// Loop mean coolant temperature: a first-order lag toward the sun or eclipse equilibrium
/// (docs/physics.md §3.5 recommendation), advanced exactly for a piecewise-constant input:
/// T ← T_eq + (T − T_eq)·e^(−Δt/τ). It starts on the orbit's periodic steady state, so a profile has
/// no warm-up transient.
/// </summary>
public sealed class LoopThermalModel
{
    private readonly double sunTempC;
    private readonly double eclipseTempC;
    private readonly double decayPerStep;

    /// <summary>
    /// Starts at sunrise of an orbit with eclipse fraction <paramref name="initialEclipseFraction"/> and
    /// period <paramref name="periodS"/>, on the periodic state of equilibria offset by <paramref
    /// name="initialOffsetC"/>; <see cref="Advance"/> moves by <paramref name="stepS"/>.
    /// </summary>
    public LoopThermalModel(
        OrbitSettings settings, double periodS, double initialEclipseFraction, double stepS, double initialOffsetC = 0.0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        sunTempC = settings.SunTempC;
        eclipseTempC = settings.EclipseTempC;
        double timeConstantS = settings.ThermalTimeConstantMin * 60.0;
        decayPerStep = Math.Exp(-stepS / timeConstantS);
        // The lag is linear: the periodic state of offset equilibria is the orbital one plus the offset.
        TempC = SteadyStateSunriseTempC(periodS, initialEclipseFraction, timeConstantS) + initialOffsetC;
    }

    /// <summary>Current loop mean temperature.</summary>
    public double TempC { get; private set; }

    /// <summary>
    /// Advances one step under sunlight (<paramref name="isSunlit"/>) or shadow, with both equilibria
    /// offset by <paramref name="offsetC"/> (heater and set-point steps; 0 = the orbit's own).
    /// </summary>
    public void Advance(bool isSunlit, double offsetC = 0.0)
    {
        double equilibriumC = (isSunlit ? sunTempC : eclipseTempC) + offsetC;
        TempC = equilibriumC + ((TempC - equilibriumC) * decayPerStep);
    }

    // Periodic solution of the lag driven by a square wave, at the end of the eclipse:
    // T_rise = [T_ecl·(1 − b) + T_sun·b·(1 − a)] / (1 − a·b), a = e^(−t_sun/τ), b = e^(−t_ecl/τ).
    private double SteadyStateSunriseTempC(double periodS, double eclipseFraction, double timeConstantS)
    {
        double a = Math.Exp(-(1.0 - eclipseFraction) * periodS / timeConstantS);
        double b = Math.Exp(-eclipseFraction * periodS / timeConstantS);
        return ((eclipseTempC * (1.0 - b)) + (sunTempC * b * (1.0 - a))) / (1.0 - (a * b));
    }
}
