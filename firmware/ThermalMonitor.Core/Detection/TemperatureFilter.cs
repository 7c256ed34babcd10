using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The temperature terms of the thermal model that describe a sensor lagging the liquid. A
    /// first-order low-pass F with time constant τ = 2^shift blocks, applied twice (F and F2 = F∘F):
    /// <list type="bullet">
    /// <item>lead = T − F(T) = τ·F(T)′ exactly (the derivative of the filtered signal): with a sensor
    /// that lags the liquid by τ_s, T_liquid ≈ T_s + τ_s·T_s′ (Ljung, <i>System Identification</i>,
    /// §4), and the model learns the coefficient τ_s/τ;</item>
    /// <item>second lead = T − 2F + F2 = τ²·F2″ + …: F′ lags T′ by about τ, which leaves an error
    /// τ_s·(T′ − F′) ≈ τ_s·τ·F″ wherever the liquid's temperature turns (every eclipse entry and exit,
    /// every heater step) — a residual that looks like a short leak. The second lead lets the model
    /// take it out.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Fixed point: inputs and outputs in Q8 milli-°C; accumulators hold value · 2^shift
    /// (≤ 6.4e7 · 2^18 ≈ 1.7e13), updated acc += x − round(acc / 2^shift), rounded half up. The
    /// filters start on their first value (a loop at rest, no invented transient). Shift 0 means
    /// off: both leads are 0 (the v1 detector).
    /// </remarks>
    public sealed class TemperatureFilter
    {
        /// <summary>Largest time constant (power of two blocks) the accumulators' budget allows.</summary>
        public const int ShiftMax = 18;

        private int shift;
        private long firstAcc;
        private long secondAcc;
        private bool primed;

        /// <summary>F(T) (Q8 milli-°C) after the last <see cref="Update"/>.</summary>
        public long FilteredQ8 { get; private set; }

        /// <summary>T − F(T) (Q8 milli-°C): the first-order lead term.</summary>
        public long LeadQ8 { get; private set; }

        /// <summary>T − 2F(T) + F(F(T)) (Q8 milli-°C): the second-order lead term.</summary>
        public long SecondLeadQ8 { get; private set; }

        public bool IsEnabled => shift > 0;

        /// <param name="shift">Time constant of the filter as a power of two blocks; 0 = off.</param>
        public void Configure(int shift)
        {
            this.shift = FixedMath.Clamp(shift, 0, ShiftMax);
            Reset();
        }

        public void Reset()
        {
            firstAcc = 0;
            secondAcc = 0;
            primed = false;
            FilteredQ8 = 0;
            LeadQ8 = 0;
            SecondLeadQ8 = 0;
        }

        public void Update(long tempQ8)
        {
            if (shift == 0)
            {
                FilteredQ8 = tempQ8;
                LeadQ8 = 0;
                SecondLeadQ8 = 0;
                return;
            }

            if (!primed)
            {
                firstAcc = tempQ8 << shift;
                secondAcc = tempQ8 << shift;
                primed = true;
            }
            else
            {
                firstAcc += tempQ8 - FixedMath.ShiftRound(firstAcc, shift);
                secondAcc += FixedMath.ShiftRound(firstAcc, shift) - FixedMath.ShiftRound(secondAcc, shift);
            }

            FilteredQ8 = FixedMath.ShiftRound(firstAcc, shift);
            long twiceFilteredQ8 = FixedMath.ShiftRound(secondAcc, shift);
            LeadQ8 = tempQ8 - FilteredQ8;
            SecondLeadQ8 = tempQ8 - (2 * FilteredQ8) + twiceFilteredQ8;
        }
    }
}
