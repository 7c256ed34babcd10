// Benchmark of the portable core on the nanoCLR (tools/nanoclr/bench.sh compiles and runs it).
// nanoFramework C# 9: no generics, no Stopwatch in mscorlib - time with DateTime.UtcNow.Ticks (100 ns)
// over many repetitions.
using System;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Device.Tests;

namespace ThermalMonitor.NanoBench
{
    public static class CoreBench
    {
        private const int Warmup = 60000;    // 100 min of history: past modelWarmupS (5600 s), the model decides
        private const int Steps = 3000;      // 5 minutes of samples at 100 ms
        private const int InjLines = 200;

        private static uint rng = 12345;

        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                Console.WriteLine("BENCH FAILED " + e.GetType().FullName + ": " + e.Message);
            }
        }

        /// <summary>Deterministic noise in [-range, range] (LCG, Numerical Recipes constants).</summary>
        private static int Noise(int range)
        {
            rng = rng * 1664525u + 1013904223u;
            return (int)((rng >> 16) % (uint)(2 * range + 1)) - range;
        }

        /// <summary>A healthy loop: pressure near 250 kPa breathing with temperature, ±3 counts of read noise, a rare spike.</summary>
        private static void Synthesize(RawSample sample, int cycle)
        {
            sample.TimestampMs = (long)cycle * BenchCounts.PeriodMs;
            int slow = (cycle % 600) < 300 ? (cycle % 300) / 30 : 10 - (cycle % 300) / 30; // 0..10..0 over a minute
            FillNoisy(sample, ChannelId.Pressure, BenchCounts.Pressure250kPa + slow, 3, cycle);
            FillNoisy(sample, ChannelId.Temperature, BenchCounts.Temp25C - 2 * slow, 2, cycle);
            FillNoisy(sample, ChannelId.Supply, BenchCounts.Supply5V, 2, cycle);
        }

        private static void FillNoisy(RawSample sample, ChannelId channel, int counts, int range, int cycle)
        {
            int[] reads = sample.ReadsCounts(channel);
            for (int i = 0; i < BenchCounts.BurstLength; i++)
            {
                reads[i] = counts + Noise(range);
            }

            if (cycle % 97 == 0)
            {
                reads[cycle % BenchCounts.BurstLength] = counts + 400; // an ADC glitch for the outlier band
            }

            sample.SetReads(channel, BenchCounts.BurstLength);
        }

        private static void Report(string what, long ticks, int count)
        {
            // ticks are 100 ns: µs per item = ticks / 10 / count; print with one decimal.
            long tenthsUs = ticks / count;
            Console.WriteLine("BENCH " + what + " " + (tenthsUs / 10).ToString() + "." + (tenthsUs % 10).ToString() + " us x" + count.ToString());
        }

        private static void Run()
        {
            // Pre-generate the samples so that synthesis is not timed.
            RawSample[] samples = new RawSample[Steps];
            for (int i = 0; i < Steps; i++)
            {
                samples[i] = new RawSample();
                Synthesize(samples[i], Warmup + i);
            }

            RawSample sample = new RawSample();
            var monitor = new LeakMonitor();
            for (int i = 0; i < Warmup; i++)
            {
                Synthesize(sample, i);
                monitor.Step(sample);
            }

            Console.WriteLine("BENCH model_ready " + (monitor.Telemetry.ModelReady ? "yes" : "no") + " samples " + monitor.Telemetry.SampleCount.ToString()
                + " p_pa " + monitor.Telemetry.PressurePa.ToString() + " t_mc " + monitor.Telemetry.TempMilliC.ToString());

            // Empty loop: the cost of the loop and array access alone.
            long t0 = DateTime.UtcNow.Ticks;
            int sink = 0;
            for (int i = 0; i < Steps; i++)
            {
                sink += samples[i].ReadCount(ChannelId.Pressure);
            }

            long loopTicks = DateTime.UtcNow.Ticks - t0;

            // 1. Whole Step.
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Steps; i++)
            {
                monitor.Step(samples[i]);
            }

            long stepTicks = DateTime.UtcNow.Ticks - t0;
            Report("step", stepTicks - loopTicks, Steps);
            Console.WriteLine("BENCH events_pending " + monitor.Events.Count.ToString() + " invariant_failures " + monitor.Telemetry.InvariantFailures.ToString());

            // 2. Burst reduction alone: three channels, same settings as the monitor.
            DerivedSettings derived = monitor.Derived;
            var reducer = new BurstReducer();
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Steps; i++)
            {
                RawSample s = samples[i];
                reducer.Reduce(s.ReadsCounts(ChannelId.Supply), BenchCounts.BurstLength, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts);
                reducer.Reduce(s.ReadsCounts(ChannelId.Pressure), BenchCounts.BurstLength, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts);
                reducer.Reduce(s.ReadsCounts(ChannelId.Temperature), BenchCounts.BurstLength, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts);
            }

            long burstTicks = DateTime.UtcNow.Ticks - t0 - loopTicks;
            Report("stage_burst_reduction_3ch", burstTicks, Steps);

            // 3. Conversion alone: counts -> pin µV (3 channels), supply divider, pressure transducer, NTC.
            var config = new MonitorConfig();
            monitor.CopyConfigTo(config);
            var calibration = new AdcCalibration();
            calibration.Load(config.AdcCalCounts, config.AdcCalMicrovolts, config.Get(ParamId.AdcCalKnotCount));
            var transducer = new PressureTransducer();
            transducer.Configure(config.Get(ParamId.PressureDividerPpm), config.Get(ParamId.PressureZeroPpm), config.Get(ParamId.PressureSpanPpm),
                config.Get(ParamId.PressureFullScalePa), config.Get(ParamId.PressureZeroOffsetPa));
            NtcThermistorTable ntc = monitor.Ntc;
            int pressureQ8 = BenchCounts.Pressure250kPa << 8, tempQ8 = BenchCounts.Temp25C << 8, supplyQ8 = BenchCounts.Supply5V << 8;
            int supplyDivider = config.Get(ParamId.SupplyDividerPpm);
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Steps; i++)
            {
                int j = i & 15;
                int supplyUv = VoltageDivider.SourceMicrovolts(calibration.ToMicrovolts(supplyQ8 + j), supplyDivider);
                sink += transducer.PressurePa(transducer.OutputRatioPpb(calibration.ToMicrovolts(pressureQ8 + j), supplyUv));
                sink += ntc.TempMilliC(ntc.RatioQ20(calibration.ToMicrovolts(tempQ8 + j)));
            }

            long convTicks = DateTime.UtcNow.Ticks - t0 - loopTicks;
            Report("stage_conversion", convTicks, Steps);

            // 4. Detection alone: the (already timed) monitor's detector fed values like the ones it saw.
            int pressurePa = monitor.Telemetry.PressurePa, tempMilliC = monitor.Telemetry.TempMilliC;
            var detector = monitor.Detector;
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Steps; i++)
            {
                detector.Update(true, pressurePa + (i & 63) - 32, true, tempMilliC + (i & 31));
            }

            long detectTicks = DateTime.UtcNow.Ticks - t0 - loopTicks;
            Report("stage_detection", detectTicks, Steps);
            long rest = stepTicks - loopTicks - burstTicks - convTicks - detectTicks;
            Report("stage_rest_validation_alarms_telemetry", rest < 0 ? 0 : rest, Steps);

            // 5. One INJ line through BoardLink (framing check, parse 96 hex reads, Step, reply).
            var link = LinkLines.Open(new LeakMonitor(), new SyntaxErrorConfigReader());
            link.Start(0, LinkMode.Replay);
            LinkLines.Take(link);
            LinkLines.Command(link, "1 MODE REPLAY");
            string[] lines = new string[InjLines];
            for (int i = 0; i < InjLines; i++)
            {
                int timeMs = i * BenchCounts.PeriodMs;
                lines[i] = LinkLines.Frame("23 INJ " + timeMs.ToString()
                    + " " + LinkLines.Reads(BenchCounts.Pressure250kPa + (i & 3), BenchCounts.BurstLength)
                    + " " + LinkLines.Reads(BenchCounts.Temp25C, BenchCounts.BurstLength)
                    + " " + LinkLines.Reads(BenchCounts.Supply5V, BenchCounts.BurstLength)) + "\r\n";
            }

            // LinkLines.Raw converts the text to bytes and splits the reply into strings: time that
            // host-side work on its own and subtract it.
            string[] last = null;
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < InjLines; i++)
            {
                last = LinkLines.Raw(link, lines[i]);
            }

            long injTicks = DateTime.UtcNow.Ticks - t0;
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < InjLines; i++)
            {
                sink += LinkLines.Ascii(lines[i]).Length;
            }

            long asciiTicks = DateTime.UtcNow.Ticks - t0;
            Console.WriteLine("BENCH inj_last_reply " + LinkLines.Body(LinkLines.Last(last)));
            Report("inj_line_total", injTicks, InjLines);
            Report("inj_line_without_test_side_ascii", injTicks - asciiTicks, InjLines);
            Console.WriteLine("BENCH sink " + sink.ToString());
        }
    }
}
