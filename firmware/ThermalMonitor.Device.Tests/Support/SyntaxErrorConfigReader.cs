using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// Test double for the JSON seam: reports every document as malformed. The real reader
    /// (nanoFramework.Json) belongs to the device application; these tests only need a reader that
    /// is called and whose verdict the link turns into the right reply.
    /// </summary>
    internal sealed class SyntaxErrorConfigReader : IConfigDocumentReader
    {
        public int Calls { get; private set; }

        public void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder)
        {
            Calls++;
            builder.SyntaxError("not used");
        }
    }
}
