namespace ThermalMonitor.Sim;

/// <summary>
/// NTC thermistor as a Steinhart–Hart curve, 1/T = A + B·ln R + C·(ln R)³ (T in kelvin). The beta
/// model R = R₂₅·exp(β·(1/T − 1/298.15 K)) is the special case A = 1/298.15 − ln R₂₅/β, B = 1/β,
/// C = 0 (docs/physics.md §4.2).
/// </summary>
public sealed record NtcThermistor
{
    private const double KelvinOffset = 273.15;
    private const double ReferenceTempK = 298.15;

    private NtcThermistor(double a, double b, double c) => (CoefficientA, CoefficientB, CoefficientC) = (a, b, c);

    /// <summary>Steinhart–Hart A, 1/K.</summary>
    public double CoefficientA { get; }

    /// <summary>Steinhart–Hart B, 1/K per ln Ω.</summary>
    public double CoefficientB { get; }

    /// <summary>Steinhart–Hart C, 1/K per (ln Ω)³; 0 for the beta model.</summary>
    public double CoefficientC { get; }

    /// <summary>
    /// Beta model: <paramref name="resistanceAt25COhms"/> at 25 °C and constant <paramref name="betaK"/>.
    /// </summary>
    public static NtcThermistor FromBeta(double resistanceAt25COhms, double betaK) =>
        new((1.0 / ReferenceTempK) - (Math.Log(resistanceAt25COhms) / betaK), 1.0 / betaK, 0.0);

    /// <summary>
    /// Full Steinhart–Hart model from datasheet coefficients (B and C positive, as for any real NTC).
    /// </summary>
    public static NtcThermistor FromSteinhartHart(double a, double b, double c) => new(a, b, c);

    /// <summary>
    /// Resistance at <paramref name="tempC"/>: solves the Steinhart–Hart cubic for ln R (Cardano; one real
    /// root).
    /// </summary>
    public double ResistanceOhms(double tempC)
    {
        double constant = CoefficientA - (1.0 / (tempC + KelvinOffset));
        if (CoefficientC == 0.0)
        {
            return Math.Exp(-constant / CoefficientB);
        }

        // x³ + p·x + q = 0 with x = ln R; p > 0 so the discriminant is positive and the root unique.
        double p = CoefficientB / CoefficientC;
        double q = constant / CoefficientC;
        double root = Math.Sqrt((q * q / 4.0) + (p * p * p / 27.0));
        return Math.Exp(Math.Cbrt((-q / 2.0) + root) + Math.Cbrt((-q / 2.0) - root));
    }

    /// <summary>Temperature at which the thermistor has <paramref name="resistanceOhms"/>.</summary>
    public double TempC(double resistanceOhms)
    {
        double lnR = Math.Log(resistanceOhms);
        return (1.0 / (CoefficientA + (CoefficientB * lnR) + (CoefficientC * lnR * lnR * lnR))) - KelvinOffset;
    }

    /// <summary>
    /// Divider node voltage with the NTC to ground and <paramref name="seriesOhms"/> from
    /// <paramref name="railVolts"/> on top: V = V_rail·R_ntc/(R_ntc + R_series). 25 °C → 1.65 V at 3.3 V.
    /// </summary>
    public double DividerVolts(double tempC, double seriesOhms, double railVolts)
    {
        double ntcOhms = ResistanceOhms(tempC);
        return railVolts * ntcOhms / (ntcOhms + seriesOhms);
    }
}
