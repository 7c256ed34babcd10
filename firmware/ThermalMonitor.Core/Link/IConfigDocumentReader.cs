namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The JSON seam: the ESP32 app implements it with nanoFramework.Json, the host twin with
    /// System.Text.Json. A reader only ever sees a document <see cref="ConfigJsonChecker"/> has
    /// already passed — syntax, nesting, escapes and repeated names are judged there, once, for
    /// every board — and reports each member of the document object to the builder in document
    /// order (the checker's order: <see cref="ConfigJsonChecker.MemberCount"/>), a repeated name as
    /// <see cref="ConfigDocumentBuilder.Repeated"/>. Every rule about what the members mean lives in
    /// <see cref="ConfigDocumentBuilder"/>, so both accept and reject the same documents with the
    /// same first field (shared vectors: firmware/test-vectors/).
    /// Runs at command time, never in the sampling path; it may allocate.
    /// </summary>
    public interface IConfigDocumentReader
    {
        /// <summary>
        /// Reads the document <paramref name="checkedDocument"/> passed (its
        /// <see cref="ConfigJsonChecker.Bytes"/> from <see cref="ConfigJsonChecker.Start"/>, for
        /// <see cref="ConfigJsonChecker.Length"/> bytes) and reports each member to
        /// <paramref name="builder"/>. Must not throw.
        /// </summary>
        void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder);
    }
}
