namespace ThermalMonitor.Core.Link
{
    /// <summary>ALARMS: every journal entry again, oldest first, acknowledged or not; then OK listed=n.</summary>
    internal sealed class AlarmsHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            if (link.Replies.NoMoreArguments(reference))
            {
                int listed = link.Alarms.ResendAll(link.Session, true);
                link.Replies.BeginOk(reference);
                link.Transport.Writer.Field(WireField.Listed, listed);
                link.Transport.Send();
            }
        }
    }
}
