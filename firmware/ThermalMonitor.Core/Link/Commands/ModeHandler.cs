namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// MODE LIVE|REPLAY: a new session. REPLAY on a LIVE board borrows its settings; LIVE gives them
    /// back (PROTOCOL.md §10).
    /// </summary>
    internal sealed class ModeHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            if (!cursor.Next())
            {
                replies.MissingArgument(reference, "LIVE|REPLAY");
                return;
            }

            LinkMode requested;
            if (cursor.TokenIs(LinkDictionary.ModeName(LinkMode.Live)))
            {
                requested = LinkMode.Live;
            }
            else if (cursor.TokenIs(LinkDictionary.ModeName(LinkMode.Replay)))
            {
                requested = LinkMode.Replay;
            }
            else
            {
                replies.BadArgument(reference, "LIVE|REPLAY");
                return;
            }

            if (!replies.NoMoreArguments(reference))
            {
                return;
            }

            link.SwitchMode(requested);
            replies.BeginOk(reference);
            link.Transport.Writer.Field(WireField.Mode, LinkDictionary.ModeName(link.Mode));
            link.Transport.Writer.Field(WireField.Session, link.Session);
            link.Transport.Send();
        }
    }
}
