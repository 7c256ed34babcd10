namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// One host command (PROTOCOL.md §6). The cursor stands on the command's name; the handler
    /// reads its arguments, checks all of them before changing anything, and writes exactly one
    /// reply. Events its action causes are sent by the link afterwards.
    /// </summary>
    internal interface ICommandHandler
    {
        void Execute(BoardLink link, int reference);
    }
}
