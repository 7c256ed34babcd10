namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>One key=value field of a board message.</summary>
    public sealed class FieldDefinition
    {
        public FieldDefinition(string key, FieldType type, string unit, string enumTable, bool mayBeNone, bool optional, string meaning)
        {
            Key = key;
            Type = type;
            Unit = unit;
            EnumTable = enumTable;
            MayBeNone = mayBeNone;
            Optional = optional;
            Meaning = meaning;
        }

        /// <summary>The key (a <see cref="Link.WireField"/> constant).</summary>
        public string Key { get; }

        public FieldType Type { get; }

        /// <summary>Unit of a number; empty for counts, flags and names.</summary>
        public string Unit { get; }

        /// <summary>For <see cref="FieldType.Enum"/>: which name table of the JSON dictionary holds its values.</summary>
        public string EnumTable { get; }

        /// <summary>The value may be "-" (none).</summary>
        public bool MayBeNone { get; }

        /// <summary>Only some lines of this type carry it (depends on the command or event).</summary>
        public bool Optional { get; }

        public string Meaning { get; }
    }
}
