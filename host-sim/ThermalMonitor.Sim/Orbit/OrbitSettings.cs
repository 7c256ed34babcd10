namespace ThermalMonitor.Sim;

/// <summary>
/// Orbit and the loop's orbital thermal cycle (docs/physics.md §3.5): a sun/eclipse square wave, set by the
/// altitude and the β-angle schedule, drives the loop mean temperature through a first-order lag.
/// </summary>
public sealed record OrbitSettings
{
    /// <summary>
    /// Circular-orbit altitude. Default 415 km: ISS, period ≈ 92.9 min, docs/physics.md §3.5 [E].
    /// </summary>
    public double AltitudeKm { get; init; } = 415.0;

    /// <summary>
    /// β angle (Sun to orbit plane) over time, degrees; evaluated at the start of each orbit. Default
    /// 0° (longest eclipse, ≈ 36 min); |β| above ≈ 70° has no eclipse ("high beta"), docs/physics.md §3.5.
    /// </summary>
    public PiecewiseLinear BetaDeg { get; init; } = PiecewiseLinear.Constant(0.0);

    /// <summary>
    /// Loop mean temperature the loop tends to in sunlight. Default 18 °C [E]: with the eclipse value, a
    /// several-kelvin swing inside docs/physics.md §2.3's "5–15 K per orbit" and the −70…+40 °C range.
    /// </summary>
    public double SunTempC { get; init; } = 18.0;

    /// <summary>
    /// Loop mean temperature the loop tends to in eclipse. Default 8 °C [E], see <see cref="SunTempC"/>.
    /// </summary>
    public double EclipseTempC { get; init; } = 8.0;

    /// <summary>
    /// Time constant of the loop's thermal response. Default 12 min: "minutes to tens of minutes",
    /// docs/physics.md §3.5 [E]; gives ≈ 9.4 K peak to peak at β = 0 with the default temperatures.
    /// </summary>
    public double ThermalTimeConstantMin { get; init; } = 12.0;
}
