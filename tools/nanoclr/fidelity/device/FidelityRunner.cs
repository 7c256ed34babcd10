using System;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using NanoClrTools;

namespace Fidelity
{
    /// <summary>
    /// nanoCLR half of tools/nanoclr/fidelity.sh: feeds one window's command lines (WindowData, generated
    /// by the host half) to BoardLink over a MemoryBytePort exactly as the host half does — same
    /// buffers, one whole line delivered at a time, the link serviced until idle at board clock
    /// line × 100 ms, output taken after every line — and prints every byte the board wrote as
    /// "OUT &lt;hex&gt;" lines, then "IN lines= bytes= fnv=" (what it fed) and "FIDELITY DONE".
    /// </summary>
    public static class FidelityRunner
    {
        private const long MsPerLine = 100;
        private const int RxBufferBytes = 2048;

        private static MemoryBytePort port;
        private static BoardLink link;
        private static long lines;
        private static long inBytes;
        private static uint fnv = 2166136261;

        public static void Main()
        {
            try
            {
                Run();
                Console.WriteLine("IN lines=" + lines.ToString() + " bytes=" + inBytes.ToString() + " fnv=" + fnv.ToString("X8"));
                Console.WriteLine("FIDELITY DONE");
            }
            catch (Exception e)
            {
                Console.WriteLine("FIDELITY FAILED " + e.GetType().FullName + ": " + e.Message + " after line " + lines.ToString());
            }
        }

        private static void Run()
        {
            port = new MemoryBytePort(RxBufferBytes, BoardOutput.PortTransmitBytes);
            link = new BoardLink(new LeakMonitor(), new UnusedConfigReader(), new BoardInfo("fidelity", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), port, null);
            link.Start(0, LinkMode.Live);
            BoardOutput.Print(port, "OUT ");
            for (int k = 0; k < WindowData.Chunks; k++)
            {
                char[] text = WindowData.Chunk(k).ToCharArray();
                int start = 0;
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] != '\n')
                    {
                        continue;
                    }

                    byte[] line = new byte[i + 1 - start];
                    for (int j = 0; j < line.Length; j++)
                    {
                        line[j] = (byte)text[start + j];
                    }

                    Feed(line);
                    start = i + 1;
                }

                if (start != text.Length)
                {
                    throw new InvalidOperationException("chunk " + k.ToString() + " does not end with a line end");
                }
            }
        }

        private static void Feed(byte[] line)
        {
            lines++;
            inBytes += line.Length;
            for (int i = 0; i < line.Length; i++)
            {
                fnv ^= line[i];
                fnv *= 16777619;
            }

            if (port.Deliver(line, 0, line.Length) != line.Length)
            {
                throw new InvalidOperationException("a line did not fit the receive buffer");
            }

            long now = lines * MsPerLine;
            while (link.Service(now) > 0 || port.ReceivePendingBytes > 0)
            {
            }

            BoardOutput.Print(port, "OUT ");
        }

        /// <summary>No CFG SET/STAGE is sent (the replies of a refused document depend on the JSON reader, not the core).</summary>
        private sealed class UnusedConfigReader : IConfigDocumentReader
        {
            public void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder) => builder.SyntaxError("no JSON reader in the fidelity run");
        }
    }
}
