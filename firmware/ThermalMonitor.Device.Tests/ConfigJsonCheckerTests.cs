using nanoFramework.TestFramework;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// The core's JSON syntax checker on the interpreter, on the documents where nanoFramework.Json
    /// on its own answers differently from the host (firmware/test-vectors/config-documents.json
    /// holds the full cases): what the checker refuses never reaches the library, and what it
    /// passes it describes member by member in document order.
    /// </summary>
    [TestClass]
    public class ConfigJsonCheckerTests
    {
        private static ConfigJsonChecker checker;
        private static ConfigDocumentBuilder builder;
        private static ConfigErrors errors;

        [Setup]
        public void CreateChecker()
        {
            checker = new ConfigJsonChecker();
            builder = new ConfigDocumentBuilder();
            errors = new ConfigErrors();
        }

        [Cleanup]
        public void DropChecker()
        {
            checker = null;
            builder = null;
            errors = null;
        }

        [TestMethod]
        [DataRow("{\"samplePeriodMs\":100,}", "json: a trailing comma before the closing '}' (at byte 22)")]
        [DataRow("{\"a\":[1,2,]}", "json: a trailing comma before the closing ']' (at byte 10)")]
        [DataRow("{'samplePeriodMs':100}", "json: a member name in single quotes (JSON needs double quotes) (at byte 1)")]
        [DataRow("{\"a\":1 \"b\":2}", "json: expected ',' or '}' after a member's value (at byte 7)")]
        [DataRow("{\"a\":0100}", "json: a number with a leading zero (at byte 5)")]
        [DataRow("{\"a\":+1}", "json: a number with a '+' sign (at byte 5)")]
        [DataRow("{\"a\":True}", "json: expected a value (true, false and null are lower case) (at byte 5)")]
        [DataRow("{\"samplePeriod\\u004ds\":1}", "json: a \\u escape: no board decodes them, write the character itself (at byte 14)")]
        [DataRow("{\"a\":[[[[[[[[1]]]]]]]]}", "json: nested deeper than 8 levels (the document object is level 1) (at byte 12)")]
        [DataRow("{\"a\":1}x", "json: unexpected content after the closing '}' (at byte 7)")]
        public void Documents_nanoFramework_Json_would_accept_are_refused_with_the_first_problem(string document, string expected)
        {
            errors.Clear();
            builder.Begin(new MonitorConfig(), errors);
            byte[] bytes = LinkLines.Ascii(document);
            Assert.IsFalse(checker.Check(bytes, 0, bytes.Length, builder), "refused");
            Assert.IsTrue(builder.HasSyntaxError, "a syntax error (BAD_JSON)");
            Assert.AreEqual(1, errors.Count, "one problem");
            Assert.AreEqual(expected, errors[0].ToString());
        }

        [TestMethod]
        public void Documents_the_library_throws_on_pass_with_their_shapes_in_document_order()
        {
            errors.Clear();
            builder.Begin(new MonitorConfig(), errors);
            byte[] bytes = LinkLines.Ascii("{\"zzz\":9223372036854775808,\"adcCalCounts\":[[1],2],\"aaa\":{\"b\":1,\"b\":2},\"zzz\":0,\"x\\/y\":-5}");
            Assert.IsTrue(checker.Check(bytes, 0, bytes.Length, builder), "well-formed");
            Assert.AreEqual(0, errors.Count);
            Assert.AreEqual(5, checker.MemberCount);
            Assert.AreEqual("zzz", checker.Name(0));
            Assert.AreEqual("adcCalCounts", checker.Name(1));
            Assert.AreEqual("aaa", checker.Name(2));
            Assert.AreEqual("x/y", checker.Name(4));
            Assert.IsTrue(checker.Shape(0) == JsonShape.Integer, "2^63 is a whole number");
            Assert.IsTrue(checker.IntegerValue(0) == long.MaxValue, "saturated");
            Assert.IsTrue(checker.Shape(2) == JsonShape.Object, "object");
            Assert.IsFalse(checker.IsRepeat(2), "first aaa");
            Assert.IsTrue(checker.IsRepeat(3), "second zzz");
            Assert.IsTrue(checker.IntegerValue(4) == -5, "-5");

            long[] items = new long[8];
            JsonShape odd;
            Assert.AreEqual(2, checker.ArrayItems(1, items, out odd));
            Assert.IsTrue(odd == JsonShape.Array, "an array inside the array");
            Assert.IsTrue(items[1] == 2, "second item");
        }
    }
}
