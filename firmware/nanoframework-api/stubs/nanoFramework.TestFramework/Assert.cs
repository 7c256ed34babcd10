// Host implementation of nanoFramework.TestFramework 3.0.77; see Attributes.cs.
// Only part of the real Assert: every AreEqual/AreNotEqual overload (so that a call binds to the
// same overload on the host as on the device), the checks the device tests use, and SkipTest.
// Every method's last parameter is the optional message, as in the package.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Checks for test methods: a failing check throws <see cref="TestFrameworkShared.AssertFailedException"/>.</summary>
    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(char expected, char actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(DateTime expected, DateTime actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(double expected, double actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(short expected, short actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(object expected, object actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(sbyte expected, sbyte actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(float expected, float actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (!string.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(ushort expected, ushort actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(ulong expected, ulong actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(bool notExpected, bool actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(byte notExpected, byte actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(char notExpected, char actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(double notExpected, double actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(short notExpected, short actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(long notExpected, long actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(object notExpected, object actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(float notExpected, float actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(string notExpected, string actual, string message = "")
        {
            if (string.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(uint notExpected, uint actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "")
        {
            if (object.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", message);
            }
        }

        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        public static void AreSame(object expected, object actual, string message = "")
        {
            if (!object.ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", message);
            }
        }

        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            if (object.ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", message);
            }
        }

        public static void Contains(string expected, string other, string message = "")
        {
            if (expected == null || other == null || other.IndexOf(expected) < 0)
            {
                Fail("Assert.Contains", Show(other) + " does not contain " + Show(expected) + ". " + message);
            }
        }

        public static void DoesNotContains(string expected, string other, string message = "")
        {
            if (expected == null || other == null || other.IndexOf(expected) >= 0)
            {
                Fail("Assert.DoesNotContains", Show(other) + " should not contain " + Show(expected) + ". " + message);
            }
        }

        public static void StartsWith(string expected, string other, string message = "")
        {
            if (expected == null || other == null || !other.StartsWith(expected))
            {
                Fail("Assert.StartsWith", Show(other) + " does not start with " + Show(expected) + ". " + message);
            }
        }

        public static void EndsWith(string expected, string other, string message = "")
        {
            if (expected == null || other == null || !other.EndsWith(expected))
            {
                Fail("Assert.EndsWith", Show(other) + " does not end with " + Show(expected) + ". " + message);
            }
        }

        /// <summary>Passes when <paramref name="action"/> throws exactly <paramref name="exceptionType"/> (not a derived type).</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            if (action == null)
            {
                throw new ArgumentNullException("action");
            }

            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exceptionType)
                {
                    return;
                }

                Fail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exceptionType.Name + " was expected. " + message + " Exception Message: " + ex.Message);
            }

            Fail("Assert.ThrowsException", "No exception thrown. " + exceptionType.Name + " exception was expected. " + message);
        }

        /// <summary>Ends the calling test as skipped (from a [Setup]: the whole class).</summary>
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        private static void Fail(string assertion, string message)
        {
            throw new TestFrameworkShared.AssertFailedException(assertion + " failed. " + message);
        }

        private static string Show(object value) => value == null ? "(null)" : value.ToString();
    }
}
