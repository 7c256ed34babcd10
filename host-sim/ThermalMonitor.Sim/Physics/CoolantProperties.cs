namespace ThermalMonitor.Sim;

/// <summary>
/// Properties of the loop liquid. Defaults describe an isooctane-like coolant ("LZ-TK-2", docs/physics.md
/// §2.2); a silicone (PMS) coolant is a different set of numbers, not a different model.
/// </summary>
public sealed record CoolantProperties
{
    private const double GasConstantJPerMolK = 8.314462618;
    private const double KelvinOffset = 273.15;
    private const double VapourAnchorTempC = 20.0;

    /// <summary>
    /// Liquid density. Default 692 kg/m³: isooctane at 20 °C, docs/physics.md §2.2 [E, handbook].
    /// </summary>
    public double DensityKgPerM3 { get; init; } = 692.0;

    /// <summary>
    /// Volumetric thermal expansion coefficient. Default 1.2×10⁻³ /K: light alkanes, docs/physics.md §2.2 [E];
    /// §3.4 gives 53 mL/K for 44 L.
    /// </summary>
    public double ThermalExpansionPerK { get; init; } = 1.2e-3;

    /// <summary>
    /// Vapour pressure at 20 °C, the anchor of the Clausius–Clapeyron curve. Default 5.1 kPa:
    /// isooctane, docs/physics.md §2.2 "≈ 5 kPa" [E, handbook].
    /// </summary>
    public double VapourPressureAt20CKpa { get; init; } = 5.1;

    /// <summary>
    /// Molar enthalpy of vaporisation, the slope of the Clausius–Clapeyron curve. Default 35.1 kJ/mol:
    /// isooctane near 25 °C [E, handbook]; gives ≈ 12.8 kPa at 40 °C and ≈ 1.8 kPa at 0 °C.
    /// </summary>
    public double VaporisationEnthalpyJPerMol { get; init; } = 35_100.0;

    /// <summary>
    /// Saturation (vapour) pressure at <paramref name="tempC"/> from the Clausius–Clapeyron equation
    /// with constant enthalpy, anchored at 20 °C: P_v = P_v,20·exp(−(ΔH/R)·(1/T − 1/293.15 K)).
    /// Good to a few percent over the loop's 0–40 °C; it is an order-of-magnitude coolant anyway.
    /// </summary>
    public double VapourPressureKpa(double tempC)
    {
        double inverseTempDelta = (1.0 / (tempC + KelvinOffset)) - (1.0 / (VapourAnchorTempC + KelvinOffset));
        return VapourPressureAt20CKpa * Math.Exp(-VaporisationEnthalpyJPerMol / GasConstantJPerMolK * inverseTempDelta);
    }
}
