namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>How the value of a key=value field is written.</summary>
    public enum FieldType
    {
        /// <summary>A decimal number within 32 bits.</summary>
        Int = 0,

        /// <summary>A decimal number within 64 bits.</summary>
        Long = 1,

        /// <summary>A token without spaces.</summary>
        String = 2,

        /// <summary>A wire name from one of the dictionary's name tables.</summary>
        Enum = 3,

        /// <summary>Free text to the end of the line (always the last field).</summary>
        Text = 4,
    }
}
