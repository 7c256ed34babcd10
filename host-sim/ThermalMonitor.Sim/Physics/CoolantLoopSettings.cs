namespace ThermalMonitor.Sim;

/// <summary>
/// Volume, pressure and accumulator of the external coolant loop (docs/physics.md §2.3, §3.3). The nominal
/// inventory, pressure and gas volume all hold at <see cref="ReferenceTempC"/>; the gas pre-charge is
/// derived from them.
/// </summary>
public sealed record CoolantLoopSettings
{
    /// <summary>
    /// Liquid inventory at the reference temperature. Default 44 L: docs/physics.md §0/§2.3 [P] (press report).
    /// </summary>
    public double InventoryLiters { get; init; } = 44.0;

    /// <summary>
    /// Temperature at which the nominal inventory, pressure and gas volume hold. Default 13 °C: the mid
    /// point of the default sun/eclipse equilibria, so the nominal pressure is the orbit-mean pressure [E].
    /// </summary>
    public double ReferenceTempC { get; init; } = 13.0;

    /// <summary>
    /// Loop pressure (absolute) at the reference temperature with the full inventory. Default 250 kPa:
    /// middle of the 2–3 bar band, docs/physics.md §2.3 [E].
    /// </summary>
    public double NominalPressureKpa { get; init; } = 250.0;

    /// <summary>
    /// Accumulator gas volume at the nominal point. Default 3 L: docs/physics.md §2.3 "1–5 L", §3.6 [E].
    /// </summary>
    public double AccumulatorGasLiters { get; init; } = 3.0;

    /// <summary>
    /// Liquid that can leave the accumulator (at the nominal point) before its bellows bottoms.
    /// Default 1.5 L: docs/physics.md §2.3 "2–5 L of liquid-side capacity", §3.6 "reserve of 1–2 L" [E].
    /// </summary>
    public double AccumulatorReserveLiters { get; init; } = 1.5;

    /// <summary>
    /// Polytropic index of the accumulator gas, P·V_gⁿ = const. Default 1.0 (isothermal: the gas trades
    /// heat with the wall in seconds to minutes); 1.4 is adiabatic N₂. docs/physics.md §3.3 [E].
    /// </summary>
    public double PolytropicIndex { get; init; } = 1.0;

    /// <summary>
    /// Effective bulk modulus of the liquid-filled loop once the bellows is on its stop: liquid
    /// (≈ 1 GPa, docs/physics.md §2.2) in series with tube and radiator wall compliance. Default 800 MPa [E].
    /// </summary>
    public double EffectiveBulkModulusMpa { get; init; } = 800.0;

    /// <summary>
    /// Pressure above the vapour pressure that a full saturated loop keeps (vapour generation in warm
    /// parts, pump and capillary effects); it falls in proportion to the liquid left, and it alone drives
    /// the saturated outflow (ΔP = P − P_v). Default 3 kPa [E]: inside docs/physics.md §3.6's 2–10 kPa. Through
    /// 0.8 mm it loses 50 % of 44 L ≈ 7.4 h, 80 % ≈ 14.4 h and 90 % ≈ 17.9 h after onset, empty at
    /// ≈ 26 h: NASA's "majority leaked out" came 17.75 h after onset (docs/physics.md §1.1).
    /// </summary>
    public double SaturatedResidualHeadKpa { get; init; } = 3.0;

    /// <summary>
    /// Pressure an empty loop vents down to (outgassing, films). Default 0.2 kPa; docs/physics.md §3.6 phase 3
    /// "pressure ≈ 0" [E].
    /// </summary>
    public double EmptyFloorPressureKpa { get; init; } = 0.2;

    /// <summary>
    /// Effective outflow velocity of vapour venting from an empty loop, so the vent time constant is
    /// V_loop / (C_d·A·u). Default 90 m/s: choked flow of isooctane vapour (γ ≈ 1.05, M = 114 g/mol)
    /// at 20 °C, C*·R·T/M ≈ 90 m/s [E]; gives ≈ 23 min for 0.8 mm and ≈ 6 s for 12 mm.
    /// </summary>
    public double VapourVentVelocityMPerS { get; init; } = 90.0;
}
