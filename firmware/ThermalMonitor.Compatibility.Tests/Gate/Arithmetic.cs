namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Per-project switch of the NF-FLOAT rule. The portable core is integer-only: the ESP32 images
/// compute double in float precision, and fixed-point keeps host and board bit-identical.
/// </summary>
public enum Arithmetic
{
    FloatingPointAllowed,
    IntegerOnly,
}
