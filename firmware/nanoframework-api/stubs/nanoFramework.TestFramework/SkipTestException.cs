// Host implementation of nanoFramework.TestFramework 3.0.77; see Attributes.cs.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Thrown by <see cref="Assert.SkipTest"/>. The launcher reports a method that throws exactly
    /// this type as skipped (a skipped <c>[Setup]</c> skips the rest of its class).
    /// </summary>
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
