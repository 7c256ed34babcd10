// Declaration stub of nanoFramework.Runtime.Native 1.7.11 for the compatibility gate.
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
    }
}
