using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The meaning of a configuration document (PROTOCOL.md, configuration): a JSON object whose
    /// members are parameter names from <see cref="ParameterTable"/> with whole-number values, plus
    /// the optional "schema" string and the paired calibration arrays "adcCalCounts" and
    /// "adcCalMicrovolts" (2..8 knots; they also set adcCalKnotCount). Members not given keep their
    /// current value. Unknown names, wrong types and repeated names are errors. The staged
    /// configuration is only a candidate: the monitor validates and applies it whole or not at all.
    /// </summary>
    public sealed class ConfigDocumentBuilder
    {
        public const string JsonField = "json";
        public const string SchemaMember = "schema";
        public const string AdcCalCountsMember = "adcCalCounts";
        public const string AdcCalMicrovoltsMember = "adcCalMicrovolts";

        private readonly bool[] seen = new bool[ParameterTable.Count];
        private readonly int[] stagedCounts = new int[AdcCalibration.KnotCountMax];
        private readonly int[] stagedMicrovolts = new int[AdcCalibration.KnotCountMax];
        private MonitorConfig target = new MonitorConfig();
        private ConfigErrors errors = new ConfigErrors();
        private bool seenSchema;
        private int countsLength;
        private int microvoltsLength;
        private int errorsAtBegin;

        /// <summary>True once a reader reported malformed JSON (the reply is BAD_JSON rather than CONFIG_INVALID).</summary>
        public bool HasSyntaxError { get; private set; }

        /// <summary>Starts a document over <paramref name="candidate"/>, which holds the configuration in force.</summary>
        public void Begin(MonitorConfig candidate, ConfigErrors errorSink)
        {
            target = candidate;
            errors = errorSink;
            errorsAtBegin = errorSink.Count;
            for (int i = 0; i < seen.Length; i++)
            {
                seen[i] = false;
            }

            seenSchema = false;
            countsLength = -1;
            microvoltsLength = -1;
            HasSyntaxError = false;
        }

        /// <summary>Malformed JSON; <paramref name="message"/> says what and where (byte offset in the document).</summary>
        public void SyntaxError(string message)
        {
            HasSyntaxError = true;
            errors.Add(JsonField, message);
        }

        /// <summary>
        /// A member whose name an earlier member of the document already had (found by
        /// <see cref="ConfigJsonChecker.IsRepeat"/>, names compared after unescaping): refused
        /// whatever its value, known name or not.
        /// </summary>
        public void Repeated(string name)
        {
            errors.Add(name, "given twice");
        }

        /// <summary>
        /// A member whose value is a JSON number with no fraction or exponent; a reader passes a number
        /// beyond 64 bits saturated (<see cref="ConfigJsonChecker.IntegerValue"/>), which is refused
        /// as beyond 32 bits all the same.
        /// </summary>
        public void SetInteger(string name, long value)
        {
            if (name == AdcCalCountsMember || name == AdcCalMicrovoltsMember)
            {
                errors.Add(name, "must be an array of whole numbers");
                return;
            }

            if (name == SchemaMember)
            {
                errors.Add(name, "must be the string \"" + LinkDictionary.ConfigSchema + "\"");
                return;
            }

            int index = ParameterTable.IndexOf(name);
            if (index < 0)
            {
                errors.Add(name, "unknown parameter");
                return;
            }

            if (!MarkSeen(index, name))
            {
                return;
            }

            if (value < int.MinValue || value > int.MaxValue)
            {
                ParameterInfo info = ParameterTable.At(index);
                errors.Add(name, "must be " + info.Min.ToString() + ".." + info.Max.ToString() + " " + info.Unit + ", got a number beyond 32 bits");
                return;
            }

            target.Set(ParameterTable.At(index).Id, (int)value);
        }

        /// <summary>A member whose value is a string.</summary>
        public void SetString(string name, string value)
        {
            if (name != SchemaMember)
            {
                WrongType(name, "a string");
                return;
            }

            if (seenSchema)
            {
                errors.Add(name, "given twice");
                return;
            }

            seenSchema = true;
            if (value != LinkDictionary.ConfigSchema)
            {
                errors.Add(name, "must be \"" + LinkDictionary.ConfigSchema + "\", got \"" + value + "\"");
            }
        }

        /// <summary>
        /// A member whose value is an array of whole numbers (<paramref name="count"/> items of
        /// <paramref name="items"/>); a reader that finds any other item calls <see cref="WrongType"/>.
        /// </summary>
        public void SetIntegerArray(string name, long[] items, int count)
        {
            bool isCounts = name == AdcCalCountsMember;
            if (!isCounts && name != AdcCalMicrovoltsMember)
            {
                WrongType(name, "an array");
                return;
            }

            if ((isCounts && countsLength >= 0) || (!isCounts && microvoltsLength >= 0))
            {
                errors.Add(name, "given twice");
                return;
            }

            if (count < AdcCalibration.KnotCountMin || count > AdcCalibration.KnotCountMax)
            {
                errors.Add(name, "must have " + AdcCalibration.KnotCountMin.ToString() + ".." + AdcCalibration.KnotCountMax.ToString() + " knots, got " + count.ToString());
                MarkArray(isCounts, 0);
                return;
            }

            int[] staged = isCounts ? stagedCounts : stagedMicrovolts;
            for (int i = 0; i < count; i++)
            {
                if (items[i] < int.MinValue || items[i] > int.MaxValue)
                {
                    errors.Add(name, "item " + i.ToString() + " is beyond 32 bits");
                    MarkArray(isCounts, 0);
                    return;
                }

                staged[i] = (int)items[i];
            }

            MarkArray(isCounts, count);
        }

        /// <summary>A member whose value has the wrong JSON type (<paramref name="found"/>: "a string", "a fraction", "an object", ...).</summary>
        public void WrongType(string name, string found)
        {
            if (name == SchemaMember)
            {
                errors.Add(name, "must be the string \"" + LinkDictionary.ConfigSchema + "\", got " + found);
                return;
            }

            bool isArrayMember = name == AdcCalCountsMember || name == AdcCalMicrovoltsMember;
            if (!isArrayMember && ParameterTable.IndexOf(name) < 0)
            {
                errors.Add(name, "unknown parameter");
                return;
            }

            errors.Add(name, (isArrayMember ? "must be an array of whole numbers, got " : "must be a whole number, got ") + found);
        }

        /// <summary>How a wrong type is named in an error ("a string", "an object", ...), the same words on every board.</summary>
        public static string Describe(JsonShape shape)
        {
            switch (shape)
            {
                case JsonShape.Integer:
                    return "a whole number";
                case JsonShape.Fraction:
                    return "a number with a fraction or exponent";
                case JsonShape.String:
                    return "a string";
                case JsonShape.Boolean:
                    return "a boolean";
                case JsonShape.Null:
                    return "null";
                case JsonShape.Object:
                    return "an object";
                case JsonShape.Array:
                    return "an array";
                default:
                    return "nothing";
            }
        }

        /// <summary>Finishes the document: pairs the calibration arrays. True when no member had a problem.</summary>
        public bool End()
        {
            if (countsLength >= 0 || microvoltsLength >= 0)
            {
                FinishCalibration();
            }

            return errors.Count == errorsAtBegin;
        }

        private void FinishCalibration()
        {
            if (countsLength < 0 || microvoltsLength < 0)
            {
                errors.Add(countsLength < 0 ? AdcCalCountsMember : AdcCalMicrovoltsMember, "must be given together with " + (countsLength < 0 ? AdcCalMicrovoltsMember : AdcCalCountsMember));
                return;
            }

            if (countsLength == 0 || microvoltsLength == 0)
            {
                return; // already reported
            }

            if (countsLength != microvoltsLength)
            {
                errors.Add(AdcCalMicrovoltsMember, "must have as many knots as adcCalCounts (" + countsLength.ToString() + "), got " + microvoltsLength.ToString());
                return;
            }

            string knotName = ParameterTable.Info(ParamId.AdcCalKnotCount).Name;
            if (seen[(int)ParamId.AdcCalKnotCount] && target.Get(ParamId.AdcCalKnotCount) != countsLength)
            {
                errors.Add(knotName, "must equal the number of calibration knots given (" + countsLength.ToString() + "), got " + target.Get(ParamId.AdcCalKnotCount).ToString());
                return;
            }

            for (int i = 0; i < AdcCalibration.KnotCountMax; i++)
            {
                target.AdcCalCounts[i] = i < countsLength ? stagedCounts[i] : 0;
                target.AdcCalMicrovolts[i] = i < countsLength ? stagedMicrovolts[i] : 0;
            }

            target.Set(ParamId.AdcCalKnotCount, countsLength);
        }

        private bool MarkSeen(int index, string name)
        {
            if (seen[index])
            {
                errors.Add(name, "given twice");
                return false;
            }

            seen[index] = true;
            return true;
        }

        private void MarkArray(bool isCounts, int length)
        {
            if (isCounts)
            {
                countsLength = length;
            }
            else
            {
                microvoltsLength = length;
            }
        }
    }
}
