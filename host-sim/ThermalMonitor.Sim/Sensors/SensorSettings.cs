namespace ThermalMonitor.Sim;

/// <summary>
/// The bench sensor chain (docs/physics.md §4.1–§4.3): ratiometric pressure transducer, supply-rail sense,
/// NTC divider and the ESP32 ADC read in bursts.
/// </summary>
public sealed record SensorSettings
{
    /// <summary>
    /// ADC reads per channel per output sample. Default 32: "burst of 32–64 samples every 100 ms", docs/physics.md
    /// §4.3 [E].
    /// </summary>
    public int BurstLength { get; init; } = 32;

    /// <summary>
    /// Transducer full scale (absolute). Default 500 kPa [E]: covers 2–3 bar nominal plus thermal swing;
    /// docs/physics.md §4.1 lists 0–0.5/1.2/1.6 MPa parts.
    /// </summary>
    public double PressureFullScaleKpa { get; init; } = 500.0;

    /// <summary>
    /// Transducer supply rail over time, volts; may sag or drift. Default a constant 5.000 V, docs/physics.md §4.1.
    /// The transducer output follows it (ratiometric); the supply channel measures it.
    /// </summary>
    public PiecewiseLinear SupplyVolts { get; init; } = PiecewiseLinear.Constant(5.0);

    /// <summary>
    /// Divider from the transducer output to its pin. Default 0.5 (10 kΩ/10 kΩ): 0.25–2.25 V, docs/physics.md §4.1
    /// [E].
    /// </summary>
    public double PressureDividerRatio { get; init; } = 0.5;

    /// <summary>
    /// Divider from the supply rail to its pin. Default ⅓ (20 kΩ over 10 kΩ): 5 V → 1.667 V [E].
    /// </summary>
    public double SupplyDividerRatio { get; init; } = 1.0 / 3.0;

    /// <summary>The NTC. Default 10 kΩ at 25 °C, B = 3950 K (beta model), docs/physics.md §4.2 [P].</summary>
    public NtcThermistor Thermistor { get; init; } = NtcThermistor.FromBeta(10_000.0, 3950.0);

    /// <summary>
    /// Fixed resistor from the rail to the NTC divider node. Default 10 kΩ: 25 °C → 1.65 V, docs/physics.md §4.2.
    /// </summary>
    public double ThermistorSeriesOhms { get; init; } = 10_000.0;

    /// <summary>
    /// The board's 3.3 V rail: feeds the NTC divider and is where an open NTC or a shorted pin is
    /// pulled. Default 3.300 V, docs/physics.md §4.2.
    /// </summary>
    public double LogicRailVolts { get; init; } = 3.3;

    /// <summary>ADC imperfections (docs/physics.md §4.3).</summary>
    public AdcSettings Adc { get; init; } = new();
}
