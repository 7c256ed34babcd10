using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The thermal model in double: 2^40/P regressed on up to three temperature terms (filtered
/// temperature, lead, curvature) with exponentially weighted moments (α = 2^−shift; with several terms a plain average until 2^shift updates), coefficients
/// from the ridge-regularised normal equations solved by Gaussian elimination. Written from
/// Detection/README.md, sharing no code with the firmware's ThermalModel.
/// </summary>
public sealed class ReferenceThermalModel(int shift, int warmupUpdates, double swingMinMilliC, int terms)
{
    private const double CurvatureDeviationMaxMilliC = 65536.0;
    private const double CurvatureScale = 16384.0;

    private readonly double alpha = Math.Pow(2, -shift);
    private readonly double[] mean = new double[4];
    private readonly double[,] covariance = new double[4, 4];
    private readonly double[] cross = new double[4];
    private readonly double[] coefficients = new double[4];
    private readonly double[] term = new double[4];
    private double meanInverse;
    private double trustedVariance;
    private double curvatureCentre;
    private bool slopeLearned;
    private int firstLearned;
    private int updates;

    public bool HasPrediction => updates > 0;

    public bool IsReady => updates >= warmupUpdates && updates > 0
        && (terms == 1 || !slopeLearned || updates - firstLearned >= warmupUpdates);

    public int Updates => updates;

    public double Coefficient(int index) => coefficients[index];

    public bool CanPredict(double tempMilliC)
    {
        double deviation = tempMilliC - mean[0];
        if (terms == 1)
        {
            return deviation * deviation <= Math.Max(4 * swingMinMilliC * swingMinMilliC, 9 * covariance[0, 0]);
        }

        // Several terms: only the mean is known until a coefficient has been learned.
        return deviation * deviation <= 9 * trustedVariance
            || (slopeLearned && deviation * deviation <= 4 * swingMinMilliC * swingMinMilliC);
    }

    public double PredictPa(double tempMilliC, double leadMilliC, double secondLeadMilliC)
    {
        FillTerms(tempMilliC, leadMilliC, secondLeadMilliC);
        double inverse = meanInverse;
        for (int a = 0; a < terms; a++)
        {
            inverse += coefficients[a] * (term[a] - mean[a]);
        }

        return inverse <= 0 ? int.MaxValue : ThermalModel.InverseScale / inverse;
    }

    public void Learn(double pressurePa, double tempMilliC, double leadMilliC, double secondLeadMilliC)
    {
        double inverse = ThermalModel.InverseScale / pressurePa;
        FillTerms(tempMilliC, leadMilliC, secondLeadMilliC);
        if (updates == 0)
        {
            Array.Copy(term, mean, terms);
            meanInverse = inverse;
        }
        else
        {
            // One term is v1's EWMA from the first update; several terms average plainly until the
            // time constant is reached.
            double alpha = terms == 1 ? this.alpha : 1.0 / Math.Min(updates + 1, Math.Pow(2, shift));
            double momentAlpha = terms == 1 ? this.alpha : 1.0 / Math.Min(updates + 1, Math.Pow(2, shift + ThermalModel.CoefficientExtraShift));
            double inverseDeviation = inverse - meanInverse;
            meanInverse += alpha * inverseDeviation;
            var deviation = new double[terms];
            for (int a = 0; a < terms; a++)
            {
                deviation[a] = term[a] - mean[a];
                mean[a] += alpha * deviation[a];
            }

            for (int a = 0; a < terms; a++)
            {
                for (int b = 0; b < terms; b++)
                {
                    covariance[a, b] += momentAlpha * ((deviation[a] * deviation[b]) - covariance[a, b]);
                }

                cross[a] += momentAlpha * ((deviation[a] * inverseDeviation) - cross[a]);
            }

            trustedVariance += alpha * ((deviation[0] * deviation[0]) - trustedVariance);

            Refresh();
        }

        updates++;
    }

    private void FillTerms(double tempMilliC, double leadMilliC, double secondLeadMilliC)
    {
        term[0] = tempMilliC;
        term[1] = leadMilliC;
        term[3] = secondLeadMilliC;
        if (updates == 0)
        {
            curvatureCentre = tempMilliC;
        }

        double deviation = Math.Clamp(tempMilliC - curvatureCentre, -CurvatureDeviationMaxMilliC, CurvatureDeviationMaxMilliC);
        term[2] = deviation * deviation / CurvatureScale;
    }

    private void Refresh()
    {
        if (covariance[0, 0] < swingMinMilliC * swingMinMilliC)
        {
            return;
        }

        if (terms == 1)
        {
            coefficients[0] = cross[0] / covariance[0, 0];
            slopeLearned = true;
            return;
        }

        var matrix = new double[terms, terms];
        var rhs = new double[terms];
        var scale = new double[terms];
        for (int a = 0; a < terms; a++)
        {
            scale[a] = Math.Sqrt(covariance[a, a]);
        }

        if (scale.Any(s => !(s > 0)))
        {
            return;
        }

        // Normalised to unit diagonal (the ridge is relative to it), then eliminated.
        for (int a = 0; a < terms; a++)
        {
            for (int b = 0; b < terms; b++)
            {
                matrix[a, b] = covariance[a, b] / (scale[a] * scale[b]);
            }

            matrix[a, a] *= 1 + Math.Pow(2, -ThermalModel.RidgeShift);
            rhs[a] = cross[a] / scale[a];
        }

        var subset = Enumerable.Range(0, terms).ToList();
        double[]? solution = SolveSubset(matrix, rhs, [.. subset]);
        if (solution is null)
        {
            return;
        }

        // A sensor only lags: lead terms of the other sign than the temperature term are dropped.
        if (terms >= 2 && Math.Sign(solution[0]) * Math.Sign(solution[1]) < 0)
        {
            subset.Remove(1);
            subset.Remove(3);
            solution = SolveSubset(matrix, rhs, [.. subset]);
            if (solution is null)
            {
                return;
            }
        }

        if (terms >= 4 && subset.Contains(3) && Math.Sign(solution[0]) * Math.Sign(solution[3]) < 0)
        {
            subset.Remove(3);
            solution = SolveSubset(matrix, rhs, [.. subset]);
            if (solution is null)
            {
                return;
            }
        }

        // Curvature: y'' = (n − 1)/n · y'²/y, 0 ≤ y'' ≤ 0.3 · b1²/ȳ (n ≤ 1.4); below: dropped, above: held.
        if (terms >= 3 && solution[2] < 0)
        {
            subset.Remove(2);
            solution = SolveSubset(matrix, rhs, [.. subset]);
            if (solution is null)
            {
                return;
            }
        }

        for (int a = 0; a < terms; a++)
        {
            coefficients[a] = solution[a] / scale[a];
        }

        if (terms >= 3)
        {
            coefficients[2] = Math.Min(coefficients[2], 8192 * 0.3 * coefficients[0] * coefficients[0] / meanInverse);
        }

        if (!slopeLearned)
        {
            firstLearned = updates;
        }

        slopeLearned = true;
    }

    /// <summary>
    /// The firmware refuses a solve whose scaled solution exceeds its right-hand side by about 2^6
    /// (NormalEquations: |z| ≤ 2^31 in Q30 against |c'| &lt; 2^24 with a diagonal near 2^29); the
    /// reference refuses at the same ill-conditioning so that both keep their old coefficients.
    /// </summary>
    private const double RefusalRatio = 64.0;

    /// <summary>Solves the normalised system restricted to <paramref name="subset"/>; the other coefficients are 0.</summary>
    private double[]? SolveSubset(double[,] matrix, double[] rhs, int[] subset)
    {
        int n = subset.Length;
        var m = new double[n, n];
        var r = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i, j] = matrix[subset[i], subset[j]];
            }

            r[i] = rhs[subset[i]];
        }

        double largest = r.Max(Math.Abs);
        double[]? z = Solve(m, r, n);
        if (z is null || (largest > 0 && z.Any(v => Math.Abs(v) / largest > RefusalRatio)))
        {
            return null;
        }

        var full = new double[terms];
        for (int i = 0; i < n; i++)
        {
            full[subset[i]] = z[i];
        }

        return full;
    }

    private static double[]? Solve(double[,] matrix, double[] rhs, int n)
    {
        for (int k = 0; k < n; k++)
        {
            if (!(matrix[k, k] > 0))
            {
                return null;
            }

            for (int i = k + 1; i < n; i++)
            {
                double factor = matrix[i, k] / matrix[k, k];
                for (int j = k; j < n; j++)
                {
                    matrix[i, j] -= factor * matrix[k, j];
                }

                rhs[i] -= factor * rhs[k];
            }
        }

        var solution = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = rhs[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= matrix[i, j] * solution[j];
            }

            solution[i] = sum / matrix[i, i];
        }

        return solution;
    }
}
