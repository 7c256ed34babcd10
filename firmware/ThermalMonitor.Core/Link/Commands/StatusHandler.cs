namespace ThermalMonitor.Core.Link
{
    /// <summary>STATUS: loop timing, memory and every counter (the reply is the STATUS line itself).</summary>
    internal sealed class StatusHandler : ICommandHandler
    {
        public void Execute(BoardLink link, int reference)
        {
            if (link.Replies.NoMoreArguments(reference))
            {
                StatusLine.Write(link, reference);
            }
        }
    }
}
