// Declaration stub of nanoFramework.System.Text 1.3.42 for the genuine compile only (the gate
// takes these types from .NET): what firmware uses, each member in
// nanoframework-api/nanoFramework.System.Text.txt.
namespace System.Text
{
    public abstract class Encoding
    {
        protected Encoding() { }

        public static Encoding UTF8 { get { throw null; } }

        public virtual string GetString(byte[] bytes, int index, int count) { throw null; }
    }
}
