namespace ThermalMonitor.Sim;

/// <summary>A range the world sampler draws a parameter from.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value (values are drawn in [Min, Max)).</param>
/// <param name="LogUniform">Log-uniform (each decade equally likely) rather than uniform.</param>
public readonly record struct DrawRange(double Min, double Max, bool LogUniform = false)
{
    /// <summary>Whether <paramref name="value"/> lies in [Min, Max].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>"100–400 (uniform)", for tables.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min:G4}–{Max:G4} ({(LogUniform ? "log-uniform" : "uniform")})");
}
