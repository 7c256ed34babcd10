namespace ThermalMonitor.Core.Link
{
    /// <summary>RESET DETECTOR: the detector relearns from the next sample; alarms and configuration stay.</summary>
    internal sealed class ResetHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            if (!cursor.Next())
            {
                replies.MissingArgument(reference, LinkDictionary.Detector);
                return;
            }

            if (!cursor.TokenIs(LinkDictionary.Detector))
            {
                replies.BadArgument(reference, LinkDictionary.Detector);
                return;
            }

            if (!replies.NoMoreArguments(reference))
            {
                return;
            }

            link.Monitor.ResetDetector(link.LinkTimeMs);
            replies.Ok(reference);
        }
    }
}
