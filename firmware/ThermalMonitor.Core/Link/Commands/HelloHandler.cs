namespace ThermalMonitor.Core.Link
{
    /// <summary>HELLO: the board introduces itself again and re-sends its unacknowledged alarms (a host that reconnects catches up).</summary>
    internal sealed class HelloHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            if (link.Replies.NoMoreArguments(reference))
            {
                link.WriteHello(reference);
                link.Alarms.ResendAll(link.Session, false);
            }
        }
    }
}
