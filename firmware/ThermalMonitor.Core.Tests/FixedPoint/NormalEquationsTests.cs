using FsCheck;
using FsCheck.Fluent;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Tests.FixedPoint;

/// <summary>The integer least-squares solver against the same ridge-regularised solve in double.</summary>
public class NormalEquationsTests
{
    [Fact]
    public void A_diagonal_system_gives_the_ratios()
    {
        var solver = new NormalEquations();
        long[] coefficients = new long[3];

        // b = c / a: 6/2 = 3, −10/5 = −2, 1/4 = 0.25 (the ridge biases by 2^−30 only).
        Assert.True(solver.TrySolve([2L << 20, 0, 0, 0, 5L << 20, 0, 0, 0, 4L << 20], [6L << 20, -10L << 20, 1L << 20], 3, 30, coefficients));

        Assert.Equal(3 * 65536, coefficients[0]);
        Assert.Equal(-2 * 65536, coefficients[1]);
        Assert.Equal(65536 / 4, coefficients[2]);
    }

    [Fact]
    public void Collinear_terms_are_refused_and_leave_the_coefficients_alone()
    {
        var solver = new NormalEquations();
        long[] coefficients = [11, 22];

        // x2 = x1 exactly: without a ridge the matrix is singular; with a tiny one the solution
        // would be huge and noise-driven, so the solver refuses.
        Assert.False(solver.TrySolve([1L << 30, 1L << 30, 1L << 30, 1L << 30], [3L << 30, 2L << 30], 2, 30, coefficients));
        Assert.Equal([11L, 22L], coefficients);
    }

    [Fact]
    public void A_non_positive_diagonal_is_refused()
    {
        long[] coefficients = new long[2];
        Assert.False(new NormalEquations().TrySolve([0, 0, 0, 5], [1, 1], 2, 16, coefficients));
    }

    [Fact]
    public void Well_conditioned_systems_match_the_double_solve() =>
        Prop.ForAll(
            Gen.Choose(-1000, 1000).Select(v => v / 1000.0).ArrayOf(6).ToArbitrary(),
            Gen.Choose(10, 30).ToArbitrary(),
            (entries, magnitudeBits) =>
            {
                // Covariance of three regressors with correlations ≤ 0.5 and scales spread over
                // many orders of magnitude, like temperature, lead and curvature moments.
                double[] scale = [Math.Pow(2, magnitudeBits), Math.Pow(2, magnitudeBits / 2.0), Math.Pow(2, 12)];
                double[,] correlation =
                {
                    { 1, entries[0] / 2, entries[1] / 2 },
                    { entries[0] / 2, 1, entries[2] / 2 },
                    { entries[1] / 2, entries[2] / 2, 1 },
                };
                var covariance = new long[9];
                var cross = new long[3];
                var matrix = new double[3, 3];
                for (int a = 0; a < 3; a++)
                {
                    for (int b = 0; b < 3; b++)
                    {
                        covariance[(a * 3) + b] = (long)Math.Round(correlation[a, b] * scale[a] * scale[b]);
                        matrix[a, b] = covariance[(a * 3) + b];
                    }

                    cross[a] = (long)Math.Round(entries[3 + a] * scale[a] * 1e4);
                }

                var solution = ReferenceSolve(matrix, [.. cross.Select(c => (double)c)], 16);
                var coefficients = new long[3];
                bool solved = new NormalEquations().TrySolve(covariance, cross, 3, 16, coefficients);

                // Relative to the largest effect a coefficient has (b_a · σ_a): what a prediction sees.
                double largestEffect = Enumerable.Range(0, 3).Max(a => Math.Abs(solution[a]) * scale[a]);
                return solved && Enumerable.Range(0, 3).All(a =>
                    Math.Abs((coefficients[a] / 65536.0) - solution[a]) * scale[a] <= (1e-5 * largestEffect) + (scale[a] / 65536.0));
            }).QuickCheckThrowOnFailure();

    private static double[] ReferenceSolve(double[,] matrix, double[] rhs, int ridgeShift)
    {
        int n = rhs.Length;
        var m = (double[,])matrix.Clone();
        var r = (double[])rhs.Clone();
        for (int a = 0; a < n; a++)
        {
            m[a, a] *= 1 + Math.Pow(2, -ridgeShift);
        }

        for (int k = 0; k < n; k++)
        {
            for (int i = k + 1; i < n; i++)
            {
                double factor = m[i, k] / m[k, k];
                for (int j = k; j < n; j++)
                {
                    m[i, j] -= factor * m[k, j];
                }

                r[i] -= factor * r[k];
            }
        }

        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = r[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= m[i, j] * x[j];
            }

            x[i] = sum / m[i, i];
        }

        return x;
    }
}
