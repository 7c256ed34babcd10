// Host implementation of nanoFramework.TestFramework 3.0.77 (the API in
// ../../nanoFramework.TestFramework.txt): the attributes a test class declares. Compiled into the
// device-test bridge (firmware/ThermalMonitor.Device.Tests.Bridge) and, by the compatibility gate,
// as the declaration stub of the package. Every public symbol here has its ID in that list.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose methods the unit test launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test method: public, returns void, no parameters unless it has <see cref="DataRowAttribute"/>s.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once, before the class's test methods; <c>Assert.SkipTest</c> here skips the whole class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once, after the class's test methods and data rows.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One invocation of a parameterised test method with these arguments (their types must match the parameters).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters can not be empty");
            }

            MethodParameters = methodParameters;
        }

        /// <summary>The arguments passed to the test method.</summary>
        public object[] MethodParameters { get; }
    }
}
