// Declaration stub of nanoFramework.System.Collections 1.5.75 for the genuine compile only (the
// gate takes these types from .NET): what firmware uses, each member in
// nanoframework-api/nanoFramework.System.Collections.txt.
namespace System.Collections
{
    public class Hashtable : ICollection
    {
        public Hashtable() { throw null; }

        public int Count { get { throw null; } }

        public bool IsSynchronized { get { throw null; } }

        public object SyncRoot { get { throw null; } }

        public object this[object key] { get { throw null; } set { throw null; } }

        public ICollection Keys { get { throw null; } }

        public ICollection Values { get { throw null; } }

        public void CopyTo(Array array, int arrayIndex) { throw null; }

        public IEnumerator GetEnumerator() { throw null; }
    }
}
