using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The thermal model in double: 2^40/P regressed on up to three temperature terms (filtered
/// temperature, lead, curvature) with exponentially weighted moments, α = 2^−shift, coefficients
/// from the ridge-regularised normal equations solved by Gaussian elimination. Written from
/// Detection/README.md, sharing no code with the firmware's ThermalModel.
/// </summary>
public sealed class ReferenceThermalModel(int shift, int warmupUpdates, double swingMinMilliC, int terms)
{
    private const double CurvatureDeviationMaxMilliC = 65536.0;
    private const double CurvatureScale = 1024.0;

    private readonly double alpha = Math.Pow(2, -shift);
    private readonly double[] mean = new double[3];
    private readonly double[,] covariance = new double[3, 3];
    private readonly double[] cross = new double[3];
    private readonly double[] coefficients = new double[3];
    private readonly double[] term = new double[3];
    private double meanInverse;
    private int updates;

    public bool HasPrediction => updates > 0;

    public bool IsReady => updates >= warmupUpdates && updates > 0;

    public int Updates => updates;

    public double Coefficient(int index) => coefficients[index];

    public bool CanPredict(double tempMilliC)
    {
        double deviation = tempMilliC - mean[0];
        return deviation * deviation <= Math.Max(4 * swingMinMilliC * swingMinMilliC, 9 * covariance[0, 0]);
    }

    public double PredictPa(double tempMilliC, double leadMilliC)
    {
        FillTerms(tempMilliC, leadMilliC);
        double inverse = meanInverse;
        for (int a = 0; a < terms; a++)
        {
            inverse += coefficients[a] * (term[a] - mean[a]);
        }

        return inverse <= 0 ? int.MaxValue : ThermalModel.InverseScale / inverse;
    }

    public void Learn(double pressurePa, double tempMilliC, double leadMilliC)
    {
        double inverse = ThermalModel.InverseScale / pressurePa;
        FillTerms(tempMilliC, leadMilliC);
        if (updates == 0)
        {
            Array.Copy(term, mean, terms);
            meanInverse = inverse;
        }
        else
        {
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
                    covariance[a, b] += alpha * ((deviation[a] * deviation[b]) - covariance[a, b]);
                }

                cross[a] += alpha * ((deviation[a] * inverseDeviation) - cross[a]);
            }

            Refresh();
        }

        updates++;
    }

    private void FillTerms(double tempMilliC, double leadMilliC)
    {
        term[0] = tempMilliC;
        term[1] = leadMilliC;
        double deviation = updates == 0 ? 0 : Math.Clamp(tempMilliC - mean[0], -CurvatureDeviationMaxMilliC, CurvatureDeviationMaxMilliC);
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

        double largest = rhs.Max(Math.Abs);
        var solution = Solve(matrix, rhs, terms);
        if (solution is null || (largest > 0 && solution.Any(z => Math.Abs(z) / largest > RefusalRatio)))
        {
            return;
        }

        for (int a = 0; a < terms; a++)
        {
            coefficients[a] = solution[a] / scale[a];
        }
    }

    /// <summary>
    /// The firmware refuses a solve whose scaled solution exceeds its right-hand side by about 2^6
    /// (NormalEquations: |z| ≤ 2^31 in Q30 against |c'| &lt; 2^24 with a diagonal near 2^29); the
    /// reference refuses at the same ill-conditioning so that both keep their old coefficients.
    /// </summary>
    private const double RefusalRatio = 64.0;

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
