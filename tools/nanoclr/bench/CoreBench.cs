// Benchmark of the portable core on the nanoCLR (tools/nanoclr/bench.sh compiles and runs it).
// nanoFramework C# 9: no generics, no Stopwatch in mscorlib - time with DateTime.UtcNow.Ticks (100 ns)
// over many repetitions.
using System;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Board;
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

        private const uint WarmupSeed = 271828;

        private static uint rng = 12345;

        private static readonly MonitorEvent Drained = new MonitorEvent();

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

        /// <summary>A default monitor after <see cref="Warmup"/> synthesized samples (deterministic: every call gives the same state).</summary>
        private static LeakMonitor Warmed(RawSample scratch)
        {
            uint saved = rng;
            rng = WarmupSeed;
            var warmed = new LeakMonitor();
            for (int i = 0; i < Warmup; i++)
            {
                Synthesize(scratch, i);
                warmed.Step(scratch);
            }

            rng = saved;
            return warmed;
        }

        private static void Report(string what, long ticks, int count)
        {
            // ticks are 100 ns: µs per item = ticks / 10 / count; two decimals (the host's figures
            // are tenths of a µs); a negative difference of noisy totals prints as 0.
            long hundredthsUs = ticks < 0 ? 0 : ticks * 10 / count;
            long fraction = hundredthsUs % 100;
            Console.WriteLine("BENCH " + what + " " + (hundredthsUs / 100).ToString() + "." + (fraction < 10 ? "0" : string.Empty) + fraction.ToString() + " us x" + count.ToString());
        }

        internal static void Run()
        {
            // Pre-generate the samples so that synthesis is not timed.
            RawSample[] samples = new RawSample[Steps];
            for (int i = 0; i < Steps; i++)
            {
                samples[i] = new RawSample();
                Synthesize(samples[i], Warmup + i);
            }

            RawSample sample = new RawSample();
            var monitor = Warmed(sample);

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

            // 4. Detection alone, on the inputs it really got in (1): a twin monitor, warmed the same
            //    way, steps the timed samples untimed and records what its detector was given; a
            //    third, warmed too, has its detector in the state the timed one started from, and
            //    is fed those inputs (so the slow path closes its blocks and learns as in Step).
            var recorder = Warmed(sample);
            int[] pressureInputsPa = new int[Steps];
            int[] tempInputsMilliC = new int[Steps];
            bool[] pressureAccepted = new bool[Steps];
            bool[] tempAccepted = new bool[Steps];
            for (int i = 0; i < Steps; i++)
            {
                recorder.Step(samples[i]);
                pressureInputsPa[i] = recorder.Telemetry.PressurePa;
                tempInputsMilliC[i] = recorder.Telemetry.TempMilliC;
                pressureAccepted[i] = recorder.Telemetry.IsAccepted(ChannelId.Pressure);
                tempAccepted[i] = recorder.Telemetry.IsAccepted(ChannelId.Temperature);
            }

            var detector = Warmed(sample).Detector;
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Steps; i++)
            {
                detector.Update(pressureAccepted[i], pressureInputsPa[i], tempAccepted[i], tempInputsMilliC[i]);
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

            // 6. One line broken down, INJ (bursts) and INJR (reduced bursts): the pieces driven
            // directly on a port that behaves like the driver (BenchPort), with noisy samples that
            // continue the warmed monitor's history, so Step costs what it costs in service.
            int burst = monitor.Derived.BurstLength;
            int cycle = Warmup + Steps;
            byte[][] injLines = NoisyLines(false, cycle, burst, derived);
            byte[][] injrLines = NoisyLines(true, cycle + InjLines, burst, derived);
            Console.WriteLine("BENCH line_bytes inj " + injLines[0].Length.ToString() + " injr " + injrLines[0].Length.ToString());
            sink += Breakdown("inj", injLines, false, burst, monitor);
            sink += Breakdown("injr", injrLines, true, burst, monitor);

            // The same kind of lines whole, through a BoardLink around the warmed monitor on the
            // driver-like port, telemetry off as in a replay: what a line costs the board.
            var boardPort = new BenchPort();
            var board = new BoardLink(monitor, new SyntaxErrorConfigReader(), new BoardInfo("bench", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), boardPort, null);
            board.Start(0, LinkMode.Replay);
            boardPort.Load(LinkLines.Ascii(LinkLines.Frame("2 TLM 0") + "\r\n"));
            board.Service(0);
            sink += BoardLines("inj", board, boardPort, NoisyLines(false, cycle + (2 * InjLines), burst, derived));
            sink += BoardLines("injr", board, boardPort, NoisyLines(true, cycle + (3 * InjLines), burst, derived));
            Console.WriteLine("BENCH events_pending_after_breakdown " + monitor.Events.Count.ToString() + " invariant_failures " + monitor.Telemetry.InvariantFailures.ToString()
                + " injected " + board.SamplesInjected.ToString() + " rejected " + board.LinesRejected.ToString());

            // 7. The same INJR as a whole line through LinkLines (the test port and its ASCII work, as inj_line_total).
            string[] reducedTexts = new string[InjLines];
            for (int i = 0; i < InjLines; i++)
            {
                int timeMs = (InjLines + i) * BenchCounts.PeriodMs;
                reducedTexts[i] = LinkLines.Frame("24 INJR " + timeMs.ToString()
                    + " " + ReducedToken((BenchCounts.Pressure250kPa + (i & 3)) << 8, 0, 0)
                    + " " + ReducedToken(BenchCounts.Temp25C << 8, 0, 0)
                    + " " + ReducedToken(BenchCounts.Supply5V << 8, 0, 0)) + "\r\n";
            }

            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < InjLines; i++)
            {
                last = LinkLines.Raw(link, reducedTexts[i]);
            }

            long injrTicks = DateTime.UtcNow.Ticks - t0;
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < InjLines; i++)
            {
                sink += LinkLines.Ascii(reducedTexts[i]).Length;
            }

            asciiTicks = DateTime.UtcNow.Ticks - t0;
            Console.WriteLine("BENCH injr_last_reply " + LinkLines.Body(LinkLines.Last(last)));
            Report("injr_line_total", injrTicks, InjLines);
            Report("injr_line_without_test_side_ascii", injrTicks - asciiTicks, InjLines);
            Console.WriteLine("BENCH sink " + sink.ToString());
        }

        /// <summary>Framed INJ or INJR lines of the noisy samples of <see cref="InjLines"/> cycles from <paramref name="firstCycle"/>.</summary>
        private static byte[][] NoisyLines(bool reduced, int firstCycle, int burst, DerivedSettings derived)
        {
            byte[][] lines = new byte[InjLines][];
            var reducer = new BurstReducer();
            RawSample fill = new RawSample();
            for (int i = 0; i < InjLines; i++)
            {
                Synthesize(fill, firstCycle + i);
                string content = reduced
                    ? "23 INJR " + fill.TimestampMs.ToString() + ReducedTokens(fill, burst, reducer, derived)
                    : "23 INJ " + fill.TimestampMs.ToString() + BurstTokens(fill, burst);
                lines[i] = LinkLines.Ascii(LinkLines.Frame(content) + "\r\n");
            }

            return lines;
        }

        /// <summary>Whole lines through the board (receive to reply, with what Step sends), per line.</summary>
        private static int BoardLines(string form, BoardLink board, BenchPort port, byte[][] lines)
        {
            long written = port.WrittenBytes;
            long t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < lines.Length; i++)
            {
                port.Load(lines[i]);
                board.Service(0);
            }

            long ticks = DateTime.UtcNow.Ticks - t0;
            Report(form + "_line_board", ticks, lines.Length);
            return (int)(port.WrittenBytes - written);
        }

        /// <summary>" ppp… ttt… sss…": the sample's bursts as INJ carries them.</summary>
        private static string BurstTokens(RawSample sample, int burst)
        {
            string text = string.Empty;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                int[] reads = sample.ReadsCounts((ChannelId)channel);
                string token = string.Empty;
                for (int i = 0; i < burst; i++)
                {
                    token += reads[i].ToString("X3");
                }

                text += " " + token;
            }

            return text;
        }

        /// <summary>" QQQQQSSSRR …": the sample's bursts reduced as the host does for INJR.</summary>
        private static string ReducedTokens(RawSample sample, int burst, BurstReducer reducer, DerivedSettings derived)
        {
            string text = string.Empty;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                if (!reducer.Reduce(sample.ReadsCounts((ChannelId)channel), burst, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts))
                {
                    throw new Exception("bench burst does not reduce");
                }

                text += " " + ReducedToken(reducer.CountsQ8, reducer.SpreadCounts, reducer.RejectedCount);
            }

            return text;
        }

        private static string ReducedToken(int countsQ8, int spreadCounts, int rejectedCount) =>
            countsQ8.ToString("X5") + spreadCounts.ToString("X3") + rejectedCount.ToString("X2");

        /// <summary>
        /// Times one kind of line in four pieces: (a) receive, framing and check (LineTransport on
        /// the driver-like port), (b) the parse of sequence, command and arguments into a sample
        /// (LineCursor and InjectArguments, as BoardLink and the handler run them), (c) Step of the
        /// parsed samples on the warmed monitor, (d) the OK reply (Replies on the transport).
        /// </summary>
        private static int Breakdown(string form, byte[][] lines, bool reduced, int burst, LeakMonitor monitor)
        {
            int count = lines.Length;
            int sink = 0;
            var port = new BenchPort();
            var transport = new LineTransport(port);

            // Empty loop over the same port loads, for subtraction.
            long t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                port.Load(lines[i]);
                sink += port.ReceiveBufferBytes;
            }

            long loadTicks = DateTime.UtcNow.Ticks - t0;

            // (a) receive + framing + check; the texts are kept for (b).
            byte[][] texts = new byte[count][];
            int[] textLengths = new int[count];
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                port.Load(lines[i]);
                if (!transport.TryTakeLine() || transport.Fault != LinkError.None)
                {
                    throw new Exception(form + " line " + i.ToString() + " not framed: " + ((int)transport.Fault).ToString());
                }

                sink += transport.TextLength;
            }

            long frameTicks = DateTime.UtcNow.Ticks - t0 - loadTicks;
            for (int i = 0; i < count; i++)
            {
                port.Load(lines[i]);
                transport.TryTakeLine();
                textLengths[i] = transport.TextLength;
                texts[i] = new byte[textLengths[i]];
                Array.Copy(transport.Line, texts[i], textLengths[i]);
            }

            // (b) parse, as BoardLink.ProcessLine, the dispatcher and the handler do it.
            var cursor = new LineCursor();
            RawSample[] parsed = new RawSample[count];
            for (int i = 0; i < count; i++)
            {
                parsed[i] = new RawSample();
            }

            string name = reduced ? LinkDictionary.InjectReduced : LinkDictionary.Inject;
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                RawSample into = parsed[i];
                cursor.Reset(texts[i], textLengths[i]);
                int got;
                long timeMs = -1;
                bool ok = cursor.Next() && cursor.TryParseInt(0, int.MaxValue, out int reference) && cursor.Next() && cursor.TokenIs(name)
                    && cursor.Next() && cursor.TryParseLong(0, long.MaxValue / 2, out timeMs);
                into.TimestampMs = timeMs;
                for (int channel = 0; ok && channel < Channels.Count; channel++)
                {
                    int result = reduced
                        ? InjectArguments.Reduced(cursor, into, (ChannelId)channel, burst, out got)
                        : InjectArguments.Bursts(cursor, into, (ChannelId)channel, burst, out got);
                    ok = result == InjectArguments.Parsed;
                }

                if (!ok || cursor.Next())
                {
                    throw new Exception(form + " line " + i.ToString() + " does not parse");
                }
            }

            long parseTicks = DateTime.UtcNow.Ticks - t0;
            // (c) Step of what was parsed.
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                monitor.Step(parsed[i]);
            }

            long stepTicks = DateTime.UtcNow.Ticks - t0;
            while (monitor.Events.Count > 0)
            {
                monitor.TryDequeueEvent(Drained);
            }

            // (d) the OK reply.
            var replies = new Replies(transport, cursor);
            t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                replies.Ok(23);
            }

            long replyTicks = DateTime.UtcNow.Ticks - t0;
            Report(form + "_a_receive_frame_check", frameTicks, count);
            Report(form + "_b_parse", parseTicks, count);
            Report(form + "_c_step", stepTicks, count);
            Report(form + "_d_reply_ok", replyTicks, count);
            Report(form + "_sum_abcd", frameTicks + parseTicks + stepTicks + replyTicks, count);
            Report(form + "_overhead_abd", frameTicks + parseTicks + replyTicks, count);
            return sink + (int)(port.WrittenBytes & 0xFFFF);
        }
    }
}
