namespace ThermalMonitor.Core.Conversion
{
    /// <summary>How the NTC's resistance maps to temperature (docs/physics.md §4.2).</summary>
    public enum NtcModel
    {
        /// <summary>R(T) = R25 · exp(B · (1/T − 1/298.15 K)).</summary>
        Beta = 0,

        /// <summary>1/T = A + B·ln R + C·(ln R)^3 (R in ohms, T in kelvin).</summary>
        SteinhartHart = 1,
    }
}
