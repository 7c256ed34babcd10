// A byte port for the benchmark that behaves like a real serial driver as seen from the managed
// side: Read hands over a prepared line with one native Array.Copy (the ESP32's driver buffer is
// filled by native code, not by managed loops), Write takes the line and drops it. So the timed
// work is the board's own: framing, check, parse, Step, reply - not the test port's byte loops.
using System;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.NanoBench
{
    internal sealed class BenchPort : IBytePort
    {
        private byte[] pending = new byte[0];
        private int pendingStart;
        private int pendingEnd;

        public int ReceiveBufferBytes => 2048;

        public long ReceiveLostBytes => 0;

        public long WrittenBytes;

        /// <summary>Makes <paramref name="bytes"/> the bytes the next reads return.</summary>
        public void Load(byte[] bytes)
        {
            pending = bytes;
            pendingStart = 0;
            pendingEnd = bytes.Length;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = pendingEnd - pendingStart;
            int taken = count < available ? count : available;
            if (taken > 0)
            {
                Array.Copy(pending, pendingStart, buffer, offset, taken);
                pendingStart += taken;
            }

            return taken;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            WrittenBytes += count;
            return true;
        }

        public void WaitForInput(int milliseconds)
        {
        }
    }
}
