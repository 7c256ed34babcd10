namespace ThermalMonitor.Sim;

/// <summary>
/// First-order cabin temperature (<see cref="CabinSettings"/>): flat at nominal until the loop's
/// inventory first drops below the loss threshold, then exponentially toward the heated temperature.
/// </summary>
public sealed class CabinThermalModel
{
    private readonly CabinSettings settings;
    private readonly double lossThresholdLiters;
    private readonly double relaxPerStep;

    /// <summary>
    /// Starts at the nominal temperature with cooling intact; <see cref="Advance"/> moves by <paramref
    /// name="stepS"/>.
    /// </summary>
    public CabinThermalModel(CabinSettings settings, double nominalInventoryLiters, double stepS)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        lossThresholdLiters = settings.CoolingLostBelowInventoryFraction * nominalInventoryLiters;
        relaxPerStep = 1.0 - Math.Exp(-stepS / (settings.HeatingTimeConstantH * 3600.0));
        TempC = settings.NominalTempC;
    }

    /// <summary>Current cabin temperature.</summary>
    public double TempC { get; private set; }

    /// <summary>Whether the loop has (ever) fallen below the loss threshold.</summary>
    public bool IsCoolingLost { get; private set; }

    /// <summary>Advances one step given the loop's inventory at the end of the step.</summary>
    public void Advance(double inventoryLiters)
    {
        IsCoolingLost |= inventoryLiters < lossThresholdLiters;
        if (IsCoolingLost)
        {
            TempC += (settings.HeatedTempC - TempC) * relaxPerStep;
        }
    }
}
