namespace ThermalMonitor.Sim;

/// <summary>
/// Cabin/compartment temperature: steady while the loop rejects heat, then a first-order rise once
/// it has lost its coolant, flattening as loads are shed (docs/physics.md §1.1, "Temperatures after coolant loss").
/// </summary>
public sealed record CabinSettings
{
    /// <summary>
    /// Temperature while the loop works. Default 22 °C: design range +18…+25 °C, docs/physics.md §1.1 [P]/[E].
    /// </summary>
    public double NominalTempC { get; init; } = 22.0;

    /// <summary>
    /// Temperature the cabin settles at without the loop. Default 32 °C: "stabilised around +30 °C",
    /// 28–30 °C on 17 Dec, compartments up to +40 °C, docs/physics.md §1.1 [P] (press reports).
    /// </summary>
    public double HeatedTempC { get; init; } = 32.0;

    /// <summary>
    /// Time constant of the rise. Default 16 h: 78 % of the rise after 1 day and 95 % after 2, i.e. the
    /// "1–3 days" of docs/physics.md §1.1 [E].
    /// </summary>
    public double HeatingTimeConstantH { get; init; } = 16.0;

    /// <summary>
    /// Heat rejection counts as lost once the inventory falls below this fraction of nominal (and the
    /// loss is latched). Default 0.5: the "majority leaked" point, docs/physics.md §1.1 [E].
    /// </summary>
    public double CoolingLostBelowInventoryFraction { get; init; } = 0.5;
}
