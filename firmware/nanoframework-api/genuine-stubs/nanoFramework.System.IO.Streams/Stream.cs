// Declaration stub of nanoFramework.System.IO.Streams 1.1.96 for the genuine compile only (the
// gate takes these types from .NET): what firmware uses, each member in
// nanoframework-api/nanoFramework.System.IO.Streams.txt.
namespace System.IO
{
    public abstract class Stream : IDisposable
    {
        public abstract long Length { get; }

        public void Dispose() { throw null; }

        public abstract void Flush();

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        protected virtual void Dispose(bool disposing) { throw null; }
    }
}
