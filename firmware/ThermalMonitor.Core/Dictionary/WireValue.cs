namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>One value of an enumeration as it travels: its number, its wire name and what it means.</summary>
    public sealed class WireValue
    {
        public WireValue(int value, string name, string meaning)
        {
            Value = value;
            Name = name;
            Meaning = meaning;
        }

        /// <summary>The enum's number (also the index in its <see cref="WireValueTable"/>).</summary>
        public int Value { get; }

        /// <summary>The wire name: part of the protocol contract.</summary>
        public string Name { get; }

        public string Meaning { get; }
    }
}
