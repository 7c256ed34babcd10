namespace ThermalMonitor.Sim;

/// <summary>
/// Coloured noise: a stationary first-order autoregressive (AR(1)) process, the exact sampling of an
/// Ornstein–Uhlenbeck process with time constant τ at a fixed step Δt:
/// x_k = ρ·x_{k−1} + σ·√(1 − ρ²)·z_k, ρ = e^(−Δt/τ), z_k ~ N(0, 1). Its variance is σ² at every step
/// (it starts on the stationary distribution) and its autocorrelation at lag j is ρ^j.
/// </summary>
public sealed class FirstOrderNoise
{
    private readonly double rho;
    private readonly double innovationSigma;
    private double state;
    private bool started;

    /// <summary>Noise of standard deviation <paramref name="sigma"/> and time constant <paramref name="timeConstantS"/>, sampled every <paramref name="stepS"/>.</summary>
    public FirstOrderNoise(double sigma, double timeConstantS, double stepS)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeConstantS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepS);
        Sigma = sigma;
        rho = Math.Exp(-stepS / timeConstantS);
        innovationSigma = sigma * Math.Sqrt(1.0 - (rho * rho));
    }

    /// <summary>Stationary standard deviation.</summary>
    public double Sigma { get; }

    /// <summary>Lag-one autocorrelation ρ = e^(−Δt/τ).</summary>
    public double Rho => rho;

    /// <summary>The next value, given the next standard normal deviate <paramref name="z"/>.</summary>
    public double Next(double z)
    {
        state = started ? (rho * state) + (innovationSigma * z) : Sigma * z;
        started = true;
        return state;
    }
}
