using nanoFramework.TestFramework;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// The serial protocol's board end (PROTOCOL.md) on the interpreter: the line check, the
    /// allocation-free line writer and token cursor, and <see cref="BoardLink"/> answering framed
    /// commands. One link is built in [Setup]; each link test starts a new session with MODE REPLAY.
    /// </summary>
    [TestClass]
    public class ProtocolCodecTests
    {
        private static LeakMonitor monitor;
        private static SyntaxErrorConfigReader reader;
        private static BoardLink link;

        [Setup]
        public void StartBoard()
        {
            monitor = new LeakMonitor();
            reader = new SyntaxErrorConfigReader();
            link = LinkLines.Open(monitor, reader);
            link.Start(0, LinkMode.Replay);
            string[] boot = LinkLines.Take(link);
            Assert.IsTrue(boot.Length == 2, "power-on HELLO and BOOT, got " + boot.Length.ToString() + " lines");
            Assert.StartsWith("HELLO - proto=2 ", LinkLines.Body(boot[0]));
        }

        [Cleanup]
        public void StopBoard()
        {
            link = null;
            reader = null;
            monitor = null;
        }

        [TestMethod]
        public void Crc_check_value_of_123456789_is_29B1()
        {
            byte[] check = LinkLines.Ascii("123456789");
            Assert.AreEqual(0x29B1, LineCrc.Compute(check, 0, check.Length));
        }

        [TestMethod]
        [DataRow("1 HELLO", 0x7DF0)]
        [DataRow("1 STATUS", 0x7D7D)]
        [DataRow("16 STATUS", 0x8C08)]
        [DataRow("A", 0xB915)]
        [DataRow("", 0xFFFF)]
        public void Crc_of_protocol_examples(string content, int expected)
        {
            Assert.AreEqual(expected, LineCrc.Compute(LinkLines.Ascii(content), 0, content.Length), "check of \"" + content + "\"");
        }

        [TestMethod]
        public void Crc_byte_by_byte_equals_crc_of_the_range()
        {
            byte[] bytes = LinkLines.Ascii("xx7 STATUS now*yy");
            int crc = LineCrc.Initial;
            for (int i = 2; i < 14; i++)
            {
                crc = LineCrc.Update(crc, bytes[i]);
            }

            Assert.AreEqual(LineCrc.Compute(bytes, 2, 12), crc);
            Assert.AreEqual(LineCrc.Compute(LinkLines.Ascii("7 STATUS now"), 0, 12), crc);
        }

        [TestMethod]
        public void Crc_changes_for_every_single_bit_error()
        {
            byte[] bytes = LinkLines.Ascii("42 ACK 7");
            int good = LineCrc.Compute(bytes, 0, bytes.Length);
            for (int i = 0; i < bytes.Length; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    bytes[i] ^= (byte)(1 << bit);
                    int corrupted = LineCrc.Compute(bytes, 0, bytes.Length);
                    bytes[i] ^= (byte)(1 << bit);
                    if (corrupted == good)
                    {
                        Assert.AreNotEqual(good, corrupted, "byte " + i.ToString() + " bit " + bit.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void LineWriter_writes_fields_and_a_valid_check()
        {
            LineWriter writer = new LineWriter(LineTransport.OutgoingLineBytesMax);
            writer.Begin(7, "OK");
            writer.Field("alarm", 42);
            writer.Field("t", -1234567890123L);
            writer.Field("min", long.MinValue);
            writer.Field("text", "tab\there");
            writer.Finish();

            string line = LinkLines.Line(writer);
            Assert.AreEqual("7 OK alarm=42 t=-1234567890123 min=-9223372036854775808 text=tab?here", LinkLines.Content(line), "non-printable bytes become '?'");
            Assert.IsTrue(LinkLines.HasValidCheck(line), "check of " + line);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void LineWriter_cuts_an_overlong_line_and_keeps_it_well_formed()
        {
            LineWriter writer = new LineWriter(32);
            writer.Begin(1, "ERR");
            writer.Field("msg", "this text is much longer than the line can hold");
            writer.Finish();

            string line = LinkLines.Line(writer);
            Assert.IsTrue(writer.Overflowed, "overflow reported");
            Assert.AreEqual(32, writer.Length, "cut to the buffer, CR LF included");
            Assert.IsTrue(LinkLines.HasValidCheck(line), "check of " + line);
        }

        [TestMethod]
        public void LineCursor_reads_tokens_and_bounded_numbers()
        {
            byte[] bytes = LinkLines.Ascii("12  TLM 0042 -7 99999999999999999999 -9223372036854775808");
            LineCursor cursor = new LineCursor();
            cursor.Reset(bytes, bytes.Length);

            Assert.IsTrue(cursor.Next());
            Assert.IsTrue(cursor.TryParseInt(0, int.MaxValue, out int sequence));
            Assert.AreEqual(12, sequence);
            Assert.IsTrue(cursor.Next());
            Assert.IsTrue(cursor.TokenIs("TLM"), "runs of spaces separate tokens");
            Assert.IsTrue(cursor.Next());
            Assert.IsTrue(cursor.TryParseInt(0, 100, out int leadingZeros));
            Assert.AreEqual(42, leadingZeros);
            Assert.IsTrue(cursor.Next());
            Assert.IsFalse(cursor.TryParseInt(0, 100, out int _), "-7 is below the range");
            Assert.IsTrue(cursor.Next());
            Assert.IsFalse(cursor.TryParseLong(long.MinValue, long.MaxValue, out long _), "beyond 64 bits");
            Assert.IsTrue(cursor.Next());
            Assert.IsTrue(cursor.TryParseLong(long.MinValue, long.MaxValue, out long smallest));
            Assert.AreEqual(long.MinValue, smallest);
            Assert.IsFalse(cursor.Next(), "end of line");
            Assert.AreEqual(6, cursor.TokenIndex);
        }

        [TestMethod]
        public void Hello_gets_a_hello_reply()
        {
            NewSession();
            string[] lines = LinkLines.Command(link, "5 HELLO");

            Assert.AreEqual(1, lines.Length, "one reply, no alarm owed");
            string body = LinkLines.Body(lines[0]);
            Assert.StartsWith("HELLO 5 proto=2 fw=" + LinkDictionary.FirmwareVersion + " board=test ", body);
            Assert.Contains(" mode=REPLAY ", body);
            Assert.Contains(" burst=32 period_ms=100", body);
            Assert.IsTrue(LinkLines.HasValidCheck(lines[0]), "check of " + lines[0]);
        }

        [TestMethod]
        public void A_bad_check_is_refused_with_the_check_expected()
        {
            NewSession();
            int rejectedBefore = link.LinesRejected;
            string[] lines = LinkLines.Raw(link, "16 STATUS*FFFF\r\n");

            Assert.AreEqual("ERR - BAD_CHECKSUM expected=8C08", LinkLines.Body(LinkLines.Last(lines)));
            Assert.AreEqual((int)LinkError.BadChecksum, (int)link.LastError);
            Assert.AreEqual(rejectedBefore + 1, link.LinesRejected);
            Assert.IsTrue(LinkLines.HasValidCheck(LinkLines.Last(lines)), "the refusal carries its own check");
        }

        [TestMethod]
        public void A_line_without_a_check_is_refused_unless_it_only_reads()
        {
            NewSession();
            string[] lines = LinkLines.Raw(link, "17 TLM 250\r\n");
            Assert.AreEqual("ERR - NO_CHECKSUM expected=372E msg=send \"17 TLM 250*372E\" to carry this out; only HELLO, STATUS, ALARMS and CFG GET go without a check", LinkLines.Body(LinkLines.Last(lines)));

            lines = LinkLines.Raw(link, "STATUS\r\n");
            Assert.StartsWith("STATUS 0 ", LinkLines.Body(LinkLines.Last(lines)));
        }

        [TestMethod]
        public void An_unknown_command_is_refused_by_name()
        {
            NewSession();
            string[] lines = LinkLines.Command(link, "16 REBOOT");
            Assert.AreEqual("ERR 16 UNKNOWN_COMMAND got=REBOOT", LinkLines.Body(LinkLines.Last(lines)));
        }

        [TestMethod]
        public void Inj_steps_the_monitor()
        {
            NewSession();
            long samplesBefore = monitor.Telemetry.SampleCount;
            string[] lines = LinkLines.Command(link, Inject(0, BenchCounts.Pressure250kPa, BenchCounts.BurstLength));

            Assert.AreEqual("OK 23", LinkLines.Body(LinkLines.Last(lines)));
            Assert.AreEqual(samplesBefore + 1, monitor.Telemetry.SampleCount, "one sample stepped");
            string telemetry = LinkLines.Find(lines, "TLM ");
            Assert.IsNotNull(telemetry, "first sample of a session sends telemetry");
            Assert.StartsWith("TLM t=0 src=replay n=1 p_pa=2", LinkLines.Body(telemetry));
            Assert.Contains(" st=AAA ", telemetry);
        }

        [TestMethod]
        public void Inj_with_the_wrong_number_of_reads_is_refused_and_steps_nothing()
        {
            NewSession();
            long samplesBefore = monitor.Telemetry.SampleCount;
            string[] lines = LinkLines.Command(link, Inject(0, BenchCounts.Pressure250kPa, BenchCounts.BurstLength - 1));

            Assert.AreEqual("ERR 23 OUT_OF_RANGE arg=pressure expected_reads=32 got=31", LinkLines.Body(LinkLines.Last(lines)));
            Assert.AreEqual(samplesBefore, monitor.Telemetry.SampleCount, "nothing stepped");
        }

        [TestMethod]
        public void Inj_outside_replay_mode_is_the_wrong_mode()
        {
            NewSession();
            Assert.AreEqual("OK 8 mode=LIVE", Prefix(LinkLines.Body(LinkLines.Last(LinkLines.Command(link, "8 MODE LIVE"))), 14));
            string[] lines = LinkLines.Command(link, Inject(0, BenchCounts.Pressure250kPa, BenchCounts.BurstLength));
            Assert.AreEqual("ERR 23 WRONG_MODE need=REPLAY", LinkLines.Body(LinkLines.Last(lines)));
        }

        [TestMethod]
        public void Injr_steps_the_monitor_exactly_as_inj_with_the_bursts_it_was_reduced_from()
        {
            // Noisy bursts, one with an outlier read, and failed channels: every field of INJR is used.
            const int Samples = 12;
            RawSample sample = new RawSample();
            BurstReducer reducer = new BurstReducer();
            string[] bursts = new string[Samples];
            string[] reduced = new string[Samples];
            DerivedSettings derived = monitor.Derived;
            int withRejected = 0;
            for (int i = 0; i < Samples; i++)
            {
                Noisy(sample, ChannelId.Pressure, BenchCounts.Pressure250kPa, i, i % 4 == 1);
                Noisy(sample, ChannelId.Temperature, BenchCounts.Temp25C, i + 100, false);
                Noisy(sample, ChannelId.Supply, BenchCounts.Supply5V, i + 200, false);
                if (i == 7)
                {
                    sample.SetFailed(ChannelId.Temperature, ReadStatus.DriverError);
                }

                string time = (i * 100).ToString();
                bursts[i] = "23 INJ " + time + BurstTokens(sample);
                reduced[i] = "23 INJR " + time + ReducedTokens(sample, reducer, derived, ref withRejected);
            }

            Assert.IsTrue(withRejected > 0, "an outlier read counted as rejected");
            NewSession();
            string[] burstLines = Run(bursts);
            int[] burstSpreads = Copy(monitor.Telemetry.SpreadCounts);
            int[] burstRejected = Copy(monitor.Telemetry.RejectedReads);
            NewSession();
            string[] reducedLines = Run(reduced);

            Assert.AreEqual(burstLines.Length, reducedLines.Length, "as many lines");
            for (int i = 0; i < burstLines.Length; i++)
            {
                Assert.AreEqual(burstLines[i], reducedLines[i], "line " + i.ToString());
            }

            for (int channel = 0; channel < Channels.Count; channel++)
            {
                Assert.AreEqual(burstSpreads[channel], monitor.Telemetry.SpreadCounts[channel], "spread");
                Assert.AreEqual(burstRejected[channel], monitor.Telemetry.RejectedReads[channel], "rejected reads");
            }

            Assert.AreEqual((long)Samples, monitor.Telemetry.SampleCount);
            Assert.IsTrue(reduced[0].Length * 4 < bursts[0].Length, "INJR is a fraction of INJ");
        }

        [TestMethod]
        [DataRow("23 INJR 100 FFF0100000 A734000700 7B3A000800", "ERR 23 OUT_OF_RANGE arg=pressure min=0 max=1048320 got=1048321")]
        [DataRow("23 INJR 100 56DB500A00 A734000721 7B3A000800", "ERR 23 OUT_OF_RANGE arg=temp min=0 max=32 got=33")]
        [DataRow("23 INJR 100 56DB500A00 A734000700 7B3A0008FF", "ERR 23 OUT_OF_RANGE arg=supply min=0 max=32 got=255")]
        [DataRow("23 INJR 100 56DB500A0 A734000700 7B3A000800", "ERR 23 BAD_ARGUMENT arg=pressure got=56DB500A0")]
        [DataRow("23 INJR 100 56DB500A00 A73400X700 7B3A000800", "ERR 23 BAD_ARGUMENT arg=temp got=A73400X700")]
        [DataRow("23 INJR 100 56DB500A00 A734000700 !7", "ERR 23 BAD_ARGUMENT arg=supply got=!7")]
        [DataRow("23 INJR 100 56DB500A00 A734000700", "ERR 23 MISSING_ARGUMENT expected=supply")]
        [DataRow("23 INJR 100 56DB500A00 A734000700 - -", "ERR 23 TOO_MANY_ARGUMENTS extra=-")]
        [DataRow("23 INJR x1 56DB500A00 A734000700 -", "ERR 23 BAD_ARGUMENT arg=time_ms got=x1")]
        public void A_bad_injr_is_refused_naming_the_argument_and_steps_nothing(string command, string expected)
        {
            NewSession();
            Assert.AreEqual("OK 22", LinkLines.Body(LinkLines.Last(LinkLines.Command(link, "22 INJR 0 56DB500A00 A734000700 7B3A000800"))));
            long samplesBefore = monitor.Telemetry.SampleCount;
            int countsBefore = monitor.Telemetry.CountsQ8[0];

            string[] lines = LinkLines.Command(link, command);

            Assert.AreEqual(1, lines.Length, "the reply only");
            Assert.AreEqual(expected, LinkLines.Body(lines[0]));
            Assert.AreEqual(samplesBefore, monitor.Telemetry.SampleCount, "nothing stepped");
            Assert.AreEqual(countsBefore, monitor.Telemetry.CountsQ8[0], "nothing changed");
        }

        [TestMethod]
        public void Injr_outside_replay_mode_is_the_wrong_mode()
        {
            NewSession();
            LinkLines.Command(link, "8 MODE LIVE");
            string[] lines = LinkLines.Command(link, "23 INJR 0 56DB500A00 A734000700 7B3A000800");
            Assert.AreEqual("ERR 23 WRONG_MODE need=REPLAY", LinkLines.Body(LinkLines.Last(lines)));
        }

        [TestMethod]
        public void Cfg_get_writes_the_configuration_document()
        {
            NewSession();
            string line = LinkLines.Last(LinkLines.Command(link, "3 CFG GET"));

            Assert.StartsWith("CFG 3 {\"schema\":\"thermal-monitor/config@1\",\"samplePeriodMs\":100,", LinkLines.Body(line));
            Assert.Contains(",\"burstLength\":32,", line);
            Assert.EndsWith(",\"adcCalCounts\":[175,2900,4095],\"adcCalMicrovolts\":[150000,2450000,3150000]}", LinkLines.Content(line));
            Assert.IsTrue(LinkLines.HasValidCheck(line), "check of the document line");
        }

        [TestMethod]
        public void Cfg_set_goes_through_the_json_reader_and_its_syntax_error_changes_nothing()
        {
            NewSession();
            int callsBefore = reader.Calls;
            string[] lines = LinkLines.Command(link, "4 CFG SET {\"samplePeriodMs\":200}");

            Assert.AreEqual(callsBefore + 1, reader.Calls, "the reader saw the document");
            Assert.AreEqual("ERR 4 BAD_JSON errors=1 field=json msg=json: not used", LinkLines.Body(LinkLines.Last(lines)));
            Assert.AreEqual(100, monitor.Derived.SamplePeriodMs, "configuration unchanged");
        }

        [TestMethod]
        public void Cfg_set_with_malformed_json_is_refused_by_the_core_before_the_reader()
        {
            NewSession();
            int callsBefore = reader.Calls;
            string[] lines = LinkLines.Command(link, "5 CFG SET {\"samplePeriodMs\":200,}");

            Assert.AreEqual(callsBefore, reader.Calls, "the reader never saw the document");
            Assert.AreEqual("ERR 5 BAD_JSON errors=1 field=json msg=json: a trailing comma before the closing '}' (at byte 22)", LinkLines.Body(LinkLines.Last(lines)));
            Assert.AreEqual(100, monitor.Derived.SamplePeriodMs, "configuration unchanged");
        }

        [TestMethod]
        public void Ack_of_an_unknown_alarm_is_not_found()
        {
            NewSession();
            string[] lines = LinkLines.Command(link, "19 ACK 99");
            Assert.AreEqual("ERR 19 NOT_FOUND alarm=99", LinkLines.Body(LinkLines.Last(lines)));
        }

        [TestMethod]
        public void An_alarm_from_injected_samples_is_sent_and_acknowledged()
        {
            NewSession();
            string alarm = null;
            for (int i = 0; i < 5 && alarm == null; i++)
            {
                alarm = LinkLines.Find(LinkLines.Command(link, Inject(i * 100, 0, BenchCounts.BurstLength)), "ALARM ");
            }

            Assert.IsNotNull(alarm, "an ALARM line within five open-wire samples");
            Assert.StartsWith("ALARM seq=1 type=SENSOR_FAULT sev=WARNING ch=pressure t=200 cause=OPEN ", LinkLines.Body(alarm));
            Assert.Contains(" acked=0 ", alarm);
            string[] ackLines = LinkLines.Command(link, "30 ACK 1");
            Assert.AreEqual(2, ackLines.Length, "the reply and the ALARM_ACKED event");
            Assert.AreEqual("OK 30 alarm=1 result=ACKED", LinkLines.Body(ackLines[0]), "the reply comes before the events it caused");
            Assert.StartsWith("EVT n=2 id=ALARM_ACKED ", LinkLines.Body(ackLines[1]));
            Assert.AreEqual(0, link.Journal.UnacknowledgedCount, "nothing owed after the ACK");
        }

        [TestMethod]
        public void Config_builder_stages_known_members_and_names_every_bad_one()
        {
            MonitorConfig candidate = new MonitorConfig();
            ConfigErrors errors = new ConfigErrors();
            ConfigDocumentBuilder builder = new ConfigDocumentBuilder();

            builder.Begin(candidate, errors);
            builder.SetString(ConfigDocumentBuilder.SchemaMember, LinkDictionary.ConfigSchema);
            builder.SetInteger("samplePeriodMs", 200);
            builder.SetIntegerArray(ConfigDocumentBuilder.AdcCalCountsMember, new long[] { 100, 3000 }, 2);
            builder.SetIntegerArray(ConfigDocumentBuilder.AdcCalMicrovoltsMember, new long[] { 100000, 2500000 }, 2);
            Assert.IsTrue(builder.End(), "a good document");
            Assert.AreEqual(200, candidate.Get(ParamId.SamplePeriodMs));
            Assert.AreEqual(2, candidate.Get(ParamId.AdcCalKnotCount), "the arrays set the knot count");
            Assert.AreEqual(3000, candidate.AdcCalCounts[1]);

            builder.Begin(candidate, errors);
            builder.SetInteger("noSuchParameter", 1);
            builder.SetInteger("burstLength", 16);
            builder.SetInteger("burstLength", 8);
            builder.WrongType("redLowPa", "a fraction");
            Assert.IsFalse(builder.End(), "a bad document");
            Assert.IsFalse(builder.HasSyntaxError, "well-formed, only wrong");
            Assert.AreEqual(3, errors.Count);
            Assert.AreEqual("noSuchParameter", errors[0].Field);
            Assert.AreEqual("burstLength: given twice", errors[1].ToString());
            Assert.AreEqual("redLowPa: must be a whole number, got a fraction", errors[2].ToString());
        }

        /// <summary>Starts a new replay session: the monitor at its power-on state, no alarms owed.</summary>
        private static void NewSession()
        {
            string reply = LinkLines.Last(LinkLines.Command(link, "1 MODE REPLAY"));
            Assert.StartsWith("OK 1 mode=REPLAY session=", LinkLines.Body(reply));
        }

        /// <summary>"23 INJ t p t s": pressure burst of <paramref name="readCount"/> reads at <paramref name="pressureCounts"/>, healthy temperature and supply.</summary>
        private static string Inject(int timeMs, int pressureCounts, int readCount)
        {
            return "23 INJ " + timeMs.ToString()
                + " " + LinkLines.Reads(pressureCounts, readCount)
                + " " + LinkLines.Reads(BenchCounts.Temp25C, BenchCounts.BurstLength)
                + " " + LinkLines.Reads(BenchCounts.Supply5V, BenchCounts.BurstLength);
        }

        /// <summary>Every line the board sends for the commands, without board sequence numbers.</summary>
        private static string[] Run(string[] commands)
        {
            string[] all = new string[0];
            for (int i = 0; i < commands.Length; i++)
            {
                string[] lines = LinkLines.Command(link, commands[i]);
                Assert.AreEqual("OK 23", LinkLines.Body(LinkLines.Last(lines)), commands[i]);
                string[] joined = new string[all.Length + lines.Length];
                for (int j = 0; j < all.Length; j++)
                {
                    joined[j] = all[j];
                }

                for (int j = 0; j < lines.Length; j++)
                {
                    joined[all.Length + j] = LinkLines.Body(lines[j]);
                }

                all = joined;
            }

            return all;
        }

        /// <summary>A burst around <paramref name="counts"/> with ±3 counts of deterministic noise, and one far outlier if asked.</summary>
        private static void Noisy(RawSample sample, ChannelId channel, int counts, int seed, bool outlier)
        {
            int[] reads = sample.ReadsCounts(channel);
            uint state = (uint)(seed * 7919 + 17);
            for (int i = 0; i < BenchCounts.BurstLength; i++)
            {
                state = state * 1664525u + 1013904223u;
                reads[i] = counts + (int)((state >> 16) % 7u) - 3;
            }

            if (outlier)
            {
                reads[seed % BenchCounts.BurstLength] = counts + 300;
            }

            sample.SetReads(channel, BenchCounts.BurstLength);
        }

        private static string BurstTokens(RawSample sample)
        {
            string text = string.Empty;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                if (sample.Status((ChannelId)channel) != ReadStatus.Ok)
                {
                    text += " !" + ((int)sample.Status((ChannelId)channel)).ToString();
                    continue;
                }

                int[] reads = sample.ReadsCounts((ChannelId)channel);
                string token = " ";
                for (int i = 0; i < BenchCounts.BurstLength; i++)
                {
                    token += reads[i].ToString("X3");
                }

                text += token;
            }

            return text;
        }

        /// <summary>The channels as the host writes INJR: each burst through the core's reducer with the board's settings.</summary>
        private static string ReducedTokens(RawSample sample, BurstReducer reducer, DerivedSettings derived, ref int withRejected)
        {
            string text = string.Empty;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                if (sample.Status((ChannelId)channel) != ReadStatus.Ok)
                {
                    text += " !" + ((int)sample.Status((ChannelId)channel)).ToString();
                    continue;
                }

                Assert.IsTrue(reducer.Reduce(sample.ReadsCounts((ChannelId)channel), BenchCounts.BurstLength, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts), "reduces");
                withRejected += reducer.RejectedCount > 0 ? 1 : 0;
                text += " " + reducer.CountsQ8.ToString("X5") + reducer.SpreadCounts.ToString("X3") + reducer.RejectedCount.ToString("X2");
            }

            return text;
        }

        private static int[] Copy(int[] values)
        {
            int[] copy = new int[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                copy[i] = values[i];
            }

            return copy;
        }

        private static string Prefix(string text, int length) => text.Length <= length ? text : text.Substring(0, length);
    }
}
