namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// HELLO (PROTOCOL.md §4): who the board is and the limits a host must respect — the longest
    /// line it takes, the receive buffer its driver really has (the host keeps no more bytes than
    /// that unanswered), the lines it carries out per service point, and its sampling.
    /// </summary>
    public static class HelloLine
    {
        public static void Write(BoardLink link, int reference)
        {
            LineTransport transport = link.Transport;
            transport.BeginLine(LinkDictionary.Hello);
            LineWriter writer = transport.Writer;
            Replies.WriteReference(writer, reference);
            writer.Field("proto", LinkDictionary.ProtocolVersion);
            writer.Field("fw", link.Board.FirmwareVersion);
            writer.Field("board", link.Board.BoardName);
            writer.Field("session", link.Session);
            writer.Field("mode", LinkDictionary.ModeName(link.Mode));
            writer.Field("reset", LinkDictionary.ResetCauseName(link.Board.ResetCause));
            writer.Field("line_max", LineTransport.LineBytesMax);
            writer.Field("rx_buffer", transport.Port.ReceiveBufferBytes);
            writer.Field("lines_per_service", BoardLink.LinesPerServiceMax);
            writer.Field("burst", link.Monitor.Derived.BurstLength);
            writer.Field("period_ms", link.Monitor.Derived.SamplePeriodMs);
            transport.Send();
        }
    }
}
