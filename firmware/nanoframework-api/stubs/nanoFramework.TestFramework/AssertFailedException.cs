// Host implementation of nanoFramework.TestFramework 3.0.77; see Attributes.cs.
using System;

namespace TestFrameworkShared
{
    /// <summary>What a failing <c>nanoFramework.TestFramework.Assert</c> method throws.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException()
        {
        }

        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }
    }
}
