using System.Collections;
using System.Text;
using nanoFramework.Json;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The board's JSON seam. The core's <see cref="ConfigJsonChecker"/> has judged the document's
    /// syntax before this reader runs (nanoFramework.Json 2.2.x accepts trailing commas, single
    /// quotes, missing commas, leading zeros and '+', throws on repeated names, on arrays inside
    /// arrays and on integers from 2^63, mis-decodes \u escapes and keeps members in a Hashtable).
    /// So the library never sees the whole document: the members are walked in the checker's
    /// (document) order, every shape the library cannot be trusted with — objects, arrays,
    /// integers beyond 32 bits, fractions, literals, repeated names, and the unescaping of names
    /// and strings — is taken from the checker, and nanoFramework.Json parses only a member holding
    /// a 32-bit whole number, as the one-member object <c>{"name":value}</c>. Each member is handed to the core's
    /// <see cref="ConfigDocumentBuilder"/>, the same builder the host twin (System.Text.Json) feeds,
    /// so both accept and reject the same documents with the same first field
    /// (firmware/test-vectors/). Runs at command time only; allocates.
    /// </summary>
    public sealed class NanoJsonConfigReader : IConfigDocumentReader
    {
        private const int ArrayItemsMax = 64;

        private readonly long[] items = new long[ArrayItemsMax];

        public void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder)
        {
            for (int i = 0; i < checkedDocument.MemberCount; i++)
            {
                string name = checkedDocument.Name(i);
                if (checkedDocument.IsRepeat(i))
                {
                    builder.Repeated(name);
                    continue;
                }

                JsonShape shape = checkedDocument.Shape(i);
                if (shape == JsonShape.Array)
                {
                    ReadArray(checkedDocument, i, name, builder);
                }
                else if (shape == JsonShape.Integer)
                {
                    long whole = checkedDocument.IntegerValue(i);
                    if (whole < int.MinValue || whole > int.MaxValue)
                    {
                        builder.SetInteger(name, whole); // refused by the builder; the library would throw from 2^63
                    }
                    else
                    {
                        ReadWithLibrary(checkedDocument, i, name, builder);
                    }
                }
                else if (shape == JsonShape.String)
                {
                    builder.SetString(name, checkedDocument.StringValue(i));
                }
                else
                {
                    builder.WrongType(name, ConfigDocumentBuilder.Describe(shape));
                }
            }
        }

        /// <summary>Parses member <paramref name="index"/> (a 32-bit whole number) alone, as <c>{"name":value}</c>, with nanoFramework.Json.</summary>
        private static void ReadWithLibrary(ConfigJsonChecker checkedDocument, int index, string name, ConfigDocumentBuilder builder)
        {
            object value;
            try
            {
                int start = checkedDocument.NameStart(index);
                string member = Encoding.UTF8.GetString(checkedDocument.Bytes, start, checkedDocument.ValueEnd(index) - start);
                Hashtable document = JsonConvert.DeserializeObject("{" + member + "}", typeof(Hashtable)) as Hashtable;
                if (document == null || document.Count != 1)
                {
                    builder.SyntaxError("nanoFramework.Json did not read member " + index.ToString());
                    return;
                }

                value = null;
                foreach (object item in document.Values)
                {
                    value = item;
                }
            }
            catch (System.Exception e)
            {
                builder.SyntaxError("nanoFramework.Json failed on member " + index.ToString() + ": " + e.Message);
                return;
            }

            long whole;
            if (TryWhole(value, out whole))
            {
                builder.SetInteger(name, whole);
            }
            else
            {
                builder.SyntaxError("nanoFramework.Json read member " + index.ToString() + " as " + Describe(value) + ", not a whole number");
            }
        }

        /// <summary>An array is never given to the library (it throws on an array inside an array): the checker reads its items.</summary>
        private void ReadArray(ConfigJsonChecker checkedDocument, int index, string name, ConfigDocumentBuilder builder)
        {
            JsonShape oddItem;
            int count = checkedDocument.ArrayItems(index, items, out oddItem);
            if (oddItem != JsonShape.None)
            {
                builder.WrongType(name, "an array holding " + ConfigDocumentBuilder.Describe(oddItem));
                return;
            }

            builder.SetIntegerArray(name, items, count);
        }

        /// <summary>JSON integers arrive as one of the integral types; a fraction or exponent as double/float.</summary>
        private static bool TryWhole(object value, out long whole)
        {
            whole = 0;
            if (value is long)
            {
                whole = (long)value;
                return true;
            }

            if (value is int)
            {
                whole = (int)value;
                return true;
            }

            if (value is short)
            {
                whole = (short)value;
                return true;
            }

            if (value is byte)
            {
                whole = (byte)value;
                return true;
            }

            return false;
        }

        private static string Describe(object value)
        {
            if (value == null)
            {
                return "null";
            }

            if (value is bool)
            {
                return "a boolean";
            }

            if (value is Hashtable)
            {
                return "an object";
            }

            if (value is ArrayList)
            {
                return "an array";
            }

            if (value is string)
            {
                return "a string";
            }

            return "a number with a fraction or exponent";
        }
    }
}
