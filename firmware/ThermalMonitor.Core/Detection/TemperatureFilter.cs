using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// Conditions the coolant temperature before the thermal model: a first-order low-pass with
    /// time constant τ = 2^shift blocks, and a twin four times slower. A liquid loop cannot change
    /// temperature faster than its thermal time constant (minutes), so sensor noise above that
    /// bandwidth only adds prediction noise (slope × σ_T); the filter removes it. The difference of
    /// the two filters, T_fast − T_slow ≈ 3τ·dT/dt for slow signals, is the lead term with which the
    /// model learns how far the sensor lags the liquid (T_liquid ≈ T_sensor + τ_s·dT_sensor/dt, Ljung,
    /// System Identification §4) — the filters' own lag is learned with it.
    /// </summary>
    /// <remarks>
    /// Fixed point: inputs and outputs in Q8 milli-°C; accumulators hold value · 2^shift
    /// (≤ 6.4e7 · 2^18 ≈ 1.7e13), updated acc += x − round(acc / 2^shift), rounded half up.
    /// Shift 0 means off: the filtered value is the input and the lead is 0 (the v1 detector).
    /// </remarks>
    public sealed class TemperatureFilter
    {
        /// <summary>The slow twin's time constant is 2^SlowTwinExtraShift times the fast one's.</summary>
        public const int SlowTwinExtraShift = 2;

        private int fastShift;
        private long fastAcc;
        private long slowAcc;
        private bool primed;

        /// <summary>Filtered temperature (Q8 milli-°C) after the last <see cref="Update"/>.</summary>
        public long FilteredQ8 { get; private set; }

        /// <summary>Fast minus slow filter (Q8 milli-°C): the lead term.</summary>
        public long LeadQ8 { get; private set; }

        public bool IsEnabled => fastShift > 0;

        /// <param name="fastShift">Time constant of the fast filter as a power of two blocks; 0 = off.</param>
        public void Configure(int fastShift)
        {
            this.fastShift = fastShift < 0 ? 0 : fastShift;
            Reset();
        }

        public void Reset()
        {
            fastAcc = 0;
            slowAcc = 0;
            primed = false;
            FilteredQ8 = 0;
            LeadQ8 = 0;
        }

        public void Update(long tempQ8)
        {
            if (fastShift == 0)
            {
                FilteredQ8 = tempQ8;
                LeadQ8 = 0;
                return;
            }

            int slowShift = fastShift + SlowTwinExtraShift;
            if (!primed)
            {
                // Start on the first value: a loop at rest, no invented transient.
                fastAcc = tempQ8 << fastShift;
                slowAcc = tempQ8 << slowShift;
                primed = true;
            }
            else
            {
                fastAcc += tempQ8 - FixedMath.ShiftRound(fastAcc, fastShift);
                slowAcc += tempQ8 - FixedMath.ShiftRound(slowAcc, slowShift);
            }

            FilteredQ8 = FixedMath.ShiftRound(fastAcc, fastShift);
            LeadQ8 = tempQ8 - FilteredQ8;
        }
    }
}
