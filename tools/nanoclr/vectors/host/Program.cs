using System.Globalization;
using System.Text;
using System.Text.Json;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;

namespace ThermalMonitor.Tools.Vectors;

/// <summary>
/// Host half of tools/nanoclr/vectors.sh.
///   gen --vectors FILE --out DIR
///     per vector: the commands the host test sends (ConfigJson.Commands: one CFG SET, or CFG STAGE
///     parts + CFG COMMIT when longer than a line) and a CFG GET, framed with sequence numbers from 1;
///     every byte the host build of BoardLink (host twin reader JsonConfigReader) wrote for them
///     on a fresh board; the framed lines as hex in C# string chunks for the nanoCLR program.
///   compare --dir DIR --log NANOCLR_LOG
///     one line per vector whose board output differs, then the summary; exit 0 only if all are identical.
/// </summary>
public static class Program
{
    public const int RxBufferBytes = 2048;

    public const int TxBufferBytes = 16384;

    /// <summary>Characters of hex per generated string constant: one constant per assembly (the metadata processor allows 64 KB of strings per assembly).</summary>
    public const int ChunkChars = 56000;

    public static int Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "gen")
            {
                return Generate(Option(args, "--vectors"), Option(args, "--out"));
            }

            if (args.Length > 0 && args[0] == "compare")
            {
                return Compare(Option(args, "--dir"), Option(args, "--log"));
            }

            Console.Error.WriteLine("usage: VectorsHost gen --vectors FILE --out DIR | compare --dir DIR --log FILE");
            return 2;
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or InvalidOperationException or JsonException)
        {
            Console.Error.WriteLine("vectors: " + e.Message);
            return 2;
        }
    }

    private static string Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"missing {name}");
    }

    private sealed record Vector(string Name, string Document, bool Accept, string? Error, string? Field);

    private static List<Vector> Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var vectors = new List<Vector>();
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            vectors.Add(new Vector(
                item.GetProperty("name").GetString()!,
                item.GetProperty("document").GetString()!,
                item.GetProperty("accept").GetBoolean(),
                item.GetProperty("error").GetString(),
                item.GetProperty("field").GetString()));
        }

        return vectors;
    }

    /// <summary>"&lt;seq&gt; &lt;command&gt;*CRC\r\n" over the UTF-8 bytes, as LinkHarness.Frame.</summary>
    private static byte[] Frame(int sequence, string command)
    {
        byte[] body = [.. Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + " "), .. Encoding.UTF8.GetBytes(command)];
        int crc = LineCrc.Compute(body, 0, body.Length);
        return [.. body, .. Encoding.ASCII.GetBytes("*" + crc.ToString("X4", CultureInfo.InvariantCulture) + "\r\n")];
    }

    private static int Generate(string vectorsPath, string outDir)
    {
        List<Vector> vectors = Load(vectorsPath);
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, true);
        }

        Directory.CreateDirectory(Path.Combine(outDir, "chunks"));
        var input = new StringBuilder(); // "<vector> <hex of one framed line>\n"
        var hostOut = new List<string>();
        var meta = new List<string>();
        int staged = 0;
        int notAscii = 0;
        int hostDisagrees = 0;
        int overlongCount = 0;
        for (int v = 0; v < vectors.Count; v++)
        {
            Vector vector = vectors[v];
            var commands = new List<string>(ConfigJson.Commands(vector.Document, LineTransport.LineBytesMax));
            if (commands.Count > 1)
            {
                staged++;
            }

            if (vector.Error == "NOT_ASCII")
            {
                notAscii++;
            }

            commands.Add(LinkDictionary.Config + " " + LinkDictionary.Get);
            var lines = new List<byte[]>();
            for (int c = 0; c < commands.Count; c++)
            {
                lines.Add(Frame(c + 1, commands[c]));
                input.Append(v.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Convert.ToHexString(lines[^1])).Append('\n');
            }

            byte[] output = Run(lines);
            hostOut.Add(Convert.ToHexString(output));
            // As ConfigDocumentTests: longer than a line and not a flat object the host can stage, the line itself is refused.
            bool overlong = commands.Count == 2 && commands[0].Length + ConfigJson.FramingBytesMax > LineTransport.LineBytesMax;
            if (overlong)
            {
                overlongCount++;
            }

            string check = CheckAgainstVector(vector, commands.Count - 1, Encoding.ASCII.GetString(output), overlong);
            if (check.Length > 0)
            {
                hostDisagrees++;
                Console.WriteLine($"host build vs vector file: {vector.Name}: {check}");
            }

            meta.Add($"{v}\t{commands.Count - 1}\t{vector.Name}");
        }

        File.WriteAllLines(Path.Combine(outDir, "host.out"), hostOut);
        File.WriteAllLines(Path.Combine(outDir, "vectors.tsv"), meta);
        WriteChunks(outDir, input.ToString());
        Console.WriteLine($"{vectors.Count} vectors ({staged} sent staged, {overlongCount} longer than a line and refused as OVERLONG, {notAscii} NOT_ASCII), {input.Length / 2} B of framed lines; the host build disagrees with the vector file on {hostDisagrees}");
        return 0;
    }

    /// <summary>A fresh board per vector, fed one framed line at a time, serviced until idle at clock 0 (as LinkHarness does).</summary>
    private static byte[] Run(List<byte[]> lines)
    {
        var port = new MemoryBytePort(RxBufferBytes, TxBufferBytes);
        var link = new BoardLink(new LeakMonitor(), new JsonConfigReader(), new BoardInfo("vectors", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), port, null);
        link.Start(0, LinkMode.Replay);
        var output = new List<byte>();
        var tx = new byte[TxBufferBytes];
        Take(port, tx, output);
        output.Clear(); // the boot lines are not compared (nothing of the vector in them)
        foreach (byte[] line in lines)
        {
            int offset = 0;
            do
            {
                int room = RxBufferBytes - port.ReceivePendingBytes;
                offset += port.Deliver(line, offset, Math.Min(room, line.Length - offset));
                while (link.Service(0) > 0 || port.ReceivePendingBytes > 0)
                {
                    Take(port, tx, output);
                }

                Take(port, tx, output);
            }
            while (offset < line.Length);
        }

        return [.. output];
    }

    private static void Take(MemoryBytePort port, byte[] tx, List<byte> output)
    {
        while (port.TransmitPendingBytes > 0)
        {
            int n = port.TakeTransmitted(tx, 0, tx.Length);
            output.AddRange(tx.AsSpan(0, n).ToArray());
        }
    }

    /// <summary>The reply to the last configuration command against the vector's accept/error/field; "" when it agrees.</summary>
    private static string CheckAgainstVector(Vector vector, int configCommands, string output, bool overlong)
    {
        var replies = new List<BoardLine>();
        foreach (string text in output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (!BoardLine.TryParse(text, out BoardLine? line, out string error))
            {
                return "board line does not parse (" + error + "): " + text;
            }

            if (line!.IsReply)
            {
                replies.Add(line);
            }
        }

        if (replies.Count < configCommands + 1)
        {
            return $"{replies.Count} replies for {configCommands + 1} commands";
        }

        BoardLine reply = replies[configCommands - 1];
        foreach (BoardLine r in replies.Take(configCommands))
        {
            if (r.IsError)
            {
                reply = r;
                break;
            }
        }

        if (overlong)
        {
            return reply.IsError && reply.ErrorCode == "OVERLONG" ? "" : "expected ERR OVERLONG (longer than a line), got " + Line(reply);
        }

        if (vector.Accept)
        {
            return reply.Type == LinkDictionary.Ok ? "" : "expected OK, got " + Line(reply);
        }

        if (!reply.IsError || reply.ErrorCode != vector.Error)
        {
            return $"expected ERR {vector.Error}, got " + Line(reply);
        }

        return vector.Field is null || reply.Field("field") == vector.Field ? "" : $"expected field={vector.Field}, got " + Line(reply);
    }

    private static string Line(BoardLine line) => line.Text;

    private static void WriteChunks(string outDir, string text)
    {
        var chunks = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int end = start;
            while (end < text.Length)
            {
                int next = text.IndexOf('\n', end) + 1;
                if (next - start > ChunkChars && end > start)
                {
                    break;
                }

                end = next;
            }

            string name = $"V{chunks.Count:D2}";
            string cs = "// Generated by tools/nanoclr/vectors.sh: framed command lines as \"<vector> <hex>\\n\"\n" +
                "namespace Vectors.Data\n{\n    public static class " + name + "\n    {\n        public static string Text() => \"" +
                text[start..end].Replace("\n", "\\n", StringComparison.Ordinal) + "\";\n    }\n}\n";
            File.WriteAllText(Path.Combine(outDir, "chunks", name + ".cs"), cs);
            chunks.Add(name);
            start = end;
        }

        var data = new StringBuilder();
        data.Append("// Generated by tools/nanoclr/vectors.sh\nnamespace Vectors\n{\n    internal static class VectorData\n    {\n");
        data.Append("        public const int Chunks = ").Append(chunks.Count).Append(";\n\n");
        data.Append("        public static string Chunk(int index)\n        {\n            switch (index)\n            {\n");
        for (int i = 0; i < chunks.Count; i++)
        {
            data.Append("                case ").Append(i).Append(": return Vectors.Data.").Append(chunks[i]).Append(".Text();\n");
        }

        data.Append("                default: return null;\n            }\n        }\n    }\n}\n");
        File.WriteAllText(Path.Combine(outDir, "VectorData.cs"), data.ToString());
        File.WriteAllLines(Path.Combine(outDir, "chunks.txt"), chunks);
    }

    private static int Compare(string dir, string logPath)
    {
        string[] hostOut = File.ReadAllLines(Path.Combine(dir, "host.out"));
        string[] names = File.ReadAllLines(Path.Combine(dir, "vectors.tsv")).Select(l => l.Split('\t')[2]).ToArray();
        int[] configCommands = File.ReadAllLines(Path.Combine(dir, "vectors.tsv")).Select(l => int.Parse(l.Split('\t')[1], CultureInfo.InvariantCulture)).ToArray();
        var device = new Dictionary<int, StringBuilder>();
        bool done = false;
        string? failed = null;
        foreach (string raw in File.ReadAllLines(logPath))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("V ", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                int v = int.Parse(parts[1], CultureInfo.InvariantCulture);
                if (!device.TryGetValue(v, out StringBuilder? hex))
                {
                    device[v] = hex = new StringBuilder();
                }

                if (parts.Length > 2)
                {
                    hex.Append(parts[2]);
                }
            }
            else if (line == "VECTORS DONE")
            {
                done = true;
            }
            else if (line.StartsWith("VECTORS FAILED", StringComparison.Ordinal))
            {
                failed = line;
            }
        }

        int identical = 0;
        for (int v = 0; v < hostOut.Length; v++)
        {
            string nano = device.TryGetValue(v, out StringBuilder? hex) ? hex.ToString() : "";
            if (nano == hostOut[v])
            {
                identical++;
                continue;
            }

            (string hostReply, string hostGet) = Replies(hostOut[v], configCommands[v]);
            (string nanoReply, string nanoGet) = device.ContainsKey(v) ? Replies(nano, configCommands[v]) : ("(no output: the run did not reach this vector)", "");
            string what = hostReply != nanoReply ? $"host '{hostReply}' nanoCLR '{nanoReply}'" : $"same reply '{hostReply}', CFG GET differs: host '{hostGet}' nanoCLR '{nanoGet}'";
            Console.WriteLine($"DIFF [{v}] {names[v]}: {what}");
        }

        if (failed is not null)
        {
            Console.WriteLine(failed);
        }
        else if (!done)
        {
            Console.WriteLine("the nanoCLR run ended before VECTORS DONE");
        }

        Console.WriteLine($"nanoCLR config vectors: {identical} of {hostOut.Length} identical");
        return identical == hostOut.Length && done && failed is null ? 0 : 1;
    }

    /// <summary>The board's reply to the configuration commands (the first ERR, else the last reply) and to CFG GET, as text.</summary>
    private static (string Reply, string Get) Replies(string hex, int configCommands)
    {
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            return ("(output is not hex)", "");
        }

        var replies = new List<BoardLine>();
        foreach (string line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (!BoardLine.TryParse(line, out BoardLine? parsed, out string error))
            {
                return ("(board line does not parse: " + error + ") " + line, "");
            }

            if (parsed!.IsReply)
            {
                replies.Add(parsed);
            }
        }

        string reply = replies.Take(configCommands).FirstOrDefault(r => r.IsError)?.Text
            ?? (replies.Count >= configCommands ? replies[configCommands - 1].Text : "(no reply)");
        string get = replies.Count > configCommands ? replies[configCommands].Text : "(no reply)";
        return (reply, get);
    }
}
