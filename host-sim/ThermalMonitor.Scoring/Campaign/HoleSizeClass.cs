namespace ThermalMonitor.Scoring;

/// <summary>A class of leak hole sizes, [MinMm, MaxMm).</summary>
/// <param name="Label">e.g. "0.1–0.2 mm".</param>
/// <param name="MinMm">Smallest diameter in the class.</param>
/// <param name="MaxMm">Diameter where the next class starts (∞ for the last).</param>
public sealed record HoleSizeClass(string Label, double MinMm, double MaxMm)
{
    /// <summary>The campaign's classes: &lt;0.1, 0.1–0.2, 0.2–0.5, 0.5–1, 1–3, ≥3 mm.</summary>
    public static IReadOnlyList<HoleSizeClass> All { get; } =
    [
        new("<0.1 mm", 0.0, 0.1),
        new("0.1–0.2 mm", 0.1, 0.2),
        new("0.2–0.5 mm", 0.2, 0.5),
        new("0.5–1 mm", 0.5, 1.0),
        new("1–3 mm", 1.0, 3.0),
        new("≥3 mm", 3.0, double.PositiveInfinity),
    ];

    /// <summary>Whether <paramref name="holeMm"/> falls in this class.</summary>
    public bool Contains(double holeMm) => holeMm >= MinMm && holeMm < MaxMm;

    /// <summary>The class of <paramref name="holeMm"/>.</summary>
    public static HoleSizeClass Of(double holeMm) => All.First(c => c.Contains(holeMm));
}
