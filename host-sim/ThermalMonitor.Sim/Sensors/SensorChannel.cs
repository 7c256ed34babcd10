namespace ThermalMonitor.Sim;

/// <summary>The three ADC inputs of the bench board (docs/physics.md §4.1–§4.2).</summary>
public enum SensorChannel
{
    /// <summary>Ratiometric pressure transducer through a ½ divider.</summary>
    Pressure,

    /// <summary>NTC thermistor divider from the 3.3 V rail (loop coolant temperature).</summary>
    Temperature,

    /// <summary>The transducer's 5 V supply through a ⅓ divider, for the ratiometric correction.</summary>
    Supply,
}
