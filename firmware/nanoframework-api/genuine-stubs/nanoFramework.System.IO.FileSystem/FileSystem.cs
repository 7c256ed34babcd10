// Declaration stub of nanoFramework.System.IO.FileSystem 1.1.93 for the genuine compile only (the
// gate takes these types from .NET): what firmware uses, each member in
// nanoframework-api/nanoFramework.System.IO.FileSystem.txt.
namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public static class File
    {
        public static bool Exists(string path) { throw null; }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) { throw null; }

        public override long Length { get { throw null; } }

        public override void Flush() { throw null; }

        public override int Read(byte[] buffer, int offset, int count) { throw null; }

        public override void Write(byte[] buffer, int offset, int count) { throw null; }

        protected override void Dispose(bool disposing) { throw null; }
    }
}
