using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// Talks to a <see cref="BoardLink"/> the way the host does, without a serial port: frames a
    /// command with its CRC, feeds the bytes in, services the link and splits what it sent at CR LF.
    /// ASCII by hand: mscorlib has no System.Text.Encoding.
    /// </summary>
    internal static class LinkLines
    {
        private const int TxBufferBytes = 16384;

        private static readonly byte[] Tx = new byte[TxBufferBytes];

        private static MemoryBytePort port;

        /// <summary>A link on a fresh in-memory port with the ESP32 driver's receive buffer; the helpers below talk through that port.</summary>
        public static BoardLink Open(LeakMonitor monitor, IConfigDocumentReader reader)
        {
            port = new MemoryBytePort(2048, TxBufferBytes);
            return new BoardLink(monitor, reader, new BoardInfo("test", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), port, null);
        }

        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>The four upper-case hex digits of the line check of <paramref name="content"/>.</summary>
        public static string Check(string content) => LineCrc.Compute(Ascii(content), 0, content.Length).ToString("X4");

        /// <summary>"content*XXXX" with the right check, without the line end.</summary>
        public static string Frame(string content) => content + "*" + Check(content);

        /// <summary>Sends a correctly framed command and returns every line the board sent after it.</summary>
        public static string[] Command(BoardLink link, string content) => Raw(link, Frame(content) + "\r\n");

        /// <summary>Sends <paramref name="text"/> byte for byte (no framing) and returns the board's lines.</summary>
        public static string[] Raw(BoardLink link, string text)
        {
            byte[] bytes = Ascii(text);
            port.Deliver(bytes, 0, bytes.Length);
            while (link.Service(0) > 0 || port.ReceivePendingBytes > 0)
            {
            }

            return Take(link);
        }

        /// <summary>Everything the board has sent, one string per line without CR LF.</summary>
        public static string[] Take(BoardLink link)
        {
            int length = port.TakeTransmitted(Tx, 0, Tx.Length);
            int lineCount = 0;
            for (int i = 0; i < length; i++)
            {
                if (Tx[i] == (byte)'\n')
                {
                    lineCount++;
                }
            }

            string[] lines = new string[lineCount];
            int start = 0;
            int line = 0;
            for (int i = 0; i < length; i++)
            {
                if (Tx[i] != (byte)'\n')
                {
                    continue;
                }

                int end = i > start && Tx[i - 1] == (byte)'\r' ? i - 1 : i;
                char[] chars = new char[end - start];
                for (int j = start; j < end; j++)
                {
                    chars[j - start] = (char)Tx[j];
                }

                lines[line++] = new string(chars);
                start = i + 1;
            }

            return lines;
        }

        /// <summary>The line a <see cref="LineWriter"/> finished, without its CR LF.</summary>
        public static string Line(LineWriter writer)
        {
            int end = writer.Length;
            while (end > 0 && (writer.Buffer[end - 1] == (byte)'\n' || writer.Buffer[end - 1] == (byte)'\r'))
            {
                end--;
            }

            char[] chars = new char[end];
            for (int i = 0; i < end; i++)
            {
                chars[i] = (char)writer.Buffer[i];
            }

            return new string(chars);
        }

        /// <summary>The last line (a command's reply comes after the lines it caused).</summary>
        public static string Last(string[] lines) => lines.Length == 0 ? "(no line)" : lines[lines.Length - 1];

        /// <summary>A line without its "*XXXX" check.</summary>
        public static string Content(string line)
        {
            int star = line.LastIndexOf('*');
            return star < 0 ? line : line.Substring(0, star);
        }

        /// <summary>The line's text after its board sequence number: "OK 7 alarm=1 ...".</summary>
        public static string Body(string line)
        {
            string content = Content(line);
            int space = content.IndexOf(' ');
            return space < 0 ? content : content.Substring(space + 1);
        }

        /// <summary>True when the line ends in "*XXXX" and XXXX is the check of everything before the '*'.</summary>
        public static bool HasValidCheck(string line)
        {
            int star = line.LastIndexOf('*');
            return star >= 0 && line.Length == star + 5 && line.Substring(star + 1) == Check(line.Substring(0, star));
        }

        /// <summary>The first line whose body starts with <paramref name="prefix"/>, or null.</summary>
        public static string Find(string[] lines, string prefix)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                if (Body(lines[i]).StartsWith(prefix))
                {
                    return lines[i];
                }
            }

            return null;
        }

        /// <summary>"123456ABC…": three hex digits per read, as INJ carries a burst.</summary>
        public static string Reads(int counts, int readCount)
        {
            string one = counts.ToString("X3");
            string all = string.Empty;
            for (int i = 0; i < readCount; i++)
            {
                all += one;
            }

            return all;
        }
    }
}
