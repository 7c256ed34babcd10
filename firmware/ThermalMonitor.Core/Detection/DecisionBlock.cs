using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// Groups consecutive samples that have both pressure and temperature into decision blocks of a
    /// fixed number of samples; the slow path decides once per block on their means. Averaging first
    /// makes the slow path's work per sample a few additions, and its statistic sees one value per
    /// block whose noise the noise estimator measures at that scale (a block of one sample is the v1
    /// detector, which decided on every sample).
    /// </summary>
    /// <remarks>
    /// Sums are long: |pressure| ≤ 2^31 Pa and |temperature| ≤ 2.5e5 milli-°C times at most
    /// <see cref="SamplesMax"/> samples stay far inside 2^63. Means: pressure in Pa, temperature in
    /// Q8 milli-°C (value · 256), both rounded half away from zero; a block of one sample gives back
    /// its sample exactly.
    /// </remarks>
    public sealed class DecisionBlock
    {
        /// <summary>Longest block (the validator keeps decisionBlockMs within it).</summary>
        public const int SamplesMax = 6000;

        private int samplesPerBlock = 1;
        private long pressureSumPa;
        private long tempSumMilliC;
        private int count;

        /// <summary>Mean pressure of the block just completed (Pa).</summary>
        public int PressurePa { get; private set; }

        /// <summary>Mean coolant temperature of the block just completed (Q8 milli-°C).</summary>
        public long TempQ8 { get; private set; }

        public int SamplesPerBlock => samplesPerBlock;

        public void Configure(int samplesPerBlock)
        {
            this.samplesPerBlock = FixedMath.Clamp(samplesPerBlock, 1, SamplesMax);
            Reset();
        }

        public void Reset()
        {
            pressureSumPa = 0;
            tempSumMilliC = 0;
            count = 0;
            PressurePa = 0;
            TempQ8 = 0;
        }

        /// <summary>Adds one sample; true when it completes a block (its means are then ready).</summary>
        public bool Add(int pressurePa, int tempMilliC)
        {
            pressureSumPa += pressurePa;
            tempSumMilliC += tempMilliC;
            count++;
            if (count < samplesPerBlock)
            {
                return false;
            }

            PressurePa = (int)FixedMath.DivRound(pressureSumPa, count);
            TempQ8 = FixedMath.DivRound(tempSumMilliC << 8, count);
            pressureSumPa = 0;
            tempSumMilliC = 0;
            count = 0;
            return true;
        }
    }
}
