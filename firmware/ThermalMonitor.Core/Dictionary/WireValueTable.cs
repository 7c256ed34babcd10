namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>
    /// The wire names of one enumeration whose values run 0, 1, 2, …: entry i is value i, so a name
    /// is an array index away (no search, no allocation). ThermalMonitor.Core.Tests holds every
    /// table to its enum.
    /// </summary>
    public sealed class WireValueTable
    {
        private readonly WireValue[] entries;

        public WireValueTable(WireValue[] entries)
        {
            this.entries = entries;
        }

        public int Count => entries.Length;

        public WireValue At(int index) => entries[index];

        public string NameOf(int value) => entries[value].Name;

        /// <summary>The name of <paramref name="value"/>, or <paramref name="fallback"/> outside the table (numbers from the wire).</summary>
        public string NameOrDefault(int value, string fallback) => value >= 0 && value < entries.Length ? entries[value].Name : fallback;
    }
}
