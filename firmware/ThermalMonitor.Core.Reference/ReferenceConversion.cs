using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;

namespace ThermalMonitor.Core.Reference;

/// <summary>Counts → volts → engineering units with exact formulas in double.</summary>
public sealed class ReferenceConversion(MonitorConfig config)
{
    private readonly int knotCount = config.Get(ParamId.AdcCalKnotCount);

    /// <summary>Trimmed mean of the burst in counts (not rounded) plus the integer statistics.</summary>
    public static bool Reduce(int[] reads, int count, int trim, int outlierBand, out double meanCounts, out int spread, out int rejected)
    {
        meanCounts = 0;
        spread = 0;
        rejected = 0;
        Span<int> sorted = stackalloc int[count];
        reads.AsSpan(0, count).CopyTo(sorted);
        foreach (int read in sorted)
        {
            if (read < 0 || read > 4095)
            {
                return false;
            }
        }

        if (count <= 2 * trim)
        {
            return false;
        }

        sorted.Sort();
        Span<int> kept = sorted[trim..(count - trim)];
        double sum = 0;
        foreach (int read in kept)
        {
            sum += read;
        }

        meanCounts = sum / kept.Length;
        spread = kept[^1] - kept[0];
        int median = sorted[(count - 1) / 2];
        foreach (int read in sorted)
        {
            if (Math.Abs(read - median) > outlierBand)
            {
                rejected++;
            }
        }

        return true;
    }

    public double PinMicrovolts(double counts)
    {
        int segment = 0;
        while (segment < knotCount - 2 && counts >= config.AdcCalCounts[segment + 1])
        {
            segment++;
        }

        double c0 = config.AdcCalCounts[segment];
        double c1 = config.AdcCalCounts[segment + 1];
        double v0 = config.AdcCalMicrovolts[segment];
        double v1 = config.AdcCalMicrovolts[segment + 1];
        return v0 + (counts - c0) * (v1 - v0) / (c1 - c0);
    }

    public double SupplyMicrovolts(double pinMicrovolts) =>
        pinMicrovolts * VoltageDivider.PpmOne / config.Get(ParamId.SupplyDividerPpm);

    /// <summary>Transducer output as a fraction of its supply.</summary>
    public double PressureRatio(double pinMicrovolts, double supplyMicrovolts) =>
        pinMicrovolts * VoltageDivider.PpmOne / config.Get(ParamId.PressureDividerPpm) / supplyMicrovolts;

    public double PressurePa(double ratio) =>
        config.Get(ParamId.PressureZeroOffsetPa)
        + (ratio * 1e6 - config.Get(ParamId.PressureZeroPpm)) * config.Get(ParamId.PressureFullScalePa) / config.Get(ParamId.PressureSpanPpm);

    public double NtcRatio(double pinMicrovolts) => pinMicrovolts / config.Get(ParamId.NtcSupplyMicrovolts);

    /// <summary>Exact beta or Steinhart–Hart temperature, clamped to the firmware table's range.</summary>
    public double TempMilliC(double ratio)
    {
        const double edge = 32.0 / 65536;
        double x = Math.Clamp(ratio, edge, 1 - edge);
        double resistance = config.Get(ParamId.NtcSeriesOhm) * x / (1 - x);
        double tempK;
        if (config.Get(ParamId.NtcModel) == (int)NtcModel.Beta)
        {
            double beta = config.Get(ParamId.NtcBetaK);
            tempK = 1 / (1 / 298.15 + Math.Log(resistance / config.Get(ParamId.NtcR25Ohm)) / beta);
        }
        else
        {
            double ln = Math.Log(resistance);
            tempK = 1 / ((config.Get(ParamId.NtcShAPico) + config.Get(ParamId.NtcShBPico) * ln + config.Get(ParamId.NtcShCPico) * ln * ln * ln) * 1e-12);
        }

        double tempMilliC = (tempK - 273.15) * 1000;
        return double.IsFinite(tempMilliC) && tempK > 0
            ? Math.Clamp(tempMilliC, NtcThermistorTable.TempMinMilliC, NtcThermistorTable.TempMaxMilliC)
            : NtcThermistorTable.TempMaxMilliC;
    }
}
