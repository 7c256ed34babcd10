namespace ThermalMonitor.Core.Link
{
    /// <summary>Why a received line was refused. Every refusal changes nothing on the board (PROTOCOL.md, errors).</summary>
    public enum LinkError
    {
        None = 0,

        /// <summary>No "*XXXX" integrity check at the end of the line.</summary>
        NoChecksum = 1,

        /// <summary>The check does not match the line (or is not four hex digits): corrupted in transit.</summary>
        BadChecksum = 2,

        /// <summary>Longer than <see cref="LineTransport.LineBytesMax"/>; the whole line was discarded.</summary>
        Overlong = 3,

        /// <summary>Bytes outside printable ASCII.</summary>
        NotAscii = 4,

        /// <summary>The first token is not a sequence number.</summary>
        BadSequence = 5,

        UnknownCommand = 6,

        MissingArgument = 7,

        /// <summary>An argument that cannot be read as what was expected (number, hex reads, keyword).</summary>
        BadArgument = 8,

        OutOfRange = 9,

        /// <summary>The configuration document is not well-formed JSON of the expected shape.</summary>
        BadJson = 10,

        /// <summary>Well-formed, but the configuration it describes is invalid (field, range, relation).</summary>
        ConfigInvalid = 11,

        /// <summary>No alarm with that sequence number.</summary>
        NotFound = 12,

        /// <summary>The command needs the other mode (e.g. INJ outside replay mode).</summary>
        WrongMode = 13,

        /// <summary>Bytes were lost because the receive buffer was full; the line they belonged to is discarded.</summary>
        RxOverflow = 14,

        /// <summary>Extra arguments after a complete command.</summary>
        TooManyArguments = 15,

        /// <summary>CFG SAVE could not write the settings (no storage on this board, or the write failed); nothing changed.</summary>
        StorageFailed = 16,
    }
}
