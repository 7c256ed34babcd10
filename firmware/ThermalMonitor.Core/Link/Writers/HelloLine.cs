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
            writer.Field(WireField.Protocol, LinkDictionary.ProtocolVersion);
            writer.Field(WireField.Firmware, link.Board.FirmwareVersion);
            writer.Field(WireField.Board, link.Board.BoardName);
            writer.Field(WireField.Session, link.Session);
            writer.Field(WireField.Mode, LinkDictionary.ModeName(link.Mode));
            writer.Field(WireField.Reset, LinkDictionary.ResetCauseName(link.Board.ResetCause));
            writer.Field(WireField.LineMaxBytes, LineTransport.LineBytesMax);
            writer.Field(WireField.RxBufferBytes, transport.Port.ReceiveBufferBytes);
            writer.Field(WireField.LinesPerService, BoardLink.LinesPerServiceMax);
            writer.Field(WireField.Burst, link.Monitor.Derived.BurstLength);
            writer.Field(WireField.PeriodMs, link.Monitor.Derived.SamplePeriodMs);
            transport.Send();
        }
    }
}
