using System.Collections;
using System.Text;
using nanoFramework.Json;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The board's JSON seam: nanoFramework.Json parses the document into a Hashtable, and each
    /// top-level member is handed to the core's <see cref="ConfigDocumentBuilder"/>, which decides
    /// what it means — the same builder the host twin (System.Text.Json) feeds, so both accept and
    /// reject the same documents (firmware/test-vectors/). Runs at command time only; allocates.
    /// </summary>
    public sealed class NanoJsonConfigReader : IConfigDocumentReader
    {
        private const int ArrayItemsMax = 64;

        private readonly long[] items = new long[ArrayItemsMax];

        public void Read(byte[] bytes, int start, int length, ConfigDocumentBuilder builder)
        {
            Hashtable document;
            try
            {
                string text = Encoding.UTF8.GetString(bytes, start, length);
                document = JsonConvert.DeserializeObject(text, typeof(Hashtable)) as Hashtable;
            }
            catch (System.Exception e)
            {
                builder.SyntaxError("not well-formed JSON: " + e.Message);
                return;
            }

            if (document == null)
            {
                builder.SyntaxError("expected a JSON object ({...}) at byte 0");
                return;
            }

            foreach (object key in document.Keys)
            {
                string name = key as string;
                if (name == null)
                {
                    builder.SyntaxError("a member name is not a string");
                    continue;
                }

                ReadMember(name, document[key], builder);
            }
        }

        private void ReadMember(string name, object value, ConfigDocumentBuilder builder)
        {
            long whole;
            if (TryWhole(value, out whole))
            {
                builder.SetInteger(name, whole);
            }
            else if (value is string)
            {
                builder.SetString(name, (string)value);
            }
            else if (value is ArrayList)
            {
                ReadArray(name, (ArrayList)value, builder);
            }
            else
            {
                builder.WrongType(name, Describe(value));
            }
        }

        private void ReadArray(string name, ArrayList list, ConfigDocumentBuilder builder)
        {
            int count = list.Count;
            for (int i = 0; i < count; i++)
            {
                long whole;
                if (!TryWhole(list[i], out whole))
                {
                    builder.WrongType(name, "an array holding " + Describe(list[i]));
                    return;
                }

                if (i < ArrayItemsMax)
                {
                    items[i] = whole;
                }
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
