using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.Tools.Fidelity;

/// <summary>
/// Host half of tools/nanoclr/fidelity.sh.
///   gen --profiles DIR --out DIR [--window NAME=PROFILE@FROM_S+SAMPLES[/reduced] ...]
///     per window (samples as INJ, or as INJR with /reduced): the command lines (in.bin), every byte the host build of BoardLink wrote
///     (host.out), meta.txt, and the lines as C# string chunks for the nanoCLR program.
///   compare --dir WINDOW_DIR --log NANOCLR_LOG
///     one summary line; exit 0 only if the nanoCLR wrote the same bytes for the same input.
/// </summary>
public static partial class Program
{
    /// <summary>Board clock: line k (1-based) is delivered, and the link serviced, at k × this (the sample period).</summary>
    public const long MsPerLine = 100;

    public const int RxBufferBytes = 2048;

    public const int TxBufferBytes = 16384;

    /// <summary>UTF-8 bytes of line text per generated string constant: one constant per assembly, and the metadata processor's string table of an assembly holds at most 65,535 bytes.</summary>
    public const int ChunkBytes = 56000;

    private static readonly string[] DefaultWindows =
    [
        "progress-ms21-onset=progress-ms21@3540+1200",
        "soyuz-ms22-onset=soyuz-ms22@10740+1500",
        "fault-temp-stuck=fault-temp-stuck@5980+3400",
        "nominal-ms22=progress-ms22-nominal@1800+800",
        "glitch-iss-2015=iss-2015-false-alarm-glitch@10770+600",
        "fault-pressure-open=fault-pressure-open@5990+600",
        "soyuz-ms22-onset-injr=soyuz-ms22@10740+1500/reduced",
        "fault-temp-stuck-injr=fault-temp-stuck@5980+1200/reduced",
    ];

    public static int Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "gen")
            {
                return Generate(args);
            }

            if (args.Length > 0 && args[0] == "compare")
            {
                return Compare(Option(args, "--dir"), Option(args, "--log"));
            }

            Console.Error.WriteLine("usage: FidelityHost gen --profiles DIR --out DIR [--window NAME=PROFILE@FROM_S+SAMPLES]... | compare --dir DIR --log FILE");
            return 2;
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or InvalidOperationException or ProfileFormatException)
        {
            Console.Error.WriteLine("fidelity: " + e.Message);
            return 2;
        }
    }

    private static string Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"missing {name}");
    }

    private static int Generate(string[] args)
    {
        string profiles = Option(args, "--profiles");
        string outDir = Option(args, "--out");
        var specs = new List<string>();
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--window")
            {
                specs.Add(args[i + 1]);
            }
        }

        if (specs.Count == 0)
        {
            specs.AddRange(DefaultWindows);
        }

        int index = 0;
        var names = new List<string>();
        foreach (string spec in specs)
        {
            Match m = WindowSpec().Match(spec);
            if (!m.Success)
            {
                throw new ArgumentException($"window '{spec}' is not NAME=PROFILE@FROM_S+SAMPLES[/reduced]");
            }

            var window = new Window(index++, m.Groups[1].Value, m.Groups[2].Value,
                double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), m.Groups[5].Success);
            string path = Path.Combine(profiles, window.Profile + ".csv.gz");
            WindowRun run = Record(window, ProfileCsv.Read(path));
            run.Write(Path.Combine(outDir, window.Name));
            names.Add(window.Name);
            Console.WriteLine($"window {window.Name}: {window.Profile} from {window.FromS.ToString(CultureInfo.InvariantCulture)} s, {run.Samples} samples as {(window.Reduced ? "INJR" : "INJ")}, {run.Lines} lines in ({run.Input.Count} B), host build wrote {run.Output.Count} B ({run.BoardLines} lines), {run.Chunks.Count} chunks");
        }

        File.WriteAllLines(Path.Combine(outDir, "windows.txt"), names);
        return 0;
    }

    /// <summary>Runs the window through the host build of BoardLink, choosing the commands as a host would from what the board says.</summary>
    private static WindowRun Record(Window window, Profile profile)
    {
        if (!profile.HasCoolantTemperature)
        {
            // A replay would then switch the slow path off with CFG SET, whose replies depend on the JSON reader (not the core).
            throw new ArgumentException($"{profile.Name} has no coolant temperature: choose a profile the default configuration replays");
        }

        var monitor = new LeakMonitor();
        var port = new MemoryBytePort(RxBufferBytes, TxBufferBytes);
        var link = new BoardLink(monitor, new JsonConfigReader(), new BoardInfo("fidelity", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), port, null);
        var run = new WindowRun(window);
        var tx = new byte[TxBufferBytes];
        int sequence = 0;

        link.Start(0, LinkMode.Live);
        Take(port, tx, run);

        string Send(string command) => Deliver(Encoding.ASCII.GetBytes(CommandFrame.Frame(++sequence, command)));

        string Deliver(byte[] line)
        {
            run.Lines++;
            run.Input.AddRange(line);
            if (port.Deliver(line, 0, line.Length) != line.Length)
            {
                throw new InvalidOperationException("a line did not fit the receive buffer");
            }

            long now = run.Lines * MsPerLine;
            while (link.Service(now) > 0 || port.ReceivePendingBytes > 0)
            {
            }

            int before = run.Output.Count;
            Take(port, tx, run);
            return Encoding.ASCII.GetString(run.Output.GetRange(before, run.Output.Count - before).ToArray());
        }

        // As WireReplayer starts a replay, minus CFG SET (the board keeps its power-on defaults,
        // which is the replay configuration of a profile with coolant temperature), and with
        // telemetry on so TLM lines are compared too.
        Send("ACK ALL");
        Send("MODE REPLAY");
        Send("CFG GET");
        Send("TLM 1000");
        Send("MODE REPLAY");

        var stream = new ReplaySampleStream(profile, monitor.Derived.SamplePeriodMs, monitor.Derived.BurstLength, null, 0);
        var body = new byte[InjectCommand.BytesMax];
        var reducer = new BurstReducer();
        int ackAt = -1;
        int firstAlarm = -1;
        while (run.Samples < window.Samples && stream.TryNext(out double timeS))
        {
            if (timeS < window.FromS)
            {
                continue;
            }

            int i = run.Samples++;
            // INJR: reduced as WireReplayer does, with the settings in force on the board (its defaults).
            int length = window.Reduced
                ? InjectCommand.WriteReduced(stream.Sample, reducer, monitor.Derived, body)
                : InjectCommand.Write(stream.Sample, body);
            string said = Send(Encoding.ASCII.GetString(body, 0, length));
            Match alarm = FirstAlarm().Match(said);
            if (firstAlarm < 0 && alarm.Success)
            {
                firstAlarm = int.Parse(alarm.Groups[1].Value, CultureInfo.InvariantCulture);
                ackAt = i + 40; // after a re-send or two (every 20 lines on this clock)
            }

            if (i == ackAt)
            {
                Send($"ACK {firstAlarm}");
            }

            if (i == window.Samples / 4)
            {
                // A corrupted line: the board refuses it (ERR BAD_CHECKSUM expected=…) and goes on.
                byte[] bad = Encoding.ASCII.GetBytes(CommandFrame.Frame(++sequence, "TLM 1000"));
                bad[^3] = bad[^3] == (byte)'0' ? (byte)'1' : (byte)'0';
                Deliver(bad);
            }

            if (i == window.Samples / 2)
            {
                Send("HELLO");
                Send("ALARMS");
            }

            if (i == window.Samples * 4 / 5)
            {
                Send("ACK ALL");
            }
        }

        if (run.Samples < window.Samples)
        {
            throw new ArgumentException($"{window.Name}: {profile.Name} has only {run.Samples} samples from {window.FromS} s");
        }

        Send("ALARMS");
        Send("ACK 999");
        Send("MODE LIVE");
        return run;
    }

    private static void Take(MemoryBytePort port, byte[] tx, WindowRun run)
    {
        while (port.TransmitPendingBytes > 0)
        {
            int n = port.TakeTransmitted(tx, 0, tx.Length);
            for (int i = 0; i < n; i++)
            {
                run.Output.Add(tx[i]);
                if (tx[i] == (byte)'\n')
                {
                    run.BoardLines++;
                }
            }
        }
    }

    private static int Compare(string dir, string log)
    {
        Dictionary<string, string> meta = File.ReadAllLines(Path.Combine(dir, "meta.txt"))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        byte[] input = File.ReadAllBytes(Path.Combine(dir, "in.bin"));
        byte[] host = File.ReadAllBytes(Path.Combine(dir, "host.out"));
        var device = new List<byte>();
        string? inSummary = null;
        string? failure = null;
        bool done = false;
        foreach (string raw in File.ReadAllLines(log))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("OUT ", StringComparison.Ordinal))
            {
                device.AddRange(Convert.FromHexString(line.AsSpan(4)));
            }
            else if (line.StartsWith("IN ", StringComparison.Ordinal))
            {
                inSummary = line[3..];
            }
            else if (line.StartsWith("FIDELITY FAILED", StringComparison.Ordinal))
            {
                failure = line;
            }
            else if (line == "FIDELITY DONE")
            {
                done = true;
            }
        }

        string expectedIn = $"lines={meta["lines"]} bytes={input.Length} fnv={Fnv(input):X8}";
        var problems = new List<string>();
        if (failure is not null)
        {
            problems.Add(failure);
        }
        else if (!done)
        {
            problems.Add("the nanoCLR run did not finish (no FIDELITY DONE)");
        }

        if (inSummary != expectedIn)
        {
            problems.Add($"input differs: host fed {expectedIn}, nanoCLR fed {inSummary ?? "(nothing)"}");
        }

        byte[] dev = [.. device];
        int diff = FirstDifference(host, dev);
        bool identical = diff < 0 && problems.Count == 0;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"window {meta["window"]} ({meta["profile"]} from {meta["from_s"]} s): {meta["samples"]} samples, {meta["lines"]} lines in ({input.Length} B); ");
        text.Append(CultureInfo.InvariantCulture, $"output host {host.Length} B / nanoCLR {dev.Length} B, {meta["board_lines"]} board lines; identical: {(identical ? "yes" : "no")}");
        if (diff >= 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; first difference at byte {diff} (board line {Count(host, diff) + 1}): host \"{Context(host, diff)}\" nanoCLR \"{Context(dev, diff)}\"");
        }

        foreach (string p in problems)
        {
            text.Append("; ").Append(p);
        }

        Console.WriteLine(text.ToString());
        return identical ? 0 : 1;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : n;
    }

    private static int Count(byte[] bytes, int end)
    {
        int lines = 0;
        for (int i = 0; i < end; i++)
        {
            lines += bytes[i] == (byte)'\n' ? 1 : 0;
        }

        return lines;
    }

    /// <summary>The bytes around <paramref name="at"/>: from the start of its line, 60 bytes on, escaped.</summary>
    private static string Context(byte[] bytes, int at)
    {
        int start = at;
        while (start > 0 && bytes[start - 1] != (byte)'\n' && at - start < 80)
        {
            start--;
        }

        var text = new StringBuilder();
        for (int i = start; i < Math.Min(bytes.Length, at + 60); i++)
        {
            byte b = bytes[i];
            text.Append(b >= 0x20 && b < 0x7F && b != (byte)'"' && b != (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return at >= bytes.Length ? text + "<end>" : text.ToString();
    }

    /// <summary>FNV-1a, 32 bits: the nanoCLR program computes the same over the bytes it fed.</summary>
    public static uint Fnv(IEnumerable<byte> bytes)
    {
        uint h = 2166136261;
        foreach (byte b in bytes)
        {
            h ^= b;
            h *= 16777619;
        }

        return h;
    }

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+)=([A-Za-z0-9_.-]+)@([0-9.]+)\+([0-9]+)(/reduced)?$")]
    private static partial Regex WindowSpec();

    [GeneratedRegex(@"(?m)^\d+ ALARM seq=(\d+) .* re=0\*")]
    private static partial Regex FirstAlarm();

    /// <param name="Reduced">The samples as INJR (reduced on the host) instead of INJ.</param>
    private sealed record Window(int Index, string Name, string Profile, double FromS, int Samples, bool Reduced);

    private sealed class WindowRun(Window window)
    {
        public Window Window { get; } = window;

        public List<byte> Input { get; } = [];

        public List<byte> Output { get; } = [];

        public int Lines { get; set; }

        public int Samples { get; set; }

        public int BoardLines { get; set; }

        public List<string> Chunks { get; } = [];

        public void Write(string dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "in.bin"), [.. Input]);
            File.WriteAllBytes(Path.Combine(dir, "host.out"), [.. Output]);

            // The lines as C# string constants, one per library assembly (see ChunkBytes).
            string chunkDir = Path.Combine(dir, "chunks");
            if (Directory.Exists(chunkDir))
            {
                Directory.Delete(chunkDir, true);
            }

            Directory.CreateDirectory(chunkDir);
            string text = Encoding.ASCII.GetString([.. Input]);
            int start = 0;
            while (start < text.Length)
            {
                int end = start;
                while (end < text.Length)
                {
                    int next = text.IndexOf('\n', end) + 1;
                    if (next - start > ChunkBytes && end > start)
                    {
                        break;
                    }

                    end = next;
                }

                string name = $"W{Window.Index}C{Chunks.Count:D2}";
                var cs = new StringBuilder();
                cs.Append("// Generated by tools/nanoclr/fidelity.sh: command lines of window ").Append(Window.Name).Append('\n');
                cs.Append("namespace Fidelity.Data\n{\n    public static class ").Append(name).Append("\n    {\n        public static string Text() => \"");
                foreach (char c in text.AsSpan(start, end - start))
                {
                    cs.Append(c switch { '\r' => "\\r", '\n' => "\\n", '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
                }

                cs.Append("\";\n    }\n}\n");
                File.WriteAllText(Path.Combine(chunkDir, name + ".cs"), cs.ToString());
                Chunks.Add(name);
                start = end;
            }

            var data = new StringBuilder();
            data.Append("// Generated by tools/nanoclr/fidelity.sh\nnamespace Fidelity\n{\n    internal static class WindowData\n    {\n");
            data.Append("        public const string Name = \"").Append(Window.Name).Append("\";\n");
            data.Append("        public const int Chunks = ").Append(Chunks.Count).Append(";\n\n");
            data.Append("        public static string Chunk(int index)\n        {\n            switch (index)\n            {\n");
            for (int i = 0; i < Chunks.Count; i++)
            {
                data.Append("                case ").Append(i).Append(": return Fidelity.Data.").Append(Chunks[i]).Append(".Text();\n");
            }

            data.Append("                default: return null;\n            }\n        }\n    }\n}\n");
            File.WriteAllText(Path.Combine(dir, "WindowData.cs"), data.ToString());
            File.WriteAllLines(Path.Combine(dir, "chunks.txt"), Chunks);
            File.WriteAllText(Path.Combine(dir, "meta.txt"), string.Join('\n',
                $"window={Window.Name}", $"profile={Window.Profile}", $"from_s={Window.FromS.ToString(CultureInfo.InvariantCulture)}",
                $"samples={Samples}", $"lines={Lines}", $"in_bytes={Input.Count}", $"out_bytes={Output.Count}",
                $"board_lines={BoardLines}", $"chunks={Chunks.Count}") + "\n");
        }
    }
}
