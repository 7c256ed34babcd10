namespace ThermalMonitor.Report.Tests;

/// <summary>Deterministic synthetic replays for the tests and the sample report.</summary>
internal static class SyntheticTraces
{
    public const double OrbitS = 5574; // 92.9 min

    /// <summary>
    /// A replay shaped like a small leak: 250 kPa loop breathing with the orbit, a leak from
    /// <paramref name="onsetS"/> decaying towards vapour pressure, a CUSUM on the residual, a caution
    /// when the CUSUM crosses its threshold and a warning at a 150 kPa red limit. Also a 30 s
    /// pressure dropout (NaN) at 1 h and a one-sample glitch at 0.5 h.
    /// </summary>
    public static ReplayTrace SmallLeak(
        string name = "Soyuz MS-22 style (0.8 mm)", double durationS = 6 * 3600, double rateHz = 10,
        double? onsetS = 2 * 3600, bool withAlarms = true)
    {
        int n = (int)(durationS * rateHz) + 1;
        var t = new double[n];
        var p = new double[n];
        var temp = new double[n];
        var residual = new double[n];
        var statistic = new double[n];
        var random = new Random(1234);
        const double sigmaKpa = 0.3;
        const double k = 0.5;
        const double h = 20;
        double s = 0;
        double? cautionS = null;
        double? warningS = null;
        for (int i = 0; i < n; i++)
        {
            double ti = i / rateHz;
            t[i] = ti;
            double phase = 2 * Math.PI * ti / OrbitS;
            double thermal = 3.0 * Math.Sin(phase - 0.6);
            double leak = onsetS is double o && ti >= o ? (250 - 60) * (1 - Math.Exp(-(ti - o) / 2400)) : 0;
            double noise = Gaussian(random) * sigmaKpa;
            p[i] = 250 + thermal - leak + noise;
            temp[i] = 18 + 4 * Math.Sin(phase - 0.9) + (Gaussian(random) * 0.05);
            residual[i] = -leak + noise;
            s = Math.Max(0, s + (-residual[i] / sigmaKpa) - k);
            statistic[i] = 100 * s / h;
            if (withAlarms && onsetS is double o2 && ti >= o2)
            {
                if (cautionS is null && statistic[i] >= 100)
                {
                    cautionS = ti;
                }

                if (warningS is null && p[i] < 150)
                {
                    warningS = ti;
                }
            }
        }

        // Glitch and dropout (before the onset).
        int glitch = (int)(0.5 * 3600 * rateHz);
        if (glitch < n)
        {
            p[glitch] += 15;
        }

        for (int i = (int)(3600 * rateHz); i < Math.Min(n, (int)(3630 * rateHz)); i++)
        {
            p[i] = double.NaN;
            residual[i] = double.NaN;
            statistic[i] = double.NaN;
        }

        var alarms = new List<TraceAlarm>();
        if (cautionS is double c)
        {
            alarms.Add(new TraceAlarm(1, "DEPRESSURIZATION", "CAUTION", "pressure", "CUSUM", c, null));
        }

        if (warningS is double w)
        {
            alarms.Add(new TraceAlarm(2, "DEPRESSURIZATION", "WARNING", "pressure", "RED_LIMIT", w, null));
        }

        return new ReplayTrace
        {
            ProfileName = name,
            Target = "sil",
            Description = "Synthetic test trace: 250 kPa loop on a 92.9 min orbit, leak decaying towards 60 kPa, σ = 0.3 kPa noise, a 15 kPa one-sample glitch at 30 min and a 30 s pressure dropout at 1 h.",
            LeakOnsetS = onsetS,
            TimeS = t,
            PressureKpa = p,
            TempC = temp,
            ResidualKpa = residual,
            StatisticPercent = statistic,
            Alarms = alarms,
        };
    }

    /// <summary>A tiny hand-made trace: <paramref name="pressure"/> at 1 Hz, other channels constant.</summary>
    public static ReplayTrace Tiny(double[] pressure, double? onsetS = null, IReadOnlyList<TraceAlarm>? alarms = null, string name = "tiny")
    {
        int n = pressure.Length;
        return new ReplayTrace
        {
            ProfileName = name,
            Target = "virtual",
            LeakOnsetS = onsetS,
            TimeS = [.. Enumerable.Range(0, n).Select(i => (double)i)],
            PressureKpa = pressure,
            TempC = [.. Enumerable.Repeat(20.0, n)],
            ResidualKpa = [.. Enumerable.Repeat(0.0, n)],
            StatisticPercent = [.. Enumerable.Repeat(10.0, n)],
            Alarms = alarms ?? [],
        };
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
