namespace ThermalMonitor.Report.Plotting;

/// <summary>The time window a plot shows, and what its tick labels count from.</summary>
/// <param name="T0S">Window start, seconds from profile start.</param>
/// <param name="T1S">Window end (greater than <paramref name="T0S"/>).</param>
/// <param name="OriginS">Time the tick labels count from (0 = profile start).</param>
/// <param name="Signed">Label ticks with signs ("−2 min", "0", "+1 min"): times relative to an event.</param>
internal sealed record TimeWindow(double T0S, double T1S, double OriginS, bool Signed);

/// <summary>One plotted quantity.</summary>
/// <param name="Title">Panel title, e.g. "Loop pressure".</param>
/// <param name="Unit">Unit shown next to the title, e.g. "kPa".</param>
/// <param name="Values">Samples (NaN = none), aligned with the trace's times.</param>
/// <param name="Colour">Line colour.</param>
internal sealed record Series(string Title, string Unit, double[] Values, string Colour);

/// <summary>A vertical event marker: leak onset (dashed) or an alarm (solid, optional active band).</summary>
/// <param name="TimeS">When, seconds from profile start.</param>
/// <param name="BandEndS">End of the shaded active band (alarm cleared, or the trace end), or null for none.</param>
/// <param name="Colour">Line and label colour.</param>
/// <param name="Label">Short label drawn above the plot, e.g. "#1 CAUTION".</param>
/// <param name="Tooltip">Longer text shown on hover.</param>
/// <param name="Dashed">Dashed line (leak onset) instead of solid (alarms).</param>
internal sealed record Marker(double TimeS, double? BandEndS, string Colour, string Label, string Tooltip, bool Dashed)
{
    /// <summary>Class of the marker's group: "marker onset" or "marker alarm".</summary>
    public string CssClass => Dashed ? "marker onset" : "marker alarm";
}

/// <summary>A horizontal reference line, e.g. the 100 % alarm level of the detector statistic.</summary>
internal sealed record ReferenceLine(double Value, string Label, string Colour);

/// <summary>How one panel scales and decorates its series.</summary>
internal sealed record PanelOptions
{
    /// <summary>Keep 0 inside the y range (residual, statistic).</summary>
    public bool IncludeZero { get; init; }

    /// <summary>Horizontal reference lines; their values are kept inside the y range.</summary>
    public IReadOnlyList<ReferenceLine> References { get; init; } = [];

    /// <summary>Upper limit of the y range; higher values run off the top and the panel says so.</summary>
    public double? CapMax { get; init; }

    /// <summary>
    /// Lower limit of the y range where the quantity has a physical floor (0 kPa absolute: vacuum);
    /// lower readings run along the bottom edge and the panel says so, with <see cref="FloorReason"/>.
    /// </summary>
    public double? FloorMin { get; init; }

    /// <summary>Why <see cref="FloorMin"/> is a floor, for the panel's note, e.g. "vacuum".</summary>
    public string FloorReason { get; init; } = "the floor";

    /// <summary>Draw the markers' labels in lanes above this panel (the top panel of a stack).</summary>
    public bool LabelMarkers { get; init; }

    /// <summary>What the panel says when the window has no valid sample (why, when it is known).</summary>
    public string EmptyText { get; init; } = "no valid samples in this window";

    /// <summary>Draw the title row (big panels); small panels only print the unit.</summary>
    public bool ShowTitle { get; init; } = true;
}

/// <summary>Pixel geometry of one panel (SVG user units; the SVG scales to the page width).</summary>
internal sealed record PanelSize(int Width, int Height, int Left, int Right, int Top, int Bottom)
{
    /// <summary>The full-width panels of a replay report.</summary>
    public static PanelSize Wide { get; } = new(1100, 215, 64, 22, 30, 26);

    /// <summary>The small per-profile panels of the score page.</summary>
    public static PanelSize Small { get; } = new(340, 180, 40, 12, 20, 22);
}

/// <summary>The report's colours.</summary>
internal static class Palette
{
    public const string Pressure = "#2563eb";
    public const string Temperature = "#ea580c";
    public const string Residual = "#7c3aed";
    public const string Statistic = "#0f766e";
    public const string Warning = "#dc2626";
    public const string Caution = "#d97706";
    public const string OtherSeverity = "#64748b";
    public const string Onset = "#111827";
    public const string Grid = "#e8ebf0";
    public const string Axis = "#9aa3af";
    public const string Text = "#4b5563";
    public const string Title = "#111827";

    /// <summary>Colour of an alarm severity.</summary>
    public static string Severity(string? severity) => Html.Markup.SeverityClass(severity) switch
    {
        "sev-warning" => Warning,
        "sev-caution" => Caution,
        _ => OtherSeverity,
    };
}
