namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// What a JSON value is, as <see cref="ConfigJsonChecker"/> sees it from its text: enough for
    /// <see cref="ConfigDocumentBuilder"/> to name a wrong type the same way on every board.
    /// </summary>
    public enum JsonShape
    {
        /// <summary>No value (e.g. "no odd item" for an array of whole numbers).</summary>
        None = 0,

        /// <summary>A number without fraction or exponent, of any length ("-0", "12", 400 digits).</summary>
        Integer = 1,

        /// <summary>A number with a fraction or an exponent ("100.0", "1e2").</summary>
        Fraction = 2,

        String = 3,

        /// <summary>true or false.</summary>
        Boolean = 4,

        Null = 5,

        Object = 6,

        Array = 7,
    }
}
