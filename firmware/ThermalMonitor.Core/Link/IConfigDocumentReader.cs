namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The JSON seam: the ESP32 app implements it with nanoFramework.Json, the host twin with
    /// System.Text.Json. An implementation only checks JSON syntax and walks the top-level object;
    /// every rule about what the members mean lives in <see cref="ConfigDocumentBuilder"/>, so both
    /// accept and reject the same documents (shared vectors: firmware/test-vectors/).
    /// Runs at command time, never in the sampling path; it may allocate.
    /// </summary>
    public interface IConfigDocumentReader
    {
        /// <summary>
        /// Reads the document in <paramref name="bytes"/>[<paramref name="start"/>, +<paramref name="length"/>)
        /// and reports each top-level member to <paramref name="builder"/> (or a syntax error).
        /// Must not throw.
        /// </summary>
        void Read(byte[] bytes, int start, int length, ConfigDocumentBuilder builder);
    }
}
